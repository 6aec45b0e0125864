/**
 * The scheduler (issue 6): one idempotent `tick(ctx, now)` turns the book's records into tasks that know their
 * rule, their source record and a dedupe key, and counts only what this run changed.
 *
 * How a tick finds its work (set-based, so that a tick with nothing due stays fast):
 * - a source record is looked at when it changed since the previous tick (its `updated_at`, a wall-clock stamp,
 *   at or after the stored watermark), or on a rebuild — the first tick, a change of the rule settings or of the
 *   calendar overrides, or `rebuild: true`;
 * - for each such record the rule computes the tasks it wants; they are created (unless due more than
 *   `scheduleHorizonDays` before now), moved (due changed; never a task the user snoozed or rescheduled), or
 *   closed as done when the source is resolved (inquiry replied, quote answered or closed, message answered,
 *   complaint responded/resolved);
 * - a record dated after `now` (an inquiry received later) is left for a later tick;
 * - open tasks whose due instant has passed are marked overdue once (`details.overdueAt`); overdue complaint
 *   tasks (R15) are escalated (`details.escalated`).
 * Everything happens in one transaction: a tick that fails (an inquiry answered before it was received) writes
 * nothing.
 */
import { Temporal } from 'temporal-polyfill';
import { invalidState } from '../contract/errors';
import { taskTitles, type Language, type TaskTitleKey } from '../contract/messages';
import type { ScheduleRun } from '../contract/models';
import type { InquirySource } from '../contract/primitives';
import { randomBytes } from 'node:crypto';
import { fieldStampsSql } from '../db/change-stamps';
import type { Sqlite } from '../db/connection';
import {
  complaintDeadlines,
  expiryPlan,
  followUpDue,
  fxCutThrough,
  fxMove,
  fxReviewDue,
  greetingDue,
  nextHealthReview,
  recoveryStepDue,
  touchPointDue,
  touchPointTiers,
  touchTierOf,
  priorityEarnedAt,
  replyDeadline,
  type Buyer,
  type ComplaintGrade,
  type RuleSettings,
  type TouchPlan,
  type TouchTier,
} from '../domain/schedule/rules';
import { recoveryPlan, type RecoveryStep } from '../domain/scoring/churn';
import { occurrencesBetween, type FestivalOccurrence } from '../domain/schedule/festivals';
import { inquirySources } from '../domain/settings';
import { createBusinessCalendar, SHIPPED_CALENDAR_VERSION, type BusinessCalendar, type CalendarOverride } from '../domain/time';
import type { ServiceContext } from './context';
import { listSettings } from './settings';
import { applyTaskStates } from './task-states';
import type { DueNow } from './ticker';
import type { RecoveryAction } from '../domain/quotes/loss';

/** Where the scheduler keeps its watermark and fingerprint: a settings row that is not a user setting. */
export const SCHEDULER_STATE_KEY = 'scheduler.state';

const MS_PER_DAY = 86_400_000;

interface SchedulerState {
  fingerprint: string;
  watermark: string;
  /** When the next full pass of R13 is needed (a review slips more than the horizon into the past); null: never. */
  healthPassAt: string | null;
  /** The latest `now` a tick has run at: open tasks due before it are marked overdue already… */
  overdueMarkedTo: string;
  /** …except tasks moved since (snoozed, rescheduled) to a due instant before it: the earliest such instant. */
  overdueFrom: string | null;
  /** The festival occurrences (R5) the last greeting pass covered. */
  festivals: string;
  /** R7: the user's local date of the last FX pass over every FX-sensitive quote (a new day can bring a new rate). */
  fxDay: string;
  /** R6/R14: the stamp of the last full rescore the scheduler has seen (scores: tiers and churn warnings). */
  scoredAt: string;
}

export interface SchedulerSetup {
  settings: RuleSettings;
  language: Language;
  /** The user's zone: "today" for the 24-month activity window of R13 is their local date. */
  myTimeZone: string;
  calendar: BusinessCalendar;
  fingerprint: string;
  /** R7: the base currency FX-sensitive quotes are measured against. */
  baseCurrency: string;
}

