/**
 * R7 FX-sensitive quotes through the scheduler: when the quote currency has moved more than the threshold against
 * the base currency since the quote date, the quote is flagged, a review task is created and its validity is cut to
 * the end of the buyer's next business day unless the user re-confirms it (`quotes.reconfirm`). Every expected
 * instant is worked out by hand in the comment next to it (Madrid: CET, UTC+1, in March 2025).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf } from '../db/temp-book';
import { account, ok, openClockBook, tasksOf, tick, type ClockBook } from './helpers';

let tb: ClockBook;
afterEach(async () => {
  await tb.close();
});

const items = [{ product: 'LED panel', quantity: 100, unit: 'pc', unitPrice: 12 }];

/** EUR → CNY 7.80 on Mon 3 Mar; an FX-sensitive quote to María for 10 days (valid through Thu 13 Mar), sent at once. */
async function flaggableQuote(book: ClockBook): Promise<string> {
  const maria = await account(book.ctx, 'María García', 'ES');
  await ok(book.ctx, 'fx.add', { date: '2025-03-03', currency: 'EUR', rate: 7.8 });
  const quote = await ok(book.ctx, 'quotes.add', { accountId: maria, currency: 'EUR', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 10 }, items });
  await ok(book.ctx, 'quotes.send', { id: quote.id, at: '2025-03-03T10:00:00Z' });
  await tick(book.ctx, '2025-03-03T10:00:00Z');
  return quote.id;
}

function r7(book: ClockBook): [string, string, string][] {
  return tasksOf(book.ctx, 'R7').map((t) => [t.kind === 'fx_review' ? 'review' : `reminder ${String(t.details.businessDaysBefore)}`, t.due_at, t.status]);
}

