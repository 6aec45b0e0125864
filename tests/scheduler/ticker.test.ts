/**
 * The main-process ticker (issue 6: a 30–60 s wall-clock tick and on resume/unlock; after a clock jump one summary,
 * not a notification per task), driven by fake timers; then once on a real book.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleRun } from '../../src-main/contract/models';
import { dispatch } from '../../src-main/handlers/dispatch';
import { awayCounts, dueBetween, tick } from '../../src-main/services/scheduler';
import { awayNotice, createTicker, dueNotice, withTickerReports, type DueNow, type JumpSummary } from '../../src-main/services/ticker';
import { startWebServer } from '../../src-main/web/server';
import { account, ok, openClockBook, type ClockBook } from './helpers';

const T0 = '2025-03-31T10:00:00Z';
const run1: ScheduleRun = { created: 1, updated: 0, overdue: 0 };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(T0));
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(result: ScheduleRun = { created: 0, updated: 0, overdue: 0 }) {
  const runs: string[] = [];
  const summaries: JumpSummary[] = [];
  const errors: unknown[] = [];
  const ticker = createTicker({
    run: (now) => {
      runs.push(now);
      return Promise.resolve(result);
    },
    summarise: () => ({ dueWhileAway: 3, overdue: 5 }),
    onSummary: (summary) => void summaries.push(summary),
    log: (_message, error) => void errors.push(error),
  });
  return { ticker, runs, summaries, errors };
}

describe('ticker', () => {
  it('ticks every 60 s of wall-clock time at the instant it runs, and on resume / unlock', async () => {
    const { ticker, runs, summaries } = recorder();
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual(['2025-03-31T10:01:00Z', '2025-03-31T10:02:00Z']);
    await vi.advanceTimersByTimeAsync(30_000);
    await ticker.trigger('unlock');
    expect(runs.at(-1)).toBe('2025-03-31T10:02:30Z');
    await ticker.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(3);
    expect(summaries).toEqual([]);
  });

  it('never overlaps runs: a trigger during a run runs once after it', async () => {
    const pending: (() => void)[] = [];
    const runs: string[] = [];
    const ticker = createTicker({
      run: (now) => {
        runs.push(now);
        return new Promise((resolve) => pending.push(() => resolve(run1)));
      },
      summarise: () => ({ dueWhileAway: 0, overdue: 0 }),
    });
    const first = ticker.trigger('manual');
    void ticker.trigger('resume');
    void ticker.trigger('unlock');
    expect(runs).toHaveLength(1);
    pending.shift()!();
    expect(await first).toEqual(run1);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    pending.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
  });

  it('logs a failing tick instead of throwing, and the next tick runs', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const runs: string[] = [];
    const ticker = createTicker({
      run: (now) => {
        runs.push(now);
        if (fail) return Promise.reject(new Error('database is locked'));
        return Promise.resolve(run1);
      },
      summarise: () => ({ dueWhileAway: 0, overdue: 0 }),
      log: (_message, error) => void errors.push(error),
    });
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('database is locked');
    fail = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(2);
    await ticker.stop();
  });

  it('after a clock jump of more than 5 minutes (a week asleep): one tick and one summary, then none', async () => {
    const { ticker, runs, summaries } = recorder(run1);
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000);
    // The laptop sleeps a week: wall time moves, no timer fires; then the system says it resumed.
    vi.setSystemTime(new Date('2025-04-07T10:01:00Z'));
    await ticker.trigger('resume');
    expect(runs).toEqual(['2025-03-31T10:01:00Z', '2025-04-07T10:01:00Z']);
    expect(summaries).toEqual([{ from: '2025-03-31T10:01:00Z', to: '2025-04-07T10:01:00Z', dueWhileAway: 3, overdue: 5, run: run1 }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(3);
    expect(summaries).toHaveLength(1);
    await ticker.stop();
  });

  it('a gap of 5 minutes or less is no jump; the clock set back an hour is one', async () => {
    const { ticker, summaries } = recorder(run1);
    ticker.start();
    vi.setSystemTime(new Date('2025-03-31T10:05:00Z'));
    await ticker.trigger('unlock');
    expect(summaries).toEqual([]);
    vi.setSystemTime(new Date('2025-03-31T09:05:00Z'));
    await ticker.trigger('manual');
    expect(summaries).toHaveLength(1);
    await ticker.stop();
  });

  it('stands aside while the window runs the scheduler itself, and reports the background counts to it once', async () => {
    const { ticker, runs } = recorder(run1);
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000); // a background tick: 1 created
    expect(ticker.foregroundRan()).toEqual(run1);
    expect(ticker.foregroundRan()).toEqual({ created: 0, updated: 0, overdue: 0 });
    await vi.advanceTimersByTimeAsync(60_000); // the window ran 60 s ago: stand aside
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000); // 120 s: the window is quiet, tick again
    expect(runs).toHaveLength(2);
    await ticker.trigger('resume'); // resume and unlock always run
    expect(runs).toHaveLength(3);
    await ticker.stop();
  });

  it('withTickerReports adds the background counts to the window’s schedule.run, and only to it', async () => {
    const { ticker } = recorder(run1);
    await ticker.trigger('manual');
    const fake = (_ctx: null, name: unknown) =>
      Promise.resolve(name === 'schedule.run' ? { ok: true as const, value: { created: 0, updated: 2, overdue: 1 } } : { ok: true as const, value: 'other' });
    const wrapped = withTickerReports(ticker, fake);
    expect(await wrapped(null, 'todos.list', {})).toEqual({ ok: true, value: 'other' });
    expect(await wrapped(null, 'schedule.run', {})).toEqual({ ok: true, value: { created: 1, updated: 2, overdue: 1 } });
    expect(await wrapped(null, 'schedule.run', {})).toEqual({ ok: true, value: { created: 0, updated: 2, overdue: 1 } });
  });

  it('without a jump, what fell due since the last look gets one batched notice — also while it stands aside', async () => {
    const spans: string[][] = [];
    const notices: DueNow[] = [];
    const runs: string[] = [];
    let dueCount = 2;
    const ticker = createTicker({
      run: (now) => {
        runs.push(now);
        return Promise.resolve(run1);
      },
      summarise: () => ({ dueWhileAway: 0, overdue: 0 }),
      dueBetween: (from, to) => {
        spans.push([from, to]);
        return { count: dueCount, first: [{ title: 'Reply to the inquiry', accountName: 'María García' }] };
      },
      onDue: (due) => void notices.push(due),
    });
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(spans).toEqual([['2025-03-31T10:00:00Z', '2025-03-31T10:01:00Z']]);
    expect(notices).toHaveLength(1);
    ticker.foregroundRan(); // the window ticks now: the next interval stands aside, and still looks for due to-dos
    dueCount = 0;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(1);
    expect(spans.at(-1)).toEqual(['2025-03-31T10:01:00Z', '2025-03-31T10:02:00Z']);
    expect(notices).toHaveLength(1); // nothing fell due: no notice
    // After a jump the summary speaks instead: no "due now" on top of it.
    vi.setSystemTime(new Date('2025-04-01T10:00:00Z'));
    dueCount = 9;
    await ticker.trigger('resume');
    expect(spans).toHaveLength(2);
    expect(notices).toHaveLength(1);
    await ticker.stop();
  });

  it('after each tick it ran (not when it stood aside) does the deferred work at that instant; its errors are logged', async () => {
    const after: string[] = [];
    const errors: unknown[] = [];
    let fail = false;
    const ticker = createTicker({
      run: () => Promise.resolve(run1),
      summarise: () => ({ dueWhileAway: 0, overdue: 0 }),
      afterTick: (now) => {
        if (fail) throw new Error('disk full');
        after.push(now);
      },
      log: (_message, error) => void errors.push(error),
    });
    ticker.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(after).toEqual(['2025-03-31T10:01:00Z']);
    ticker.foregroundRan();
    await vi.advanceTimersByTimeAsync(60_000); // stands aside: no tick, no deferred work
    expect(after).toHaveLength(1);
    fail = true;
    await ticker.trigger('manual');
    expect((errors[0] as Error).message).toBe('disk full');
    fail = false;
    await ticker.trigger('manual');
    expect(after).toHaveLength(2);
    await ticker.stop();
  });

  it('the "due now" notice: a count, the first three as "account: title", then how many more; in the user’s language', () => {
    const first = [
      { title: 'Reply to the inquiry', accountName: 'María García' },
      { title: 'Quarterly health review', accountName: '深圳华强贸易有限公司' },
      { title: 'Check the FX rates', accountName: null },
    ];
    expect(dueNotice('en', { count: 1, first: first.slice(0, 1) })).toEqual({ title: 'Tradebook: 1 to-do is due', body: 'María García: Reply to the inquiry' });
    expect(dueNotice('en', { count: 5, first })).toEqual({
      title: 'Tradebook: 5 to-dos are due',
      body: 'María García: Reply to the inquiry\n深圳华强贸易有限公司: Quarterly health review\nCheck the FX rates\n…and 2 more',
    });
    expect(dueNotice('zh-CN', { count: 5, first })).toMatchObject({ title: 'Tradebook：5 项待办到期' });
    expect(dueNotice('zh-CN', { count: 5, first }).body.split('\n').at(-1)).toBe('……还有 2 项');
  });

  it('the summary reads in the user’s language', () => {
    expect(awayNotice('en', { dueWhileAway: 3, overdue: 5 })).toEqual({
      title: 'Tradebook: while you were away',
      body: '3 to-dos fell due while the computer was asleep; 5 overdue in all.',
    });
    expect(awayNotice('zh-CN', { dueWhileAway: 3, overdue: 5 }).body).toBe('电脑休眠期间有 3 项待办到期；共有 5 项已逾期。');
  });
});

describe('ticker on a real book', () => {
  let tb: ClockBook;
  afterEach(async () => {
    await tb.close();
  });

  /** A real book with two R1 inquiries at T0 (Mon 31 Mar 10:00Z): website → reply by 12:00Z, e-mail → 14:00Z. */
  async function twoInquiries(): Promise<void> {
    vi.useRealTimers();
    tb = openClockBook(T0);
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: T0 });
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'email', receivedAt: T0 });
  }

  it('a week asleep: the catch-up tick marks what fell due and one summary counts it', async () => {
    await twoInquiries();
    let wallMs = Date.parse(T0);
    const summaries: JumpSummary[] = [];
    const ticker = createTicker({
      run: (now) => tick(tb.ctx, now),
      summarise: (from, to) => awayCounts(tb.ctx, from, to),
      onSummary: (s) => void summaries.push(s),
      clock: () => wallMs,
    });
    expect(await ticker.trigger('manual')).toEqual({ created: 2, updated: 0, overdue: 0 });
    wallMs = Date.parse('2025-03-31T11:00:00Z');
    expect(await ticker.trigger('manual')).toEqual({ created: 0, updated: 0, overdue: 0 });
    expect(summaries).toEqual([]);
    // A week later: both reply-by instants fell due in the gap; the tick marks them overdue once.
    wallMs = Date.parse('2025-04-07T11:00:00Z');
    tb.setClock('2025-04-07T11:00:00Z');
    expect(await ticker.trigger('resume')).toEqual({ created: 0, updated: 0, overdue: 2 });
    expect(summaries).toEqual([
      { from: '2025-03-31T11:00:00Z', to: '2025-04-07T11:00:00Z', dueWhileAway: 2, overdue: 2, run: { created: 0, updated: 0, overdue: 2 } },
    ]);
    // The window's own tick through the dispatcher also hears of the background's work.
    const reported = withTickerReports(ticker, dispatch);
    expect(await reported(tb.ctx, 'schedule.run', { now: '2025-04-07T11:00:00Z' })).toEqual({ ok: true, value: { created: 2, updated: 0, overdue: 2 } });
  });

  it('R1 on the desktop: the reply-by instant passes while the app is open → one "due now" notice naming the task', async () => {
    await twoInquiries();
    let wallMs = Date.parse(T0);
    const notices: DueNow[] = [];
    const ticker = createTicker({
      run: (now) => tick(tb.ctx, now),
      summarise: (from, to) => awayCounts(tb.ctx, from, to),
      dueBetween: (from, to) => dueBetween(tb.ctx, from, to),
      onDue: (due) => void notices.push(due),
      clock: () => wallMs,
    });
    await ticker.trigger('manual');
    wallMs = Date.parse('2025-03-31T11:58:00Z');
    await ticker.trigger('manual');
    expect(notices).toEqual([]);
    wallMs = Date.parse('2025-03-31T12:01:00Z');
    await ticker.trigger('manual');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.count).toBe(1);
    expect(notices[0]!.first).toEqual([{ title: expect.stringMatching(/inquiry/i) as unknown, accountName: 'María García' }]);
    const todos = (await ok(tb.ctx, 'todos.list', { at: '2025-03-31T12:01:00Z' })) as { title: string; dueUtc: string }[];
    expect(todos.find((todo) => todo.dueUtc === '2025-03-31T12:00:00Z')?.title).toBe(notices[0]!.first[0]!.title);
    // The same span asked again finds nothing new; done to-dos are not due.
    expect(dueBetween(tb.ctx, '2025-03-31T12:01:00Z', '2025-03-31T12:05:00Z')).toEqual({ count: 0, first: [] });
    expect(dueBetween(tb.ctx, '2025-03-31T10:00:00Z', '2025-03-31T14:00:00Z').count).toBe(2);
  });

  it('web mode: the page’s schedule.run over HTTP hears of what the server’s ticker did', async () => {
    vi.useRealTimers();
    tb = openClockBook(T0);
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: T0 });
    const ticker = createTicker({ run: (now) => tick(tb.ctx, now), summarise: (from, to) => awayCounts(tb.ctx, from, to), clock: () => Date.parse(T0) });
    const server = await startWebServer(tb.ctx, { dispatch: withTickerReports(ticker, dispatch) });
    try {
      expect(await ticker.trigger('interval')).toEqual({ created: 1, updated: 0, overdue: 0 });
      const call = async () => {
        const response = await fetch(`http://127.0.0.1:${server.port}/api/call`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: JSON.stringify({ name: 'schedule.run', input: { now: T0 } }),
        });
        return (await response.json()) as unknown;
      };
      expect(await call()).toEqual({ ok: true, value: { created: 1, updated: 0, overdue: 0 } });
      expect(await call()).toEqual({ ok: true, value: { created: 0, updated: 0, overdue: 0 } });
      // The page ticked a moment ago: the server's next interval tick stands aside.
      expect(await ticker.trigger('interval')).toBeNull();
    } finally {
      await ticker.stop();
      await server.close();
    }
  });
});
