/**
 * The background rescore (issue 14 item 1; issue 13 item 6) on real books: a full rescore runs in its own process
 * (src-main/workers/rescore.ts) with its progress for `scores.job`, gives what `scores.run` gives, and leaves the
 * thread that answers calls free — `accounts.list` answers within 50 ms (p95) while it runs. Cancelled, or killed
 * mid-way as a crash would, it changes nothing (one transaction), the book passes integrity_check and the app goes
 * on answering. A book never scored, or scored stale book-wide, asks for one by itself.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RescoreJob } from '../../src-main/contract/rescoring';
import { call, dispatch } from '../../src-main/handlers/dispatch';
import { rescoreIfWanted, rescoreJob, rescoreSettled, rescoreWanted, withRescoreAfter } from '../../src-main/services/rescoring';
import { markScoresStale } from '../../src-main/services/scoring';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

const NOW = '2025-06-30T12:00:00Z';
let tb: TestBook;

const snapshots = () => tb.book.sqlite.prepare('SELECT count(*) FROM score_snapshots').pluck().get() as number;
const integrity = () => tb.book.sqlite.pragma('integrity_check', { simple: true });

beforeAll(async () => {
  tb = openTestBook(NOW);
  valueOf(await call(tb.ctx, 'book.seed', { accounts: 6000, ordersPerAccount: 8, seed: 7 }));
}, 120_000);
afterAll(() => tb.close());
afterEach(() => {
  delete process.env.TRADEBOOK_RESCORE_CRASH_AT;
});

/** Polls `scores.job` until the job settles, noting every state seen. */
async function watch(): Promise<{ job: RescoreJob; seen: RescoreJob[] }> {
  const seen: RescoreJob[] = [];
  for (;;) {
    const job = valueOf(await call(tb.ctx, 'scores.job', {}))!;
    seen.push(job);
    if (job.state !== 'running') return { job, seen };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the background rescore', () => {
  it('a freshly seeded book asks for its first scoring by itself', () => {
    expect(snapshots()).toBe(0);
    expect(rescoreWanted(tb.book.sqlite, NOW, 0)).toBe('first');
  });

  it('killed mid-way (a crash): reported as failed, nothing written, integrity ok, the app answers', async () => {
    process.env.TRADEBOOK_RESCORE_CRASH_AT = '1500';
    valueOf(await call(tb.ctx, 'scores.start', {}));
    const { job } = await watch();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'worker_crashed' } });
    expect(job.error!.message).toMatch(/SIGKILL.*nothing was changed/);
    expect(snapshots()).toBe(0);
    expect(integrity()).toBe('ok');
    expect(valueOf(await call(tb.ctx, 'accounts.count', {}))).toBe(6000);
  });

  it('cancelled while it scores: stopped at once, nothing written', { timeout: 60_000 }, async () => {
    valueOf(await call(tb.ctx, 'scores.start', {}));
    for (let i = 0; i < 3000 && rescoreJob(tb.ctx)!.phase !== 'score'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rescoreJob(tb.ctx)!.phase).toBe('score');
    const cancelled = valueOf(await call(tb.ctx, 'scores.cancel', {}))!;
    expect(cancelled.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(snapshots()).toBe(0);
    expect(integrity()).toBe('ok');
  });

  it('runs beside the calls: progress climbs, accounts.list answers within 50 ms p95, the result is scores.run’s', async () => {
    // Baseline in the same run (the machine is shared with other test files): the same call, nothing beside it.
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      valueOf(await call(tb.ctx, 'accounts.list', { limit: 50, offset: (i * 50) % 5000 }));
      idle.push(performance.now() - t0);
    }
    const idleP95 = [...idle].sort((a, b) => a - b)[Math.ceil(idle.length * 0.95) - 1]!;
    const started = valueOf(await call(tb.ctx, 'scores.start', { asOf: '2025-06-30' }));
    expect(started).toMatchObject({ state: 'running', reason: 'asked', done: 0 });
    const times: number[] = [];
    const progress: number[] = [];
    let offset = 0;
    while (rescoreJob(tb.ctx)!.state === 'running') {
      const job = rescoreJob(tb.ctx)!;
      if (job.phase === 'score') progress.push(job.done);
      const t0 = performance.now();
      valueOf(await call(tb.ctx, 'accounts.list', { limit: 50, offset: (offset += 50) % 5000 }));
      if (job.phase !== 'read' || job.done > 0) times.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const job = (await rescoreSettled(tb.ctx))!;
    expect(job).toMatchObject({ state: 'done', done: 6000, total: 6000, error: null });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(times.length).toBeGreaterThan(3);
    const p95 = [...times].sort((a, b) => a - b)[Math.ceil(times.length * 0.95) - 1]!;
    console.log(`accounts.list during a 6,000-account background rescore: ${times.length} calls, p95 ${p95.toFixed(1)} ms (idle p95 ${idleP95.toFixed(1)} ms)`);
    // 50 ms on a quiet machine (the bench's 50k row says 12.9 ms); under a loaded run, within 5× the same-run idle p95.
    // A call blocked behind the rescore would wait for all of it (seconds).
    expect(p95).toBeLessThan(Math.max(50, 5 * idleP95));
    const rescoreMs = Date.parse(job.finishedAt!) - Date.parse(job.startedAt);
    expect(Math.max(...times)).toBeLessThan(Math.max(250, rescoreMs / 2));
    expect(snapshots()).toBe(6000);
    expect(integrity()).toBe('ok');
    // The same figures as a rescore within the call (which finds the quarter's health reviews already recorded).
    const inProcess = valueOf(await call(tb.ctx, 'scores.run', { asOf: '2025-06-30' }));
    const figures = (summary: typeof inProcess) => ({ ...summary, seconds: 0, rebuiltAggregates: false, healthReviews: 0 });
    expect(figures(job.summary!)).toEqual(figures(inProcess));
    expect([job.summary!.healthReviews > 0, inProcess.healthReviews]).toEqual([true, 0]);
    expect(rescoreWanted(tb.book.sqlite, NOW, 0)).toBeNull();
  }, 60_000);

  it('asks again once scores went stale book-wide (a merge, an import) and settled', async () => {
    markScoresStale(tb.book.sqlite, '2025-06-30T11:59:00Z');
    expect(rescoreWanted(tb.book.sqlite, NOW, 120_000)).toBeNull(); // not settled yet (1 min of 2)
    expect(rescoreWanted(tb.book.sqlite, NOW, 30_000)).toBe('stale');
    const job = rescoreIfWanted(tb.ctx, 30_000)!;
    expect(job).toMatchObject({ state: 'running', reason: 'stale' });
    expect(rescoreIfWanted(tb.ctx, 30_000)).toBeNull(); // one at a time
    expect((await rescoreSettled(tb.ctx))!.state).toBe('done');
    expect(rescoreWanted(tb.book.sqlite, NOW, 0)).toBeNull();
  }, 60_000);

  it('a seed (or an import, a merge) into a scored book starts the rescore as soon as the call answers', async () => {
    const send = withRescoreAfter(dispatch);
    const seeded = await send(tb.ctx, 'book.seed', { accounts: 20, ordersPerAccount: 3, seed: 9 });
    expect(seeded.ok).toBe(true);
    expect(rescoreJob(tb.ctx)).toMatchObject({ state: 'running', reason: 'stale' });
    expect((await rescoreSettled(tb.ctx))!.state).toBe('done');
    expect(tb.book.sqlite.prepare("SELECT count(DISTINCT account_id) FROM score_snapshots WHERE as_of = '2025-06-30'").pluck().get()).toBe(6020);
    // A dry run changes nothing and starts nothing.
    const before = rescoreJob(tb.ctx)!.id;
    expect((await send(tb.ctx, 'import.run', { file: '/no/such/file.csv', dryRun: true })).ok).toBe(false);
    expect(rescoreJob(tb.ctx)!.id).toBe(before);
  }, 60_000);

  it('a read-only book is not rescored', async () => {
    const readOnly = { ...tb.ctx, book: { ...tb.ctx.book, readOnly: true, file: `${tb.file}.ro` } } as typeof tb.ctx;
    expect(errorOf(await call(readOnly, 'scores.start', {})).code).toBe('book_readonly');
    expect(rescoreIfWanted(readOnly, 0)).toBeNull();
  });
});
