/**
 * 0013_quote-loss (STYLE: every migration has its own test): a book made by migrations 0001–0012 with a won, a lost
 * and an open quote is migrated to 13 — every row is kept as it was, the new columns are empty (no facts, no
 * recovery), and their checks refuse facts that are not a JSON array, an unknown recovery action and an action
 * without its due time (or the other way round).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-06-02T08:00:00Z';
const A = '01JNA0000000000000000000A1';

describe('0013_quote-loss', () => {
  it('from 12 to 13: quotes kept with empty loss facts and no recovery; the new columns are checked', () => {
    const dir = tempDir('tradebook-migration-0013-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 12 });
    db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(A, 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', T, T);
    const insert = db.prepare(
      `INSERT INTO quotes (id, account_id, number, currency, quote_date, status, validity_strategy, valid_days, valid_through, closed_at, lost_reason, lost_note, created_at, updated_at)
       VALUES (?, ?, ?, 'EUR', '2025-06-02', ?, 'fixed', 30, '2025-07-02', ?, ?, ?, ?, ?)`,
    );
    insert.run('01JQUO00000000000000000001', A, 'Q2025-0001', 'won', '2025-06-10T09:00:00Z', null, null, T, T);
    insert.run('01JQUO00000000000000000002', A, 'Q2025-0002', 'lost', '2025-06-11T09:00:00Z', 'price', 'Too dear', T, T);
    insert.run('01JQUO00000000000000000003', A, 'Q2025-0003', 'sent', null, null, null, T, T);
    const before = db.prepare('SELECT * FROM quotes ORDER BY id').all() as Record<string, unknown>[];

    migrate(db, { file, appVersion: 'test', target: 13 });
    expect(schemaVersion(db)).toBe(13);
    const after = db.prepare('SELECT * FROM quotes ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ lost_facts: _f, recovery_action: _a, recovery_due_at: _d, recovery_note: _n, ...old }) => old)).toEqual(before);
    for (const row of after) expect([row.lost_facts, row.recovery_action, row.recovery_due_at, row.recovery_note]).toEqual(['[]', null, null, null]);

    const set = (sql: string) => () => db.prepare(`UPDATE quotes SET ${sql} WHERE id = '01JQUO00000000000000000002'`).run();
    expect(set(`lost_facts = '[{"id":"expired","on":"2025-07-02"}]', recovery_action = 'requote', recovery_due_at = '2025-06-20T06:15:00Z'`)).not.toThrow();
    expect(set(`lost_facts = '{"id":"expired"}'`)).toThrow(/CHECK/);
    expect(set(`lost_facts = 'not json'`)).toThrow(/CHECK/);
    expect(set(`recovery_action = 'pray'`)).toThrow(/CHECK/);
    expect(set(`recovery_due_at = NULL`)).toThrow(/CHECK/);
    expect(set(`recovery_action = NULL`)).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
