/**
 * Issue 7, item 2: one new order rescores its account at once (R10's R, F and M read against the last full rescore's
 * quintile bounds); when it changes what the bounds are made of, the other accounts' refresh is left to the
 * background — the book is marked, and the next full rescore (scores.run, or the deferred job) clears the mark.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { refreshStaleScores, STALE_SETTLE_MS, staleScores } from '../../src-main/services/scoring';
import { createTicker } from '../../src-main/services/ticker';
import { valueOf } from '../db/temp-book';
import { HandBook } from './hand-book';

let book: HandBook;
afterEach(async () => {
  await book?.close();
});

const TODAY = '2025-06-30';

interface SnapshotRow {
  monetary: number | null;
  computed_at: string;
}

function snapshotOf(hb: HandBook, accountId: string): SnapshotRow {
  return hb.db.prepare('SELECT monetary, computed_at FROM score_snapshots WHERE account_id = ? AND as_of = ?').get(accountId, TODAY) as SnapshotRow;
}

/** Five accounts, one order each in the last 24 months: 1,000 … 5,000, so M is 1 … 5 (cume_dist = rank / 5). */
async function fiveAccounts(): Promise<{ hb: HandBook; ids: string[] }> {
  const hb = await HandBook.open(`${TODAY}T12:00:00Z`);
  const ids = [1, 2, 3, 4, 5].map((n) => {
    const id = hb.account(`Account ${n}`);
    hb.order(id, '2025-03-10', n * 1_000);
    return id;
  });
  await hb.score(TODAY);
  return { hb, ids };
}

describe('R10: a new order and the quintile bounds', () => {
  it('R10: an order that moves the bounds rescores its account at once and leaves the others to the background refresh', async () => {
    const { hb, ids } = await fiveAccounts();
    book = hb;
    expect(ids.map((id) => snapshotOf(hb, id).monetary)).toEqual([1, 2, 3, 4, 5]);
    expect(staleScores(hb.db)).toBeNull();
    const others = ids.slice(1).map((id) => snapshotOf(hb, id).computed_at);

    // Account 1 orders 10,000 today: 11,000 in 24 months, above every other account.
    valueOf(await call(hb.tb.ctx, 'orders.add', { accountId: ids[0]!, orderedAt: TODAY, amount: 10_000, currency: 'CNY' }));
    // Its own M is read against the bounds at once (it reaches the smallest value of M 5: 5,000).
    expect(snapshotOf(hb, ids[0]!).monetary).toBe(5);
    // The others are not rewritten inside orders.add; the book says the bounds may have moved.
    expect(ids.slice(1).map((id) => snapshotOf(hb, id).computed_at)).toEqual(others);
    expect(ids.slice(1).map((id) => snapshotOf(hb, id).monetary)).toEqual([2, 3, 4, 5]);
    expect(staleScores(hb.db)).toEqual({ since: '2025-06-30T12:00:00Z', asOf: TODAY });

    // The deferred job rescores the book: 2,000 … 5,000 are now ranks 1 … 4 of five.
    const summary = refreshStaleScores(hb.db, hb.tb.ctx.host, '2025-06-30T12:05:00Z');
    expect(summary?.accounts).toBe(5);
    expect(ids.map((id) => snapshotOf(hb, id).monetary)).toEqual([5, 1, 2, 3, 4]);
    expect(staleScores(hb.db)).toBeNull();
    // Nothing left to do: the job is a no-op.
    expect(refreshStaleScores(hb.db, hb.tb.ctx.host, '2025-06-30T12:10:00Z')).toBeNull();
  });

  it('R10: in the app the ticker refreshes the bounds once a burst of orders has settled (2 minutes after the first)', async () => {
    const { hb, ids } = await fiveAccounts();
    book = hb;
    valueOf(await call(hb.tb.ctx, 'orders.add', { accountId: ids[0]!, orderedAt: TODAY, amount: 10_000, currency: 'CNY' }));
    // The ticker, one minute after the order: a full rescore would be premature (more orders may follow).
    let wallMs = Date.parse('2025-06-30T12:01:00Z');
    const ticker = createTicker({
      run: () => Promise.resolve({ created: 0, updated: 0, overdue: 0 }),
      summarise: () => ({ dueWhileAway: 0, overdue: 0 }),
      afterTick: (now) => {
        refreshStaleScores(hb.db, hb.tb.ctx.host, now, STALE_SETTLE_MS);
      },
      clock: () => wallMs,
    });
    await ticker.trigger('manual');
    expect(staleScores(hb.db)).not.toBeNull();
    expect(snapshotOf(hb, ids[1]!).monetary).toBe(2);
    // Two minutes after it: the book is rescored in the background, the others move down.
    wallMs = Date.parse('2025-06-30T12:02:00Z');
    await ticker.trigger('manual');
    expect(staleScores(hb.db)).toBeNull();
    expect(ids.map((id) => snapshotOf(hb, id).monetary)).toEqual([5, 1, 2, 3, 4]);
  });

  it('R10: scores.run clears the mark as well', async () => {
    const { hb, ids } = await fiveAccounts();
    book = hb;
    valueOf(await call(hb.tb.ctx, 'orders.add', { accountId: ids[2]!, orderedAt: '2025-06-01', amount: 500, currency: 'CNY' }));
    expect(staleScores(hb.db)).not.toBeNull();
    valueOf(await call(hb.tb.ctx, 'scores.run', {}));
    expect(staleScores(hb.db)).toBeNull();
  });

  it('R10: an order dated after today changes nothing today, so the bounds stay as they are', async () => {
    const { hb, ids } = await fiveAccounts();
    book = hb;
    valueOf(await call(hb.tb.ctx, 'orders.add', { accountId: ids[1]!, orderedAt: '2025-07-15', amount: 90_000, currency: 'CNY' }));
    expect(snapshotOf(hb, ids[1]!).monetary).toBe(2);
    expect(staleScores(hb.db)).toBeNull();
  });
});

describe('R10–R14: snapshots of a day rescored again', () => {
  it('R10–R14: a second full rescore of the same day rewrites only the snapshots whose numbers changed', async () => {
    const { hb, ids } = await fiveAccounts();
    book = hb;
    const first = ids.map((id) => snapshotOf(hb, id).computed_at);
    // A later run with the book unchanged: every snapshot is already right and is left as it is.
    hb.tb.ctx.now = () => '2025-06-30T13:00:00Z';
    valueOf(await call(hb.tb.ctx, 'scores.run', {}));
    expect(ids.map((id) => snapshotOf(hb, id).computed_at)).toEqual(first);
    // Account 3's order grows to 9,000 (written straight to the book): its M and account 4's and 5's change.
    hb.db.prepare('UPDATE orders SET amount = 9000, amount_base = 9000, updated_at = ? WHERE account_id = ?').run('2025-06-30T13:30:00Z', ids[2]!);
    hb.tb.ctx.now = () => '2025-06-30T14:00:00Z';
    valueOf(await call(hb.tb.ctx, 'scores.run', {}));
    expect(ids.map((id) => snapshotOf(hb, id).monetary)).toEqual([1, 2, 5, 3, 4]);
    expect(ids.map((id) => snapshotOf(hb, id).computed_at)).toEqual([first[0], first[1], '2025-06-30T14:00:00Z', '2025-06-30T14:00:00Z', '2025-06-30T14:00:00Z']);
  });
});
