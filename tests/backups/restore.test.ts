/**
 * Restoring a backup (src-main/services/restore.ts): a round trip, an older backup upgraded, a damaged book
 * replaced; and every file that must be refused — with the live book byte for byte as it was and no backup made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src-main/contract/messages';
import { openBook } from '../../src-main/db/book';
import { openSqlite } from '../../src-main/db/connection';
import { loadMigrations, migrate } from '../../src-main/db/migrator';
import { call, toApiError } from '../../src-main/handlers/dispatch';
import { backupBook, listBackups } from '../../src-main/services/backups';
import { restoreBook } from '../../src-main/services/restore';
import { removeDir, tempDir, valueOf } from '../db/temp-book';
import { accountNames, clockBook, fileSnapshot, integrity, sha256, tamper, type ClockBook } from './helpers';

const LATEST = loadMigrations().length;
const NOW = () => '2025-03-20T10:00:00Z';

let b: ClockBook;
/** A good backup of `b`, taken before the test changes the book. */
let good: string;
let work: string;

beforeEach(async () => {
  b = await clockBook('2025-03-15T09:00:00Z');
  good = backupBook(b.ctx, 'manual').file;
  work = tempDir('tradebook-restore-files-');
  valueOf(await call(b.ctx, 'accounts.add', { name: 'Added After The Backup Ltd', country: 'GB' }));
  await b.close();
});

afterEach(() => {
  removeDir(b.dir);
  removeDir(work);
});

function copyOfGood(name: string): string {
  const file = path.join(work, name);
  fs.copyFileSync(good, file);
  return file;
}

