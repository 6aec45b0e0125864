/**
 * Account scoring (issue 7; R10–R14, R16): the book's facts computed set-based in SQL (db/scoring-facts.ts), turned
 * into scores by the pure domain (domain/scoring), stored as dated snapshots — one per account and as-of day, with
 * the explanation they were computed from — and rendered in the user's language.
 *
 * Dates: "today" is the user's local date (setting myTimeZone); `asOf` computes from the data up to that date.
 * One new order rescores its account at once (`rescoreAccount`, called inside `orders.add`'s transaction); its R, F,
 * M and purchase scores are read against the bounds of the last full rescore, which `scores.run` refreshes.
 *
 * Seams for the scheduler (issue 6): a churn warning carries the recovery plan it asks for (`churn.recoveryPlan`:
 * kind and business days), and quarterly health reviews are recorded here when their anchored date falls within
 * `scheduleHorizonDays` of the as-of date, unrolled — rolling to the buyer's business day and creating the review
 * and recovery tasks is the scheduler's work.
 */
import { Temporal } from 'temporal-polyfill';
import { monotonicFactory } from 'ulid';
import type { ParsedInputOf } from '../contract';
import { notFound } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { AccountScoreView, ScoreExplanation, ScoreRunSummary } from '../contract/models';
import { accountMonthsFresh, rebuildAccountMonths } from '../db/account-months';
import type { Sqlite } from '../db/connection';
import { accountOrderFacts, prepared, startBookOrderFacts, type OrderFactsParams, type OrderFactsRow } from '../db/scoring-facts';
import { dateInZone, formatInstant } from '../domain/dates';
import {
  addDays,
  churnReason,
  decodeScore,
  emptyFacts,
  explanationLines,
  firstDayOf,
  inquiriesReason,
  indicatorReason,
  latestReviewDate,
  loyaltyClasses,
  monthOf,
  quadrants,
  recoveryStepTitle,
  scoreAccount,
  scoreWindows,
  storedScoreJson,
  tiers,
  weightsJson,
  type AccountFacts,
  type AccountScore,
  type Health,
  type HealthWeights,
  type LoyaltyClass,
  type Quadrant,
  type Quintiles,
  type RenderContext,
  type ScoreSettings,
  type ScoreWeights,
  type ScoreWindows,
  type StoredScore,
  type Tier,
} from '../domain/scoring';
import { healthIndicators, inquirySources, scoreParts, settingDefinitions, type HostFacts } from '../domain/settings';
import type { ServiceContext } from './context';

// ───────────────────────────── settings and dates ─────────────────────────────