/** Epoch ms of a stored instant (`YYYY-MM-DDTHH:MM:SSZ`, which Date.parse reads exactly; Temporal for anything else). */
function instantMs(text: string): number {
  const ms = text.length === 20 ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? Temporal.Instant.from(text).epochMilliseconds : ms;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, whole seconds (years 0000–9999, which is all a book holds). */
function formatMs(ms: number): string {
  return `${new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Title templates split once into text and parameter names (a rebuild renders 100k titles). */
const compiledTitles = new Map<string, string[]>();

/** Renders a task title in a language from its key and parameters. */
export function renderTaskTitle(language: Language, key: string, params: Record<string, string | number>): string {
  const id = `${language}\u0000${key}`;
  let parts = compiledTitles.get(id);
  if (parts === undefined) {
    const table = taskTitles[language] as Record<string, string>;
    // Odd indexes are parameter names: "a {{x}} b" → ["a ", "x", " b"].
    parts = (table[key] ?? key).split(/\{\{(\w+)\}\}/);
    compiledTitles.set(id, parts);
  }
  let title = '';
  for (let i = 0; i < parts.length; i++) title += i % 2 === 0 ? parts[i]! : String(params[parts[i]!] ?? '');
  return title;
}

/** The rule settings, the language, the calendar with the book's overrides, and their fingerprint. */
export async function loadSchedulerSetup(ctx: ServiceContext): Promise<SchedulerSetup> {
  const values = new Map((await listSettings(ctx)).map((setting) => [setting.key, setting.value]));
  const value = <T>(key: string): T => values.get(key) as T;
  const slaHours = {} as Record<InquirySource, number>;
  for (const source of inquirySources) slaHours[source] = value<number>(`slaHours.${source}`);
  const settings: RuleSettings = {
    buyerMorning: value<string>('buyerMorning'),
    businessWindow: value<string>('businessWindow'),
    slaHours,
    slaCountsBusinessHours: value<boolean>('slaCountsBusinessHours'),
    followUpBusinessDays: value<number>('followUpBusinessDays'),
    expiryReminderBusinessDays: value<number[]>('expiryReminderBusinessDays'),
    scheduleHorizonDays: value<number>('scheduleHorizonDays'),
    touchPoints: Object.fromEntries(touchPointTiers.map((tier) => [tier, value<TouchPlan[]>(`touchPoints.${tier}`)])) as Record<TouchTier, TouchPlan[]>,
  };
  const baseCurrency = value<string>('baseCurrency');
  const language = value<Language>('language');
  const myTimeZone = value<string>('myTimeZone');
  const rows = await ctx.book.db
    .selectFrom('calendar_overrides')
    .select(['country', 'day', 'kind', 'name', 'updated_at'])
    .where('deleted_at', 'is', null)
    .orderBy('country')
    .orderBy('day')
    .execute();
  const overrides: CalendarOverride[] = rows.map((r) => ({ country: r.country, day: r.day, kind: r.kind as CalendarOverride['kind'], name: r.name }));
  const fingerprint = JSON.stringify({ settings, language, baseCurrency, calendar: SHIPPED_CALENDAR_VERSION, overrides: rows });
  return { settings, language, myTimeZone, calendar: createBusinessCalendar(overrides), fingerprint, baseCurrency };
}

function readState(sqlite: Sqlite): SchedulerState | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SCHEDULER_STATE_KEY) as { value: string } | undefined;
  if (!row) return null;
  const parsed = JSON.parse(row.value) as Partial<SchedulerState>;
  if (typeof parsed.fingerprint !== 'string' || typeof parsed.watermark !== 'string') return null;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    fingerprint: parsed.fingerprint,
    watermark: parsed.watermark,
    healthPassAt: text(parsed.healthPassAt),
    overdueMarkedTo: text(parsed.overdueMarkedTo) ?? '',
    overdueFrom: text(parsed.overdueFrom),
    festivals: text(parsed.festivals) ?? '',
    fxDay: text(parsed.fxDay) ?? '',
    scoredAt: text(parsed.scoredAt) ?? '',
  };
}

function writeState(sqlite: Sqlite, state: SchedulerState, stamp: string): void {
  sqlite
    .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(SCHEDULER_STATE_KEY, JSON.stringify(state), stamp);
}

/** A task a rule wants for a source record. */
interface WantedTask {
  key: string;
  rule: string;
  kind: string;
  titleKey: TaskTitleKey;
  titleParams: Record<string, string | number>;
  dueMs: number;
  details: Record<string, unknown>;
}

/** What a rule says about one source record. */
interface Verdict {
  sourceTable: string;
  sourceId: string;
  accountId: string;
  /** The rules whose tasks this source owns (open tasks of these rules that are not wanted get closed). */
  rules: readonly string[];
  /** The instant the record happened; after `now` it is left for a later tick. */
  eventMs: number;
  /** null: the source is resolved; its open tasks that are not wanted close, as done at `resolvedAt`. */
  wanted: WantedTask[] | null;
  resolvedAt?: string | null;
  /** The source's wall-clock stamp, for the watermark of records left for later. */
  updatedAt: string;
  /** Whether any task points at the source (when not, there is nothing to look up, move or close). */
  hasTasks: boolean;
  /** Open tasks no longer wanted stay open (R5: a greeting whose festival left the window is not "done"). */
  keepUnwanted?: boolean;
  /**
   * How an open task that is no longer wanted closes (default: done at `resolvedAt`). `dismissed` is for a task
   * whose reason went away without the work being done (R14: the warning cleared; R7: a reminder the FX cut
   * overtook) — one the source wants again later is reopened.
   */
  closeAs?: (task: ExistingTask) => { status: 'done' | 'dismissed'; at: string | null };
}

interface ExistingTask {
  id: string;
  rule: string | null;
  dedupe_key: string | null;
  due_at: string;
  status: string;
  snoozed_until: string | null;
  title: string;
  details: string;
}

interface Counts {
  created: number;
  updated: number;
  overdue: number;
}

interface AccountFacts {
  account_id: string;
  name: string;
  country: string;
  time_zone: string;
}

function buyerOf(row: AccountFacts): Buyer {
  return { zone: row.time_zone, country: row.country };
}

function closedBySource(task: ExistingTask): boolean {
  return (JSON.parse(task.details) as { closedBy?: unknown }).closedBy === 'source';
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULIDs for the tasks of one tick: the millisecond, then 80 random bits drawn once and incremented for every id —
 * unique, and sorted in creation order (ulid's monotonic factory draws new random bits every millisecond, 16 calls
 * to the system's random source each).
 */
function taskIdFactory(): () => string {
  const bytes = randomBytes(16);
  const digits = Array.from({ length: 16 }, (_, i) => bytes[i]! & 31);
  digits[0] = digits[0]! & 15; // room to count up without overflowing 80 bits
  return () => {
    for (let i = 15; i >= 0; i--) {
      digits[i] = (digits[i]! + 1) & 31;
      if (digits[i] !== 0) break;
    }
    let time = Date.now();
    let head = '';
    for (let i = 0; i < 10; i++) {
      head = CROCKFORD[time % 32]! + head;
      time = Math.floor(time / 32);
    }
    let tail = '';
    for (const d of digits) tail += CROCKFORD[d];
    return head + tail;
  };
}

/** Applies rule verdicts to the tasks table. */
class Reconciler {
  private readonly bySource;
  /** Task ids: ULIDs (a rebuild makes 100k of them). */
  private readonly newId = taskIdFactory();
  private readonly insert;
  private readonly move;
  private readonly close;
  readonly counts: Counts = { created: 0, updated: 0, overdue: 0 };
  /** The oldest stamp of a record left for a later tick (it must be looked at again). */
  pendingSince: string | null = null;
  /** The earliest due instant of a task created or moved in this tick (for the overdue scan). */
  earliestTouched: string | null = null;

  private touched(due: string): void {
    if (this.earliestTouched === null || due < this.earliestTouched) this.earliestTouched = due;
  }

  /** The keys with a user-set state shared by a colleague (task_states): a task made for one takes it at once. */
  private readonly stateKeys: ReadonlySet<string>;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly nowMs: number,
    private readonly floorMs: number,
    private readonly stamp: string,
    private readonly language: Language,
  ) {
    this.bySource = sqlite.prepare(
      'SELECT id, rule, dedupe_key, due_at, status, snoozed_until, title, details FROM tasks WHERE source_table = ? AND source_id = ? AND deleted_at IS NULL',
    );
    this.stateKeys = new Set((sqlite.prepare('SELECT id FROM task_states WHERE deleted_at IS NULL').pluck().all() as string[]));
    this.insert = sqlite.prepare(
      `INSERT INTO tasks (id, account_id, kind, rule, source_table, source_id, dedupe_key, title, details, due_at, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    );
    this.move = sqlite.prepare("UPDATE tasks SET due_at = ?, title = ?, details = ?, updated_at = ? WHERE id = ? AND status = 'open'");
    this.close = sqlite.prepare(
      "UPDATE tasks SET status = 'done', done_at = ?, details = json_set(details, '$.closedBy', 'source'), updated_at = ? WHERE id = ? AND status = 'open'",
    );
    this.dismiss = sqlite.prepare(
      "UPDATE tasks SET status = 'dismissed', done_at = ?, details = json_set(details, '$.closedBy', 'source'), updated_at = ? WHERE id = ? AND status = 'open'",
    );
    this.reopen = sqlite.prepare(
      "UPDATE tasks SET status = 'open', done_at = NULL, due_at = ?, title = ?, details = ?, updated_at = ? WHERE id = ? AND status = 'dismissed'",
    );
  }

  private readonly dismiss;
  private readonly reopen;

  private closeUnwanted(verdict: Verdict, task: ExistingTask): void {
    const how = verdict.closeAs?.(task) ?? { status: 'done', at: verdict.resolvedAt ?? null };
    const statement = how.status === 'dismissed' ? this.dismiss : this.close;
    this.counts.updated += statement.run(how.at ?? this.stamp, this.stamp, task.id).changes;
  }

  apply(verdict: Verdict): void {
    if (verdict.wanted === null && !verdict.hasTasks) return;
    const existing = verdict.hasTasks ? (this.bySource.all(verdict.sourceTable, verdict.sourceId) as ExistingTask[]) : [];
    const mine = existing.filter((t) => t.rule !== null && verdict.rules.includes(t.rule));
    if (verdict.wanted === null) {
      for (const task of mine) {
        if (task.status === 'open') this.closeUnwanted(verdict, task);
      }
      return;
    }
    if (verdict.eventMs > this.nowMs) {
      if (this.pendingSince === null || verdict.updatedAt < this.pendingSince) this.pendingSince = verdict.updatedAt;
      return;
    }
    const wantedKeys = new Set(verdict.wanted.map((w) => w.key));
    for (const task of verdict.keepUnwanted === true ? [] : mine) {
      if (task.status === 'open' && task.dedupe_key !== null && !wantedKeys.has(task.dedupe_key)) this.closeUnwanted(verdict, task);
    }
    for (const want of verdict.wanted) {
      const task = existing.find((t) => t.dedupe_key === want.key);
      // Too old to create (more than the horizon before now): nothing to render.
      if (task === undefined && want.dueMs < this.floorMs) continue;
      const title = renderTaskTitle(this.language, want.titleKey, want.titleParams);
      const details = JSON.stringify({ titleKey: want.titleKey, titleParams: want.titleParams, ...want.details });
      const due = formatMs(want.dueMs);
      if (task === undefined) {
        this.insert.run(this.newId(), verdict.accountId, want.kind, want.rule, verdict.sourceTable, verdict.sourceId, want.key, title, details, due, this.stamp, this.stamp);
        this.counts.created++;
        this.touched(due);
        if (this.stateKeys.has(want.key)) {
          const moved = applyTaskStates(this.sqlite, this.stamp, [want.key]);
          if (moved !== null) this.touched(moved);
        }
      } else if (task.status === 'dismissed' && closedBySource(task)) {
        // Wanted again (R7: re-confirmed after an FX cut): back on the board, unless its time has long passed.
        if (want.dueMs < this.floorMs) continue;
        this.counts.updated += this.reopen.run(due, title, details, this.stamp, task.id).changes;
        this.touched(due);
      } else if (task.status === 'open' && task.snoozed_until === null && (task.due_at !== due || task.title !== title)) {
        // A moved task is due afresh: it is marked overdue again if its new due instant has passed.
        this.counts.updated += this.move.run(due, title, details, this.stamp, task.id).changes;
        this.touched(due);
      }
    }
  }
}

