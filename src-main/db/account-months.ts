/**
 * The per-account monthly order aggregates of migrations/0008_account-months.sql: rebuilt for the whole book (the
 * seed, a stale book) or for one account (after an order is added), always from the orders themselves with the
 * same statements the migration ran. A watermark — the orders' last rowid and latest updated_at — tells a full
 * rescore whether orders changed without their account's months being refreshed (an import written before this
 * table existed, a future merge), in which case the months are rebuilt before scoring.
 */
import type { Sqlite } from './connection';
import { outstandingBaseSql } from './order-payments';
import type { AccountMonthRow } from './schema';

const WATERMARK_KEY = 'account_months';

/**
 * One row per account and month it ordered in; `gap` is the days since the account's previous order (same day: 0).
 * "Paid" is settled (0014: marked paid, or paid in full by payments), the unpaid amount what is still owed, and a
 * month stays open until its last payment after a due date.
 */
function buildSql(oneAccount: boolean): string {
  return `INSERT INTO account_months
SELECT account_id, substr(ordered_at, 1, 7), count(*), round(total(amount_base), 2),
  round(total(CASE WHEN cost_base IS NOT NULL THEN amount_base END), 2), round(total(cost_base), 2), round(total(quantity), 6),
  count(quantity), min(unit), max(unit), min(ordered_at), max(ordered_at), count(gap), total(gap), total(gap * gap),
  coalesce(group_concat(gap), ''), count(due_on), count(*) FILTER (WHERE paid_on <= due_on),
  round(total(unpaid_base) FILTER (WHERE due_on IS NOT NULL AND paid_on IS NULL), 2),
  max(max(coalesce(due_on, ''), CASE WHEN paid_on > due_on THEN paid_on ELSE '' END, CASE WHEN last_paid_on > due_on THEN last_paid_on ELSE '' END))
    FILTER (WHERE due_on IS NOT NULL)
FROM (
  SELECT account_id, ordered_at, amount_base, cost_base, quantity, unit, due_on, settled_on AS paid_on, last_paid_on,
    ${outstandingBaseSql('orders')} AS unpaid_base,
    CAST(julianday(ordered_at) - julianday(lag(ordered_at) OVER (PARTITION BY account_id ORDER BY ordered_at, id)) AS INTEGER) AS gap
  FROM orders WHERE deleted_at IS NULL${oneAccount ? ' AND account_id = :account' : ''}
)
GROUP BY account_id, substr(ordered_at, 1, 7)`;
}

export interface Watermark {
  lastRowid: number;
  updatedAt: string;
}

function isWatermark(value: unknown): value is Watermark {
  const v = value as Partial<Watermark> | null;
  return typeof v === 'object' && v !== null && typeof v.lastRowid === 'number' && typeof v.updatedAt === 'string';
}

/** The orders as they are now: two index look-ups, no scan. */
export function currentWatermark(db: Sqlite): Watermark {
  const rowid = db.prepare('SELECT max(rowid) AS v FROM orders').get() as { v: number | null };
  const updated = db.prepare('SELECT max(updated_at) AS v FROM orders').get() as { v: string | null };
  return { lastRowid: rowid.v ?? 0, updatedAt: updated.v ?? '' };
}

export function storedWatermark(db: Sqlite): Watermark | null {
  const row = db.prepare('SELECT value FROM scoring_state WHERE key = ?').get(WATERMARK_KEY) as { value: string } | undefined;
  if (!row) return null;
  const value = JSON.parse(row.value) as unknown;
  return isWatermark(value) ? value : null;
}

