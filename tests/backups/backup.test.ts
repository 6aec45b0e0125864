/** Making, listing and rotating backups of a real book (src-main/services/backups.ts), and the cloud-sync warning. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { APPLICATION_ID, openSqlite } from '../../src-main/db/connection';
import { loadMigrations, migrate } from '../../src-main/db/migrator';
import { planRotation } from '../../src-main/domain/backups';
import { call } from '../../src-main/handlers/dispatch';
import { backupBook, backupsFolder, bookWarnings, ensureDailyBackup, listBackups } from '../../src-main/services/backups';
import { errorOf, removeDir, snapshot, tempDir, valueOf } from '../db/temp-book';
import { clockBook, fileSnapshot, integrity, type ClockBook } from './helpers';

const LATEST = loadMigrations().length;
const open: ClockBook[] = [];
const dirs: string[] = [];

async function book(now?: string, dir?: string, name?: string): Promise<ClockBook> {
  const b = await clockBook(now, dir, name);
  open.push(b);
  dirs.push(b.dir);
  return b;
}

afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('backupBook', () => {
  it('writes <dir>/backups/book.db.<stamp>.<reason>.bak: a valid book with the same rows, and no temp file left', async () => {
    const b = await book();
    const made = backupBook(b.ctx, 'manual');
    expect(made).toEqual({
      file: path.join(b.dir, 'backups', 'book.db.20250315T090000Z.manual.bak'),
      takenAt: '2025-03-15T09:00:00Z',
      reason: 'manual',
      bytes: fs.statSync(made.file).size,
    });
    expect(fs.readdirSync(path.join(b.dir, 'backups'))).toEqual(['book.db.20250315T090000Z.manual.bak']);
    expect(integrity(made.file)).toBe('ok');
    expect(fileSnapshot(made.file)).toEqual(snapshot(b.ctx.book.sqlite));
    const copy = new Database(made.file, { readonly: true });
    try {
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST);
    } finally {
      copy.close();
    }
  });

  it('holds what is still in the -wal file (a copy of the book file would miss it)', async () => {
    const b = await book();
    valueOf(await call(b.ctx, 'accounts.add', { name: 'Only In The WAL GmbH', country: 'DE' }));
    expect(fs.statSync(`${b.file}-wal`).size).toBeGreaterThan(0);
    const made = backupBook(b.ctx, 'import');
    const copy = new Database(made.file, { readonly: true });
    try {
      expect(copy.prepare("SELECT count(*) AS n FROM accounts WHERE name = 'Only In The WAL GmbH'").get()).toEqual({ n: 1 });
    } finally {
      copy.close();
    }
  });

  it('listBackups: this book’s backups newest first; other books’ and other files in the folder are left out', async () => {
    const b = await book();
    const first = backupBook(b.ctx, 'daily');
    b.at('2025-03-16T10:30:00Z');
    const second = backupBook(b.ctx, 'merge');
    const folder = backupsFolder(b.ctx);
    fs.writeFileSync(path.join(folder, 'other.db.20250315T100000Z.daily.bak'), 'x');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'x');
    fs.writeFileSync(path.join(folder, 'book.db.20250315T110000Z.daily.bak.77.tmp'), 'x');
    expect(listBackups(b.ctx)).toEqual([second, first]);
  });

  it('rotation on every backup: 60 days of daily backups (and a few before imports) leave 7 daily + 4 weekly', async () => {
    const b = await book('2025-01-01T06:00:00Z');
    const start = Temporal.Instant.from('2025-01-01T06:00:00Z');
    const made: { name: string; takenAt: string; reason: 'daily' | 'import' }[] = [];
    for (let day = 0; day < 60; day++) {
      b.at(start.add({ hours: 24 * day }).toString());
      made.push({ ...backupBook(b.ctx, 'daily'), name: '', reason: 'daily' });
      if (day % 9 === 0) {
        b.at(start.add({ hours: 24 * day + 5 }).toString());
        made.push({ ...backupBook(b.ctx, 'import'), name: '', reason: 'import' });
      }
    }
    const listed = listBackups(b.ctx);
    expect(listed).toHaveLength(11);
    const expected = planRotation(made.map((m) => ({ ...m, name: m.takenAt })), b.ctx.now()).keep.map((m) => m.takenAt);
    expect(listed.map((e) => e.takenAt)).toEqual(expected);
    expect(listed[0]!.takenAt).toBe(b.ctx.now());
    for (const entry of listed.slice(0, 2)) expect(integrity(entry.file)).toBe('ok');
  });

  it('the backupFolder setting: relative to the book’s folder, absolute, back to null; a file there is a clear error', async () => {
    const b = await book();
    valueOf(await call(b.ctx, 'settings.set', { key: 'backupFolder', value: 'snapshots' }));
    expect(backupBook(b.ctx, 'manual').file).toBe(path.join(b.dir, 'snapshots', 'book.db.20250315T090000Z.manual.bak'));
    const elsewhere = tempDir('tradebook-elsewhere-');
    dirs.push(elsewhere);
    valueOf(await call(b.ctx, 'settings.set', { key: 'backupFolder', value: path.join(elsewhere, 'nested', 'deeper') }));
    expect(valueOf(await call(b.ctx, 'backups.create', {})).file).toBe(path.join(elsewhere, 'nested', 'deeper', 'book.db.20250315T090000Z.manual.bak'));
    fs.writeFileSync(path.join(elsewhere, 'a-file'), 'not a folder');
    valueOf(await call(b.ctx, 'settings.set', { key: 'backupFolder', value: path.join(elsewhere, 'a-file', 'backups') }));
    const en = errorOf(await call(b.ctx, 'backups.create', {}));
    expect(en.code).toBe('backup_folder');
    expect(en.message).toContain(path.join(elsewhere, 'a-file', 'backups'));
    expect(errorOf(await call(b.ctx, 'backups.create', {}, 'zh-CN')).message).toMatch(/无法把备份写入文件夹/);
    expect(errorOf(await call(b.ctx, 'settings.set', { key: 'backupFolder', value: 42 })).code).toBe('invalid_setting');
    valueOf(await call(b.ctx, 'settings.set', { key: 'backupFolder', value: null }));
    expect(backupsFolder(b.ctx)).toBe(path.join(b.dir, 'backups'));
    expect(valueOf(await call(b.ctx, 'settings.get', { key: 'backupFolder' }))).toEqual({ key: 'backupFolder', value: null, isDefault: false });
  });
});

describe('ensureDailyBackup', () => {
  it('makes one when there is none or the newest is 24 h old; not before; a future-dated backup does not count', async () => {
    const b = await book('2025-03-15T09:00:00Z');
    expect(ensureDailyBackup(b.ctx)).toMatchObject({ reason: 'daily', takenAt: '2025-03-15T09:00:00Z' });
    b.at('2025-03-16T08:59:59Z');
    expect(ensureDailyBackup(b.ctx)).toBeNull();
    b.at('2025-03-16T09:00:00Z');
    expect(ensureDailyBackup(b.ctx)).toMatchObject({ reason: 'daily', takenAt: '2025-03-16T09:00:00Z' });
    // A manual backup (or one before an import) is a recent backup too.
    b.at('2025-03-17T08:00:00Z');
    backupBook(b.ctx, 'manual');
    b.at('2025-03-18T07:00:00Z');
    expect(ensureDailyBackup(b.ctx)).toBeNull();
    // A clock that ran ahead left a backup dated 2031: daily backups go on.
    b.at('2031-01-01T00:00:00Z');
    backupBook(b.ctx, 'manual');
    b.at('2025-03-19T09:00:00Z');
    expect(ensureDailyBackup(b.ctx)).toMatchObject({ reason: 'daily', takenAt: '2025-03-19T09:00:00Z' });
    expect(listBackups(b.ctx).map((e) => `${e.takenAt} ${e.reason}`)).toEqual([
      '2031-01-01T00:00:00Z manual',
      '2025-03-19T09:00:00Z daily',
      '2025-03-17T08:00:00Z manual',
      '2025-03-16T09:00:00Z daily',
      '2025-03-15T09:00:00Z daily',
    ]);
  });
});

describe('the copy before an upgrade', () => {
  it('is named and placed like every backup (the backupFolder setting of the old book), listed as reason migration', async () => {
    const dir = tempDir('tradebook-backups-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const v6 = openSqlite(file);
    migrate(v6, { file, target: 6 });
    v6.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backupFolder', '\"kept\"', '2025-01-01T00:00:00Z')").run();
    v6.close();
    const upgraded = openBook(file);
    try {
      const backup = upgraded.migration.backup!;
      expect(path.dirname(backup)).toBe(path.join(dir, 'kept'));
      expect(path.basename(backup)).toMatch(/^book\.db\.\d{8}T\d{6}Z\.migration\.bak$/);
      const ctx = { book: upgraded, now: () => '2030-01-01T00:00:00Z', host: { timeZone: 'UTC', country: 'CN' } };
      expect(listBackups(ctx)).toEqual([expect.objectContaining({ file: backup, reason: 'migration' })]);
    } finally {
      await upgraded.close();
    }
  });

  it('falls back to backups/ beside the book when the set folder cannot be made (the book still opens)', async () => {
    const dir = tempDir('tradebook-backups-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    fs.writeFileSync(path.join(dir, 'plain-file'), 'x');
    const v6 = openSqlite(file);
    migrate(v6, { file, target: 6 });
    v6.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backupFolder', '\"plain-file/inside\"', '2025-01-01T00:00:00Z')").run();
    v6.close();
    const upgraded = openBook(file);
    try {
      expect(path.dirname(upgraded.migration.backup!)).toBe(path.join(dir, 'backups'));
    } finally {
      await upgraded.close();
    }
  });
});

describe('a book inside a cloud-sync folder', () => {
  it('book.info warns, with the reason and the advice, in the request’s language; elsewhere it does not', async () => {
    const root = tempDir('tradebook-cloud-');
    dirs.push(root);
    const b = await book(undefined, path.join(root, 'Dropbox (Personal)', 'crm'));
    const en = valueOf(await call(b.ctx, 'book.info', {}));
    expect(en.warnings).toEqual([{ code: 'cloud_sync', folder: 'Dropbox', message: expect.stringContaining('Dropbox') }]);
    expect(en.warnings![0]!.message).toMatch(/corrupt.*export file/s);
    const zh = valueOf(await call(b.ctx, 'book.info', {}, 'zh-CN'));
    expect(zh.warnings![0]!.message).toMatch(/同步文件夹.*损坏.*导出文件/s);
    const plain = await book();
    expect(valueOf(await call(plain.ctx, 'book.info', {}))).not.toHaveProperty('warnings');
  });

  it('is found through a symbolic link to the synced folder, and for OneDrive on Windows paths', () => {
    const root = tempDir('tradebook-cloud-');
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'OneDrive - Contoso'));
    fs.symlinkSync(path.join(root, 'OneDrive - Contoso'), path.join(root, 'books'));
    expect(bookWarnings(path.join(root, 'books', 'book.db'), 'en', 'linux')[0]?.folder).toBe('OneDrive');
    expect(bookWarnings('C:\\Users\\li\\OneDrive - Contoso\\book.db', 'en', 'win32')[0]?.folder).toBe('OneDrive');
    expect(bookWarnings(path.join(root, 'book.db'), 'en', 'linux')).toEqual([]);
  });
});

it('a backup refuses to run inside a transaction (callers back up before they begin one)', async () => {
  const b = await book();
  b.ctx.book.sqlite.exec('BEGIN');
  try {
    expect(() => backupBook(b.ctx, 'merge')).toThrow();
  } finally {
    b.ctx.book.sqlite.exec('ROLLBACK');
  }
  expect(fs.readdirSync(path.join(b.dir, 'backups'))).toEqual([]);
});
