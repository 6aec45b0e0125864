/**
 * 0009_quote-fx-flag (STYLE: every migration has its own test): migrate a real file to 8, insert an FX-sensitive
 * quote, migrate to 9 — the old rows survive with the new columns empty, the flag and re-confirmation columns hold
 * what R7 records, and their checks refuse a cut without a flag or a rate that is not positive.
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
const Q = '01JNA0000000000000000000Q1';

function fixture(db: Sqlite): void {
  db.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    A,
    'Válvulas Ibéricas S.L.',
    'ES',
    'Europe/Madrid',
    T,
    T,
  );
  db.prepare(
    `INSERT INTO quotes (id, account_id, number, currency, quote_date, status, validity_strategy, valid_days, fx_threshold_percent,
       fx_rate_at_quote, valid_through, sent_at, created_at, updated_at)
     VALUES (?, ?, 'Q2025-0001', 'EUR', '2025-03-01', 'sent', 'fx', 15, 3, 7.8, '2025-03-16', ?, ?, ?)`,
  ).run(Q, A, T, T, T);
}

describe('0009_quote-fx-flag', () => {
  it('from 8 to 9 keeps the quotes and adds the FX flag, cut and re-confirmed rate, checked', () => {
    const dir = tempDir('tradebook-migration-0009-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      migrate(db, { file, target: 8 });
      fixture(db);
      const before = snapshot(db);
      delete before.schema_migrations;

      expect(migrate(db, { file, target: 9, now: () => T })).toMatchObject({ from: 8, to: 9 });
      expect(schemaVersion(db, file)).toBe(9);
      const after = snapshot(db);
      const empty = { fx_flagged_at: null, fx_flag_rate: null, fx_moved_percent: null, fx_cut_through: null, fx_reconfirmed_rate: null };
      for (const [table, rows] of Object.entries(before)) {
        const expected = table === 'quotes' ? rows.map((r) => JSON.stringify({ ...(JSON.parse(r) as Record<string, unknown>), ...empty })) : rows;
        expect(after[table], table).toEqual(expected);
      }

      // A flag with its cut, then a re-confirmation that lifts it and keeps the accepted rate.
      db.prepare(
        "UPDATE quotes SET fx_flagged_at = '2025-03-05T09:00:00Z', fx_flag_rate = 8.1, fx_moved_percent = 3.85, fx_cut_through = '2025-03-06' WHERE id = ?",
      ).run(Q);
      db.prepare(
        "UPDATE quotes SET reconfirmed_at = '2025-03-05T10:00:00Z', fx_reconfirmed_rate = 8.1, fx_flagged_at = NULL, fx_flag_rate = NULL, fx_moved_percent = NULL, fx_cut_through = NULL WHERE id = ?",
      ).run(Q);
      expect(db.prepare('SELECT reconfirmed_at, fx_reconfirmed_rate, fx_flagged_at, fx_cut_through FROM quotes').get()).toEqual({
        reconfirmed_at: '2025-03-05T10:00:00Z',
        fx_reconfirmed_rate: 8.1,
        fx_flagged_at: null,
        fx_cut_through: null,
      });

      const bad: [string, RegExp][] = [
        ["UPDATE quotes SET fx_cut_through = '2025-03-06' WHERE id = ?", /CHECK/],
        ['UPDATE quotes SET fx_flag_rate = 0 WHERE id = ?', /CHECK/],
        ['UPDATE quotes SET fx_reconfirmed_rate = -7.8 WHERE id = ?', /CHECK/],
        ["UPDATE quotes SET fx_moved_percent = 'a lot' WHERE id = ?", /cannot store/],
      ];
      for (const [sql, error] of bad) expect(() => db.prepare(sql).run(Q), sql).toThrow(error);

      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
