import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../contract/errors';

/** Identifies a SQLite file as a Tradebook book ("TBK1"); a file with another id is foreign. */
export const APPLICATION_ID = 0x54424b31;

export type Sqlite = Database.Database;

/** The first 16 bytes of every SQLite database file (https://www.sqlite.org/fileformat.html#magic_header_string). */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file starts with SQLite's magic string: without it a file is not a SQLite database at all; with it, a
 *  file SQLite cannot read is a damaged one. */
export function hasSqliteHeader(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** A SQLite error saying the file is damaged or not a database (raw, or as mapped by mapSqliteError). */
export function isCorruptionError(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'book_corrupt';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TRADEBOOK_BUSY_MS;
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 5000;
}

export interface OpenOptions {
  /** Create the file (and its directory) when missing. */
  create?: boolean;
  readonly?: boolean;
  busyTimeoutMs?: number;
  /** better-sqlite3's native module built for Electron (the packaged app); tests and the CLI use Node's. */
  nativeBinding?: string;
}

/** Creates the directory that will hold a book; a path that cannot be a directory is a clear error. */
export function ensureBookDir(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    throw new AppError('book_dir', { path: dir });
  }
}

/** Opens a book and sets its pragmas; every open goes through here. */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const create = options.create ?? true;
  if (file !== ':memory:') {
    if (!fs.existsSync(file)) {
      if (!create) throw new AppError('book_missing', { path: file });
      ensureBookDir(file);
    } else if (fs.statSync(file).isDirectory()) {
      throw new AppError('not_a_book', { path: file });
    } else if (fs.statSync(file).size > 0 && !hasSqliteHeader(file)) {
      // Not a SQLite file at all (a spreadsheet, random bytes): not ours, rather than "damaged".
      throw new AppError('not_a_book', { path: file });
    }
  }
  let db: Sqlite;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: !create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw mapSqliteError(error, file);
  }
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? busyTimeoutMs())}`);
    // Refuse a file that is not ours before anything is written to it (WAL mode changes the header).
    // Reading the header of a non-SQLite file fails here with SQLITE_NOTADB.
    if (isForeignDatabase(db)) throw new AppError('not_a_book', { path: file });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw mapSqliteError(error, file);
  }
  return db;
}

/** A SQLite file that holds someone else's tables (not ours and not empty). */
export function isForeignDatabase(db: Sqlite): boolean {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === APPLICATION_ID) return false;
  if (applicationId !== 0) return true;
  const objects = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return objects.n > 0;
}

/** Turns a SQLite error into the user's words; leaves AppErrors and unknown errors alone. */
export function mapSqliteError(error: unknown, file?: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_BUSY_RECOVERY':
    case 'SQLITE_LOCKED':
      return new AppError('book_busy', {});
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_VTAB':
      return new AppError('book_corrupt', { path: file ?? '' });
    case 'SQLITE_CANTOPEN':
      return new AppError('book_cannot_open', { path: file ?? '' });
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_DBMOVED':
    case 'SQLITE_READONLY_CANTINIT':
    case 'SQLITE_READONLY_CANTLOCK':
    case 'SQLITE_READONLY_RECOVERY':
      return new AppError('book_readonly', { path: file ?? '' });
    case 'SQLITE_FULL':
      return new AppError('disk_full', {});
    default:
      return error;
  }
}