interface InquiryRow extends AccountFacts {
  has_tasks: number;
  id: string;
  source: InquirySource;
  received_at: string;
  urgency: number | null;
  first_reply_at: string | null;
  status: string;
  deleted_at: string | null;
  updated_at: string;
  priority_channel: number;
}

interface QuoteRow extends AccountFacts {
  has_tasks: number;
  id: string;
  number: string;
  status: string;
  currency: string;
  reconfirmed_at: string | null;
  fx_flagged_at: string | null;
  fx_flag_rate: number | null;
  fx_moved_percent: number | null;
  fx_cut_through: string | null;
  validity_strategy: string;
  valid_through: string | null;
  stage_valid_through: string | null;
  sent_at: string | null;
  closed_at: string | null;
  /** R9: the recovery to-do of a lost quote (0013). */
  recovery_action: string | null;
  recovery_due_at: string | null;
  answered_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

interface MessageRow extends AccountFacts {
  has_tasks: number;
  id: string;
  occurred_at: string;
  answered_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

interface ComplaintRow extends AccountFacts {
  has_tasks: number;
  id: string;
  grade: ComplaintGrade;
  opened_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

// Each query has two forms: records changed since the watermark (@w), or, on a rebuild, every record that is live
// and recent enough to want a task due after the horizon's floor (@recent: the floor − 180 days, more than any
// rule reaches back), plus every record that already has tasks (to move or close them). The rebuild forms pick ids
// with a UNION ALL (each part through its own index or one plain scan; `IN` ignores duplicates), not an OR with a
// task lookup per row, nor a UNION, which SQLite 3.53 runs as a merge over the primary-key index — on a million
// orders either took seconds.
/** The ids of the records of a table that tasks point at (a rebuild looks at them too, to move or close their tasks). */
const WITH_TASKS = (table: string) => `SELECT t.source_id FROM tasks t WHERE t.source_table = '${table}' AND t.deleted_at IS NULL`;
const HAS_TASKS = (table: string, id: string) =>
  `EXISTS (SELECT 1 FROM tasks t WHERE t.source_table = '${table}' AND t.source_id = ${id} AND t.deleted_at IS NULL) AS has_tasks`;
const ACCOUNT_COLUMNS = 'a.id AS account_id, a.name, a.country, a.time_zone';

const INQUIRIES = `SELECT i.id, i.source, i.received_at, i.urgency, i.first_reply_at, i.status, i.deleted_at, i.updated_at,
  a.priority_channel, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('inquiries', 'i.id')}
  FROM inquiries i JOIN accounts a ON a.id = i.account_id AND a.deleted_at IS NULL`;

const QUOTES = `SELECT q.id, q.number, q.status, q.validity_strategy, q.valid_through, q.sent_at, q.closed_at, q.deleted_at, q.updated_at,
  q.recovery_action, q.recovery_due_at, q.currency, q.reconfirmed_at, q.fx_flagged_at, q.fx_flag_rate, q.fx_moved_percent, q.fx_cut_through,
  (SELECT s.valid_through FROM quote_stages s WHERE s.quote_id = q.id AND s.deleted_at IS NULL AND s.completed_at IS NULL
     ORDER BY s.position LIMIT 1) AS stage_valid_through,
  (SELECT min(x.occurred_at) FROM interactions x WHERE x.account_id = q.account_id AND x.direction = 'in'
     AND x.deleted_at IS NULL AND x.occurred_at > q.sent_at) AS answered_at,
  ${ACCOUNT_COLUMNS}, ${HAS_TASKS('quotes', 'q.id')}
  FROM quotes q JOIN accounts a ON a.id = q.account_id AND a.deleted_at IS NULL`;
const QUOTES_CHANGED = `${QUOTES} WHERE q.id IN (
  SELECT id FROM quotes WHERE updated_at >= @w
  UNION ALL SELECT s.quote_id FROM quote_stages s WHERE s.updated_at >= @w
  UNION ALL SELECT q2.id FROM (SELECT DISTINCT x.account_id FROM interactions x WHERE x.updated_at >= @w AND x.direction = 'in') answered
    CROSS JOIN quotes q2 WHERE q2.account_id = answered.account_id AND q2.status = 'sent')`;
const QUOTES_REBUILD = `${QUOTES} WHERE q.id IN (
  SELECT id FROM quotes WHERE status = 'sent' AND deleted_at IS NULL AND (sent_at >= @recent OR valid_through >= @recent)
  UNION ALL SELECT id FROM quotes WHERE status = 'lost' AND deleted_at IS NULL AND closed_at >= @recent AND recovery_action IS NOT NULL
  UNION ALL ${WITH_TASKS('quotes')})`;

const MESSAGES = `SELECT x.id, x.occurred_at, x.answered_at, x.deleted_at, x.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('interactions', 'x.id')}
  FROM interactions x JOIN accounts a ON a.id = x.account_id AND a.deleted_at IS NULL
  WHERE x.direction = 'out' AND x.awaits_reply = 1`;

const COMPLAINTS = `SELECT c.id, c.grade, c.opened_at, c.responded_at, c.resolved_at, c.deleted_at, c.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('complaints', 'c.id')}
  FROM complaints c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL`;

const HEALTH = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, coalesce(a.review_anchor, a.created_at) AS anchor,
  a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')},
  EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id AND o.deleted_at IS NULL AND o.ordered_at > @cutoff AND o.ordered_at <= @today) AS active
  FROM accounts a`;
const HEALTH_CHANGED = `${HEALTH} WHERE a.updated_at >= @w OR a.id IN (SELECT o.account_id FROM orders o WHERE o.updated_at >= @w)`;

// R6: the account's tier is the one of its latest score snapshot (none: `general`).
const ORDERS = `SELECT o.id, o.number, o.ordered_at, o.shipped_on, o.delivered_on, o.deleted_at, o.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('orders', 'o.id')},
  (SELECT s.tier FROM score_snapshots s WHERE s.account_id = o.account_id AND s.deleted_at IS NULL ORDER BY s.as_of DESC LIMIT 1) AS tier
  FROM orders o JOIN accounts a ON a.id = o.account_id AND a.deleted_at IS NULL
  WHERE (o.shipped_on IS NOT NULL OR o.delivered_on IS NOT NULL)`;
const ORDERS_RECENT = `${ORDERS} AND o.rowid IN (
  SELECT rowid FROM orders WHERE max(coalesce(delivered_on, ''), coalesce(shipped_on, '')) >= @recentDay
  UNION ALL SELECT o3.rowid FROM tasks t JOIN orders o3 ON o3.id = t.source_id WHERE t.source_table = 'orders' AND t.deleted_at IS NULL)`;
// Changed orders, and the recent orders of their accounts (adding an order rescores its account: the tier may move).
const ORDERS_CHANGED = `${ORDERS} AND o.rowid IN (SELECT rowid FROM orders WHERE updated_at >= @w
  UNION ALL SELECT o2.rowid FROM (SELECT DISTINCT account_id FROM orders WHERE updated_at >= @w) c
    JOIN orders o2 ON o2.account_id = c.account_id AND o2.deleted_at IS NULL
    WHERE max(coalesce(o2.delivered_on, ''), coalesce(o2.shipped_on, '')) >= @recentDay)`;

// R14: each account's latest snapshot, and for a warning the first snapshot of the run of warnings it ends
// ("id|as_of": the warning's start, which names its recovery tasks).
const CHURN = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')},
  s.churn_warning,
  CASE WHEN s.churn_warning = 1 THEN (SELECT w.id || '|' || w.as_of FROM score_snapshots w
    WHERE w.account_id = a.id AND w.deleted_at IS NULL AND w.churn_warning = 1 AND w.as_of <= s.as_of
      AND w.as_of > coalesce((SELECT max(c.as_of) FROM score_snapshots c
        WHERE c.account_id = a.id AND c.deleted_at IS NULL AND c.churn_warning = 0 AND c.as_of < s.as_of), '')
    ORDER BY w.as_of LIMIT 1) END AS since
  FROM accounts a LEFT JOIN score_snapshots s ON s.account_id = a.id AND s.deleted_at IS NULL
    AND s.as_of = (SELECT max(l.as_of) FROM score_snapshots l WHERE l.account_id = a.id AND l.deleted_at IS NULL)`;
/** Every account whose latest snapshot warns, or that has open recovery tasks (after a full rescore, a rebuild). */
const CHURN_ALL = `${CHURN} WHERE s.churn_warning = 1
  OR a.id IN (SELECT t.account_id FROM tasks t WHERE t.rule = 'R14' AND t.status = 'open' AND t.deleted_at IS NULL)`;
/** The accounts that changed or were rescored with a new order since the watermark. */
const CHURN_CHANGED = `${CHURN} WHERE a.id IN (SELECT id FROM accounts WHERE updated_at >= @w
  UNION ALL SELECT account_id FROM orders WHERE updated_at >= @w)`;

interface ChurnRow extends AccountFacts {
  has_tasks: number;
  deleted_at: string | null;
  updated_at: string;
  churn_warning: number | null;
  since: string | null;
}

// R7: the FX-sensitive quotes that are sent, still valid, not flagged, with the latest rate of their currency dated
// from the quote date to the user's today and the rate their move counts from (the quote's, or the re-confirmed).
const FX_QUOTES = `SELECT q.id, q.valid_through, q.fx_threshold_percent AS threshold, a.country, a.time_zone,
  coalesce(q.fx_reconfirmed_rate, q.fx_rate_at_quote) AS since_rate,
  (SELECT r.rate FROM fx_rates r WHERE r.currency = q.currency AND r.base_currency = @base AND r.deleted_at IS NULL
     AND r.rate_date >= q.quote_date AND r.rate_date <= @today ORDER BY r.rate_date DESC LIMIT 1) AS rate
  FROM quotes q JOIN accounts a ON a.id = q.account_id AND a.deleted_at IS NULL
  WHERE q.status = 'sent' AND q.deleted_at IS NULL AND q.valid_through >= @today AND q.validity_strategy = 'fx'
    AND q.fx_flagged_at IS NULL AND q.fx_rate_at_quote IS NOT NULL AND q.fx_threshold_percent IS NOT NULL`;
const FX_QUOTES_CHANGED = `${FX_QUOTES} AND q.updated_at >= @w`;

interface FxQuoteRow {
  id: string;
  valid_through: string | null;
  threshold: number;
  country: string;
  time_zone: string;
  since_rate: number;
  rate: number | null;
}

const GREETINGS = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')}
  FROM accounts a WHERE a.country IN (SELECT value FROM json_each(@countries))`;
const GREETINGS_CHANGED = `${GREETINGS} AND a.updated_at >= @w`;

/** Greetings are created for festivals starting up to this many days ahead (R5). */
const GREETING_LOOKAHEAD_DAYS = 35;

interface GreetingRow extends AccountFacts {
  has_tasks: number;
  deleted_at: string | null;
  updated_at: string;
}

interface HealthRow extends AccountFacts {
  has_tasks: number;
  anchor: string;
  deleted_at: string | null;
  updated_at: string;
  active: number;
}

interface OrderRow extends AccountFacts {
  has_tasks: number;
  tier: string | null;
  id: string;
  number: string | null;
  ordered_at: string;
  shipped_on: string | null;
  delivered_on: string | null;
  deleted_at: string | null;
  updated_at: string;
}

export interface TickOptions {
  /** Recompute every schedule, not only what changed since the previous tick. */
  rebuild?: boolean;
}

/** One scheduler tick at `now` (an instant `YYYY-MM-DDTHH:MM:SSZ`): what it created, moved or closed, and marked overdue. */
export async function tick(ctx: ServiceContext, now: string, options: TickOptions = {}): Promise<ScheduleRun> {
  const setup = await loadSchedulerSetup(ctx);
  const stamp = ctx.now();
  const sqlite = ctx.book.sqlite;
  const run = sqlite.transaction((): ScheduleRun => {
    const state = readState(sqlite);
    const rebuild = options.rebuild === true || state === null || state.fingerprint !== setup.fingerprint;
    const watermark = state?.watermark ?? '';
    const nowMs = instantMs(now);
    const floorMs = nowMs - setup.settings.scheduleHorizonDays * MS_PER_DAY;
    const reconciler = new Reconciler(sqlite, nowMs, floorMs, stamp, setup.language);
    const { settings, calendar } = setup;
    const recent = formatMs(floorMs - 180 * MS_PER_DAY);
    const select = <T>(all: string, changed: string): T[] =>
      (rebuild ? sqlite.prepare(all).all({ recent }) : sqlite.prepare(changed).all({ w: watermark })) as T[];

    // R4 before R1: the third inquiry of a quick run already gets the priority channel's SLA.
    const inquiries = select<InquiryRow>(
      `${INQUIRIES} WHERE i.id IN (
         SELECT id FROM inquiries WHERE first_reply_at IS NULL AND status = 'open' AND deleted_at IS NULL AND received_at >= @recent
         UNION ALL SELECT id FROM inquiries WHERE first_reply_at < received_at
         UNION ALL ${WITH_TASKS('inquiries')})
       ORDER BY i.received_at`,
      `${INQUIRIES} WHERE i.updated_at >= @w ORDER BY i.received_at`,
    );
    reconciler.counts.updated += grantPriorityChannels(sqlite, inquiries, now, stamp, () => ctx.book.clock.next());
    for (const row of inquiries) reconciler.apply(inquiryVerdict(calendar, settings, row));

    // R7 FX cut: flag the FX-sensitive quotes whose currency moved past their threshold (all of them on a rebuild, a
    // new day or new rates; else the quotes that changed) before the quotes are looked at.
    const today = Temporal.Instant.from(now).toZonedDateTimeISO(setup.myTimeZone).toPlainDate();
    const fxDay = today.toString();
    const fxPass = rebuild || state.fxDay !== fxDay || sqlite.prepare('SELECT 1 FROM fx_rates WHERE updated_at >= ? LIMIT 1').get(watermark) !== undefined;
    const fxQuotes = sqlite.prepare(fxPass ? FX_QUOTES : FX_QUOTES_CHANGED).all({ base: setup.baseCurrency, today: fxDay, ...(fxPass ? {} : { w: watermark }) }) as FxQuoteRow[];
    reconciler.counts.updated += flagFxMoves(sqlite, calendar, fxQuotes, nowMs, now, stamp);

    for (const row of select<QuoteRow>(QUOTES_REBUILD, QUOTES_CHANGED)) reconciler.apply(quoteVerdict(calendar, settings, row, setup.baseCurrency));
    const messages = select<MessageRow>(
      `${MESSAGES} AND x.id IN (
         SELECT id FROM interactions WHERE direction = 'out' AND awaits_reply = 1 AND answered_at IS NULL AND deleted_at IS NULL AND occurred_at >= @recent
         UNION ALL ${WITH_TASKS('interactions')})`,
      `${MESSAGES} AND x.updated_at >= @w`,
    );
    for (const row of messages) reconciler.apply(messageVerdict(calendar, settings, row));
    const complaints = select<ComplaintRow>(
      `${COMPLAINTS} WHERE c.id IN (
         SELECT id FROM complaints WHERE resolved_at IS NULL AND deleted_at IS NULL AND opened_at >= @recent
         UNION ALL ${WITH_TASKS('complaints')})`,
      `${COMPLAINTS} WHERE c.updated_at >= @w`,
    );
    for (const row of complaints) reconciler.apply(complaintVerdict(calendar, settings, row));

    // R6: touch points after orders, by the account's tier. A full rescore (new tiers) looks at every recent order.
    // (The full rescore stores its bounds in scoring_state under 'bounds': its stamp and bounds tell one rescore from the next.)
    const scoredAt = (sqlite.prepare("SELECT updated_at || ' ' || value AS v FROM scoring_state WHERE key = 'bounds'").get() as { v: string } | undefined)?.v ?? '';
    const rescored = state !== null && scoredAt !== state.scoredAt;
    const reach = Math.max(0, ...Object.values(settings.touchPoints).flatMap((plan) => plan.map((p) => p.days)));
    const recentDay = formatMs(floorMs - (reach + 1) * MS_PER_DAY).slice(0, 10);
    const orders = (
      rebuild || rescored ? sqlite.prepare(ORDERS_RECENT).all({ recentDay }) : sqlite.prepare(ORDERS_CHANGED).all({ w: watermark, recentDay })
    ) as OrderRow[];
    for (const row of orders) reconciler.apply(orderVerdict(calendar, settings, row, floorMs));

    // R14: the recovery plan of a churn warning — every warning after a rebuild or a full rescore, else the accounts
    // that changed or were rescored with a new order.
    const churn = (rebuild || rescored ? sqlite.prepare(CHURN_ALL).all() : sqlite.prepare(CHURN_CHANGED).all({ w: watermark })) as ChurnRow[];
    for (const row of churn) reconciler.apply(churnVerdict(calendar, settings, row));

    // R13: a full pass when a review slips more than the horizon into the past; else the accounts that changed.
    const window = { today: today.toString(), cutoff: today.subtract({ months: 24 }).toString() };
    const healthPass = rebuild || (state.healthPassAt !== null && state.healthPassAt <= now);
    const accounts = (healthPass ? sqlite.prepare(HEALTH).all(window) : sqlite.prepare(HEALTH_CHANGED).all({ ...window, w: watermark })) as HealthRow[];
    let earliestReview = Number.POSITIVE_INFINITY;
    for (const row of accounts) {
      const verdict = healthVerdict(calendar, settings, row, floorMs);
      for (const want of verdict.wanted ?? []) earliestReview = Math.min(earliestReview, want.dueMs);
      reconciler.apply(verdict);
    }
    const horizonMs = setup.settings.scheduleHorizonDays * MS_PER_DAY;
    const passAt = Number.isFinite(earliestReview) ? formatMs(earliestReview + horizonMs + 1000) : null;
    const healthPassAt = healthPass ? passAt : [state?.healthPassAt ?? null, passAt].filter((t): t is string => t !== null).sort()[0] ?? null;

    // R5: greetings for festivals starting within the next 5 weeks (or up to the horizon ago); a full pass over the
    // accounts of their countries when that set of festivals changes, else the accounts that changed.
    const active = occurrencesBetween(Math.floor(floorMs / MS_PER_DAY), Math.floor(nowMs / MS_PER_DAY) + GREETING_LOOKAHEAD_DAYS);
    const festivals = active.map((o) => `${o.festival.id}:${o.year}`).join(',');
    if (active.length > 0) {
      const countries = JSON.stringify([...new Set(active.flatMap((o) => o.festival.countries))]);
      const fullPass = rebuild || state.festivals !== festivals;
      const rows = (fullPass ? sqlite.prepare(GREETINGS).all({ countries }) : sqlite.prepare(GREETINGS_CHANGED).all({ countries, w: watermark })) as GreetingRow[];
      for (const row of rows) reconciler.apply(greetingVerdict(calendar, settings, row, active));
    }

    // Only tasks that can have become overdue since the last tick are scanned: due since the latest `now` seen,
    // or created/moved (here or by a snooze) to an earlier instant. The first tick scans them all.
    const since = [state?.overdueMarkedTo ?? '', state?.overdueFrom ?? null, reconciler.earliestTouched]
      .filter((t): t is string => t !== null)
      .sort()[0]!;
    reconciler.counts.overdue += markOverdue(sqlite, since, now, stamp);
    const next = reconciler.pendingSince !== null && reconciler.pendingSince < stamp ? reconciler.pendingSince : stamp;
    const overdueMarkedTo = state !== null && state.overdueMarkedTo > now ? state.overdueMarkedTo : now;
    writeState(sqlite, { fingerprint: setup.fingerprint, watermark: next, healthPassAt, overdueMarkedTo, overdueFrom: null, festivals, fxDay, scoredAt }, stamp);
    return { ...reconciler.counts };
  });
  // A rebuild writes up to hundreds of thousands of index entries: a larger page cache for its duration.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  if (options.rebuild === true) sqlite.pragma('cache_size = -131072');
  try {
    return run();
  } finally {
    if (options.rebuild === true) sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
  }
}

/**
 * R4: accounts whose inquiries (up to now) hold three in a row, each < 48 h after the previous, get the priority
 * channel; in this tick it applies to the inquiries from the one that completed the run on (earlier ones keep
 * their SLA).
 */
function grantPriorityChannels(
  sqlite: Sqlite,
  inquiries: readonly InquiryRow[],
  now: string,
  stamp: string,
  changeStamp: () => string,
): number {
  const candidates = new Set(inquiries.filter((r) => r.priority_channel === 0 && r.deleted_at === null && r.received_at <= now).map((r) => r.account_id));
  if (candidates.size === 0) return 0;
  const history = sqlite.prepare('SELECT received_at FROM inquiries WHERE account_id = ? AND deleted_at IS NULL AND received_at <= ? ORDER BY received_at');
  // The grant is a field change like the user's own (it travels to colleagues' books with its stamp).
  const granted = sqlite.prepare(
    `UPDATE accounts SET priority_channel = 1, updated_at = @at, ${fieldStampsSql(['priority_channel', 'updated_at'], '@change')}
     WHERE id = @id AND priority_channel = 0`,
  );
  const grant = { run: (at: string, id: string) => granted.run({ at, id, change: changeStamp() }) };
  let changed = 0;
  for (const accountId of candidates) {
    const received = (history.all(accountId, now) as { received_at: string }[]).map((r) => instantMs(r.received_at));
    const earnedMs = priorityEarnedAt(received);
    if (earnedMs === null) continue;
    changed += grant.run(stamp, accountId).changes;
    for (const row of inquiries) if (row.account_id === accountId && instantMs(row.received_at) >= earnedMs) row.priority_channel = 1;
  }
  return changed;
}

function inquiryVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: InquiryRow): Verdict {
  const base = { sourceTable: 'inquiries', sourceId: row.id, accountId: row.account_id, rules: ['R1'], eventMs: instantMs(row.received_at), updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.first_reply_at !== null && row.first_reply_at < row.received_at) {
    throw invalidState('reply_before_inquiry', { id: row.id, at: row.first_reply_at, received: row.received_at });
  }
  if (row.deleted_at !== null || row.first_reply_at !== null || row.status !== 'open') {
    return { ...base, wanted: null, resolvedAt: row.first_reply_at };
  }
  const deadline = replyDeadline(calendar, settings, buyerOf(row), {
    source: row.source,
    receivedMs: base.eventMs,
    urgency: row.urgency,
    priorityChannel: row.priority_channel === 1,
  });
  return {
    ...base,
    wanted: [
      {
        key: `R1:inquiry:${row.id}`,
        rule: 'R1',
        kind: 'reply',
        titleKey: 'reply_inquiry',
        titleParams: { account: row.name },
        dueMs: deadline.dueMs,
        details: {
          replyBy: formatMs(deadline.dueMs),
          landsBestAt: formatMs(deadline.landsBestAtMs),
          slaHours: deadline.slaHours,
          halved: deadline.halved,
          source: row.source,
        },
      },
    ],
  };
}

const EXPIRING_STRATEGIES = new Set(['fixed', 'fx', 'staged', 'periodic']);

/**
 * R2 (follow-up after a sent quote unless the buyer answered first) and R7 (expiry reminders; for a flagged
 * FX-sensitive quote, a review task and reminders counted from the cut — a reminder the cut overtook is dismissed,
 * and comes back when the user re-confirms).
 */
function quoteVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: QuoteRow, baseCurrency: string): Verdict {
  const sentMs = row.sent_at === null ? 0 : instantMs(row.sent_at);
  const base = { sourceTable: 'quotes', sourceId: row.id, accountId: row.account_id, rules: ['R2', 'R7', 'R9'], eventMs: sentMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at === null && row.status === 'lost' && row.recovery_action !== null && row.recovery_due_at !== null) {
    return lostQuoteVerdict(row, base);
  }
  if (row.deleted_at !== null || row.status !== 'sent' || row.sent_at === null) {
    return { ...base, wanted: null, resolvedAt: row.closed_at };
  }
  const buyer = buyerOf(row);
  const wanted: WantedTask[] = [];
  if (row.answered_at === null) {
    wanted.push({
      key: `R2:quote:${row.id}`,
      rule: 'R2',
      kind: 'follow_up',
      titleKey: 'follow_up_quote',
      titleParams: { account: row.name, number: row.number },
      dueMs: followUpDue(calendar, settings, buyer, sentMs),
      details: { sentAt: row.sent_at },
    });
  }
  const flaggedMs = row.validity_strategy === 'fx' && row.fx_flagged_at !== null && row.fx_cut_through !== null ? instantMs(row.fx_flagged_at) : null;
  const validThrough =
    flaggedMs !== null ? row.fx_cut_through : row.validity_strategy === 'staged' ? (row.stage_valid_through ?? row.valid_through) : row.valid_through;
  const plan = validThrough !== null && EXPIRING_STRATEGIES.has(row.validity_strategy) ? expiryPlan(calendar, settings, buyer, validThrough) : null;
  const reviewKey = `R7:quote:${row.id}:fx:`;
  if (flaggedMs !== null) {
    const percent = row.fx_moved_percent ?? 0;
    wanted.push({
      key: `${reviewKey}${row.fx_flagged_at}`,
      rule: 'R7',
      kind: 'fx_review',
      titleKey: 'fx_review',
      titleParams: {
        account: row.name,
        number: row.number,
        currency: row.currency,
        base: baseCurrency,
        percent: `${percent > 0 ? '+' : ''}${percent}`,
        cutThrough: row.fx_cut_through ?? '',
      },
      dueMs: fxReviewDue(calendar, settings, buyer, flaggedMs),
      details: { flaggedAt: row.fx_flagged_at, rate: row.fx_flag_rate, movedPercent: percent, cutThrough: row.fx_cut_through, validThrough: row.valid_through },
    });
  }
  if (plan !== null) {
    for (const reminder of plan.reminders) {
      if (flaggedMs !== null && reminder.dueMs < flaggedMs) continue;
      wanted.push({
        key: `R7:quote:${row.id}:${reminder.days}`,
        rule: 'R7',
        kind: 'expiry_reminder',
        titleKey: 'quote_expiry',
        titleParams: { account: row.name, number: row.number, days: reminder.days },
        dueMs: reminder.dueMs,
        details: { expiresAt: formatMs(plan.expiryMs), validThrough, strategy: row.validity_strategy, businessDaysBefore: reminder.days },
      });
    }
  }
  const closeAs = (task: ExistingTask): { status: 'done' | 'dismissed'; at: string | null } =>
    task.dedupe_key?.startsWith(reviewKey) === true
      ? { status: 'done', at: row.reconfirmed_at }
      : task.rule === 'R7'
        ? { status: 'dismissed', at: null }
        : { status: 'done', at: row.answered_at };
  return { ...base, wanted, resolvedAt: row.answered_at, closeAs };
}

/**
 * R9: a lost quote's recovery to-do, at the instant the user accepted (the loss analysis proposed the buyer's morning
 * some business days later); its follow-up and expiry reminders close as of the loss. A recovery taken back (the
 * quote edited by a merge) closes its to-do.
 */
function lostQuoteVerdict(row: QuoteRow, base: Omit<Verdict, 'wanted'>): Verdict {
  const closedMs = row.closed_at === null ? 0 : instantMs(row.closed_at);
  const wanted: WantedTask[] = [
    {
      key: `R9:quote:${row.id}:${row.recovery_action}`,
      rule: 'R9',
      kind: 'lost_recovery',
      titleKey: `lost_recovery_${row.recovery_action as RecoveryAction}`,
      titleParams: { account: row.name, number: row.number },
      dueMs: instantMs(row.recovery_due_at!),
      details: { action: row.recovery_action, lostAt: row.closed_at },
    },
  ];
  const closeAs = (task: ExistingTask): { status: 'done' | 'dismissed'; at: string | null } =>
    task.rule === 'R9' ? { status: 'dismissed', at: null } : { status: 'done', at: row.closed_at };
  return { ...base, eventMs: closedMs, wanted, resolvedAt: row.closed_at, closeAs };
}

/**
 * R7: flags the FX-sensitive quotes whose currency has moved more than their threshold against the base currency
 * since the quote date (or since the rate the user last re-confirmed): the flag's instant, rate and move, and the
 * validity cut to the end of the buyer's next business day. Returns how many quotes it flagged.
 */
function flagFxMoves(sqlite: Sqlite, calendar: BusinessCalendar, rows: readonly FxQuoteRow[], nowMs: number, now: string, stamp: string): number {
  let flagged = 0;
  const flag = sqlite.prepare(
    `UPDATE quotes SET fx_flagged_at = ?, fx_flag_rate = ?, fx_moved_percent = ?, fx_cut_through = ?, updated_at = ?
     WHERE id = ? AND fx_flagged_at IS NULL`,
  );
  for (const row of rows) {
    if (row.rate === null || !(row.since_rate > 0)) continue;
    const move = fxMove(row.since_rate, row.rate, row.threshold);
    if (!move.exceeded) continue;
    const cut = fxCutThrough(calendar, { zone: row.time_zone, country: row.country }, nowMs, row.valid_through);
    flagged += flag.run(now, row.rate, move.percent, cut, stamp, row.id).changes;
  }
  return flagged;
}

/**
 * R14: while an account's latest snapshot carries a churn warning, the recovery plan's tasks — named after the
 * warning's first snapshot, so a task done is not created again while the same warning lasts; when the warning
 * clears, open ones are dismissed (done ones stay).
 */
function churnVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: ChurnRow): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R14'], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  const closeAs = () => ({ status: 'dismissed' as const, at: null });
  if (row.deleted_at !== null) return { ...base, wanted: null, closeAs };
  const [snapshotId, since] = (row.since ?? '').split('|') as [string, string | undefined];
  if (row.churn_warning !== 1 || since === undefined) return { ...base, wanted: [], closeAs };
  const wanted: WantedTask[] = [];
  for (const step of recoveryPlan as readonly RecoveryStep[]) {
    const dueMs = recoveryStepDue(calendar, settings, buyerOf(row), since, step.dueInBusinessDays);
    if (dueMs === null) continue;
    wanted.push({
      key: `R14:account:${row.account_id}:${since}:${step.kind}`,
      rule: 'R14',
      kind: `recovery_${step.kind}`,
      titleKey: `recovery_${step.kind}`,
      titleParams: { account: row.name },
      dueMs,
      details: { warningSince: since, snapshotId, step: step.kind, businessDays: step.dueInBusinessDays },
    });
  }
  return { ...base, wanted, closeAs };
}

/** R2: a follow-up after an outgoing message that awaits an answer, unless it was answered. */
function messageVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: MessageRow): Verdict {
  const sentMs = instantMs(row.occurred_at);
  const base = { sourceTable: 'interactions', sourceId: row.id, accountId: row.account_id, rules: ['R2'], eventMs: sentMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.answered_at !== null) return { ...base, wanted: null, resolvedAt: row.answered_at };
  return {
    ...base,
    wanted: [
      {
        key: `R2:interaction:${row.id}`,
        rule: 'R2',
        kind: 'follow_up',
        titleKey: 'follow_up_message',
        titleParams: { account: row.name },
        dueMs: followUpDue(calendar, settings, buyerOf(row), sentMs),
        details: { sentAt: row.occurred_at },
      },
    ],
  };
}

/** R15: the response deadline (A 2 h, B 24 h, C 48 h) until responded, and the 72 h remediation window until resolved. */
function complaintVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: ComplaintRow): Verdict {
  const openedMs = instantMs(row.opened_at);
  const base = { sourceTable: 'complaints', sourceId: row.id, accountId: row.account_id, rules: ['R15'], eventMs: openedMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.resolved_at !== null) return { ...base, wanted: null, resolvedAt: row.resolved_at };
  const { responseMs, remediationMs } = complaintDeadlines(calendar, settings, buyerOf(row), row.grade, openedMs);
  const wanted: WantedTask[] = [];
  if (row.responded_at === null) {
    wanted.push({
      key: `R15:complaint:${row.id}:response`,
      rule: 'R15',
      kind: 'complaint_response',
      titleKey: 'complaint_response',
      titleParams: { account: row.name, grade: row.grade },
      dueMs: responseMs,
      details: { grade: row.grade },
    });
  }
  wanted.push({
    key: `R15:complaint:${row.id}:remediation`,
    rule: 'R15',
    kind: 'complaint_remediation',
    titleKey: 'complaint_remediation',
    titleParams: { account: row.name },
    dueMs: remediationMs,
    details: { grade: row.grade },
  });
  return { ...base, wanted, resolvedAt: row.responded_at };
}

const TOUCH_TITLES = { shipping: 'order_shipping', checkin: 'order_checkin', reorder: 'order_reorder' } as const;

/**
 * R6: the touch points of the account's tier (its latest snapshot; `general` unscored) — by default a shipping
 * update, a check-in and a reorder nudge some days after delivery (setting `touchPoints.<tier>`). A point the tier's
 * plan drops closes. An order without tasks leaves out the points due before the horizon's floor (`floorMs`): they
 * would not be created, and there is no task of theirs to keep (a rebuild looks at 60,000 recent orders).
 */
function orderVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: OrderRow, floorMs: number): Verdict {
  const base = { sourceTable: 'orders', sourceId: row.id, accountId: row.account_id, rules: ['R6'], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null) return { ...base, wanted: null };
  const wanted: WantedTask[] = [];
  const tier = touchTierOf(row.tier);
  for (const plan of settings.touchPoints[tier]) {
    const date = plan.from === 'shipped' ? row.shipped_on : row.delivered_on;
    if (date === null) continue;
    const dueMs = touchPointDue(calendar, settings, buyerOf(row), date, plan.days);
    if (dueMs === null || (row.has_tasks !== 1 && dueMs < floorMs)) continue;
    wanted.push({
      key: `R6:order:${row.id}:${plan.point}`,
      rule: 'R6',
      kind: `order_${plan.point}`,
      titleKey: TOUCH_TITLES[plan.point],
      titleParams: { account: row.name, number: row.number ?? row.ordered_at, days: plan.days },
      dueMs,
      details: { tier, point: plan.point, from: date, days: plan.days },
    });
  }
  return { ...base, wanted };
}

/** R5: a greeting 3 business days before each of the buyer's festivals in the window. */
function greetingVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: GreetingRow, active: readonly FestivalOccurrence[]): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R5'], eventMs: 0, updatedAt: row.updated_at };
  const verdict = { ...base, hasTasks: row.has_tasks === 1, keepUnwanted: true };
  if (row.deleted_at !== null) return { ...verdict, wanted: null };
  const wanted: WantedTask[] = active
    .filter((o) => o.festival.countries.includes(row.country.toUpperCase()))
    .map((o) => ({
      key: `R5:account:${row.account_id}:${o.festival.id}:${o.year}`,
      rule: 'R5',
      kind: 'greeting',
      titleKey: `greeting_${o.festival.id}` as const,
      titleParams: { account: row.name },
      dueMs: greetingDue(calendar, settings, buyerOf(row), o.firstDay),
      details: { festival: o.festival.id, year: o.year, startsOn: formatMs(o.firstDay * MS_PER_DAY).slice(0, 10) },
    }));
  return { ...verdict, wanted };
}

/** R13: the quarterly health review of an active account (an order in the last 24 months), anchored without drift. */
function healthVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: HealthRow, floorMs: number): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R13'], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.active !== 1) return { ...base, wanted: null };
  const review = nextHealthReview(calendar, settings, buyerOf(row), instantMs(row.anchor), floorMs);
  return {
    ...base,
    wanted: [
      {
        key: `R13:account:${row.account_id}:${review.nominal}`,
        rule: 'R13',
        kind: 'health_check',
        titleKey: 'health_check',
        titleParams: { account: row.name },
        dueMs: review.dueMs,
        details: { anchor: row.anchor, quarterOf: review.nominal },
      },
    ],
  };
}

/** Open tasks whose due instant has passed are marked overdue once; complaint tasks (R15) escalate. */
function markOverdue(sqlite: Sqlite, since: string, now: string, stamp: string): number {
  return sqlite
    .prepare(
      `UPDATE tasks SET details = CASE WHEN rule = 'R15' THEN json_set(details, '$.overdueAt', @now, '$.escalated', json('true'))
                                       ELSE json_set(details, '$.overdueAt', @now) END,
                        updated_at = @stamp
       WHERE status = 'open' AND deleted_at IS NULL AND due_at >= @since AND due_at < @now AND json_extract(details, '$.overdueAt') IS NULL`,
    )
    .run({ since, now, stamp }).changes;
}

/**
 * After a snooze or a reschedule (outside a tick) to `due`: the next tick's overdue scan must reach back to it.
 * Nothing to do before the first tick (which scans every open task).
 */
export function noteTaskMoved(sqlite: Sqlite, due: string): void {
  sqlite
    .prepare(
      `UPDATE settings SET value = json_set(value, '$.overdueFrom', @due)
       WHERE key = @key AND (json_extract(value, '$.overdueFrom') IS NULL OR json_extract(value, '$.overdueFrom') > @due)`,
    )
    .run({ key: SCHEDULER_STATE_KEY, due });
}

/** The open to-dos that fell due after `from`, up to and including `to` (the desktop's "due now" notice): the first few, due order. */
export function dueBetween(ctx: ServiceContext, from: string, to: string, first = 3): DueNow {
  const sqlite = ctx.book.sqlite;
  const span = { from, to };
  const where = `t.status = 'open' AND t.deleted_at IS NULL AND t.due_at > @from AND t.due_at <= @to`;
  const { count } = sqlite.prepare(`SELECT count(*) AS count FROM tasks t WHERE ${where}`).get(span) as { count: number };
  if (count === 0) return { count, first: [] };
  const rows = sqlite
    .prepare(`SELECT t.title, a.name AS accountName FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id WHERE ${where} ORDER BY t.due_at, t.id LIMIT @first`)
    .all({ ...span, first }) as { title: string; accountName: string | null }[];
  return { count, first: rows };
}

/**
 * After a clock jump (src-main/services/ticker.ts): the open to-dos that fell due in (from, to] and those overdue at
 * `to` — one summary, whoever ran the catch-up tick.
 */
export function awayCounts(ctx: ServiceContext, from: string, to: string): { dueWhileAway: number; overdue: number } {
  const row = ctx.book.sqlite
    .prepare(
      `SELECT count(*) FILTER (WHERE due_at > @from) AS due, count(*) AS overdue
       FROM tasks WHERE status = 'open' AND deleted_at IS NULL AND due_at <= @to`,
    )
    .get({ from, to }) as { due: number; overdue: number };
  return { dueWhileAway: row.due, overdue: row.overdue };
}