/** Settings read straight from the book (synchronously, so a rescore can run inside another write transaction). */
function readSettings(db: Sqlite, host: HostFacts): (key: string) => unknown {
  const defs = settingDefinitions(host);
  const rows = prepared(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return (key) => (stored.has(key) ? stored.get(key) : defs[key]?.default);
}

function numberSetting(get: (key: string) => unknown, key: string, fallback: number): number {
  const value = get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringSetting(get: (key: string) => unknown, key: string, fallback: string): string {
  const value = get(key);
  return typeof value === 'string' ? value : fallback;
}

/** The instant a local day starts in a zone, `YYYY-MM-DDTHH:MM:SSZ` (what instants in the book compare with). */
function dayStart(date: string, zone: string): string {
  return formatInstant(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).toInstant());
}

interface Scoring {
  asOf: string;
  windows: ScoreWindows;
  settings: ScoreSettings;
  baseCurrency: string;
  userZone: string;
  orderParams: OrderFactsParams;
  activityParams: Record<string, string | number>;
  /** Instant the as-of day ends (the start of the next local day): instants before it are "up to the as-of date". */
  cut: string;
  buyerMorning: string;
  /** Quarterly reviews are recorded when due in (from, as-of] (scheduleHorizonDays); the other two widen it by a day. */
  reviews: { from: string; widerFrom: string; dayAfter: string };
}

/** The as-of date's windows, settings and statement parameters (exported for the facts tests). */
export function scoringFor(db: Sqlite, host: HostFacts, now: string, asOf: string | undefined): Scoring {
  const get = readSettings(db, host);
  const userZone = stringSetting(get, 'myTimeZone', host.timeZone);
  const horizon = Math.max(0, numberSetting(get, 'scheduleHorizonDays', 7));
  const day = asOf ?? dateInZone(now, userZone);
  const w = scoreWindows(day);
  const scoreWeights = Object.fromEntries(scoreParts.map((p) => [p, numberSetting(get, `scoreWeights.${p}`, 0)])) as ScoreWeights;
  const healthWeights = Object.fromEntries(healthIndicators.map((i) => [i, numberSetting(get, `healthWeights.${i}`, 1)])) as HealthWeights;

  const [c1, c2, c3, c4, c5, c6] = w.churnMonths;
  const orderParams: OrderFactsParams = {
    d: day,
    b3: w.since[3],
    b6: w.since[6],
    b12: w.since[12],
    b24: w.since[24],
    mb3: monthOf(w.since[3]),
    mb12: monthOf(w.since[12]),
    mb24: monthOf(w.since[24]),
    dm: monthOf(day),
    c1,
    c2,
    c3,
    c4,
    c5,
    c6,
  };
  const cut = dayStart(addDays(day, 1), userZone);
  const activityParams: Record<string, string | number> = {
    cut,
    i90: dayStart(w.days90From, userZone),
    i12: dayStart(addDays(w.since[12], 1), userZone),
    churn_from: dayStart(firstDayOf(c4), userZone),
    churn_to: dayStart(firstDayOf(monthOf(day)), userZone),
  };
  for (const source of inquirySources) {
    activityParams[`sla_${source}`] = numberSetting(get, `slaHours.${source}`, 2);
  }
  return {
    asOf: day,
    windows: w,
    settings: { scoreWeights, healthWeights },
    baseCurrency: stringSetting(get, 'baseCurrency', 'CNY'),
    userZone,
    orderParams,
    activityParams,
    cut,
    buyerMorning: stringSetting(get, 'buyerMorning', '08:15'),
    reviews: { from: addDays(day, -horizon), widerFrom: addDays(day, -horizon - 1), dayAfter: addDays(day, 1) },
  };
}

// ───────────────────────────── facts ─────────────────────────────

const ACCOUNT_COLUMNS = 'id, strategic_fit, reputation, priority_channel, created_at, review_anchor, time_zone';
const ACCOUNTS_SQL = `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE deleted_at IS NULL`;
const ACCOUNTS_SQL_SCAN = `SELECT ${ACCOUNT_COLUMNS} FROM accounts NOT INDEXED WHERE deleted_at IS NULL`;

interface AccountRowLite {
  id: string;
  strategic_fit: number;
  reputation: number;
  priority_channel: number;
  created_at: string;
  review_anchor: string | null;
  time_zone: string;
}

/** R1/R4/R16: the SLA hours of an inquiry's source, halved for urgency ≥ 4 or the priority channel (not stacking). */
const SLA_HOURS = `(CASE i.source WHEN 'website' THEN :sla_website WHEN 'email' THEN :sla_email WHEN 'marketplace' THEN :sla_marketplace
  WHEN 'fair' THEN :sla_fair WHEN 'referral' THEN :sla_referral ELSE :sla_phone END)
  * (CASE WHEN i.urgency >= 4 OR a.priority_channel = 1 THEN 0.5 ELSE 1 END)`;

/** R16: an inquiry's quality is the mean of the ratings given, to one decimal (domain/scoring/inquiry-quality.ts). */
const QUALITY = `round((coalesce(i.authenticity, 0) + coalesce(i.urgency, 0) + coalesce(i.value, 0)) * 1.0
  / nullif((i.authenticity IS NOT NULL) + (i.urgency IS NOT NULL) + (i.value IS NOT NULL), 0), 1)`;

const OPEN_INQUIRY = `((i.first_reply_at IS NULL AND i.status = 'open') OR i.first_reply_at >= :cut)`;
const ANSWERED_90 = `i.received_at >= :i90 AND i.first_reply_at < :cut`;

function inquiriesSql(one: boolean): string {
  return `SELECT i.account_id,
    count(*) FILTER (WHERE i.received_at >= :i90) AS inquiries90,
    count(*) FILTER (WHERE i.received_at >= :churn_from AND i.received_at < :churn_to) AS churn_inquiries,
    count(*) FILTER (WHERE ${ANSWERED_90}) AS replies90,
    median((julianday(i.first_reply_at) - julianday(i.received_at)) * 24 / (${SLA_HOURS})) FILTER (WHERE ${ANSWERED_90}) AS reply_ratio,
    count(*) FILTER (WHERE ${OPEN_INQUIRY}) AS open_inquiries,
    max(i.urgency) FILTER (WHERE ${OPEN_INQUIRY}) AS open_max_urgency,
    max(${QUALITY}) FILTER (WHERE ${OPEN_INQUIRY}) AS open_best_quality,
    max(coalesce(${QUALITY}, 2.5)) FILTER (WHERE ${OPEN_INQUIRY}) AS open_quality_floor
  FROM inquiries i JOIN accounts a ON a.id = i.account_id
  WHERE i.deleted_at IS NULL AND i.received_at < :cut${one ? ' AND i.account_id = :account' : ''}
  GROUP BY i.account_id`;
}

const DEADLINE_72H = `strftime('%Y-%m-%dT%H:%M:%SZ', opened_at, '+72 hours')`;
const RESOLVED_72H = `(resolved_at < :cut AND resolved_at <= ${DEADLINE_72H})`;
const OPEN_COMPLAINT = '(resolved_at IS NULL OR resolved_at >= :cut)';

function complaintsSql(one: boolean): string {
  return `SELECT account_id,
    count(*) FILTER (WHERE ${OPEN_COMPLAINT} AND grade = 'A') AS open_a,
    count(*) FILTER (WHERE ${OPEN_COMPLAINT} AND grade = 'B') AS open_b,
    count(*) FILTER (WHERE ${OPEN_COMPLAINT} AND grade = 'C') AS open_c,
    count(*) FILTER (WHERE opened_at >= :i12 AND (${RESOLVED_72H} OR ${DEADLINE_72H} <= :cut)) AS complaints12,
    count(*) FILTER (WHERE opened_at >= :i12 AND ${RESOLVED_72H}) AS resolved12
  FROM complaints WHERE deleted_at IS NULL AND opened_at < :cut${one ? ' AND account_id = :account' : ''}
  GROUP BY account_id`;
}

function quotesSql(one: boolean): string {
  return `SELECT account_id, count(*) FILTER (WHERE status = 'won') AS won12, count(*) FILTER (WHERE status = 'lost') AS lost12
  FROM quotes WHERE deleted_at IS NULL AND status IN ('won', 'lost') AND closed_at >= :i12 AND closed_at < :cut${one ? ' AND account_id = :account' : ''}
  GROUP BY account_id`;
}

function contactsSql(one: boolean): string {
  return `SELECT account_id, max(occurred_at) AS last_contact FROM interactions
  WHERE deleted_at IS NULL AND occurred_at < :cut${one ? ' AND account_id = :account' : ''} GROUP BY account_id`;
}

interface InquiryRow {
  account_id: string;
  inquiries90: number;
  churn_inquiries: number;
  replies90: number;
  reply_ratio: number | null;
  open_inquiries: number;
  open_max_urgency: number | null;
  open_best_quality: number | null;
  open_quality_floor: number | null;
}
interface ComplaintRow {
  account_id: string;
  open_a: number;
  open_b: number;
  open_c: number;
  complaints12: number;
  resolved12: number;
}
interface QuoteRow {
  account_id: string;
  won12: number;
  lost12: number;
}
interface ContactRow {
  account_id: string;
  last_contact: string;
}

function byAccount<T extends { account_id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.account_id, r]));
}