describe('restore', () => {
  it('round trip: the book holds the backup’s rows again; the book as it was is kept as a restore backup', async () => {
    const result = await restoreBook(b.file, good, { now: NOW });
    expect(result).toMatchObject({ book: b.file, restoredFrom: good, backupSchemaVersion: LATEST, schemaVersion: LATEST, accounts: 6, damaged: null });
    expect(result.previous).toMatchObject({ reason: 'restore', takenAt: '2025-03-20T10:00:00Z' });
    expect(integrity(b.file)).toBe('ok');
    expect(fileSnapshot(b.file)).toEqual(fileSnapshot(good));
    const previous = new Database(result.previous!.file, { readonly: true });
    try {
      expect(accountNames(previous)).toContain('Added After The Backup Ltd');
    } finally {
      previous.close();
    }
    expect(fs.existsSync(`${b.file}-wal`) && fs.statSync(`${b.file}-wal`).size > 0).toBe(false);
    expect(fs.readdirSync(b.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
    // The restored book opens and works as usual.
    const reopened = openBook(b.file);
    try {
      expect(accountNames(reopened.sqlite)).not.toContain('Added After The Backup Ltd');
      const ctx = { book: reopened, now: NOW, host: { timeZone: 'UTC', country: 'CN' } };
      expect(valueOf(await call(ctx, 'book.check', {})).ok).toBe(true);
      expect(listBackups(ctx).map((e) => e.reason)).toEqual(['restore', 'manual']);
    } finally {
      await reopened.close();
    }
  });

  it('a backup from an older schema (6) is restored and upgraded', async () => {
    const old = path.join(work, 'v6.db');
    const v6 = openSqlite(old);
    migrate(v6, { file: old, target: 6 });
    v6.close();
    const result = await restoreBook(b.file, old, { now: NOW });
    expect(result).toMatchObject({ backupSchemaVersion: 6, schemaVersion: LATEST, accounts: 0 });
    expect(integrity(b.file)).toBe('ok');
    // A book upgraded step by step has exactly the schema of a new one: its own backup restores too.
    const upgraded = openBook(b.file);
    let again: string;
    try {
      again = backupBook({ book: upgraded, now: () => '2025-03-21T10:00:00Z', host: { timeZone: 'UTC', country: 'CN' } }, 'manual').file;
    } finally {
      await upgraded.close();
    }
    expect((await restoreBook(b.file, again, { now: () => '2025-03-22T10:00:00Z' })).backupSchemaVersion).toBe(LATEST);
  });

  it('into a path with no book yet: nothing to keep, the backup becomes the book', async () => {
    const fresh = path.join(work, 'new', 'book.db');
    const result = await restoreBook(fresh, good, { now: NOW });
    expect(result).toMatchObject({ previous: null, damaged: null, accounts: 6 });
    expect(fileSnapshot(fresh)).toEqual(fileSnapshot(good));
  });

  it('a damaged book is replaced, and moved aside as .damaged rather than lost', async () => {
    const garbage = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(b.file, garbage);
    const result = await restoreBook(b.file, good, { now: NOW });
    expect(result.previous).toBeNull();
    expect(result.damaged).toBe(path.join(b.dir, 'backups', 'book.db.20250320T100000Z.damaged'));
    expect(fs.readFileSync(result.damaged!)).toEqual(garbage);
    expect(fileSnapshot(b.file)).toEqual(fileSnapshot(good));
  });
});

describe('restore refuses, and the book is byte for byte as it was', () => {
  const cases: [label: string, code: ErrorCode, make: () => string, message: RegExp][] = [
    ['a file that does not exist', 'restore_missing', () => path.join(work, 'nope.bak'), /no file at/],
    ['a directory', 'restore_not_file', () => work, /is a folder/],
    ['an empty file', 'restore_empty', () => write('empty.bak', Buffer.alloc(0)), /empty \(0 bytes\)/],
    ['a text file', 'restore_not_sqlite', () => write('notes.bak', Buffer.from('accounts,contacts\nAcme,Li\n')), /not a SQLite database/],
    ['a PNG renamed .bak', 'restore_not_sqlite', () => write('photo.bak', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), /not a SQLite database/],
    ['the first 50 bytes of a backup', 'restore_truncated', () => cut('tiny.bak', 50), /cut short \(50 bytes where its header promises 4096\)/],
    ['half a backup (whole pages)', 'restore_truncated', () => cut('half.bak', Math.floor(fs.statSync(good).size / 2 / 4096) * 4096), /cut short/],
    ['a backup cut mid-page', 'restore_truncated', () => cut('odd.bak', fs.statSync(good).size - 100), /cut short/],
    ['a backup with damaged pages', 'restore_corrupt', () => scribble('damaged.bak'), /damaged/],
    ['a backup with a damaged header', 'restore_corrupt', () => patch('header.bak', 16, Buffer.from([0x03, 0x00])), /header/],
    ['a SQLite file of another program', 'restore_not_book', () => sqliteFile('other.db', 'CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)'), /not a Tradebook book/],
    ['an empty SQLite database', 'restore_not_book', () => sqliteFile('blank.db', 'CREATE TABLE t (x); DROP TABLE t; VACUUM'), /not a Tradebook book/],
    ['a Tradebook id and no versions', 'restore_not_book', () => sqliteFile('id-only.db', 'PRAGMA application_id = 1413630769; CREATE TABLE t (x)'), /not a Tradebook book/],
    ['a backup from a newer Tradebook', 'restore_newer', () => hostile('newer.bak', (db) => db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z', '9.0.0')").run()), /newer Tradebook \(schema 99; this version knows up to \d+\)/],
    ['a backup with a trigger', 'restore_schema', () => hostile('trigger.bak', (db) => db.exec("CREATE TRIGGER evil AFTER INSERT ON accounts BEGIN DELETE FROM orders; END")), /unexpected trigger evil/],
    ['a backup with a view', 'restore_schema', () => hostile('view.bak', (db) => db.exec('CREATE VIEW v AS SELECT 1')), /unexpected view v/],
    ['a backup with an extra table', 'restore_schema', () => hostile('table.bak', (db) => db.exec('CREATE TABLE extra (x TEXT)')), /unexpected table extra/],
    ['a backup with an extra column', 'restore_schema', () => hostile('column.bak', (db) => db.exec('ALTER TABLE accounts ADD COLUMN evil TEXT')), /table accounts differs/],
    ['a backup with a table missing', 'restore_schema', () => hostile('missing.bak', (db) => db.exec('DROP TABLE complaints')), /\(missing table complaints; missing index/],
    ['a backup with broken foreign keys', 'restore_corrupt', () => hostile('fk.bak', (db) => db.exec("PRAGMA foreign_keys = OFF; UPDATE orders SET account_id = 'nobody'")), /foreign key/],
  ];

  function write(name: string, bytes: Buffer): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, bytes);
    return file;
  }
  function cut(name: string, bytes: number): string {
    return write(name, fs.readFileSync(good).subarray(0, bytes));
  }
  function patch(name: string, offset: number, bytes: Buffer): string {
    const data = Buffer.from(fs.readFileSync(good));
    bytes.copy(data, offset);
    return write(name, data);
  }
  function scribble(name: string): string {
    const data = Buffer.from(fs.readFileSync(good));
    // Every page after the first few, overwritten in its middle: b-tree pages no longer parse.
    for (let page = 3; page * 4096 < data.length; page++) data.fill(0xa5, page * 4096 + 200, page * 4096 + 1800);
    return write(name, data);
  }
  function sqliteFile(name: string, sql: string): string {
    const file = path.join(work, name);
    const db = new Database(file);
    db.exec(sql);
    db.close();
    return file;
  }
  function hostile(name: string, change: Parameters<typeof tamper>[1]): string {
    const file = copyOfGood(name);
    tamper(file, change);
    return file;
  }

  it.each(cases)('%s → %s', async (_label, code, make, message) => {
    const candidate = make();
    const before = sha256(b.file);
    const backupsBefore = fs.readdirSync(path.join(b.dir, 'backups'));
    // A private temp folder, to see that the restore leaves nothing in it.
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const tmpWas = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let failure: unknown;
    try {
      await restoreBook(b.file, candidate, { now: NOW });
    } catch (error) {
      failure = error;
    } finally {
      if (tmpWas === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpWas;
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
    const en = toApiError(failure, 'en');
    expect(en.code, en.message).toBe(code);
    expect(en.message).toMatch(message);
    expect(en.message).toContain('The book was not changed.');
    expect(toApiError(failure, 'zh-CN').message).toMatch(/客户库未改动。$/);
    expect(sha256(b.file)).toBe(before);
    expect(fs.readdirSync(path.join(b.dir, 'backups'))).toEqual(backupsBefore);
    expect(fs.readdirSync(b.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('the book itself', async () => {
    const before = sha256(b.file);
    await expect(restoreBook(b.file, b.file, { now: NOW })).rejects.toMatchObject({ code: 'restore_same_file' });
    expect(sha256(b.file)).toBe(before);
  });

  it('a book that another Tradebook has open (its lock file names a live process)', async () => {
    fs.writeFileSync(`${b.file}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), kind: 'desktop', startedAt: '2025-03-20T09:00:00Z' }));
    const before = sha256(b.file);
    await expect(restoreBook(b.file, good, { now: NOW })).rejects.toMatchObject({ code: 'book_locked' });
    expect(sha256(b.file)).toBe(before);
    fs.rmSync(`${b.file}.lock`);
  });
});
