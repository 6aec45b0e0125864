/**
 * `scores.history` (R13 health over time, the account page's chart): one point per quarterly health review, with
 * the health stored at the review and the scores of the rescore that recorded it. Real books in temp dirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract';
import type { Account } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { errorOf, openTestBook, snapshot, valueOf, type TestBook } from '../db/temp-book';

const NOW = '2025-11-05T09:00:00Z';

let open: TestBook[] = [];
afterEach(async () => {
  for (const b of open) await b.close();
  open = [];
});
function book(): TestBook {
  const b = openTestBook(NOW);
  open.push(b);
  return b;
}

/** A Madrid buyer anchored on 31 January (reviews 30 Apr, 31 Jul, 31 Oct) with monthly orders in the base currency. */
async function madridBuyer(ctx: ServiceContext): Promise<Account> {
  const account = valueOf(
    await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES', reviewAnchor: '2025-01-31T09:00:00Z' }),
  );
  for (let month = 1; month <= 10; month++) {
    const day = `2025-${String(month).padStart(2, '0')}-10`;
    valueOf(await call(ctx, 'orders.add', { accountId: account.id, orderedAt: day, amount: 10_000 + month * 500, currency: 'CNY', cost: 8_000 }));
  }
  return account;
}

async function history(ctx: ServiceContext, accountId: string, limit?: number) {
  const result = await call(ctx, 'scores.history', limit === undefined ? { accountId } : { accountId, limit });
  const points = valueOf(result);
  expect(contract['scores.history'].output.safeParse(points).success).toBe(true);
  return points;
}

describe('R13: health over time — scores.history', () => {
  it('R13: one point per quarterly review, oldest first, with the health stored at the review and the scores of that rescore', async () => {
    const { ctx } = book();
    const buyer = await madridBuyer(ctx);
    const other = valueOf(await call(ctx, 'accounts.add', { name: '深圳华强电子有限公司', country: 'CN' }));
    expect(await history(ctx, buyer.id)).toEqual([]);

    // Rescores on review days, between them, and a few days after one (still within scheduleHorizonDays = 7).
    for (const asOf of ['2025-04-30', '2025-05-15', '2025-08-02', '2025-09-10', '2025-10-31']) {
      valueOf(await call(ctx, 'scores.run', { asOf }));
    }
    const points = await history(ctx, buyer.id);
    expect(points.map((p) => p.asOf)).toEqual(['2025-04-30', '2025-07-31', '2025-10-31']);
    expect(points.map((p) => p.scoredAsOf)).toEqual(['2025-04-30', '2025-08-02', '2025-10-31']);
    // Due at the buyer's morning (08:15 in Madrid: CEST, UTC+2), not yet rolled to a business day.
    expect(points.map((p) => p.dueAt)).toEqual(['2025-04-30T06:15:00Z', '2025-07-31T06:15:00Z', '2025-10-31T07:15:00Z']);

    for (const point of points) {
      const [view] = valueOf(await call(ctx, 'scores.list', { accountId: buyer.id, asOf: point.scoredAsOf! }));
      expect(point).toMatchObject({
        health: view!.health.score,
        valueScore: view!.value.score,
        tier: view!.rfm?.tier ?? null,
        quadrant: view!.quadrant,
        loyalty: view!.loyalty,
        churnWarning: view!.churn.warning,
      });
      expect(point.health).toBeGreaterThanOrEqual(0);
      expect(point.health).toBeLessThanOrEqual(100);
    }

    // An account without orders gets no review: its history is empty (the page's empty state).
    expect(await history(ctx, other.id)).toEqual([]);
  });

  it('R13: a rescore repeated inside the same review window records the review once; `limit` keeps the latest points', async () => {
    const { ctx } = book();
    const buyer = await madridBuyer(ctx);
    for (const asOf of ['2025-04-30', '2025-05-02', '2025-07-31', '2025-08-01', '2025-10-31']) valueOf(await call(ctx, 'scores.run', { asOf }));
    expect((await history(ctx, buyer.id)).map((p) => p.asOf)).toEqual(['2025-04-30', '2025-07-31', '2025-10-31']);
    expect((await history(ctx, buyer.id, 2)).map((p) => p.asOf)).toEqual(['2025-07-31', '2025-10-31']);
    expect((await history(ctx, buyer.id, 1)).map((p) => p.asOf)).toEqual(['2025-10-31']);
  });

  it('R13: the review date is the buyer-local date of the review, whatever the UTC date', async () => {
    const { ctx } = book();
    // Anchored 31 Jan 23:30 UTC = 1 Feb 07:30 in Shanghai: the reviews are on the 1st (Shanghai), not the 31st.
    const buyer = valueOf(await call(ctx, 'accounts.add', { name: 'Ningbo Valves', country: 'CN', reviewAnchor: '2025-01-31T23:30:00Z' }));
    valueOf(await call(ctx, 'orders.add', { accountId: buyer.id, orderedAt: '2025-03-01', amount: 5000, currency: 'CNY' }));
    valueOf(await call(ctx, 'scores.run', { asOf: '2025-05-01' }));
    const [point] = await history(ctx, buyer.id);
    expect(point).toMatchObject({ asOf: '2025-05-01', dueAt: '2025-05-01T00:15:00Z', scoredAsOf: '2025-05-01' });
  });

  it('an unknown account, a bad id or a bad limit is refused and writes nothing', async () => {
    const tb = book();
    const before = snapshot(tb.book.sqlite);
    expect(errorOf(await call(tb.ctx, 'scores.history', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('not_found');
    expect(errorOf(await call(tb.ctx, 'scores.history', { accountId: 'nope' })).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'scores.history', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', limit: 0 })).code).toBe('invalid_input');
    const zh = errorOf(await call(tb.ctx, 'scores.history', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 'zh-CN'));
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });
});