interface Activity {
  inquiries: Map<string, InquiryRow>;
  complaints: Map<string, ComplaintRow>;
  quotes: Map<string, QuoteRow>;
  contacts: Map<string, ContactRow>;
}

function activityOf(db: Sqlite, s: Scoring, accountId: string | null): Activity {
  const one = accountId !== null;
  const params = one ? { ...s.activityParams, account: accountId } : s.activityParams;
  return {
    inquiries: byAccount(prepared(db, inquiriesSql(one)).all(params) as InquiryRow[]),
    complaints: byAccount(prepared(db, complaintsSql(one)).all(params) as ComplaintRow[]),
    quotes: byAccount(prepared(db, quotesSql(one)).all(params) as QuoteRow[]),
    contacts: byAccount(prepared(db, contactsSql(one)).all(params) as ContactRow[]),
  };
}

const WHOLE_DAY_MS = 86_400_000;

/** An account's facts from its order facts row (none: no orders up to the date) and the small tables. */
function factsOf(account: AccountRowLite, o: OrderFactsRow | undefined, activity: Activity, s: Scoring, quintiles: Quintiles): AccountFacts {
  const facts = emptyFacts(account.id, s.windows.churnMonths);
  facts.strategicFit = account.strategic_fit;
  facts.reputation = account.reputation;
  facts.priorityChannel = account.priority_channel === 1;
  if (o) {
    facts.orders = {
      count: o.orders_all,
      firstOrder: o.first_order,
      lastOrder: o.last_order,
      orders24: o.orders24,
      revenue24: o.revenue24,
      orders12: o.orders12,
      revenue12: o.revenue12,
      revenuePrev12: o.revenue_prev12,
      costedRevenue12: o.costed12,
      cost12: o.cost12,
      costedRevenue3: o.costed3,
      cost3: o.cost3,
    };
    facts.volume = {
      orders6: o.orders6,
      withQuantity6: o.with_quantity6,
      unitMin: o.unit_min6,
      unitMax: o.unit_max6,
      amount3: o.amount3,
      quantity3: o.quantity3,
      amountPrev3: o.amount_prev3,
      quantityPrev3: o.quantity_prev3,
    };
    const churn = facts.churn;
    churn.orders = o.churn_orders;
    churn.withQuantity = o.churn_with_quantity;
    churn.unitMin = o.churn_unit_min;
    churn.unitMax = o.churn_unit_max;
    churn.amounts = [o.churn_amount1, o.churn_amount2, o.churn_amount3, o.churn_amount4, o.churn_amount5, o.churn_amount6];
    churn.quantities = [o.churn_quantity1, o.churn_quantity2, o.churn_quantity3, o.churn_quantity4, o.churn_quantity5, o.churn_quantity6];
    facts.gaps = { count: o.gap_count, sum: o.gap_sum, sumOfSquares: o.gap_sumsq, median: o.median_gap };
    facts.payments = { due12: o.due12, onTime12: o.on_time12, due24: o.due24, onTime24: o.on_time24, overdue: o.overdue };
  }
  const inq = activity.inquiries.get(account.id);
  const complaints = activity.complaints.get(account.id);
  const quotes = activity.quotes.get(account.id);
  const contact = activity.contacts.get(account.id);
  const a = facts.activity;
  if (inq) {
    facts.churn.newInquiries = inq.churn_inquiries;
    a.inquiries90 = inq.inquiries90;
    a.replies90 = inq.replies90;
    a.medianReplyRatio = inq.reply_ratio;
    a.openInquiries = inq.open_inquiries;
    a.openMaxUrgency = inq.open_max_urgency;
    a.openBestQuality = inq.open_best_quality;
    a.openAllLowQuality = inq.open_inquiries > 0 && (inq.open_quality_floor ?? 5) < 2.5;
  }
  if (quotes) {
    a.quotesWon12 = quotes.won12;
    a.quotesLost12 = quotes.lost12;
  }
  if (complaints) {
    a.openComplaints = { A: complaints.open_a, B: complaints.open_b, C: complaints.open_c };
    a.complaints12 = complaints.complaints12;
    a.resolvedIn72h12 = complaints.resolved12;
  }
  if (contact) a.daysSinceContact = Math.floor((Date.parse(s.cut) - Date.parse(contact.last_contact)) / WHOLE_DAY_MS);
  facts.quintiles = quintiles;
  return facts;
}

/** An account is scored as of a date when it existed by then, or has orders by then (imported history). */
function existedBy(account: AccountRowLite, o: OrderFactsRow | undefined, s: Scoring): boolean {
  return account.created_at < s.cut || (o?.orders_all ?? 0) > 0;
}

