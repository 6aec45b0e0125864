/**
 * 0008_account-months (STYLE: every migration has its own test): migrate a real file to 7, insert accounts and
 * orders, migrate to 8 — the old rows survive, the new tables are STRICT and checked, the monthly aggregates of the
 * orders already in the book are there (computed by hand below), they equal what the application's rebuild gives,
 * and the orders watermark is stored.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accountMonthsFresh, rebuildAccountMonths } from '../../src-main/db/account-months';
import { openSqlite, type Sqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, snapshot, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-03-01T10:00:00Z';
const A = '01JNA0000000000000000000A1';
const B = '01JNA0000000000000000000A2';

function fixture(db: Sqlite): void {
  const account = db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  account.run(A, 'Válvulas Ibéricas S.L.', 'ES', 'Europe/Madrid', T, T);
  account.run(B, '深圳华强电子有限公司', 'CN', 'Asia/Shanghai', T, T);
  const order = db.prepare(
    `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit, due_on, paid_on,
       created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // January: two orders in tonnes, one paid on time, one paid late (1 March).
  order.run('01JNA00000000000000000000O1', A, '2025-01-10', 1000, 1000, 700, 700, 2, 't', '2025-02-10', '2025-02-01', T, T, null);
  order.run('01JNA00000000000000000000O2', A, '2025-01-20', 500, 500, null, null, 1, 't', '2025-02-20', '2025-03-01', T, T, null);
  // March: two orders on the same day (the smaller id first), one unpaid, one without a due date.
  order.run('01JNA00000000000000000000O3', A, '2025-03-05', 800, 800, 600, 600, null, null, '2025-04-05', null, T, T, null);
  order.run('01JNA00000000000000000000O4', A, '2025-03-05', 200, 200, null, null, null, null, null, null, T, T, null);
  // A deleted order counts for nothing.
  order.run('01JNA00000000000000000000O5', A, '2025-02-14', 9999, 9999, null, null, null, null, null, null, T, T, T);
}

describe('0008_account-months', () => {
  it('from 7 to 8 keeps the old rows, adds strict checked tables and aggregates the orders already in the book', () => {
    const dir = tempDir('tradebook-migration-0008-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      migrate(db, { file, target: 7 });
      fixture(db);
      const before = snapshot(db);
      delete before.schema_migrations;

      expect(migrate(db, { file, target: 8, now: () => T })).toMatchObject({ from: 7, to: 8 });
      expect(schemaVersion(db, file)).toBe(8);
      const after = snapshot(db);
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);

      const strict = new Set((db.pragma('table_list') as { name: string; strict: number }[]).filter((t) => t.strict === 1).map((t) => t.name));
      expect(strict.has('account_months')).toBe(true);
      expect(strict.has('scoring_state')).toBe(true);
      const indexes = (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index'").all() as { name: string; sql: string | null }[]);
      expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['account_months_open', 'account_months_by_month', 'orders_by_account']));
      expect(indexes.find((i) => i.name === 'orders_by_account')?.sql).toMatch(/account_id, ordered_at, due_on, paid_on, amount_base/);

      // By hand: January — 2 orders, 1,500 (1,000 with a cost of 700), 3 t, gaps [10] (the first order has none),
      // 2 due, 1 on time, nothing unpaid, open until 1 March (the late payment). March — 2 orders on one day,
      // 1,000 (800 with a cost of 600), no quantity, gaps [44 (since 20 Jan), 0 (same day)], 1 due, unpaid 800,
      // open until its due date 5 April. B ordered nothing: no rows.
      const rows = db.prepare('SELECT * FROM account_months ORDER BY account_id, month').all() as Record<string, unknown>[];
      expect(rows.map((r) => ({ ...r, gaps: String(r.gaps).split(',').sort().join(',') }))).toEqual([
        {
          account_id: A, month: '2025-01', orders: 2, amount: 1500, costed_amount: 1000, cost: 700, quantity: 3, quantity_orders: 2,
          unit_min: 't', unit_max: 't', first_day: '2025-01-10', last_day: '2025-01-20', gap_count: 1, gap_sum: 10, gap_sumsq: 100,
          gaps: '10', due_orders: 2, due_on_time: 1, unpaid_amount: 0, open_until: '2025-03-01',
        },
        {
          account_id: A, month: '2025-03', orders: 2, amount: 1000, costed_amount: 800, cost: 600, quantity: 0, quantity_orders: 0,
          unit_min: null, unit_max: null, first_day: '2025-03-05', last_day: '2025-03-05', gap_count: 2, gap_sum: 44, gap_sumsq: 1936,
          gaps: '0,44', due_orders: 1, due_on_time: 0, unpaid_amount: 800, open_until: '2025-04-05',
        },
      ]);

      // The application's rebuild gives the same rows; the watermark says they are current.
      expect(accountMonthsFresh(db)).toBe(true);
      const migrated = snapshot(db).account_months;
      // The application reads the latest schema (0014's settled dates): upgrade the rest of the way first — no later
      // migration changes these rows — then rebuild.
      migrate(db, { file, now: () => T });
      expect(snapshot(db).account_months).toEqual(migrated);
      db.transaction(() => rebuildAccountMonths(db, T))();
      expect(snapshot(db).account_months).toEqual(migrated);

      // The new tables refuse bad rows.
      const bad: [string, unknown[], RegExp][] = [
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES (?, 'Jan-25', 1, 1, 0, 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, '', 0, 0, 0)", [B], /CHECK/],
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES (?, '2025-01', 0, 1, 0, 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, '', 0, 0, 0)", [B], /CHECK/],
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES (?, '2025-01', 1, 1, 0, 0, 0, 2, '2025-01-01', '2025-01-01', 0, 0, 0, '', 0, 0, 0)", [B], /CHECK/],
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES (?, '2025-01', 1, 1, 0, 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, 'x', 0, 0, 0)", [B], /CHECK/],
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES (?, '2025-01', 1, 'much', 0, 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, '', 0, 0, 0)", [B], /cannot store/],
        ["INSERT INTO account_months (account_id, month, orders, amount, costed_amount, cost, quantity, quantity_orders, first_day, last_day, gap_count, gap_sum, gap_sumsq, gaps, due_orders, due_on_time, unpaid_amount) VALUES ('nobody', '2025-01', 1, 1, 0, 0, 0, 0, '2025-01-01', '2025-01-01', 0, 0, 0, '', 0, 0, 0)", [], /FOREIGN KEY/],
        ["INSERT INTO scoring_state (key, value, updated_at) VALUES ('x', 'not json', '')", [], /CHECK/],
      ];
      for (const [sql, params, error] of bad) expect(() => db.prepare(sql).run(...params), sql).toThrow(error);

      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('an order written without refreshing its months makes the book stale until rebuilt', () => {
    const dir = tempDir('tradebook-migration-0008-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      migrate(db, { file, target: 7 });
      fixture(db);
      migrate(db, { file });
      expect(accountMonthsFresh(db)).toBe(true);
      db.prepare(
        `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, created_at, updated_at)
         VALUES ('01JNA00000000000000000000O9', ?, '2025-03-20', 10, 'CNY', 1, 10, ?, ?)`,
      ).run(B, T, T);
      expect(accountMonthsFresh(db)).toBe(false);
      db.transaction(() => rebuildAccountMonths(db, T))();
      expect(accountMonthsFresh(db)).toBe(true);
      expect(db.prepare('SELECT orders, amount FROM account_months WHERE account_id = ?').get(B)).toEqual({ orders: 1, amount: 10 });
    } finally {
      db.close();
    }
  });
});
