/**
 * Issue 7: a large book's order facts are read in account-id ranges by a worker thread and the calling thread together
 * (db/scoring-threads.ts), after every account's place among the others. The threshold is lowered here so that a
 * small seeded book takes the threaded path; its facts, book-relative scores, snapshots and summary are exactly those
 * of the in-process read, and a worker that fails falls back to it.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bookOrderFacts, factsThreading, listMedian, startBookOrderFacts, type BookFacts } from '../../src-main/db/scoring-facts';
import { startReaders, type Columns } from '../../src-main/db/scoring-threads';
import { call } from '../../src-main/handlers/dispatch';
import { rescoreBook, scoringFor } from '../../src-main/services/scoring';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

const DEFAULTS = { ...factsThreading };
let tb: TestBook;

beforeAll(async () => {
  tb = openTestBook('2025-06-30T12:00:00Z');
  valueOf(await call(tb.ctx, 'book.seed', { accounts: 400, seed: 7 }));
});
afterAll(async () => {
  await tb.close();
});
afterEach(() => {
  Object.assign(factsThreading, DEFAULTS);
  delete factsThreading.library;
});

const rowsOf = (book: BookFacts) => book.accountIds.map((_, i) => book.row(i));

/** The snapshots of a day as stored, without their ids and times. */
function snapshotsOf(asOf: string): unknown[] {
  return tb.book.sqlite
    .prepare(
      `SELECT account_id, as_of, recency, frequency, monetary, tier, value_score, parts, quadrant, loyalty, health, churn_warning
       FROM score_snapshots WHERE as_of = ? AND deleted_at IS NULL ORDER BY account_id`,
    )
    .all(asOf);
}

