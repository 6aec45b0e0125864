/**
 * Child process for the scoring benchmark: a process that only rescores. Loads the modules, opens the book, runs one
 * full rescore as of the given day (all scores, snapshots written) timed with performance.now(), and prints one JSON
 * line with the time, the summary and the process's peak resident memory (getrusage maxrss).
 *
 * Usage: node --import tsx bench/children/rescore.ts BOOK_FILE AS_OF
 */
import { openBook } from '../../src-main/db/book';
import { factsThreading } from '../../src-main/db/scoring-facts';
import { hostFacts, systemClock } from '../../src-main/services/context';
import { rescoreBook } from '../../src-main/services/scoring';

const [file, asOf] = process.argv.slice(2);
if (!file || !asOf) {
  process.stderr.write('usage: rescore.ts BOOK_FILE AS_OF\n');
  process.exit(2);
}

// For comparisons: BENCH_FACTS_WORKERS=0 reads the facts in-process, as a small book does.
if (process.env.BENCH_FACTS_WORKERS) factsThreading.workers = Number(process.env.BENCH_FACTS_WORKERS);
// And BENCH_FACTS_CHUNKS sets how many account-id ranges the facts are read and scored in.
if (process.env.BENCH_FACTS_CHUNKS) factsThreading.chunks = Number(process.env.BENCH_FACTS_CHUNKS);

const book = openBook(file);
const t0 = performance.now();
const summary = rescoreBook(book.sqlite, hostFacts(), systemClock(), asOf);
const ms = performance.now() - t0;
await book.close();
process.stdout.write(`${JSON.stringify({ ms, summary, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
