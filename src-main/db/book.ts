import fs from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../contract/errors';
import type { HybridClock } from '../domain/sharing/hlc';
import { openClock } from './change-stamps';
import { mapSqliteError, openSqlite, type OpenOptions, type Sqlite } from './connection';
import { latestSchemaVersion, migrate, schemaVersion, type MigrateResult } from './migrator';
import { canWriteBook, readableCopy, type ReadOnlyCopy } from './read-only';
import type { BookSchema } from './schema';
import { rebuildSearchIndex, SEARCH_DOCUMENT_VERSION } from './search-index';
import { firstProblem, forgetVerified, leftAsVerified, recordVerified } from './verified';

export type BookDb = Kysely<BookSchema>;

export interface Book {
  file: string;
  sqlite: Sqlite;
  db: BookDb;
  migration: MigrateResult;
  /** The change-stamp clock (this book's site; opened on first use, so `check` can open an old book as it is). */
  readonly clock: HybridClock;
  /** What it was opened with (a restore opens the restored file the same way: the Electron build's native module). */
  readonly options: OpenBookOptions;
  /**
   * Set when the book's quick check failed at open (its first problem): the book is open for reading only
   * (`query_only`), so nothing can add to the damage; a write is refused with `book_damaged`.
   */
  readonly damage: string | null;
  /**
   * Set when this user cannot write the book or its folder (issue 15): it is read from a private copy (db/read-only.ts),
   * every write is refused with `book_readonly` naming the book, and nothing is left beside it.
   */
  readonly readOnly: boolean;
  close(): Promise<void>;
}

export interface OpenBookOptions extends OpenOptions {
  appVersion?: string;
  /** false: open as it is, without upgrading (the `check` command verifies a book without changing it). */
  migrate?: boolean;
  /** The wall clock the change stamps read (tests give sites skewed clocks). */
  wallMs?: () => number;
}

/** The book's path in an error about the copy it is read from. */
function aboutBook(error: unknown, copy: ReadOnlyCopy | null, file: string): unknown {
  if (copy && error instanceof AppError && error.params.path === copy.file) return new AppError(error.code, { ...error.params, path: file });
  return error;
}

/** Opens a book, upgrading its schema when it is older; refuses foreign, corrupt and newer files. */
export function openBook(file: string, options: OpenBookOptions = {}): Book {
  const create = options.create ?? false;
  const existing = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).isFile();
  const readOnly = existing && !options.readonly && !canWriteBook(file);
  const copy = readOnly ? readableCopy(file) : null;
  // Asked before the connection opens: opening a WAL book makes its `-wal` file, which would say "not left clean".
  const verified = existing && leftAsVerified(file);
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(copy?.file ?? file, { ...options, create: create && !readOnly, readonly: readOnly || options.readonly });
  } catch (error) {
    copy?.dispose();
    throw aboutBook(error, copy, file);
  }
  try {
    if (!create && schemaVersion(sqlite, file) === 0) throw new AppError('book_not_initialized', { path: file });
    // A book not as Tradebook left it is checked before anything writes to it, a migration included (a read-only
    // one too: it is never written, but its reader is told the truth about it).
    const damage = options.migrate === false || options.readonly || verified ? null : firstProblem(sqlite);
    if (damage !== null) {
      if (!readOnly) forgetVerified(file);
      if (schemaVersion(sqlite, file) < latestSchemaVersion()) throw new AppError('book_damaged', { path: file, problem: damage });
      if (!readOnly) sqlite.pragma('query_only = 1');
    }
    const version = schemaVersion(sqlite, file);
    if (readOnly && options.migrate !== false) {
      // A read-only book cannot be upgraded in place, and this version cannot work on an older schema.
      if (version > latestSchemaVersion()) throw new AppError('book_newer', { path: file, found: version, known: latestSchemaVersion() });
      if (version < latestSchemaVersion()) throw new AppError('book_readonly_old', { path: file, found: version, known: latestSchemaVersion() });
    }
    const migration =
      options.migrate === false || readOnly
        ? { from: version, to: version, backup: null }
        : migrate(sqlite, { file, appVersion: options.appVersion ?? '0.1.0' });
    // The search index arrived in schema 7 and its documents gained tags and phone numbers in 17: an older book's
    // accounts are indexed once, on upgrade.
    if (migration.from > 0 && migration.from < SEARCH_DOCUMENT_VERSION && migration.to >= SEARCH_DOCUMENT_VERSION) rebuildSearchIndex(sqlite);
    const db = new Kysely<BookSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    let closed = false;
    let clock: HybridClock | undefined;
    return {
      file,
      sqlite,
      db,
      migration,
      options,
      damage,
      readOnly,
      get clock() {
        clock ??= openClock(sqlite, options.wallMs);
        return clock;
      },
      async close() {
        if (closed) return;
        closed = true;
        // Kysely closes the connection only if it ever acquired it; a book used through `sqlite` alone (a refused
        // merge, `check`) must be closed here too, or its WAL is never checkpointed and the file stays held.
        try {
          await db.destroy();
        } finally {
          if (sqlite.open) sqlite.close();
          copy?.dispose();
        }
        if (damage === null && options.migrate !== false && !options.readonly && !readOnly) recordVerified(file);
      },
    };
  } catch (error) {
    sqlite.close();
    copy?.dispose();
    throw aboutBook(mapSqliteError(error, file), copy, file);
  }
}