function storeWatermark(db: Sqlite, watermark: Watermark, now: string): void {
  db.prepare(
    `INSERT INTO scoring_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(WATERMARK_KEY, JSON.stringify(watermark), now);
}

/** Rebuilds every account's months from the orders (seed, stale book). Call inside a write transaction. */
export function rebuildAccountMonths(db: Sqlite, now: string): void {
  db.prepare('DELETE FROM account_months').run();
  db.prepare(buildSql(false)).run();
  storeWatermark(db, currentWatermark(db), now);
}

/**
 * Rebuilds one account's months from its orders (a few index look-ups) after its orders changed, and moves the
 * watermark only if it was current before the change: a book that was already stale stays stale until rebuilt.
 */
export function refreshAccountMonths(db: Sqlite, accountId: string, now: string, before: Watermark | null): void {
  db.prepare('DELETE FROM account_months WHERE account_id = ?').run(accountId);
  db.prepare(buildSql(true)).run({ account: accountId });
  const stored = storedWatermark(db);
  if (before && stored && stored.lastRowid === before.lastRowid && stored.updatedAt === before.updatedAt) {
    storeWatermark(db, currentWatermark(db), now);
  }
}

/** Are the months up to date with the orders? */
export function accountMonthsFresh(db: Sqlite): boolean {
  const stored = storedWatermark(db);
  const current = currentWatermark(db);
  return stored !== null && stored.lastRowid === current.lastRowid && stored.updatedAt === current.updatedAt;
}

/** One order as the monthly aggregates see it (base-currency amounts). */
export interface MonthOrder {
  orderedAt: string;
  amountBase: number;
  costBase: number | null;
  quantity: number | null;
  unit: string | null;
  dueOn: string | null;
  paidOn: string | null;
}

const DAY_MS = 86_400_000;
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The account_months rows of one account's orders, given in date order — the same rows `buildSql` computes, for a
 * bulk writer that already holds the orders (the seed): no second pass over a million orders.
 */
export function monthRowsOf(accountId: string, orders: readonly MonthOrder[]): AccountMonthRow[] {
  const rows = new Map<string, AccountMonthRow & { gapList: number[] }>();
  let previous: string | null = null;
  for (const o of orders) {
    const month = o.orderedAt.slice(0, 7);
    let row = rows.get(month);
    if (!row) {
      row = {
        account_id: accountId, month, orders: 0, amount: 0, costed_amount: 0, cost: 0, quantity: 0, quantity_orders: 0, unit_min: null,
        unit_max: null, first_day: o.orderedAt, last_day: o.orderedAt, gap_count: 0, gap_sum: 0, gap_sumsq: 0, gaps: '', due_orders: 0,
        due_on_time: 0, unpaid_amount: 0, open_until: null, gapList: [],
      };
      rows.set(month, row);
    }
    row.orders++;
    row.amount += o.amountBase;
    if (o.costBase !== null) {
      row.costed_amount += o.amountBase;
      row.cost += o.costBase;
    }
    if (o.quantity !== null) {
      row.quantity += o.quantity;
      row.quantity_orders++;
    }
    if (o.unit !== null) {
      if (row.unit_min === null || o.unit < row.unit_min) row.unit_min = o.unit;
      if (row.unit_max === null || o.unit > row.unit_max) row.unit_max = o.unit;
    }
    if (o.orderedAt > row.last_day) row.last_day = o.orderedAt;
    if (previous !== null) row.gapList.push(Math.round((Date.parse(o.orderedAt) - Date.parse(previous)) / DAY_MS));
    previous = o.orderedAt;
    if (o.dueOn !== null) {
      row.due_orders++;
      if (o.paidOn !== null && o.paidOn <= o.dueOn) row.due_on_time++;
      if (o.paidOn === null) row.unpaid_amount += o.amountBase;
      const settles = o.paidOn !== null && o.paidOn > o.dueOn ? o.paidOn : o.dueOn;
      if (row.open_until === null || settles > row.open_until) row.open_until = settles;
    }
  }
  return [...rows.values()].map(({ gapList, ...row }) => ({
    ...row,
    amount: cents(row.amount),
    costed_amount: cents(row.costed_amount),
    cost: cents(row.cost),
    quantity: Math.round(row.quantity * 1e6) / 1e6,
    unpaid_amount: cents(row.unpaid_amount),
    gap_count: gapList.length,
    gap_sum: gapList.reduce((a, b) => a + b, 0),
    gap_sumsq: gapList.reduce((a, b) => a + b * b, 0),
    gaps: gapList.join(','),
  }));
}

/** A prepared insert for `monthRowsOf` rows (call inside the writer's transaction, then `storeCurrentWatermark`). */
export function accountMonthsInserter(db: Sqlite): (rows: readonly AccountMonthRow[]) => void {
  const insert = db.prepare(
    `INSERT INTO account_months VALUES (@account_id, @month, @orders, @amount, @costed_amount, @cost, @quantity, @quantity_orders, @unit_min,
      @unit_max, @first_day, @last_day, @gap_count, @gap_sum, @gap_sumsq, @gaps, @due_orders, @due_on_time, @unpaid_amount, @open_until)`,
  );
  return (rows) => {
    for (const row of rows) insert.run(row);
  };
}

/** Records that the months are up to date with the orders as they are now. */
export function storeCurrentWatermark(db: Sqlite, now: string): void {
  storeWatermark(db, currentWatermark(db), now);
}
