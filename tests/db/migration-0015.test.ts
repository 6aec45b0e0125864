/**
 * 0015_quote-version-validity (STYLE: every migration has its own test): a book made by migrations 0001–0014 with a
 * fixed quote of two versions and a staged quote (one stage already a tombstone) is migrated to 15 — every version
 * keeps its columns and gets its quote's validity, a staged quote's versions its live stages in order, and the new
 * columns' checks hold.
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
const Q = (n: number) => `01JQUO00000000000000000${String(n).padStart(3, '0')}`;
const V = (n: number) => `01JVER00000000000000000${String(n).padStart(3, '0')}`;
const S = (n: number) => `01JSTG00000000000000000${String(n).padStart(3, '0')}`;

describe('0015_quote-version-validity', () => {
  it('from 14 to 15: versions kept, each with its quote’s validity; staged versions with the live stages in order', () => {
    const dir = tempDir('tradebook-migration-0015-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 14 });
    db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(A, 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', T, T);
    const quote = db.prepare(
      `INSERT INTO quotes (id, account_id, number, currency, quote_date, validity_strategy, valid_days, fx_threshold_percent, season_name, season_ends_on, valid_through, current_version, created_at, updated_at)
       VALUES (?, ?, ?, 'EUR', '2025-06-02', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    quote.run(Q(1), A, 'Q-1', 'fx', 30, 2.5, null, null, '2025-07-02', 2, T, T);
    quote.run(Q(2), A, 'Q-2', 'staged', null, null, null, null, '2025-06-20', 1, T, T);
    const version = db.prepare('INSERT INTO quote_versions (id, quote_id, version, total, created_at, updated_at) VALUES (?, ?, ?, 100, ?, ?)');
    version.run(V(1), Q(1), 1, T, T);
    version.run(V(2), Q(1), 2, T, T);
    version.run(V(3), Q(2), 1, T, T);
    const stage = db.prepare('INSERT INTO quote_stages (id, quote_id, position, name, valid_through, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    stage.run(S(1), Q(2), 2, 'Bulk', '2025-07-31', T, T, null);
    stage.run(S(2), Q(2), 1, 'Sample', '2025-06-20', T, T, null);
    stage.run(S(3), Q(2), 3, 'Dropped', '2025-09-30', T, T, T);
    const versions = db.prepare('SELECT * FROM quote_versions ORDER BY id').all() as Record<string, unknown>[];

    migrate(db, { file, appVersion: 'test', target: 15 });
    expect(schemaVersion(db)).toBe(15);
    const after = db.prepare('SELECT * FROM quote_versions ORDER BY id').all() as Record<string, unknown>[];
    const NEW = ['validity_strategy', 'valid_days', 'fx_threshold_percent', 'season_name', 'season_ends_on', 'valid_through', 'validity_stages'];
    expect(after.map((v) => Object.fromEntries(Object.entries(v).filter(([k]) => !NEW.includes(k))))).toEqual(versions);
    expect(after.map((v) => NEW.map((k) => v[k]))).toEqual([
      ['fx', 30, 2.5, null, null, '2025-07-02', '[]'],
      ['fx', 30, 2.5, null, null, '2025-07-02', '[]'],
      ['staged', null, null, null, null, '2025-06-20', JSON.stringify([{ name: 'Sample', validThrough: '2025-06-20' }, { name: 'Bulk', validThrough: '2025-07-31' }])],
    ]);
    // The new columns' checks.
    expect(() => db.prepare("UPDATE quote_versions SET validity_strategy = 'weekly' WHERE id = ?").run(V(1))).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE quote_versions SET valid_days = 0 WHERE id = ?').run(V(1))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE quote_versions SET validity_stages = '{}' WHERE id = ?").run(V(1))).toThrow(/CHECK/);
    db.close();
  });
});
