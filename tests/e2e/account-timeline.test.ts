/**
 * The account page's timeline end to end (issue 12 item 7): web mode, Debian's Chromium, a book with one Madrid
 * buyer holding every kind of record. Checks the order (newest first, a day after its instants), the buyer's time
 * beside mine, the kind filter, "Show older" paging on without repeats, opening a complaint from it, and 中文.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { openE2e, type E2e } from './harness';

const slow = { timeout: 10_000 };
const CALLS = 55;

async function buildTimelineBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-05', currency: 'EUR', rate: 7.8 }));
    const madrid = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' })).id;
    valueOf(await call(ctx, 'accounts.add', { name: 'Lumière Lyon SARL', country: 'FR' }));
    // 55 calls, one a day from 1 April: older than everything else, so the first page of 50 ends among them.
    for (let i = 0; i < CALLS; i++) {
      const day = new Date(Date.parse('2025-04-01T08:00:00Z') + i * 86_400_000).toISOString().replace('.000', '');
      valueOf(await call(ctx, 'interactions.add', { accountId: madrid, kind: 'call', direction: 'out', occurredAt: day, subject: `Call ${i + 1}` }));
    }
    valueOf(await call(ctx, 'inquiries.add', { accountId: madrid, source: 'email', receivedAt: '2025-06-02T01:47:00Z', subject: 'LED panels' }));
    valueOf(
      await call(ctx, 'quotes.add', {
        accountId: madrid,
        number: 'Q-7',
        currency: 'EUR',
        quoteDate: '2025-06-03',
        validity: { strategy: 'fixed', days: 30 },
        items: [{ product: 'LED Panel 600x600', quantity: 500, unit: 'pcs', unitPrice: 12.5 }],
      }),
    );
    const order = valueOf(await call(ctx, 'orders.add', { accountId: madrid, orderedAt: '2025-06-10', amount: 6250, currency: 'EUR', number: 'SO-1', dueOn: '2025-07-10' }));
    valueOf(await call(ctx, 'payments.add', { orderId: order.id, amount: 2000, paidOn: '2025-06-20' }));
    valueOf(await call(ctx, 'complaints.add', { accountId: madrid, grade: 'B', subject: 'Two panels flicker', openedAt: '2025-06-25T10:00:00Z' }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;
const events = () => page.getByTestId('timeline-event');
const titles = () => page.getByTestId('timeline-title').allTextContents();

beforeAll(async () => {
  e2e = await openE2e({ prefix: 'tradebook-e2e-timeline-', buildBook: buildTimelineBook, context: { viewport: { width: 1400, height: 900 } }, timeout: 10_000 });
  page = e2e.page;
  await page.getByTestId('account-row').filter({ hasText: 'Iluminación Castilla' }).click();
  await page.getByTestId('account-timeline').waitFor();
});

afterAll(() => e2e?.close());

describe('the account timeline in Chromium', () => {
  it('lists every kind of record, newest first, a page of 50, with the buyer’s time beside mine', async () => {
    await expect.poll(() => events().count(), slow).toBe(50);
    expect((await titles()).slice(0, 6)).toEqual(['Two panels flicker', 'order SO-1', 'SO-1', 'Q-7', 'LED panels', `Call ${CALLS}`]);
    expect(await events().evaluateAll((els) => els.slice(0, 5).map((el) => el.getAttribute('data-kind')))).toEqual(['complaint', 'payment', 'order', 'quote', 'inquiry']);
    const complaint = events().first();
    expect(await complaint.getByTestId('timeline-status').textContent()).toBe('Open');
    // 25 Jun 10:00Z: 18:00 in Shanghai (mine), Wed 12:00 in Madrid (theirs).
    expect(await complaint.textContent()).toMatch(/6:00\s?PM.*their time Wed 12:00/);
    expect(await events().nth(1).getByTestId('timeline-amount').textContent()).toBe('€2,000.00');
    expect(await events().nth(2).getByTestId('timeline-status').textContent()).toBe('Open');
    expect(await page.getByTestId('timeline-count').textContent()).toBe('50+ events');
    // The other account's records are not here.
    expect(await titles()).not.toContain('Lumière Lyon SARL');
  });

  it('the kind filter narrows what is shown; clearing it shows all again', async () => {
    await page.getByTestId('timeline-filter-quote').click();
    await expect.poll(() => events().count(), slow).toBe(1);
    expect(await titles()).toEqual(['Q-7']);
    await page.getByTestId('timeline-filter-payment').click();
    await expect.poll(titles, slow).toEqual(['order SO-1', 'Q-7']);
    await page.getByTestId('timeline-filter-quote').click();
    await page.getByTestId('timeline-filter-payment').click();
    await expect.poll(() => events().count(), slow).toBe(50);
  });

  it('Show older pages on after the last event shown: all 60, none twice, oldest last', async () => {
    await page.getByTestId('timeline-more').click();
    await expect.poll(() => events().count(), slow).toBe(CALLS + 5);
    const all = await titles();
    expect(new Set(all).size).toBe(all.length);
    expect(all.at(-1)).toBe('Call 1');
    expect(await page.getByTestId('timeline-more').count()).toBe(0);
    expect(await page.getByTestId('timeline-count').textContent()).toBe('60 events');
  });

  it('switches to 中文: kinds and states are Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => events().first().getByTestId('timeline-status').textContent(), slow).toBe('未完成');
    expect(await events().first().textContent()).toContain('投诉');
    expect(await events().first().textContent()).toContain('对方时间');
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => events().first().getByTestId('timeline-status').textContent(), slow).toBe('Open');
  });

  it('a complaint opens the complaints page', async () => {
    await events().first().getByTestId('timeline-open').click();
    await expect.poll(() => page.getByTestId('nav-complaints').getAttribute('aria-current'), slow).toBe('page');
    expect(e2e.pageErrors).toEqual([]);
  });
});
