import { AppError } from '../contract/errors';
import type { BookCheck, BookInfo } from '../contract/models';
import type { Language } from '../contract/messages';
import { isCorruptionError, mapSqliteError } from '../db/connection';
import { latestSchemaVersion, schemaVersion } from '../db/migrator';
import { bookWarnings } from './backups';
import type { ServiceContext } from './context';

function countAccounts(ctx: ServiceContext): number {
  const row = ctx.book.sqlite.prepare('SELECT count(*) AS n FROM accounts WHERE deleted_at IS NULL').get() as { n: number };
  return row.n;
}

export function bookInfo(ctx: ServiceContext, language: Language = 'en'): BookInfo {
  const info: BookInfo = { path: ctx.book.file, schemaVersion: schemaVersion(ctx.book.sqlite, ctx.book.file), accounts: countAccounts(ctx) };
  const warnings = bookWarnings(ctx.book.file, language);
  return warnings.length > 0 ? { ...info, warnings } : info;
}

/** Verifies the book: SQLite's integrity check, foreign keys, the FTS index. */
export function checkBook(ctx: ServiceContext): BookCheck {
  // A book from a newer Tradebook is not "ok" here: this version cannot read or write it (issue 15).
  const version = schemaVersion(ctx.book.sqlite, ctx.book.file);
  const known = latestSchemaVersion();
  if (version > known) throw new AppError('book_newer', { path: ctx.book.file, found: version, known });
  try {
    const integrityRows = ctx.book.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = integrityRows.map((r) => r.integrity_check).join('; ');
    const foreignKeys = (ctx.book.sqlite.pragma('foreign_key_check') as unknown[]).length;
    let ftsOk = true;
    const hasIndex = ctx.book.sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_index'").get() !== undefined;
    try {
      if (hasIndex) ctx.book.sqlite.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run();
    } catch (error) {
      // FTS5's integrity check is an INSERT: a read-only book cannot run it, which is no damage found.
      ftsOk = (error as { code?: unknown }).code === 'SQLITE_READONLY';
    }
    const ok = integrity === 'ok' && foreignKeys === 0 && ftsOk;
    return {
      ok,
      schemaVersion: schemaVersion(ctx.book.sqlite, ctx.book.file),
      integrity: ftsOk ? integrity : `${integrity}; search index damaged`,
      foreignKeys,
      accounts: countAccounts(ctx),
    };
  } catch (error) {
    // The integrity check itself stopped at a page it could not read: that is the damage it found, reported as such.
    if (isCorruptionError(error)) return damagedReport(ctx, (error as Error).message);
    throw mapSqliteError(error, ctx.book.file);
  }
}

/** What `check` says about a book whose pages it could not even read through. */
function damagedReport(ctx: ServiceContext, problem: string): BookCheck {
  let accounts = 0;
  try {
    accounts = countAccounts(ctx);
  } catch {
    // The accounts' pages are damaged too: none can be counted.
  }
  return { ok: false, schemaVersion: schemaVersion(ctx.book.sqlite, ctx.book.file), integrity: problem, foreignKeys: 0, accounts };
}
