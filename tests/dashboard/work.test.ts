/**
 * The dashboard's work lists (`dashboard.work`, issue 13 item 4) on a real book with a fixed clock: the sent quotes
 * whose validity ends within 7 days in the buyer's zone (R7, the scheduler's expiry), the open complaints past their
 * R15 deadline (response, or the 72 h remediation window once responded), the overdue receivables by account, and
 * the first-reply figures of `inquiries.stats`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type InputOf } from '../../src-main/contract';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

// Monday 30 June 2025, 10:00 in Shanghai.
const NOW = '2025-06-30T02:00:00Z';
let tb: TestBook;
beforeEach(() => {
  tb = openTestBook(NOW);
});
afterEach(async () => {
  await tb.close();
});

const quoteTerms = (accountId: string, quoteDate: string, days: number): InputOf<'quotes.add'> => ({
  accountId,
  currency: 'CNY',
  quoteDate,
  validity: { strategy: 'fixed', days },
  items: [{ product: 'Ball valve DN50', quantity: 100, unit: 'pcs', unitPrice: 12.5 }],
});

describe('dashboard.work', () => {
  it('R7: lists the sent quotes whose last valid day ends within 7 days in the buyer’s zone, soonest first', async () => {
    const ctx = tb.ctx;
    const madrid = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' }));
    const sent = async (quoteDate: string, days: number, number: string) => {
      const quote = valueOf(await call(ctx, 'quotes.add', { ...quoteTerms(madrid.id, quoteDate, days), number }));
      valueOf(await call(ctx, 'quotes.send', { id: quote.id, at: '2025-06-20T08:00:00Z' }));
      return quote;
    };
    const soon = await sent('2025-06-20', 12, 'Q-SOON'); // valid through 2 July
    const sooner = await sent('2025-06-20', 10, 'Q-SOONER'); // valid through 30 June: ends 1 July 00:00 Madrid
    await sent('2025-06-20', 20, 'Q-LATER'); // valid through 10 July: beyond the week
    await sent('2025-06-01', 10, 'Q-GONE'); // ended on 12 June
    valueOf(await call(ctx, 'quotes.add', { ...quoteTerms(madrid.id, '2025-06-25', 5), number: 'Q-DRAFT' })); // never sent
    const won = await sent('2025-06-20', 11, 'Q-WON');
    valueOf(await call(ctx, 'quotes.win', { id: won.id, at: NOW }));

    const work = valueOf(await call(ctx, 'dashboard.work', {}));
    expect(contract['dashboard.work'].output.safeParse(work).success).toBe(true);
    expect(work.quotesExpiring.count).toBe(2);
    expect(work.quotesExpiring.rows.map((q) => [q.number, q.validThrough, q.endsAt])).toEqual([
      ['Q-SOONER', '2025-06-30', '2025-06-30T22:00:00Z'],
      ['Q-SOON', '2025-07-02', '2025-07-02T22:00:00Z'],
    ]);
    expect(work.quotesExpiring.rows[0]).toMatchObject({ quoteId: sooner.id, accountId: madrid.id, accountName: 'Válvulas Ibéricas S.L.', timeZone: 'Europe/Madrid', total: 1250, currency: 'CNY' });
    expect(work.quotesExpiring.rows[1]!.quoteId).toBe(soon.id);
    // A day later the first has ended and is no longer "expiring".
    const later = valueOf(await call(ctx, 'dashboard.work', { at: '2025-07-01T02:00:00Z' }));
    expect(later.quotesExpiring.rows.map((q) => q.number)).toEqual(['Q-SOON']);
  });

  it('R15: lists the open complaints past their deadline — the response, then the end of the remediation window — grade A first', async () => {
    const ctx = tb.ctx;
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Nordlicht Armaturen GmbH', country: 'DE' }));
    const complaint = async (grade: 'A' | 'B' | 'C', openedAt: string, subject: string) =>
      valueOf(await call(ctx, 'complaints.add', { accountId: account.id, grade, subject, openedAt }));
    await complaint('C', '2025-06-30T00:00:00Z', 'Scratched flange'); // 48 h to respond: not yet due
    const late = await complaint('B', '2025-06-26T00:00:00Z', 'Wrong thread'); // 24 h: overdue
    const urgent = await complaint('A', '2025-06-29T20:00:00Z', 'Valves leak'); // 2 h: overdue
    const answered = await complaint('B', '2025-06-20T00:00:00Z', 'Late shipment');
    valueOf(await call(ctx, 'complaints.respond', { id: answered.id, at: '2025-06-20T06:00:00Z' })); // remediation ended long ago
    const done = await complaint('A', '2025-06-10T00:00:00Z', 'Broken seal');
    valueOf(await call(ctx, 'complaints.resolve', { id: done.id, at: '2025-06-11T00:00:00Z' }));

    const work = valueOf(await call(ctx, 'dashboard.work', {}));
    expect(work.complaintsOverdue.count).toBe(3);
    expect(work.complaintsOverdue.rows.map((c) => [c.complaintId, c.grade, c.missed])).toEqual([
      [urgent.id, 'A', 'response'],
      [answered.id, 'B', 'remediation'],
      [late.id, 'B', 'response'],
    ]);
    for (const row of work.complaintsOverdue.rows) expect(Date.parse(row.dueAt)).toBeLessThan(Date.parse(NOW));
  });

  it('sums the overdue receivables by account, the most owed first, and gives the first-reply figures of inquiries.stats', async () => {
    const ctx = tb.ctx;
    const a = valueOf(await call(ctx, 'accounts.add', { name: 'Small Debtor Ltd', country: 'GB' }));
    const b = valueOf(await call(ctx, 'accounts.add', { name: 'Big Debtor GmbH', country: 'DE' }));
    valueOf(await call(ctx, 'orders.add', { accountId: a.id, orderedAt: '2025-05-01', amount: 1000, currency: 'CNY', dueOn: '2025-06-01' }));
    valueOf(await call(ctx, 'orders.add', { accountId: b.id, orderedAt: '2025-05-01', amount: 5000, currency: 'CNY', dueOn: '2025-06-10' }));
    valueOf(await call(ctx, 'orders.add', { accountId: b.id, orderedAt: '2025-06-01', amount: 3000, currency: 'CNY', dueOn: '2025-07-30' })); // not due
    valueOf(await call(ctx, 'inquiries.add', { accountId: a.id, source: 'email', receivedAt: '2025-06-23T01:00:00Z' }));

    const work = valueOf(await call(ctx, 'dashboard.work', {}));
    expect(work.receivablesOverdue).toMatchObject({ baseCurrency: 'CNY', count: 2, overdueBase: 6000 });
    expect(work.receivablesOverdue.accounts.map((r) => [r.accountName, r.overdueBase])).toEqual([
      ['Big Debtor GmbH', 5000],
      ['Small Debtor Ltd', 1000],
    ]);
    expect(work.firstResponse).toEqual(valueOf(await call(ctx, 'inquiries.stats', {})));
    expect(work.firstResponse.all.count).toBe(1);
  });

  it('refuses an instant that is not one', async () => {
    expect(errorOf(await call(tb.ctx, 'dashboard.work', { at: 'tomorrow' } as never)).code).toBe('invalid_input');
  });
});
