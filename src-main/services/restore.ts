/**
 * `tradebook restore FILE`: puts a backup back in place of the book. The file is untrusted until checked: it is
 * copied to a temp folder and only the copy is opened (read-only, trusted_schema off), then checked — SQLite
 * header and length, quick_check, foreign keys, Tradebook's application id, a schema version this app knows, and
 * exactly the tables, indexes and columns that version has (no extra tables, triggers or views). Only then is the
 * current book backed up (reason `restore`), closed and replaced: the checked copy is written beside the book by
 * `VACUUM INTO`, synced, the old book's -wal/-shm are removed and the file is renamed over the book. Anything that
 * fails before that rename leaves the book byte for byte as it was. The book is then opened (upgraded if older).
 *
 *   restoreBook      the CLI's `restore`: the book is not open in this process (it takes the book's lock)
 *   restoreOpenBook  `backups.restore` in the running app (web mode, desktop): the process holds the lock and the
 *                    book; it backs the open book up, swaps the file and the context's book in one synchronous step
 *                    (no other call can run in between) and goes on with the restored book
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors';
import type { BackupEntry } from '../contract/backups';
import { openBook, type Book } from '../db/book';
import { APPLICATION_ID, ensureBookDir, hasSqliteHeader, SQLITE_HEADER, type Sqlite } from '../db/connection';
import { acquireBookLock } from '../db/lock';
import { backupsFolderOf, loadMigrations, migrate } from '../db/migrator';
import { backupStamp } from '../domain/backups';
import { backupBook, ensureBackupsFolder, fsyncDir, snapshotInto } from './backups';
import { hostFacts, systemClock, type ServiceContext } from './context';

export interface RestoreOptions {
  now?: () => string;
  appVersion?: string;
}

export interface RestoreResult {
  book: string;
  restoredFrom: string;
  /** The schema of the backup, and of the book once opened (upgraded when the backup was older). */
  backupSchemaVersion: number;
  schemaVersion: number;
  accounts: number;
  /** The copy of the book as it was before the restore (null when there was no book yet). */
  previous: BackupEntry | null;
  /** A book that could not be opened (damaged) is not lost: it is moved here. */
  damaged: string | null;
}


function refuse(code: 'restore_missing' | 'restore_not_file' | 'restore_empty' | 'restore_not_sqlite' | 'restore_not_book', file: string): never {
  throw new AppError(code, { path: file });
}

/** The header's promises about the file's length (https://www.sqlite.org/fileformat.html#the_database_header). */
function checkHeader(copy: string, shown: string): void {
  const size = fs.statSync(copy).size;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(copy, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < SQLITE_HEADER.length || !header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) refuse('restore_not_sqlite', shown);
  if (read < 18) throw new AppError('restore_truncated', { path: shown, bytes: size, expected: 512 });
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new AppError('restore_corrupt', { path: shown, details: 'its header gives an impossible page size' });
  }
  if (read < 100) throw new AppError('restore_truncated', { path: shown, bytes: size, expected: pageSize });
  const pages = header.readUInt32BE(28);
  const pagesValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const expected = pagesValid ? pages * pageSize : Math.ceil(size / pageSize) * pageSize;
  if (size < expected || size % pageSize !== 0) throw new AppError('restore_truncated', { path: shown, bytes: size, expected });
}

/** The schema objects of a book, as comparable lines: `table accounts: create table accounts (…)`. */
function schemaLines(db: Sqlite): Map<string, string> {
  const rows = db
    .prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tbl: string; sql: string | null }[];
  const normalise = (sql: string | null) => (sql ?? '').replace(/["`[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, `${r.tbl}: ${normalise(r.sql)}`]));
}

const referenceSchemas = new Map<number, Map<string, string>>();

/** What the migrations make at `version`, from an empty in-memory book. */
function referenceSchema(version: number): Map<string, string> {
  let schema = referenceSchemas.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      migrate(db, { file: ':memory:', target: version });
      schema = schemaLines(db);
    } finally {
      db.close();
    }
    referenceSchemas.set(version, schema);
  }
  return schema;
}

