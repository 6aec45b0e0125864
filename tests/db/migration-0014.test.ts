/**
 * 0014_payments (STYLE: every migration has its own test): a book made by migrations 0001–0013 with paid, unpaid and
 * undated orders is migrated to 14 — every order keeps its columns, nothing is paid by payments yet, each order's
 * settled date is its paid date, the monthly aggregates read as 0008 defined them, and the new table's checks hold.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildAccountMonths } from '../../src-main/db/account-months';
import { openSqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-06-02T08:00:00Z';
const A = '01JNA0000000000000000000A1';
const O = (n: number) => `01JORD00000000000000000${String(n).padStart(3, '0')}`;

describe('0014_payments', () => {
  it('from 13 to 14: orders kept, settled on their paid date, months unchanged; payments keep their orders’ totals', () => {
    const dir = tempDir('tradebook-migration-0014-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 13 });
    db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(A, 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', T, T);
    const insert = db.prepare(
      `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, due_on, paid_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?)`,
    );
    insert.run(O(1), A, '2025-01-10', 1000, 1000, '2025-02-10', '2025-02-01', T, T);
    insert.run(O(2), A, '2025-02-10', 2000, 2000, '2025-03-10', null, T, T);
    insert.run(O(3), A, '2025-03-10', 3000, 3000, null, null, T, T);
    const orders = db.prepare('SELECT * FROM orders ORDER BY id').all() as Record<string, unknown>[];

    migrate(db, { file, appVersion: 'test', target: 14 });
    expect(schemaVersion(db)).toBe(14);
    const after = db.prepare('SELECT *, paid_amount, last_paid_on, paid_in_full_on, settled_on FROM orders ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ paid_amount: _a, last_paid_on: _l, paid_in_full_on: _f, settled_on: _s, ...old }) => old)).toEqual(orders);
    expect(after.map((o) => [o.paid_amount, o.last_paid_on, o.paid_in_full_on, o.settled_on])).toEqual([
      [0, null, null, '2025-02-01'],
      [0, null, null, null],
      [0, null, null, null],
    ]);
    // The months as 0008 defined them: January paid on time, February unpaid (2,000), March without a due date.
    db.transaction(() => rebuildAccountMonths(db, T))();
    const months = () => db.prepare('SELECT month, due_orders, due_on_time, unpaid_amount, open_until FROM account_months ORDER BY month').all();
    expect(months()).toEqual([
      { month: '2025-01', due_orders: 1, due_on_time: 1, unpaid_amount: 0, open_until: '2025-02-10' },
      { month: '2025-02', due_orders: 1, due_on_time: 0, unpaid_amount: 2000, open_until: '2025-03-10' },
      { month: '2025-03', due_orders: 0, due_on_time: 0, unpaid_amount: 0, open_until: null },
    ]);

    // Payments keep the order's totals, whoever writes them (here plain SQL, as a merge does); a tombstone counts no more.
    const pay = db.prepare('INSERT INTO payments (id, order_id, paid_on, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    pay.run('01JPAY00000000000000000001', O(2), '2025-03-01', 500, T, T);
    pay.run('01JPAY00000000000000000002', O(2), '2025-03-20', 1500, T, T);
    const totals = () => db.prepare(`SELECT paid_amount, last_paid_on, paid_in_full_on, settled_on FROM orders WHERE id = '${O(2)}'`).get();
    expect(totals()).toEqual({ paid_amount: 2000, last_paid_on: '2025-03-20', paid_in_full_on: '2025-03-20', settled_on: '2025-03-20' });
    db.prepare("UPDATE payments SET deleted_at = ? WHERE id = '01JPAY00000000000000000002'").run(T);
    expect(totals()).toEqual({ paid_amount: 500, last_paid_on: '2025-03-01', paid_in_full_on: null, settled_on: null });
    db.prepare(`UPDATE orders SET amount = 500 WHERE id = '${O(2)}'`).run();
    expect(totals()).toMatchObject({ paid_in_full_on: '2025-03-01', settled_on: '2025-03-01' });
    db.prepare(`UPDATE orders SET amount = 2000 WHERE id = '${O(2)}'`).run();
    // Partly paid (500 on 1 March, before the due date): 1,500 still unpaid, the month open until its due date.
    db.transaction(() => rebuildAccountMonths(db, T))();
    expect(months()[1]).toEqual({ month: '2025-02', due_orders: 1, due_on_time: 0, unpaid_amount: 1500, open_until: '2025-03-10' });
    expect(() => pay.run('01JPAY00000000000000000003', O(2), '2025-03-01', 0, T, T)).toThrow(/CHECK/);
    expect(() => pay.run('01JPAY00000000000000000004', O(2), '2025-03-01', 'much', T, T)).toThrow(/cannot store/);
    db.close();
  });
});
