/**
 * Whether a book must be checked before it is written (issue 15): a book whose pages were damaged behind
 * Tradebook's back — a sync tool, a copy of a live file, a failing disk — must not take writes, or the damage
 * grows. `PRAGMA quick_check` finds it but reads every page (about 1 s per 400 MB), too slow for every command of
 * a large book. So each clean close records the file's size and modification time beside it (`<book>.verified`),
 * and the next open checks the book only when the file is not as Tradebook left it: changed by something else,
 * copied in, restored by hand, or never verified (the first open by this version). `tradebook check` always runs the
 * full integrity check.
 */
import fs from 'node:fs';
import type { Sqlite } from './connection';

export const verifiedFile = (book: string) => `${book}.verified`;

interface Verified {
  size: number;
  mtimeMs: number;
}

function statOf(file: string): Verified | null {
  try {
    const s = fs.statSync(file);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

/** The file is exactly as Tradebook left it at its last clean close (and no WAL is waiting to be replayed). */
export function leftAsVerified(book: string): boolean {
  const now = statOf(book);
  if (now === null || fs.existsSync(`${book}-wal`)) return false;
  try {
    const recorded = JSON.parse(fs.readFileSync(verifiedFile(book), 'utf8')) as Partial<Verified>;
    return recorded.size === now.size && recorded.mtimeMs === now.mtimeMs;
  } catch {
    return false;
  }
}

/** After a clean close: what the file looks like now. Best effort (a read-only folder keeps no record). */
export function recordVerified(book: string): void {
  const now = statOf(book);
  if (now === null) return;
  try {
    fs.writeFileSync(verifiedFile(book), JSON.stringify(now));
  } catch {
    // Not recorded: the next open checks the book again.
  }
}

/** Forget the record (the book is damaged, or is being replaced). */
export function forgetVerified(book: string): void {
  fs.rmSync(verifiedFile(book), { force: true });
}

/** SQLite's quick check, cut at the first problem: null when the book is sound. */
export function firstProblem(sqlite: Sqlite): string | null {
  let rows: { quick_check: string }[];
  try {
    rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[];
  } catch (error) {
    return (error as Error).message;
  }
  const problem = rows
    .flatMap((r) => r.quick_check.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\*\*\* in database \w+ \*\*\*$/.test(line))
    .join('; ');
  return problem === 'ok' ? null : problem || 'quick_check failed';
}