// ───────────────────────────── bounds for one-account rescoring ─────────────────────────────

interface Bounds {
  asOf: string;
  /** For s = 1…4: the smallest value scoring more than s (null: none). A value reaching it scores more than s. */
  r: (string | null)[];
  f: (number | null)[];
  m: (number | null)[];
  /** Ascending [smallest 12-month revenue of a purchase level, that level] pairs. */
  purchase: [number, number][];
}

const BOUNDS_KEY = 'bounds';

/** Collects the bounds while the book is scored: per score level, the smallest value scoring that level. */
class BoundsCollector {
  private r: (string | null)[] = [null, null, null, null, null];
  private f: (number | null)[] = [null, null, null, null, null];
  private m: (number | null)[] = [null, null, null, null, null];
  private purchase = new Map<number, number>();

  add(row: OrderFactsRow): void {
    const keep = <T extends string | number>(levels: (T | null)[], level: number | null, value: T) => {
      if (level === null) return;
      const least = levels[level - 1];
      if (least === null || least === undefined || value < least) levels[level - 1] = value;
    };
    keep(this.r, row.q_r, row.last_order ?? '');
    keep(this.f, row.q_f, row.orders24);
    keep(this.m, row.q_m, row.revenue24);
    if (row.q_purchase !== null) {
      this.purchase.set(row.q_purchase, Math.min(this.purchase.get(row.q_purchase) ?? Number.POSITIVE_INFINITY, row.revenue12));
    }
  }

  bounds(asOf: string): Bounds {
    /** The smallest value scoring more than `level`. */
    const above = <T extends string | number>(levels: (T | null)[]) =>
      [1, 2, 3, 4].map((level) => levels.slice(level).reduce<T | null>((least, v) => (v !== null && (least === null || v < least) ? v : least), null));
    return {
      asOf,
      r: above(this.r),
      f: above(this.f),
      m: above(this.m),
      purchase: [...this.purchase.entries()].sort((a, b) => a[0] - b[0]).map(([pct, value]) => [value, pct]),
    };
  }
}

/** A value's score against the bounds: 1, plus one for each next level whose smallest value it reaches. */
function scoreAgainst<T extends string | number>(value: T, above: (T | null)[]): number {
  return 1 + above.filter((least) => least !== null && value >= least).length;
}

/** The highest purchase level whose smallest revenue the value reaches (below them all: the lowest level). */
function purchaseAgainst(revenue: number, pairs: [number, number][]): number {
  let level = pairs[0]?.[1] ?? 100;
  for (const [least, pct] of pairs) if (revenue >= least) level = Math.max(level, pct);
  return level;
}

function readBounds(db: Sqlite): Bounds | null {
  const row = prepared(db, 'SELECT value FROM scoring_state WHERE key = ?').get(BOUNDS_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Bounds) : null;
}

