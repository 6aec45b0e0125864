/**
 * 0010_orders-latest-move (STYLE: every migration has its own test): migrate a real file to 9, insert orders,
 * migrate to 10 — every row survives unchanged, the index on an order's latest ship/delivery date exists, and the
 * scheduler's query for recently moved orders searches it instead of reading every order.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, type Sqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, snapshot, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-03-01T10:00:00Z';
const A = '01JNA0000000000000000000A1';

/** Orders shipped only, delivered, neither (a new order) and deleted. */
const ORDERS: [id: string, shipped: string | null, delivered: string | null, deleted: string | null][] = [
  ['01JNA0000000000000000000O1', '2025-01-10', '2025-02-02', null],
  ['01JNA0000000000000000000O2', '2025-02-20', null, null],
  ['01JNA0000000000000000000O3', null, null, null],
  ['01JNA0000000000000000000O4', '2025-02-25', '2025-02-27', T],
];

function fixture(db: Sqlite): void {
  db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    A,
    'Válvulas Ibéricas S.L.',
    'ES',
    'Europe/Madrid',
    T,
    T,
  );
  const order = db.prepare(
    `INSERT INTO orders (id, account_id, ordered_at, currency, amount, fx_rate, amount_base, shipped_on, delivered_on, created_at, updated_at, deleted_at)
     VALUES (?, ?, '2025-01-05', 'EUR', 1200, 7.8, 9360, ?, ?, ?, ?, ?)`,
  );
  for (const [id, shipped, delivered, deleted] of ORDERS) order.run(id, A, shipped, delivered, T, T, deleted);
}

/** The scheduler's form (src-main/services/scheduler/orders.ts, ORDERS_RECENT). */
const RECENT = "SELECT rowid FROM orders WHERE max(coalesce(delivered_on, ''), coalesce(shipped_on, '')) >= ?";
const ids = (db: Sqlite, day: string): string[] =>
  (db.prepare(`SELECT id FROM orders WHERE rowid IN (${RECENT}) ORDER BY id`).all(day) as { id: string }[]).map((r) => r.id);

describe('0010_orders-latest-move', () => {
  it('from 9 to 10 keeps the orders and indexes their latest ship/delivery date for the scheduler', () => {
    const dir = tempDir('tradebook-migration-0010-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      migrate(db, { file, target: 9 });
      fixture(db);
      const before = snapshot(db);
      delete before.schema_migrations;
      const recentBefore = ids(db, '2025-02-20');

      expect(migrate(db, { file, target: 10, now: () => T })).toMatchObject({ from: 9, to: 10 });
      expect(schemaVersion(db, file)).toBe(10);
      const after = snapshot(db);
      delete after.schema_migrations;
      expect(after).toEqual(before);

      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND name = 'orders_by_latest_move'").all()).toHaveLength(1);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${RECENT}`).all('2025-02-20') as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).toMatch(/USING (COVERING )?INDEX orders_by_latest_move/);
      // Same answer through the index: the orders shipped or delivered on or after the day (deleted ones too).
      const recent = ids(db, '2025-02-20');
      expect(recent).toEqual(recentBefore);
      expect(recent).toEqual(['01JNA0000000000000000000O2', '01JNA0000000000000000000O4']);

      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
