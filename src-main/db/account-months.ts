/**
 * The per-account monthly order aggregates of migrations/0008_account-months.sql: rebuilt for the whole book (the
 * seed, a stale book) or for one account (after an order is added), always from the orders themselves with the
 * same statements the migration ran. A watermark — the orders' last rowid and latest updated_at — tells a full
 * rescore whether orders changed without their account's months being refreshed (an import written before this
 * table existed, a future merge), in which case the months are rebuilt before scoring.
 */
import type { Sqlite } from './connection';

const WATERMARK_KEY = 'account_months';

/** One row per account and month it ordered in; `gap` is the days since the account's previous order (same day: 0). */
function buildSql(oneAccount: boolean): string {
  return `INSERT INTO account_months
SELECT account_id, substr(ordered_at, 1, 7), count(*), round(total(amount_base), 2),
  round(total(CASE WHEN cost_base IS NOT NULL THEN amount_base END), 2), round(total(cost_base), 2), round(total(quantity), 6),
  count(quantity), min(unit), max(unit), min(ordered_at), max(ordered_at), count(gap), total(gap), total(gap * gap),
  coalesce(group_concat(gap), ''), count(due_on), count(*) FILTER (WHERE paid_on <= due_on),
  round(total(amount_base) FILTER (WHERE due_on IS NOT NULL AND paid_on IS NULL), 2),
  max(max(coalesce(due_on, ''), CASE WHEN paid_on > due_on THEN paid_on ELSE '' END)) FILTER (WHERE due_on IS NOT NULL)
FROM (
  SELECT account_id, ordered_at, amount_base, cost_base, quantity, unit, due_on, paid_on,
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