function writeState(db: Sqlite, key: string, value: unknown, now: string): void {
  prepared(
    db,
    `INSERT INTO scoring_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now);
}

// ───────────────────────────── snapshots ─────────────────────────────

const SNAPSHOT_COLUMNS = `id, account_id, as_of, recency, frequency, monetary, tier, value_score, parts, quadrant, loyalty, health,
    churn_warning, computed_at, created_at, updated_at`;
/** Rows per statement: 200 × 16 bound values, well under SQLite's limit. */
const SNAPSHOT_BATCH = 200;

/** The columns a rescore writes; a stored snapshot equal in all of them is left as it is (no page rewritten). */
const SNAPSHOT_VALUES = ['recency', 'frequency', 'monetary', 'tier', 'value_score', 'parts', 'quadrant', 'loyalty', 'health', 'churn_warning'];

const SNAPSHOT_UPDATE = `ON CONFLICT (account_id, as_of) WHERE deleted_at IS NULL DO UPDATE SET
    ${SNAPSHOT_VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}, computed_at = excluded.computed_at, updated_at = excluded.updated_at
    WHERE ${SNAPSHOT_VALUES.map((c) => `score_snapshots.${c} IS NOT excluded.${c}`).join(' OR ')}`;

/** An upsert of `rows` snapshots (1 or SNAPSHOT_BATCH), 16 values each in SNAPSHOT_COLUMNS order. */
function snapshotUpsert(db: Sqlite, rows: number) {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  return prepared(db, `INSERT INTO score_snapshots (${SNAPSHOT_COLUMNS}) VALUES ${values} ${SNAPSHOT_UPDATE}`);
}

/** A snapshot's written values as one string, to tell an unchanged snapshot from the stored one. */
function snapshotKey(values: readonly unknown[]): string {
  return values.map((v) => (v === null ? '\u0000' : String(v))).join('\u0001');
}

/** The snapshots already stored for a day, by account: their values as `snapshotKey` gives them. */
function storedSnapshots(db: Sqlite, asOf: string): Map<string, string> {
  const rows = prepared(db, `SELECT account_id, ${SNAPSHOT_VALUES.join(', ')} FROM score_snapshots WHERE as_of = ? AND deleted_at IS NULL`)
    .raw()
    .all(asOf) as unknown[][];
  return new Map(rows.map((row) => [row[0] as string, snapshotKey(row.slice(1))]));
}

/**
 * Writes snapshots as they are computed, `SNAPSHOT_BATCH` rows per statement (nothing of a 50,000-account rescore is
 * kept in memory); `flush` writes the rest. All of one as-of day; the weights, the same for every row, are encoded
 * once. With `stored` (the day's snapshots already there), an unchanged snapshot is not sent to SQLite at all.
 */
function snapshotWriter(db: Sqlite, now: string, asOf: string, settings: ScoreSettings, stored?: Map<string, string>) {
  const full = snapshotUpsert(db, SNAPSHOT_BATCH);
  const one = snapshotUpsert(db, 1);
  const nextId = monotonicFactory();
  const nowMs = Date.parse(now);
  const weights = weightsJson(settings);
  let values: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    if (rows === SNAPSHOT_BATCH) full.run(values);
    else for (let r = 0; r < rows; r++) one.run(values.slice(r * 16, r * 16 + 16));
    values = [];
    rows = 0;
  };
  const write = (score: AccountScore, facts: AccountFacts) => {
    // In SNAPSHOT_VALUES order.
    const row = [
      score.rfm?.r ?? null,
      score.rfm?.f ?? null,
      score.rfm?.m ?? null,
      score.rfm?.tier ?? null,
      score.value.score,
      storedScoreJson(facts, weights),
      score.quadrant,
      score.loyalty?.class ?? null,
      score.health.score,
      score.churn.warning ? 1 : 0,
    ];
    const before = stored?.get(score.accountId);
    if (before !== undefined && before === snapshotKey(row)) return;
    values.push(nextId(nowMs), score.accountId, asOf, ...row, now, now, now);
    if (++rows === SNAPSHOT_BATCH) flush();
  };
  return { write, flush };
}

/** A stored snapshot, scored again from its facts and weights: the same numbers, with everything they show. */
function fromSnapshot(accountId: string, asOf: string, parts: string): AccountScore {
  const { facts, settings } = decodeScore(JSON.parse(parts) as StoredScore, accountId, scoreWindows(asOf).churnMonths);
  return scoreAccount(facts, asOf, settings);
}

// ───────────────────────────── quarterly health reviews (R13) ─────────────────────────────

interface DueReview {
  accountId: string;
  date: string;
  zone: string;
  health: Health;
}

/**
 * Whether an active account (an order in the last 24 months) has a quarterly review due: its anchored date (review
 * anchor or creation date, in its own zone, + 3k months) within (as-of − scheduleHorizonDays, as-of].
 */
function reviewDue(account: AccountRowLite, score: AccountScore, s: Scoring): DueReview | null {
  if (score.rfm === null || score.rfm.orders24 === 0) return null;
  const anchor = account.review_anchor ?? account.created_at;
  // The anchor's UTC date is its local date ± 1 day: only an account near its review date needs its zone looked up.
  const near = latestReviewDate(anchor.slice(0, 10), s.reviews.dayAfter);
  if (near === null || near <= s.reviews.widerFrom) return null;
  const date = latestReviewDate(dateInZone(anchor, account.time_zone), s.asOf);
  if (date === null || date <= s.reviews.from) return null;
  return { accountId: account.id, date, zone: account.time_zone, health: score.health };
}

/**
 * Records each due review once: the health score and its twelve indicators as of the rescore. `due_at` is the
 * anchored date at the buyer's morning, not yet rolled to a business day (the scheduler's part).
 */
function recordReviews(db: Sqlite, s: Scoring, due: DueReview[], now: string): number {
  if (due.length === 0) return 0;
  const exists = prepared(db, 'SELECT 1 FROM health_reviews WHERE account_id = ? AND due_at = ? AND deleted_at IS NULL');
  const insert = prepared(
    db,
    `INSERT INTO health_reviews (id, account_id, due_at, reviewed_at, score, indicators, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const nextId = monotonicFactory();
  // Many accounts share a zone and a review date: each pair is converted once.
  const instants = new Map<string, string>();
  let written = 0;
  for (const review of due) {
    const key = `${review.date} ${review.zone}`;
    let dueAt = instants.get(key);
    if (dueAt === undefined) {
      dueAt = formatInstant(Temporal.PlainDateTime.from(`${review.date}T${s.buyerMorning}`).toZonedDateTime(review.zone).toInstant());
      instants.set(key, dueAt);
    }
    if (exists.get(review.accountId, dueAt)) continue;
    const indicators = review.health.indicators.map((i) => ({ name: i.name, score: i.score, weight: i.weight, facts: i.facts }));
    insert.run(nextId(Date.parse(now)), review.accountId, dueAt, now, review.health.score, JSON.stringify(indicators), now, now);
    written++;
  }
  return written;
}

// ───────────────────────────── computing ─────────────────────────────

/**
 * Where a full rescore's time goes, phase by phase, printed to stderr when TRADEBOOK_SCORING_PHASES is set (the
 * bench's diagnostics); otherwise each mark is one property test.
 */
class Phases {
  private readonly on = Boolean(process.env.TRADEBOOK_SCORING_PHASES);
  private last = performance.now();
  private readonly spent = new Map<string, number>();

  mark(name: string): void {
    if (!this.on) return;
    const t = performance.now();
    this.spent.set(name, (this.spent.get(name) ?? 0) + t - this.last);
    this.last = t;
  }

  report(): void {
    if (!this.on) return;
    const parts = [...this.spent].map(([name, ms]) => `${name} ${Math.round(ms)}`);
    process.stderr.write(`scoring phases (ms): ${parts.join(', ')}\n`);
  }
}


/**
 * Every account's scores as of the scoring date — facts in SQL (book-wide), scores in the domain — handed one by one
 * to `each` with the account's order facts row (none without orders). `full`: a full rescore, which runs `meanwhile`
 * after starting the facts read; with `threads` (everything the facts read is committed) a large book's order facts
 * are read on worker threads while this thread runs `meanwhile` and reads the activity facts and the accounts.
 */
function forEachScore(
  db: Sqlite,
  s: Scoring,
  each: (score: AccountScore, facts: AccountFacts, account: AccountRowLite, orders: OrderFactsRow | undefined) => void,
  phases?: Phases,
  full?: { meanwhile: () => void; threads: boolean },
): void {
  const pending = startBookOrderFacts(db, s.orderParams, full?.threads ?? false);
  phases?.mark('order facts (start)');
  if (full) {
    full.meanwhile();
    phases?.mark('stored snapshots');
  }
  const activity = activityOf(db, s, null);
  phases?.mark('activity facts (SQL)');
  // A table scan and a sort here: walking the id index costs a table look-up per account.
  const accounts = (prepared(db, `${ACCOUNTS_SQL_SCAN}`).all() as AccountRowLite[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  phases?.mark('accounts');
  // Accounts and each range's facts rows are in id order: walk them together, a range as soon as it is read.
  let a = 0;
  for (const range of pending.ranges()) {
    phases?.mark(`order facts (${pending.how})`);
    let next = 0;
    for (; a < accounts.length && (range.hi === null || accounts[a]!.id < range.hi); a++) {
      const account = accounts[a]!;
      while (next < range.accountIds.length && range.accountIds[next]! < account.id) next++;
      const o = range.accountIds[next] === account.id ? range.row(next) : undefined;
      if (!existedBy(account, o, s)) continue;
      const quintiles = { r: o?.q_r ?? null, f: o?.q_f ?? null, m: o?.q_m ?? null, purchase: o?.q_purchase ?? null };
      const facts = factsOf(account, o, activity, s, quintiles);
      const score = scoreAccount(facts, s.asOf, s.settings);
      phases?.mark('scores (domain)');
      each(score, facts, account, o);
    }
  }
}

/** One account's scores computed book-wide (exact), without writing anything. */
function scoreInBook(db: Sqlite, s: Scoring, accountId: string): AccountScore | null {
  let found: AccountScore | null = null;
  forEachScore(db, s, (score) => {
    if (score.accountId === accountId) found = score;
  });
  return found;
}

/** The months are rebuilt first when orders changed without them (see db/account-months.ts). */
function ensureMonths(db: Sqlite, now: string): boolean {
  if (accountMonthsFresh(db)) return false;
  db.transaction(() => rebuildAccountMonths(db, now)).immediate();
  return true;
}

class Tally {
  accounts = 0;
  withOrders = 0;
  churnWarnings = 0;
  tiers = Object.fromEntries(tiers.map((t) => [t, 0])) as Record<Tier, number>;
  quadrants = Object.fromEntries(quadrants.map((q) => [q, 0])) as Record<Quadrant, number>;
  loyalty = Object.fromEntries(loyaltyClasses.map((c) => [c, 0])) as Record<LoyaltyClass, number>;

  add(score: AccountScore): void {
    this.accounts++;
    if (score.rfm) {
      this.withOrders++;
      this.tiers[score.rfm.tier]++;
    }
    this.quadrants[score.quadrant]++;
    if (score.loyalty) this.loyalty[score.loyalty.class]++;
    if (score.churn.warning) this.churnWarnings++;
  }
}

/**
 * The full rescore: every account as of `asOf` (default: the user's today) in one transaction — snapshots upserted,
 * the bounds for one-account rescoring stored, due quarterly reviews recorded.
 */
/** How far a full rescore is: reading the facts, scoring account by account, writing (the commit). */
export interface RescoreProgress {
  phase: 'read' | 'score' | 'write';
  done: number;
  total: number;
}

/** A full rescore reports at most this often (ms), and at each phase's start and end. */
const PROGRESS_EVERY_MS = 100;

export function rescoreBook(db: Sqlite, host: HostFacts, now: string, asOf?: string, onProgress?: (p: RescoreProgress) => void): ScoreRunSummary {
  const started = performance.now();
  let reported = 0;
  const report = (p: RescoreProgress, force = false) => {
    if (!onProgress) return;
    const at = performance.now();
    if (!force && at - reported < PROGRESS_EVERY_MS) return;
    reported = at;
    onProgress(p);
  };
  const total = onProgress ? (prepared(db, 'SELECT count(*) FROM accounts WHERE deleted_at IS NULL').pluck().get() as number) : 0;
  report({ phase: 'read', done: 0, total }, true);
  let scored = 0;
  const phases = new Phases();
  // Called inside someone else's transaction, the facts may depend on writes not yet committed: read them in-process.
  const committed = !db.inTransaction;
  const rebuilt = ensureMonths(db, now);
  const s = scoringFor(db, host, now, asOf);
  const tally = new Tally();
  let reviews = 0;
  phases.mark('settings');
  db.transaction(() => {
    let snapshots = snapshotWriter(db, now, s.asOf, s.settings);
    const bounds = new BoundsCollector();
    const due: DueReview[] = [];
    forEachScore(
      db,
      s,
      (score, facts, account, orders) => {
        snapshots.write(score, facts);
        tally.add(score);
        if (orders) bounds.add(orders);
        const review = reviewDue(account, score, s);
        if (review) due.push(review);
        scored += 1;
        report({ phase: 'score', done: scored, total: Math.max(total, scored) });
        phases.mark('snapshots, tally, bounds');
      },
      phases,
      { meanwhile: () => (snapshots = snapshotWriter(db, now, s.asOf, s.settings, storedSnapshots(db, s.asOf))), threads: committed },
    );
    report({ phase: 'write', done: scored, total: Math.max(total, scored) }, true);
    snapshots.flush();
    writeState(db, BOUNDS_KEY, bounds.bounds(s.asOf), now);
    const stale = staleScores(db);
    if (stale && stale.asOf <= s.asOf) prepared(db, 'DELETE FROM scoring_state WHERE key = ?').run(STALE_KEY);
    phases.mark('snapshots, tally, bounds');
    reviews = recordReviews(db, s, due, now);
    phases.mark('health reviews');
  }).immediate();
  phases.mark('commit');
  phases.report();
  return {
    asOf: s.asOf,
    accounts: tally.accounts,
    withOrders: tally.withOrders,
    tiers: tally.tiers,
    quadrants: tally.quadrants,
    loyalty: tally.loyalty,
    churnWarnings: tally.churnWarnings,
    healthReviews: reviews,
    rebuiltAggregates: rebuilt,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/**
 * One account's scores as of a date with its R, F, M and purchase read against the last full rescore's bounds
 * (everything else is exact). Without bounds yet, its place among the accounts is computed book-wide.
 */
function scoreOneAccount(db: Sqlite, s: Scoring, accountId: string): { score: AccountScore; facts: AccountFacts } {
  const account = prepared(db, `${ACCOUNTS_SQL} AND id = ?`).get(accountId) as AccountRowLite | undefined;
  if (!account) throw notFound('account', accountId);
  const bounds = readBounds(db);
  const o = accountOrderFacts(db, s.orderParams, accountId);
  let quintiles: Quintiles;
  if (bounds) {
    const hasOrders = (o?.orders_all ?? 0) > 0;
    quintiles = {
      r: hasOrders ? scoreAgainst(o?.last_order ?? '', bounds.r) : null,
      f: hasOrders ? scoreAgainst(o?.orders24 ?? 0, bounds.f) : null,
      m: hasOrders ? scoreAgainst(o?.revenue24 ?? 0, bounds.m) : null,
      purchase: (o?.orders12 ?? 0) > 0 ? purchaseAgainst(o?.revenue12 ?? 0, bounds.purchase) : null,
    };
  } else {
    const exact = scoreInBook(db, s, accountId);
    quintiles = exact
      ? { r: exact.rfm?.r ?? null, f: exact.rfm?.f ?? null, m: exact.rfm?.m ?? null, purchase: (o?.orders12 ?? 0) > 0 ? exact.value.parts.purchase : null }
      : { r: null, f: null, m: null, purchase: null };
  }
  const facts = factsOf(account, o, activityOf(db, s, accountId), s, quintiles);
  return { score: scoreAccount(facts, s.asOf, s.settings), facts };
}

// ───────────────────────────── one account, and the others in the background ─────────────────────────────

/**
 * Set when a one-account rescore changed what the book's R, F, M and purchase scores are read from (an account's last
 * order, 24-month orders and revenue, 12-month revenue): the bounds may have moved, and other accounts' scores with
 * them. Cleared by the next full rescore as of that date or later (`scores.run`, or `refreshStaleScores` from a
 * deferred job) — never inside `orders.add`, which stays within milliseconds.
 */
const STALE_KEY = 'bounds_stale';

export interface StaleScores {
  /** When the first change not yet rescored book-wide was made. */
  since: string;
  /** The as-of date of the one-account rescores that marked it (the user's today then). */
  asOf: string;
}

/** Whether the book's quintile bounds are waiting for a full rescore (null: they are current). */
export function staleScores(db: Sqlite): StaleScores | null {
  const row = prepared(db, 'SELECT value FROM scoring_state WHERE key = ?').get(STALE_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as StaleScores) : null;
}

/**
 * The deferred job: a full rescore as of the user's today when a new order may have moved the bounds, else nothing.
 * With `settleMs`, only once the first change not yet rescored is that old (a burst of orders is rescored once); the
 * app's ticker runs it after its ticks (src-main/services/ticker.ts).
 */
export function refreshStaleScores(db: Sqlite, host: HostFacts, now: string, settleMs = 0): ScoreRunSummary | null {
  const stale = staleScores(db);
  if (stale === null || Date.parse(stale.since) > Date.parse(now) - settleMs) return null;
  return rescoreBook(db, host, now);
}

/**
 * Records arrived from a colleague's file (or accounts were merged): every score may have moved, so the book is
 * marked for the background rescore (cleared by the next full rescore).
 */
export function markScoresStale(db: Sqlite, now: string): void {
  const stale = staleScores(db);
  writeState(db, STALE_KEY, { since: stale?.since ?? now, asOf: stale?.asOf ?? '1900-01-01' }, now);
}

/** How long the app waits after an order moved the bounds before it rescores the book in the background. */
export const STALE_SETTLE_MS = 2 * 60_000;

/** The values an account's R, F, M and purchase scores are read from, as a comparable key. */
function placeKey(facts: AccountFacts): string {
  const o = facts.orders;
  return JSON.stringify([o.count > 0 ? o.lastOrder : null, o.orders24, o.revenue24, o.orders12 > 0 ? o.revenue12 : null]);
}

/**
 * Rescores one account as of the user's today and stores its snapshot (called inside `orders.add`'s transaction).
 * When the values its place among the others is read from changed since its last snapshot of the day (or it had
 * none), the book is marked for a background refresh of the bounds (see STALE_KEY).
 */
export function rescoreAccount(db: Sqlite, host: HostFacts, now: string, accountId: string): AccountScore {
  const s = scoringFor(db, host, now, undefined);
  const { score, facts } = scoreOneAccount(db, s, accountId);
  const before = prepared(db, 'SELECT parts FROM score_snapshots WHERE account_id = ? AND as_of = ? AND deleted_at IS NULL').get(accountId, s.asOf) as
    | { parts: string }
    | undefined;
  const moved = before === undefined || placeKey(decodeScore(JSON.parse(before.parts) as StoredScore, accountId, s.windows.churnMonths).facts) !== placeKey(facts);
  const snapshots = snapshotWriter(db, now, s.asOf, s.settings);
  snapshots.write(score, facts);
  snapshots.flush();
  if (moved) {
    const stale = staleScores(db);
    writeState(db, STALE_KEY, { since: stale?.since ?? now, asOf: stale && stale.asOf > s.asOf ? stale.asOf : s.asOf }, now);
  }
  return score;
}

// ───────────────────────────── the API ─────────────────────────────

function renderContext(db: Sqlite, host: HostFacts, language: Language): RenderContext {
  return { language, baseCurrency: stringSetting(readSettings(db, host), 'baseCurrency', 'CNY') };
}

/** The issue's shape: scores with their reasons in the request language. */
export function toView(score: AccountScore, ctx: RenderContext): AccountScoreView {
  return {
    accountId: score.accountId,
    asOf: score.asOf,
    rfm: score.rfm === null ? null : { r: score.rfm.r, f: score.rfm.f, m: score.rfm.m, tier: score.rfm.tier },
    value: { score: score.value.score, parts: score.value.parts },
    quadrant: score.quadrant,
    loyalty: score.loyalty?.class ?? null,
    health: {
      score: score.health.score,
      indicators: score.health.indicators.map((i) => ({ name: i.name, score: i.score, weight: i.weight, reason: indicatorReason(i, ctx) })),
    },
    churn: {
      warning: score.churn.warning,
      reason: churnReason(score.churn, ctx),
      recoveryPlan: score.churn.recoveryPlan.map((step) => ({
        kind: step.kind,
        title: recoveryStepTitle(step, ctx.language),
        dueInBusinessDays: step.dueInBusinessDays,
      })),
    },
    inquiries: { open: score.inquiries.open, priority: score.inquiries.priority, reason: inquiriesReason(score, ctx) },
  };
}

export async function runScores(ctx: ServiceContext, input: ParsedInputOf<'scores.run'>): Promise<ScoreRunSummary> {
  return rescoreBook(ctx.book.sqlite, ctx.host, ctx.now(), input.asOf);
}

function requireAccountSync(db: Sqlite, accountId: string): void {
  if (!prepared(db, 'SELECT 1 FROM accounts WHERE id = ? AND deleted_at IS NULL').get(accountId)) throw notFound('account', accountId);
}

interface SnapshotRow {
  account_id: string;
  as_of: string;
  parts: string;
}

/** Stored scores: those of `asOf`, or each account's latest snapshot; for one account or a page of all (by id). */
export async function listScores(ctx: ServiceContext, input: ParsedInputOf<'scores.list'>, language: Language): Promise<AccountScoreView[]> {
  const db = ctx.book.sqlite;
  if (input.accountId !== undefined) requireAccountSync(db, input.accountId);
  const where: string[] = ['s.deleted_at IS NULL'];
  const params: Record<string, string | number> = { limit: input.limit, offset: input.offset };
  if (input.accountId !== undefined) {
    where.push('s.account_id = :account');
    params.account = input.accountId;
  }
  if (input.asOf !== undefined) {
    where.push('s.as_of = :as_of');
    params.as_of = input.asOf;
  } else {
    where.push('s.as_of = (SELECT max(l.as_of) FROM score_snapshots l WHERE l.account_id = s.account_id AND l.deleted_at IS NULL)');
  }
  const sql = `SELECT s.account_id, s.as_of, s.parts FROM score_snapshots s WHERE ${where.join(' AND ')}
    ORDER BY s.account_id LIMIT :limit OFFSET :offset`;
  const rows = prepared(db, sql).all(params) as SnapshotRow[];
  const render = renderContext(db, ctx.host, language);
  return rows.map((r) => toView(fromSnapshot(r.account_id, r.as_of, r.parts), render));
}

/**
 * The reasoning behind an account's scores, line by line: from its snapshot of that day (default: the user's today),
 * or computed on the spot — exactly, book-wide, nothing written — when there is none.
 */
export async function explainScore(ctx: ServiceContext, input: ParsedInputOf<'scores.explain'>, language: Language): Promise<ScoreExplanation> {
  const db = ctx.book.sqlite;
  requireAccountSync(db, input.accountId);
  const s = scoringFor(db, ctx.host, ctx.now(), input.asOf);
  const row = prepared(db, 'SELECT account_id, as_of, parts FROM score_snapshots WHERE account_id = ? AND as_of = ? AND deleted_at IS NULL').get(
    input.accountId,
    s.asOf,
  ) as SnapshotRow | undefined;
  const score = row ? fromSnapshot(row.account_id, row.as_of, row.parts) : (scoreInBook(db, s, input.accountId) ?? scoreOneAccount(db, s, input.accountId).score);
  return { accountId: input.accountId, asOf: score.asOf, lines: explanationLines(score, renderContext(db, ctx.host, language)) };
}