/** The first few differences from what the migrations make, tables first: `missing table complaints; unexpected trigger x`. */
function schemaDifference(actual: Map<string, string>, expected: Map<string, string>): string | null {
  const found: string[] = [];
  for (const [key, sql] of actual) {
    if (!expected.has(key)) found.push(`unexpected ${key}`);
    else if (expected.get(key) !== sql) found.push(`${key} differs`);
  }
  for (const key of expected.keys()) if (!actual.has(key)) found.push(`missing ${key}`);
  const rank = (text: string) => (text.includes(' index ') || text.startsWith('index ') ? 1 : 0);
  found.sort((a, b) => rank(a) - rank(b));
  return found.length === 0 ? null : found.slice(0, 3).join('; ') + (found.length > 3 ? '; …' : '');
}

function sqliteDetails(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks the copy of a candidate; returns its schema version. */
function checkCopy(copy: string, shown: string): number {
  checkHeader(copy, shown);
  let db: Sqlite;
  try {
    db = new Database(copy, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('restore_corrupt', { path: shown, details: sqliteDetails(error) });
  }
  try {
    db.pragma('trusted_schema = OFF');
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.join('; ') !== 'ok') throw new AppError('restore_corrupt', { path: shown, details: problems.join('; ') });
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) refuse('restore_not_book', shown);
    const hasVersions = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasVersions) refuse('restore_not_book', shown);
    const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const known = loadMigrations().length;
    if (version > known) throw new AppError('restore_newer', { path: shown, found: version, known });
    if (version < 1) refuse('restore_not_book', shown);
    const difference = schemaDifference(schemaLines(db), referenceSchema(version));
    if (difference) throw new AppError('restore_schema', { path: shown, version, details: difference });
    const broken = (db.pragma('foreign_key_check') as unknown[]).length;
    if (broken > 0) throw new AppError('restore_corrupt', { path: shown, details: `${broken} broken foreign key(s)` });
    return version;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('restore_corrupt', { path: shown, details: sqliteDetails(error) });
  } finally {
    db.close();
  }
}

/** Copies the candidate into `tempDir` and checks the copy (the candidate itself is only read, once). */
export function validateBackupFile(candidate: string, tempDir: string): { copy: string; schemaVersion: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(candidate);
  } catch {
    refuse('restore_missing', candidate);
  }
  if (!stat.isFile()) refuse('restore_not_file', candidate);
  if (stat.size === 0) refuse('restore_empty', candidate);
  const copy = path.join(tempDir, 'candidate.db');
  try {
    fs.copyFileSync(candidate, copy);
  } catch (error) {
    throw new AppError('book_cannot_open', { path: `${candidate} (${sqliteDetails(error)})` });
  }
  return { copy, schemaVersion: checkCopy(copy, candidate) };
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** The current book, backed up (reason `restore`) — or, when it cannot be opened, moved aside as `.damaged`. */
async function setAside(file: string, now: () => string): Promise<{ previous: BackupEntry | null; damaged: string | null }> {
  if (!fs.existsSync(file)) return { previous: null, damaged: null };
  let ctx: ServiceContext;
  try {
    ctx = { book: openBook(file, { migrate: false }), now, host: hostFacts() };
  } catch (error) {
    if (error instanceof AppError && error.code === 'book_not_initialized') return { previous: null, damaged: null };
    // Damaged, or bytes that are not SQLite at all (kept, moved aside); another program's database is refused.
    const unreadable = error instanceof AppError && (error.code === 'book_corrupt' || (error.code === 'not_a_book' && fs.statSync(file).isFile() && !hasSqliteHeader(file)));
    if (!unreadable) throw error;
    const folder = backupsFolderOf(null, file);
    ensureBackupsFolder(folder);
    const damaged = path.join(folder, `${path.basename(file)}.${backupStamp(now())}.damaged`);
    for (const suffix of ['-wal', '-shm', '']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, damaged + suffix);
    return { previous: null, damaged };
  }
  try {
    return { previous: backupBook(ctx, 'restore'), damaged: null };
  } finally {
    await ctx.book.close();
  }
}

