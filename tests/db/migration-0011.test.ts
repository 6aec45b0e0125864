/**
 * 0011_change-tracking (STYLE: every migration has its own test): a book made by migrations 0001–0010 and seeded
 * with every kind of record is migrated to 11 — nothing is lost (every old column of every row is unchanged), the
 * book gets one site id, every shared row is stamped from its own `updated_at` and that site, the rebuilt child
 * tables keep their rows and foreign keys, and their positions are now unique among live rows only.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { SHARED_TABLES as ALL_SHARED } from '../../src-main/db/change-stamps';

/** The tables migration 0011 stamped (later migrations add shared tables of their own: 0012 task_states, 0014 payments). */
const SHARED_TABLES = ALL_SHARED.filter((t) => t !== 'task_states' && t !== 'payments');
import { openSqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { parseStamp } from '../../src-main/domain/sharing/hlc';
import { seedBook } from '../../src-main/services/seed';
import { removeDir, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

type Row = Record<string, unknown>;
const STAMP_COLUMNS = ['row_stamp', 'field_stamps', 'last_stamp', 'merged_into'];

function rowsOf(db: ReturnType<typeof openSqlite>, table: string): Row[] {
  return (db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Row[]).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !STAMP_COLUMNS.includes(k))),
  );
}

describe('0011_change-tracking', () => {
  it('from 10 to 11: every row kept, one site id, every shared row stamped from its updated_at', async () => {
    const dir = tempDir('tradebook-migration-0011-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 10 });
    db.close();
    // Seed the version-10 book through the services as they were: the seed writes stamps only when the columns exist,
    // so fill it at 10 with plain SQL copies of a seeded 11 book's rows instead.
    const seeded = path.join(dir, 'seeded.db');
    const source = openBook(seeded, { create: true });
    await seedBook({ book: source, now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } }, {
      accounts: 40,
      ordersPerAccount: 8,
      seed: 7,
      asOf: '2025-06-30',
    });
    await source.close();
    const old = openSqlite(file);
    old.prepare('ATTACH DATABASE ? AS seeded').run(seeded);
    for (const table of SHARED_TABLES) {
      const columns = (old.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
      old.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM seeded."${table}"`);
    }
    // A deleted quote item beside a live one at the same position: refused at 10, allowed once only live rows count.
    old.exec('DETACH DATABASE seeded');
    const before = Object.fromEntries(SHARED_TABLES.map((t) => [t, rowsOf(old, t)]));
    expect(before.orders!.length).toBeGreaterThan(100);
    expect(before.order_lines!.length).toBeGreaterThan(0);
    expect(before.quote_items!.length).toBeGreaterThan(0);

    migrate(old, { file, appVersion: 'test', target: 11 });
    expect(schemaVersion(old)).toBe(11);
    for (const table of SHARED_TABLES) expect(rowsOf(old, table), table).toEqual(before[table]);

    const sites = old.prepare('SELECT site, self FROM sync_sites').all() as { site: string; self: number }[];
    expect(sites).toHaveLength(1);
    expect(sites[0]!.self).toBe(1);
    const site = sites[0]!.site;
    expect(site).toMatch(/^[0-9a-f]{16}$/);
    for (const table of SHARED_TABLES) {
      const rows = old.prepare(`SELECT updated_at, row_stamp, field_stamps, last_stamp FROM "${table}"`).all() as Row[];
      for (const row of rows) {
        const stamp = parseStamp(row.row_stamp as string);
        expect(stamp.site).toBe(site);
        expect(stamp.ms).toBe(Date.parse(row.updated_at as string));
        expect(row.last_stamp).toBe(row.row_stamp);
        expect(row.field_stamps).toBe('{}');
      }
    }
    expect(old.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(old.pragma('foreign_keys', { simple: true })).toBe(1);

    // Positions are unique among live rows only: a tombstoned item may share its position with a live one.
    const item = old.prepare('SELECT * FROM quote_items LIMIT 1').get() as Row;
    old.prepare('UPDATE quote_items SET deleted_at = ? WHERE id = ?').run('2025-07-01T00:00:00Z', item.id);
    old
      .prepare(
        `INSERT INTO quote_items (id, quote_version_id, position, product, quantity, unit, unit_price, created_at, updated_at)
         VALUES ('01JZZZZZZZZZZZZZZZZZZZZZZZ', ?, ?, 'Ball valve', 10, 'pcs', 5, ?, ?)`,
      )
      .run(item.quote_version_id, item.position, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z');
    expect(() =>
      old
        .prepare(
          `INSERT INTO quote_items (id, quote_version_id, position, product, quantity, unit, unit_price, created_at, updated_at)
           VALUES ('01JZZZZZZZZZZZZZZZZZZZZZZY', ?, ?, 'Ball valve', 10, 'pcs', 5, ?, ?)`,
        )
        .run(item.quote_version_id, item.position, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'),
    ).toThrow(/UNIQUE/);
    // Foreign keys still hold on the rebuilt tables.
    expect(() =>
      old
        .prepare(
          `INSERT INTO order_lines (id, order_id, position, product, quantity, unit, unit_price, amount, created_at, updated_at)
           VALUES ('01JZZZZZZZZZZZZZZZZZZZZZZX', 'no-such-order', 1, 'x', 1, 'pcs', 1, 1, 'a', 'a')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    old.close();
  });

  it('a new book gets its own site id: two books never share one', () => {
    const dir = tempDir('tradebook-migration-0011-');
    dirs.push(dir);
    const a = openBook(path.join(dir, 'a.db'), { create: true });
    const b = openBook(path.join(dir, 'b.db'), { create: true });
    expect(a.clock.site).not.toBe(b.clock.site);
    void a.close();
    void b.close();
  });
});
