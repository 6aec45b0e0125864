/**
 * The account timeline (`accounts.timeline`, issue 12 item 7) on a real book: every kind of record of one account,
 * newest first, a day after the instants of that day, paging after the last event shown (no record skipped or
 * repeated, whatever the page size), deleted records (a deleted payment) and other accounts left
 * out, an unknown account refused.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import type { TimelineEvent } from '../../src-main/contract/timeline';
import { compareTimeline } from '../../src-main/services/timeline';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

describe('accounts.timeline', () => {
  let tb: TestBook;
  beforeEach(() => {
    tb = openTestBook('2025-06-30T09:00:00Z');
  });
  afterEach(async () => {
    await tb.close();
  });

  it('merges interactions, inquiries, quotes, orders, complaints and payments of one account, newest first, and pages', async () => {
    const ctx = tb.ctx;
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-05', currency: 'EUR', rate: 7.8 }));
    const madrid = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' }));
    const other = valueOf(await call(ctx, 'accounts.add', { name: 'Lumière Lyon SARL', country: 'FR' }));
    const inquiry = valueOf(await call(ctx, 'inquiries.add', { accountId: madrid.id, source: 'email', receivedAt: '2025-06-02T01:47:00Z', subject: 'LED panels' }));
    valueOf(await call(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-06-02T06:15:00Z' }));
    const mail = valueOf(await call(ctx, 'interactions.add', { accountId: madrid.id, kind: 'email', direction: 'out', occurredAt: '2025-06-03T08:00:00Z', subject: 'Samples sent' }));
    const quote = valueOf(
      await call(ctx, 'quotes.add', {
        accountId: madrid.id,
        inquiryId: inquiry.id,
        number: 'Q-7',
        currency: 'EUR',
        quoteDate: '2025-06-03',
        validity: { strategy: 'fixed', days: 30 },
        items: [{ product: 'LED Panel 600x600', quantity: 500, unit: 'pcs', unitPrice: 12.5 }],
      }),
    );
    const order = valueOf(await call(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-06-10', amount: 6250, currency: 'EUR', number: 'SO-1', dueOn: '2025-07-10' }));
    const payment = valueOf(await call(ctx, 'payments.add', { orderId: order.id, amount: 2000, paidOn: '2025-06-20' }));
    const complaint = valueOf(await call(ctx, 'complaints.add', { accountId: madrid.id, grade: 'B', subject: 'Two panels flicker', openedAt: '2025-06-25T10:00:00Z' }));
    valueOf(await call(ctx, 'complaints.respond', { id: complaint.id, at: '2025-06-25T12:00:00Z' }));
    valueOf(await call(ctx, 'interactions.add', { accountId: other.id, kind: 'call', direction: 'in', occurredAt: '2025-06-26T08:00:00Z' }));
    const gone = valueOf(await call(ctx, 'payments.add', { orderId: order.id, amount: 1, paidOn: '2025-06-21' }));
    valueOf(await call(ctx, 'payments.delete', { id: gone.id }));

    const timeline = valueOf(await call(ctx, 'accounts.timeline', { id: madrid.id }));
    expect(timeline.map((e) => [e.kind, e.at, e.title, e.status])).toEqual([
      ['complaint', '2025-06-25T10:00:00Z', 'Two panels flicker', 'responded'],
      ['payment', '2025-06-20', 'SO-1', 'paid'],
      ['order', '2025-06-10', 'SO-1', 'open'],
      ['quote', '2025-06-03', 'Q-7', quote.status],
      ['interaction', '2025-06-03T08:00:00Z', 'Samples sent', 'out'],
      ['inquiry', '2025-06-02T01:47:00Z', 'LED panels', 'replied'],
    ]);
    expect(timeline[1]).toMatchObject({ id: payment.id, amount: 2000, currency: 'EUR', orderId: order.id });
    expect(timeline[3]).toMatchObject({ id: quote.id, amount: 6250, currency: 'EUR' });
    expect(timeline[4]!.id).toBe(mail.id);

    const page1 = valueOf(await call(ctx, 'accounts.timeline', { id: madrid.id, limit: 2 }));
    expect(page1.map((e) => e.kind)).toEqual(['complaint', 'payment']);
    const page2 = valueOf(await call(ctx, 'accounts.timeline', { id: madrid.id, limit: 3, startAfter: page1[1]! }));
    expect(page2.map((e) => e.kind)).toEqual(['order', 'quote', 'interaction']);
    const page3 = valueOf(await call(ctx, 'accounts.timeline', { id: madrid.id, startAfter: page2[2]! }));
    expect(page3.map((e) => e.kind)).toEqual(['inquiry']);
  });

  it('paging with any page size gives the whole timeline once, in order, even when many records share one day or instant', async () => {
    const ctx = tb.ctx;
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-05', currency: 'EUR', rate: 7.8 }));
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' }));
    // 40 records on three days, drawn with a fixed seed: several share one instant, some sit at a day's very end
    // (tying with that day's orders), so the cut between pages falls inside ties.
    const record = fc.record({
      day: fc.constantFrom('2025-06-10', '2025-06-11', '2025-06-12'),
      kind: fc.constantFrom('order', 'interaction', 'complaint'),
      at: fc.constantFrom('T00:00:00Z', 'T01:00:00Z', 'T02:00:00Z', 'T23:59:59.999Z'),
    });
    const records = fc.sample(fc.array(record, { minLength: 40, maxLength: 40 }), { seed: 20251207, numRuns: 1 })[0]!;
    for (const [i, r] of records.entries()) {
      if (r.kind === 'order') valueOf(await call(ctx, 'orders.add', { accountId: account.id, orderedAt: r.day, amount: 100 + i, currency: 'EUR', number: `SO-${i}` }));
      else if (r.kind === 'interaction') valueOf(await call(ctx, 'interactions.add', { accountId: account.id, kind: 'email', direction: 'in', occurredAt: `${r.day}${r.at}`, subject: `Mail ${i}` }));
      else valueOf(await call(ctx, 'complaints.add', { accountId: account.id, grade: 'C', subject: `Complaint ${i}`, openedAt: `${r.day}${r.at}` }));
    }
    const whole = valueOf(await call(ctx, 'accounts.timeline', { id: account.id, limit: 500 }));
    expect(whole).toHaveLength(40);
    expect([...whole].sort(compareTimeline)).toEqual(whole);
    for (const size of [1, 2, 3, 7, 40]) {
      const seen: TimelineEvent[] = [];
      let startAfter: TimelineEvent | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = valueOf(await call(ctx, 'accounts.timeline', { id: account.id, limit: size, ...(startAfter ? { startAfter: { at: startAfter.at, kind: startAfter.kind, id: startAfter.id } } : {}) }));
        seen.push(...page);
        if (page.length < size) break;
        startAfter = page.at(-1);
      }
      expect(seen.map((e) => e.id), `page size ${size}`).toEqual(whole.map((e) => e.id));
    }
  });

  it('an unknown account is not found; a bad cursor is refused', async () => {
    expect(errorOf(await call(tb.ctx, 'accounts.timeline', { id: '01J0000000000000000000000A' })).code).toBe('not_found');
    const account = valueOf(await call(tb.ctx, 'accounts.add', { name: 'A', country: 'ES' }));
    expect(errorOf(await call(tb.ctx, 'accounts.timeline', { id: account.id, startAfter: { at: 'yesterday', kind: 'order', id: account.id } })).code).toBe('invalid_input');
    expect(valueOf(await call(tb.ctx, 'accounts.timeline', { id: account.id }))).toEqual([]);
  });
});
