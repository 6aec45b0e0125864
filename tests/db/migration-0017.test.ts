/**
 * 0017_trade-fair-capture (STYLE: every migration has its own test): a book made by migrations 0001–0016 with two
 * accounts is migrated to 17 — both keep every column, neither has a tag yet, tags must be a JSON array, and the
 * card_photos table exists and refuses a photo that is not a JPEG, PNG or WebP or has no bytes.
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
const B = '01JNA0000000000000000000B2';

describe('0017_trade-fair-capture', () => {
  it('from 16 to 17: accounts kept with no tags, tags must be a JSON array, card_photos refuses a bad mime or no bytes', () => {
    const dir = tempDir('tradebook-migration-0017-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 16 });
    const insert = db.prepare(
      'INSERT INTO accounts (id, name, country, time_zone, city, currency, source, owner, strategic_fit, notes, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(A, 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', 'Valladolid', 'EUR', 'fair', 'Lily', 5, 'Met in Frankfurt', T, T, null);
    insert.run(B, 'Nordic Pumps AB', 'SE', 'Europe/Stockholm', null, null, null, null, 3, '', T, T, T);
    const before = db.prepare('SELECT * FROM accounts ORDER BY id').all() as Record<string, unknown>[];
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'card_photos'").pluck().get()).toBe(0);

    migrate(db, { file, appVersion: 'test', target: 17 });
    expect(schemaVersion(db)).toBe(17);
    const after = db.prepare('SELECT * FROM accounts ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ tags: _t, ...old }) => old)).toEqual(before);
    expect(after.map((a) => a.tags)).toEqual(['[]', '[]']);

    db.prepare(`UPDATE accounts SET tags = '["Light + Building 2026","distributor"]' WHERE id = ?`).run(A);
    expect(db.prepare('SELECT tags FROM accounts WHERE id = ?').pluck().get(A)).toBe('["Light + Building 2026","distributor"]');
    for (const bad of ['{"fair":"Canton"}', '"Canton Fair"', 'Canton Fair', '']) {
      expect(() => db.prepare('UPDATE accounts SET tags = ? WHERE id = ?').run(bad, B), bad).toThrow(/CHECK constraint failed/);
    }
    expect(db.prepare('SELECT tags FROM accounts WHERE id = ?').pluck().get(B)).toBe('[]');

    const photo = db.prepare('INSERT INTO card_photos (account_id, mime, bytes, added_at) VALUES (?, ?, ?, ?)');
    photo.run(A, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), T);
    expect(() => photo.run(B, 'image/gif', Buffer.from('GIF89a'), T)).toThrow(/CHECK constraint failed/);
    expect(() => photo.run(B, 'image/jpeg', Buffer.alloc(0), T)).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT account_id, mime, length(bytes) AS size FROM card_photos').all()).toEqual([{ account_id: A, mime: 'image/png', size: 8 }]);
    db.close();
  });
});
