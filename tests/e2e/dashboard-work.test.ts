/**
 * The dashboard's work cards end to end (issue 13 item 4): web mode, Debian's Chromium, the page's clock at Monday
 * 30 June 2025. A book with one quote expiring this week, one overdue grade-A complaint, an overdue order and one
 * inquiry answered late: each card shows its record and opens it — the quote in the editor, the account of the
 * receivable, the complaints and inquiries pages — in English and in Chinese, with nothing serious for axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { valueOf } from '../db/temp-book';
import { withBook } from './book-calls';
import { CJK, openE2e, seriousAxeViolations, type E2e } from './harness';

const NOW = '2025-06-30T02:00:00Z';

async function buildBook(file: string): Promise<void> {
  await withBook(
    file,
    async (ctx) => {
      valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
      const madrid = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' }));
      const berlin = valueOf(await call(ctx, 'accounts.add', { name: 'Nordlicht Armaturen GmbH', country: 'DE' }));
      const quote = valueOf(
        await call(ctx, 'quotes.add', {
          accountId: madrid.id,
          number: 'Q-2025-041',
          currency: 'EUR',
          quoteDate: '2025-06-20',
          validity: { strategy: 'fixed', days: 12 },
          items: [{ product: 'Ball valve DN50', quantity: 100, unit: 'pcs', unitPrice: 12.5 }],
        }),
      );
      valueOf(await call(ctx, 'quotes.send', { id: quote.id, at: '2025-06-20T08:00:00Z' }));
      valueOf(await call(ctx, 'complaints.add', { accountId: berlin.id, grade: 'A', subject: 'Valves leak at 16 bar', openedAt: '2025-06-29T20:00:00Z' }));
      valueOf(await call(ctx, 'orders.add', { accountId: berlin.id, orderedAt: '2025-05-01', amount: 5000, currency: 'CNY', dueOn: '2025-06-10' }));
      const inquiry = valueOf(await call(ctx, 'inquiries.add', { accountId: madrid.id, source: 'email', receivedAt: '2025-06-23T01:00:00Z' }));
      valueOf(await call(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-06-24T09:00:00Z' }));
      valueOf(await call(ctx, 'scores.run', {}));
    },
    NOW,
  );
}

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-dashboard-work-',
    buildBook,
    env: { TRADEBOOK_TICKER: 'off', TZ: 'Asia/Shanghai' },
    context: { viewport: { width: 1280, height: 900 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(NOW) });
    },
  });
  page = e2e.page;
});

afterAll(() => e2e?.close());

const openDashboard = async () => {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard-work').waitFor();
};

describe('the dashboard’s work cards in Chromium', () => {
  it('show this week’s work and each line opens its record', async () => {
    await openDashboard();
    const quote = page.getByTestId('quote-expiring');
    expect(await quote.count()).toBe(1);
    expect(await quote.textContent()).toMatch(/Q-2025-041 · Válvulas Ibéricas S\.L\..*valid through Jul 2, 2025 · ends Thu 00:00 their time/);
    expect(await page.getByTestId('complaint-overdue').textContent()).toMatch(/^AValves leak at 16 bar · Nordlicht Armaturen GmbHresponse due /);
    expect(await page.getByTestId('receivables-overdue-total').textContent()).toBe('CN¥5,000.00 overdue on 1 order');
    // R1: one e-mail inquiry answered a day later than its 4 h SLA.
    expect(await page.getByTestId('first-response-share').textContent()).toBe('0 % answered within the SLA');
    expect(await seriousAxeViolations(page, '[data-testid="dashboard-work"]')).toEqual([]);

    await quote.click();
    await expect.poll(() => page.getByTestId('quote-number').textContent()).toContain('Q-2025-041');
    await openDashboard();
    await page.getByTestId('receivable-overdue').click();
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('Nordlicht Armaturen GmbH');
    await openDashboard();
    await page.getByTestId('complaint-overdue').click();
    await page.getByTestId('complaints-page').waitFor();
    await openDashboard();
    await page.getByTestId('first-response-open').click();
    await page.getByTestId('inquiries-page').waitFor();
  });

  it('in Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await openDashboard();
    await expect.poll(() => page.getByTestId('dashboard-quotes-expiring').textContent()).toContain('本周到期的报价');
    expect(CJK.test((await page.getByTestId('dashboard-work').textContent()) ?? '')).toBe(true);
    expect(await page.getByTestId('receivables-overdue-total').textContent()).toMatch(/^1 笔订单逾期/);
    expect(await seriousAxeViolations(page, '[data-testid="dashboard-work"]')).toEqual([]);
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