describe('issue 7: the facts read on worker threads', () => {
  it('give exactly the in-process facts and book-relative scores (month end and mid-month)', () => {
    factsThreading.minAccounts = 100;
    for (const asOf of ['2025-06-30', '2025-06-15', '2024-02-29']) {
      const s = scoringFor(tb.book.sqlite, tb.ctx.host, tb.ctx.now(), asOf);
      const pending = startBookOrderFacts(tb.book.sqlite, s.orderParams, true);
      const threaded = rowsOf(pending.finish());
      expect(pending.how).toBe('threads');
      const inProcess = rowsOf(bookOrderFacts(tb.book.sqlite, s.orderParams));
      expect(threaded.length).toBeGreaterThan(100);
      expect(threaded).toEqual(inProcess);
    }
  });

  it('stay in-process below the threshold and when the caller has not committed what they read', () => {
    const s = scoringFor(tb.book.sqlite, tb.ctx.host, tb.ctx.now(), '2025-06-30');
    const small = startBookOrderFacts(tb.book.sqlite, s.orderParams, true);
    small.finish();
    expect(small.how).toBe('in-process'); // 400 accounts < the default threshold
    factsThreading.minAccounts = 100;
    const uncommitted = startBookOrderFacts(tb.book.sqlite, s.orderParams, false);
    uncommitted.finish();
    expect(uncommitted.how).toBe('in-process');
  });

  it('a worker that fails falls back to the in-process read, with the same facts', () => {
    factsThreading.minAccounts = 100;
    factsThreading.library = '/nonexistent/better-sqlite3/index.js';
    const s = scoringFor(tb.book.sqlite, tb.ctx.host, tb.ctx.now(), '2025-06-30');
    const pending = startBookOrderFacts(tb.book.sqlite, s.orderParams, true);
    const rows = rowsOf(pending.finish());
    expect(pending.how).toBe('fallback');
    expect(rows).toEqual(rowsOf(bookOrderFacts(tb.book.sqlite, s.orderParams)));
  });

  it('the readers share the jobs: each job once, in any order, from the worker or run here; a failed worker\'s jobs run here', () => {
    const file = tb.book.sqlite.name;
    const jobs = Array.from({ length: 8 }, (_, k) => ({ sql: 'SELECT ? AS k, count(*) AS n FROM accounts WHERE id >= ?', params: [k, ''] as unknown as Record<string, unknown>, capacity: 1 }));
    const here = (ran: number[]) => (job: (typeof jobs)[number]) => {
      const k = (job.params as unknown as number[])[0]!;
      ran.push(k);
      return { n: 1, columns: [new Float64Array([k]), new Float64Array([400])] } satisfies Columns;
    };
    const values = (part: Columns) => [...part.columns.map((c) => c[0])];
    // Given time, the worker runs every job: nothing runs here, and each job's rows come back under its own index.
    const readers = startReaders(file, jobs, { medianColumn: 99 })!;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    const ranHere: number[] = [];
    for (const k of [3, 0, 7, 1, 2, 6, 5, 4]) expect(values(readers.take(k, here(ranHere)))).toEqual([k, 400]);
    expect(ranHere).toEqual([]);
    expect(readers.close()).toBe(false);
    // Taken at once, this thread takes its share; every job runs exactly once.
    const shared = startReaders(file, jobs, { medianColumn: 99 })!;
    const ranHereToo: number[] = [];
    for (let k = 0; k < jobs.length; k++) expect(values(shared.take(k, here(ranHereToo)))).toEqual([k, 400]);
    expect(shared.close()).toBe(false);
    expect(new Set(ranHereToo).size).toBe(ranHereToo.length);
    // A worker that cannot load the library: every job runs here, and close says so.
    const failing = startReaders(file, jobs, { medianColumn: 99, library: '/nonexistent/better-sqlite3/index.js' })!;
    const all: number[] = [];
    for (let k = 0; k < jobs.length; k++) expect(values(failing.take(k, here(all)))).toEqual([k, 400]);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(failing.close()).toBe(true);
  });

  it('the median gap taken in JS is exactly SQLite\'s median()', () => {
    const median = tb.book.sqlite.prepare("SELECT median(value) FROM json_each('[' || ? || ']')").pluck();
    expect(listMedian(null)).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 40 }), (gaps) => {
        const list = gaps.join(',');
        expect(listMedian(list)).toBe(median.get(list));
      }),
      { seed: 20251125, numRuns: 500 },
    );
  });

  it('a full rescore writes the same snapshots and summary threaded, in-process and after a failed worker', () => {
    const db = tb.book.sqlite;
    const asOf = '2025-06-30';
    const run = () => {
      // Each run starts from no snapshots and no reviews of the day, so that every snapshot is written.
      db.prepare('DELETE FROM score_snapshots').run();
      db.prepare('DELETE FROM health_reviews').run();
      const summary = { ...rescoreBook(db, tb.ctx.host, tb.ctx.now(), asOf), seconds: 0 };
      return { summary, snapshots: snapshotsOf(asOf) };
    };
    factsThreading.minAccounts = 100;
    const threaded = run();
    factsThreading.minAccounts = Number.POSITIVE_INFINITY;
    const inProcess = run();
    factsThreading.minAccounts = 100;
    factsThreading.library = '/nonexistent/better-sqlite3/index.js';
    const fallback = run();
    expect(threaded.snapshots.length).toBe(400);
    expect(threaded).toEqual(inProcess);
    expect(fallback).toEqual(inProcess);
  });

  it('a full rescore inside another transaction reads its uncommitted writes (in-process, not on threads)', () => {
    const db = tb.book.sqlite;
    const asOf = '2025-06-30';
    const run = () => {
      db.prepare('DELETE FROM score_snapshots').run();
      db.prepare('DELETE FROM health_reviews').run();
      const summary = { ...rescoreBook(db, tb.ctx.host, tb.ctx.now(), asOf), seconds: 0 };
      return { summary, snapshots: snapshotsOf(asOf) };
    };
    /** A rescore after an uncommitted change to the monthly aggregates (rolled back afterwards). */
    const inside = () => {
      let result: ReturnType<typeof run> | undefined;
      try {
        db.transaction(() => {
          db.prepare('UPDATE account_months SET amount = amount + 100000 WHERE account_id = (SELECT min(account_id) FROM account_months)').run();
          result = run();
          throw new Error('roll back');
        })();
      } catch (error) {
        if ((error as Error).message !== 'roll back') throw error;
      }
      return result!;
    };
    factsThreading.minAccounts = 100;
    const threadsAllowed = inside();
    factsThreading.minAccounts = Number.POSITIVE_INFINITY;
    const inProcess = inside();
    expect(threadsAllowed).toEqual(inProcess);
    expect(threadsAllowed.snapshots).not.toEqual(run().snapshots); // the uncommitted change is in them
  });
});
