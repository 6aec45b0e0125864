import { touchPointDue, touchTierOf, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { ACCOUNT_COLUMNS, HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict, type WantedTask } from './verdict';

// R6: the account's tier is the one of its latest score snapshot (none: `general`).
const ORDERS = `SELECT o.id, o.number, o.ordered_at, o.amount, o.currency, o.shipped_on, o.delivered_on, o.deleted_at, o.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('orders', 'o.id')},
  (SELECT s.tier FROM score_snapshots s WHERE s.account_id = o.account_id AND s.deleted_at IS NULL ORDER BY s.as_of DESC LIMIT 1) AS tier
  FROM orders o JOIN accounts a ON a.id = o.account_id AND a.deleted_at IS NULL
  WHERE (o.shipped_on IS NOT NULL OR o.delivered_on IS NOT NULL)`;
export const ORDERS_RECENT = `${ORDERS} AND o.rowid IN (
  SELECT rowid FROM orders WHERE max(coalesce(delivered_on, ''), coalesce(shipped_on, '')) >= @recentDay
  UNION ALL SELECT o3.rowid FROM tasks t JOIN orders o3 ON o3.id = t.source_id WHERE t.source_table = 'orders' AND t.deleted_at IS NULL)`;
// Changed orders, and the recent orders of their accounts (adding an order rescores its account: the tier may move).
export const ORDERS_CHANGED = `${ORDERS} AND o.rowid IN (SELECT rowid FROM orders WHERE updated_at >= @w
  UNION ALL SELECT o2.rowid FROM (SELECT DISTINCT account_id FROM orders WHERE updated_at >= @w) c
    JOIN orders o2 ON o2.account_id = c.account_id AND o2.deleted_at IS NULL
    WHERE max(coalesce(o2.delivered_on, ''), coalesce(o2.shipped_on, '')) >= @recentDay)`;

export interface OrderRow extends AccountFacts {
  has_tasks: number;
  tier: string | null;
  id: string;
  number: string | null;
  amount: number;
  currency: string;
  ordered_at: string;
  shipped_on: string | null;
  delivered_on: string | null;
  deleted_at: string | null;
  updated_at: string;
}

/**
 * How a to-do names its order (issue 13): its number, or — an order without one — its day and amount, so two orders of
 * one account on one day never give two to-dos that read the same.
 */
export function orderLabel(row: Pick<OrderRow, 'number' | 'ordered_at' | 'amount' | 'currency'>): string {
  if (row.number !== null && row.number.trim() !== '') return row.number;
  return `${row.ordered_at} (${row.currency} ${row.amount.toLocaleString('en-US', { maximumFractionDigits: 2 })})`;
}

const TOUCH_TITLES = { shipping: 'order_shipping', checkin: 'order_checkin', reorder: 'order_reorder' } as const;

/**
 * R6: the touch points of the account's tier (its latest snapshot; `general` unscored) — by default a shipping
 * update, a check-in and a reorder nudge some days after delivery (setting `touchPoints.<tier>`). A point the tier's
 * plan drops closes. An order without tasks leaves out the points due before the horizon's floor (`floorMs`): they
 * would not be created, and there is no task of theirs to keep (a rebuild looks at 60,000 recent orders).
 */
export function orderVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: OrderRow, floorMs: number): Verdict {
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
      titleParams: { account: row.name, number: orderLabel(row), days: plan.days },
      dueMs,
      details: { tier, point: plan.point, from: date, days: plan.days },
    });
  }
  return { ...base, wanted };
}
