/**
 * 0016_complaint-response-note (STYLE: every migration has its own test): a book made by migrations 0001–0015 with
 * an open and a responded complaint is migrated to 16 — both keep every column, neither has a response note yet,
 * and a note can be stored.
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

describe('0016_complaint-response-note', () => {
  it('from 15 to 16: complaints kept, no response note yet, one can be stored', () => {
    const dir = tempDir('tradebook-migration-0016-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 15 });
    db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(A, 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', T, T);
    const insert = db.prepare('INSERT INTO complaints (id, account_id, grade, subject, opened_at, responded_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('01JCMP00000000000000000001', A, 'A', 'Two panels flicker', T, null, T, T);
    insert.run('01JCMP00000000000000000002', A, 'B', 'Late shipment', T, '2025-06-02T09:00:00Z', T, T);
    const before = db.prepare('SELECT * FROM complaints ORDER BY id').all() as Record<string, unknown>[];

    migrate(db, { file, appVersion: 'test', target: 16 });
    expect(schemaVersion(db)).toBe(16);
    const after = db.prepare('SELECT * FROM complaints ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ response_note: _n, ...old }) => old)).toEqual(before);
    expect(after.map((c) => c.response_note)).toEqual([null, null]);
    db.prepare("UPDATE complaints SET response_note = 'Replacements ship Friday' WHERE id = '01JCMP00000000000000000002'").run();
    expect(db.prepare("SELECT response_note FROM complaints WHERE id = '01JCMP00000000000000000002'").pluck().get()).toBe('Replacements ship Friday');
    db.close();
  });
});
