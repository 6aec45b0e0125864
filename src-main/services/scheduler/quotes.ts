import type { Sqlite } from '../../db/connection';
import type { RecoveryAction } from '../../domain/quotes/loss';
import { expiryPlan, followUpDue, fxCutThrough, fxMove, fxReviewDue, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { formatMs, instantMs } from './instants';
import { ACCOUNT_COLUMNS, HAS_TASKS, WITH_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type ExistingTask, type Verdict, type WantedTask } from './verdict';

export interface QuoteRow extends AccountFacts {
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

const QUOTES = `SELECT q.id, q.number, q.status, q.validity_strategy, q.valid_through, q.sent_at, q.closed_at, q.deleted_at, q.updated_at,
  q.recovery_action, q.recovery_due_at, q.currency, q.reconfirmed_at, q.fx_flagged_at, q.fx_flag_rate, q.fx_moved_percent, q.fx_cut_through,
  (SELECT s.valid_through FROM quote_stages s WHERE s.quote_id = q.id AND s.deleted_at IS NULL AND s.completed_at IS NULL
     ORDER BY s.position LIMIT 1) AS stage_valid_through,
  (SELECT min(x.occurred_at) FROM interactions x WHERE x.account_id = q.account_id AND x.direction = 'in'
     AND x.deleted_at IS NULL AND x.occurred_at > q.sent_at) AS answered_at,
  ${ACCOUNT_COLUMNS}, ${HAS_TASKS('quotes', 'q.id')}
  FROM quotes q JOIN accounts a ON a.id = q.account_id AND a.deleted_at IS NULL`;
export const QUOTES_CHANGED = `${QUOTES} WHERE q.id IN (
  SELECT id FROM quotes WHERE updated_at >= @w
  UNION ALL SELECT s.quote_id FROM quote_stages s WHERE s.updated_at >= @w
  UNION ALL SELECT q2.id FROM (SELECT DISTINCT x.account_id FROM interactions x WHERE x.updated_at >= @w AND x.direction = 'in') answered
    CROSS JOIN quotes q2 WHERE q2.account_id = answered.account_id AND q2.status = 'sent')`;
export const QUOTES_REBUILD = `${QUOTES} WHERE q.id IN (
  SELECT id FROM quotes WHERE status = 'sent' AND deleted_at IS NULL AND (sent_at >= @recent OR valid_through >= @recent)
  UNION ALL SELECT id FROM quotes WHERE status = 'lost' AND deleted_at IS NULL AND closed_at >= @recent AND recovery_action IS NOT NULL
  UNION ALL ${WITH_TASKS('quotes')})`;

// R7: the FX-sensitive quotes that are sent, still valid, not flagged, with the latest rate of their currency dated
// from the quote date to the user's today and the rate their move counts from (the quote's, or the re-confirmed).
export const FX_QUOTES = `SELECT q.id, q.valid_through, q.fx_threshold_percent AS threshold, a.country, a.time_zone,
  coalesce(q.fx_reconfirmed_rate, q.fx_rate_at_quote) AS since_rate,
  (SELECT r.rate FROM fx_rates r WHERE r.currency = q.currency AND r.base_currency = @base AND r.deleted_at IS NULL
     AND r.rate_date >= q.quote_date AND r.rate_date <= @today ORDER BY r.rate_date DESC LIMIT 1) AS rate
  FROM quotes q JOIN accounts a ON a.id = q.account_id AND a.deleted_at IS NULL
  WHERE q.status = 'sent' AND q.deleted_at IS NULL AND q.valid_through >= @today AND q.validity_strategy = 'fx'
    AND q.fx_flagged_at IS NULL AND q.fx_rate_at_quote IS NOT NULL AND q.fx_threshold_percent IS NOT NULL`;
export const FX_QUOTES_CHANGED = `${FX_QUOTES} AND q.updated_at >= @w`;

export interface FxQuoteRow {
  id: string;
  valid_through: string | null;
  threshold: number;
  country: string;
  time_zone: string;
  since_rate: number;
  rate: number | null;
}

const EXPIRING_STRATEGIES = new Set(['fixed', 'fx', 'staged', 'periodic']);

/**
 * R2 (follow-up after a sent quote unless the buyer answered first) and R7 (expiry reminders; for a flagged
 * FX-sensitive quote, a review task and reminders counted from the cut — a reminder the cut overtook is dismissed,
 * and comes back when the user re-confirms).
 */
/**
 * R7: the last valid day a sent quote runs on — an FX cut once its currency moved past the threshold, else the
 * current stage of a staged quote, else the version's last valid day. The dashboard's "expiring this week" reads it too.
 */
export function runningValidThrough(
  row: Pick<QuoteRow, 'validity_strategy' | 'valid_through' | 'fx_flagged_at' | 'fx_cut_through' | 'stage_valid_through'>,
): string | null {
  if (row.validity_strategy === 'fx' && row.fx_flagged_at !== null && row.fx_cut_through !== null) return row.fx_cut_through;
  if (row.validity_strategy === 'staged') return row.stage_valid_through ?? row.valid_through;
  return row.valid_through;
}

export function quoteVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: QuoteRow, baseCurrency: string): Verdict {
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
  const validThrough = runningValidThrough(row);
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
export function flagFxMoves(sqlite: Sqlite, calendar: BusinessCalendar, rows: readonly FxQuoteRow[], nowMs: number, now: string, stamp: string): number {
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
