import { paymentReminders } from '../../domain/receivables/aging';
import type { RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { outstandingSql } from '../../db/order-payments';
import { ACCOUNT_COLUMNS, HAS_TASKS, WITH_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict, type WantedTask } from './verdict';

/** The rule name of receivables reminders (issue 12; PRODUCT has no R-number for 回款). */
export const RECEIVABLES_RULE = 'receivables';

const RECEIVABLES = `SELECT o.id, o.number, o.ordered_at, o.due_on, o.currency, o.settled_on, o.deleted_at, o.updated_at,
    ${outstandingSql('o')} AS outstanding, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('orders', 'o.id')}
  FROM orders o JOIN accounts a ON a.id = o.account_id AND a.deleted_at IS NULL WHERE o.due_on IS NOT NULL`;
/** A rebuild: the open orders due from @recentDay on (the partial index of 0014), and those with tasks. */
export const RECEIVABLES_ALL = `${RECEIVABLES} AND o.rowid IN (
  SELECT rowid FROM orders WHERE deleted_at IS NULL AND paid_on IS NULL AND paid_in_full_on IS NULL AND due_on >= @recentDay
  UNION ALL SELECT o3.rowid FROM orders o3 WHERE o3.id IN (${WITH_TASKS('orders')}))`;
/** Orders changed since the watermark, and the orders whose payments changed. */
export const RECEIVABLES_CHANGED = `${RECEIVABLES} AND o.rowid IN (
  SELECT rowid FROM orders WHERE updated_at >= @w
  UNION ALL SELECT o2.rowid FROM payments p JOIN orders o2 ON o2.id = p.order_id WHERE p.updated_at >= @w)`;

export interface ReceivableRow extends AccountFacts {
  has_tasks: number;
  id: string;
  number: string | null;
  ordered_at: string;
  due_on: string;
  currency: string;
  settled_on: string | null;
  deleted_at: string | null;
  updated_at: string;
  outstanding: number;
}

/**
 * Receivables: an open order's payment reminders — `paymentReminderDays` days before its due date and on the day,
 * at the buyer's morning. Settled (marked paid, or paid in full by payments) or deleted: they close as done. An
 * order without tasks leaves out the reminders due before the horizon's floor.
 */
export function receivableVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: ReceivableRow, floorMs: number): Verdict {
  const base = { sourceTable: 'orders', sourceId: row.id, accountId: row.account_id, rules: [RECEIVABLES_RULE], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.settled_on !== null || row.outstanding <= 0) return { ...base, wanted: null, resolvedAt: null };
  const wanted: WantedTask[] = [];
  for (const reminder of paymentReminders(calendar, settings, buyerOf(row), row.due_on, settings.paymentReminderDays)) {
    if (row.has_tasks !== 1 && reminder.dueMs < floorMs) continue;
    wanted.push({
      key: `${RECEIVABLES_RULE}:order:${row.id}:${reminder.when}`,
      rule: RECEIVABLES_RULE,
      kind: reminder.when === 'due' ? 'payment_due_today' : 'payment_due_soon',
      titleKey: reminder.when === 'due' ? 'payment_due_today' : 'payment_due_soon',
      titleParams: { account: row.name, number: row.number ?? row.ordered_at, outstanding: row.outstanding, currency: row.currency, dueOn: row.due_on },
      dueMs: reminder.dueMs,
      details: { dueOn: row.due_on, outstanding: row.outstanding, currency: row.currency, daysBefore: reminder.daysBefore },
    });
  }
  return { ...base, wanted };
}