describe('R7 FX-sensitive cut', () => {
  it('R7: EUR up 3.85 % against CNY (threshold 3 %): flagged, a review task, validity cut to the end of the buyer’s next business day', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const id = await flaggableQuote(tb);
    // Before the move: reminders Tue 11 (3 business days before Thu 13) and Thu 13 Mar at 08:15 CET = 07:15Z.
    expect(r7(tb)).toEqual([
      ['reminder 1', '2025-03-13T07:15:00Z', 'open'],
      ['reminder 3', '2025-03-11T07:15:00Z', 'open'],
    ]);

    tb.setClock('2025-03-05T10:00:00Z');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-05', currency: 'EUR', rate: 8.1 });
    // (8.10 − 7.80) / 7.80 = +3.846 % > 3 %. Flagged Wed 5 Mar 10:00Z (11:00 Madrid): valid through the buyer's next
    // business day, Thu 6 Mar. The review lands at her next morning, Thu 6 Mar 08:15 CET = 07:15Z. Reminders from the
    // cut: 1 business day before = Thu 6 Mar 07:15Z (the old one moves); 3 before = Tue 4 Mar, before the flag —
    // dismissed. Changes: the flag, the move, the dismissal; the review created.
    expect(await tick(tb.ctx, '2025-03-05T10:00:00Z')).toEqual({ created: 1, updated: 3, overdue: 0 });
    const quote = await ok(tb.ctx, 'quotes.get', { id });
    expect(quote.validity.fxFlag).toEqual({ flaggedAt: '2025-03-05T10:00:00Z', rate: 8.1, movedPercent: 3.85, cutThrough: '2025-03-06' });
    expect(quote.validity.validThrough).toBe('2025-03-13');
    expect(r7(tb)).toEqual([
      ['reminder 1', '2025-03-06T07:15:00Z', 'open'],
      ['reminder 3', '2025-03-11T07:15:00Z', 'dismissed'],
      ['review', '2025-03-06T07:15:00Z', 'open'],
    ]);
    const review = tasksOf(tb.ctx, 'R7').find((t) => t.kind === 'fx_review')!;
    expect(review).toMatchObject({ source_table: 'quotes', source_id: id, dedupe_key: `R7:quote:${id}:fx:2025-03-05T10:00:00Z` });
    expect(review.details).toMatchObject({ movedPercent: 3.85, cutThrough: '2025-03-06', rate: 8.1 });
    const title = tb.book.sqlite.prepare("SELECT title FROM tasks WHERE kind = 'fx_review'").get();
    expect(title).toEqual({ title: `Review quote ${quote.number} for María García: EUR moved +3.85% against CNY; re-confirm it or it is valid only through 2025-03-06` });
    expect(await tick(tb.ctx, '2025-03-05T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('R7: re-confirming lifts the cut — the review is done, the reminders come back — and later moves count from the re-confirmed rate', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const id = await flaggableQuote(tb);
    tb.setClock('2025-03-05T10:00:00Z');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-05', currency: 'EUR', rate: 8.1 });
    await tick(tb.ctx, '2025-03-05T10:00:00Z');

    tb.setClock('2025-03-05T11:00:00Z');
    const confirmed = await ok(tb.ctx, 'quotes.reconfirm', { id });
    expect(confirmed.validity).toMatchObject({ fxFlag: null, reconfirmedAt: '2025-03-05T11:00:00Z', reconfirmedRate: 8.1, validThrough: '2025-03-13' });
    // The review closes (done at the re-confirmation), reminder 1 moves back to Thu 13, reminder 3 reopens on Tue 11.
    expect(await tick(tb.ctx, '2025-03-05T11:00:00Z')).toEqual({ created: 0, updated: 3, overdue: 0 });
    expect(r7(tb)).toEqual([
      ['reminder 1', '2025-03-13T07:15:00Z', 'open'],
      ['reminder 3', '2025-03-11T07:15:00Z', 'open'],
      ['review', '2025-03-06T07:15:00Z', 'done'],
    ]);
    expect(tb.book.sqlite.prepare("SELECT done_at FROM tasks WHERE kind = 'fx_review'").get()).toEqual({ done_at: '2025-03-05T11:00:00Z' });

    // 8.30 is +6.4 % from the quote's 7.80 but +2.47 % from the re-confirmed 8.10: no flag. (The R2 follow-up of
    // Thu 6 Mar 07:15Z is overdue by now.)
    tb.setClock('2025-03-06T10:00:00Z');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-06', currency: 'EUR', rate: 8.3 });
    expect(await tick(tb.ctx, '2025-03-06T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 1 });
    expect((await ok(tb.ctx, 'quotes.get', { id })).validity.fxFlag).toBeNull();
    // 7.85 is −3.09 % from 8.10: flagged again Fri 7 Mar 10:00Z, cut to Mon 10 Mar (the weekend skipped), a new review
    // on Mon 10 Mar 08:15 CET = 07:15Z.
    tb.setClock('2025-03-07T10:00:00Z');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-07', currency: 'EUR', rate: 7.85 });
    await tick(tb.ctx, '2025-03-07T10:00:00Z');
    expect((await ok(tb.ctx, 'quotes.get', { id })).validity.fxFlag).toEqual({
      flaggedAt: '2025-03-07T10:00:00Z',
      rate: 7.85,
      movedPercent: -3.09,
      cutThrough: '2025-03-10',
    });
    expect(tasksOf(tb.ctx, 'R7').filter((t) => t.kind === 'fx_review').map((t) => [t.due_at, t.status])).toEqual([
      ['2025-03-06T07:15:00Z', 'done'],
      ['2025-03-10T07:15:00Z', 'open'],
    ]);
  });

  it('R7: a move within the threshold flags nothing; re-confirming a quote that is not flagged is refused and writes nothing', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const id = await flaggableQuote(tb);
    tb.setClock('2025-03-05T10:00:00Z');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-05', currency: 'EUR', rate: 8.034 }); // +3.0 %: not more than 3 %
    expect(await tick(tb.ctx, '2025-03-05T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
    expect((await ok(tb.ctx, 'quotes.get', { id })).validity.fxFlag).toBeNull();
    const error = errorOf(await call(tb.ctx, 'quotes.reconfirm', { id }));
    expect(error.code).toBe('invalid_state');
    expect(error.message).toBe(`Quote ${id} is not flagged for an FX move: there is nothing to re-confirm.`);
    expect(errorOf(await call(tb.ctx, 'quotes.reconfirm', { id }, 'zh-CN')).message).toBe(`报价 ${id} 未因汇率变动被标记，无需重新确认。`);
  });
});