const stagedFile = (book: string) => `${book}.restore.${process.pid}.tmp`;

/** The checked copy written beside the book as a fresh database (VACUUM INTO, synced). */
function stage(copy: string, staged: string): void {
  const source = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    source.pragma('trusted_schema = OFF');
    snapshotInto(source, staged);
  } finally {
    source.close();
  }
}

/** The staged file renamed over the (closed) book, with the book's old -wal/-shm removed first, and synced. */
function putInPlace(staged: string, book: string): void {
  // The old book was closed; a -wal left beside it (a crash) must not be replayed into the new file.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(book + suffix, { force: true });
  fs.renameSync(staged, book);
  fsyncDir(path.dirname(book));
}

function resultOf(opened: Book, from: string, backupSchemaVersion: number, aside: { previous: BackupEntry | null; damaged: string | null }): RestoreResult {
  const accounts = (opened.sqlite.prepare('SELECT count(*) AS n FROM accounts WHERE deleted_at IS NULL').get() as { n: number }).n;
  return { book: opened.file, restoredFrom: from, backupSchemaVersion, schemaVersion: opened.migration.to, accounts, ...aside };
}

/**
 * Restores `candidate` over the book the running app has open (`ctx.book`), then points the context at the restored
 * book. Refusals (the checks, the backup of the current book) leave the book as it was and open. From the moment
 * the old connection closes to the moment the restored book is open nothing awaits, so no other call sees a closed
 * book; if the restored file cannot be opened the previous book is put back from its fresh backup.
 */
export async function restoreOpenBook(ctx: ServiceContext, candidate: string): Promise<RestoreResult> {
  const current = ctx.book;
  const book = path.resolve(current.file);
  const from = path.resolve(candidate);
  if (sameFile(book, from)) throw new AppError('restore_same_file', { path: from });
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-restore-'));
  const staged = stagedFile(book);
  try {
    const checked = validateBackupFile(from, tempDir);
    stage(checked.copy, staged);
    const previous = backupBook(ctx, 'restore');
    const reopen = () => openBook(book, { ...current.options, create: false, migrate: true });
    current.sqlite.close();
    putInPlace(staged, book);
    let opened: Book;
    try {
      opened = reopen();
    } catch (error) {
      // The backup was checked, so this is a disk or permission failure: the book as it was comes back.
      stage(previous.file, staged);
      putInPlace(staged, book);
      ctx.book = reopen();
      throw error;
    }
    ctx.book = opened;
    await current.close();
    return resultOf(opened, from, checked.schemaVersion, { previous, damaged: null });
  } finally {
    fs.rmSync(staged, { force: true });
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Restores `candidate` over the book at `bookFile` (see the file's comment for the steps). */
export async function restoreBook(bookFile: string, candidate: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const now = options.now ?? systemClock;
  const book = path.resolve(bookFile);
  const from = path.resolve(candidate);
  if (sameFile(book, from)) throw new AppError('restore_same_file', { path: from });
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-restore-'));
  try {
    const checked = validateBackupFile(from, tempDir);
    ensureBookDir(book);
    const release = acquireBookLock(book, 'serve');
    try {
      const staged = stagedFile(book);
      stage(checked.copy, staged);
      let aside: { previous: BackupEntry | null; damaged: string | null };
      try {
        aside = await setAside(book, now);
        putInPlace(staged, book);
      } catch (error) {
        fs.rmSync(staged, { force: true });
        throw error;
      }
      const opened = openBook(book, { appVersion: options.appVersion ?? '0.1.0', migrate: true });
      try {
        return resultOf(opened, from, checked.schemaVersion, aside);
      } finally {
        await opened.close();
      }
    } finally {
      release();
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
