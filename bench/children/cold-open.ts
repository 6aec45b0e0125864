/**
 * Child process for the cold-open benchmark: nothing of the book is cached in this process. The modules are
 * loaded first (that is start-up, not opening); then openBook + the first page of accounts are timed with
 * performance.now() and printed as one JSON line.
 *
 * Usage: node --import tsx bench/children/cold-open.ts BOOK_FILE
 */
import { openBook } from '../../src-main/db/book';
import { dispatch } from '../../src-main/handlers/dispatch';
import { hostFacts, systemClock } from '../../src-main/services/context';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: cold-open.ts BOOK_FILE\n');
  process.exit(2);
}

const t0 = performance.now();
const book = openBook(file);
const t1 = performance.now();
const result = await dispatch({ book, now: systemClock, host: hostFacts() }, 'accounts.list', { limit: 50 });
const t2 = performance.now();
// Not part of the target: the same call again, to show how much of the first one is first-call cost.
await dispatch({ book, now: systemClock, host: hostFacts() }, 'accounts.list', { limit: 50 });
const t3 = performance.now();
await book.close();

if (!result.ok) {
  process.stderr.write(`accounts.list failed: ${result.error.code}: ${result.error.message}\n`);
  process.exit(1);
}
const rows = Array.isArray(result.value) ? result.value.length : -1;
process.stdout.write(`${JSON.stringify({ openMs: t1 - t0, listMs: t2 - t1, totalMs: t2 - t0, secondListMs: t3 - t2, rows })}\n`);
