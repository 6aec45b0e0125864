/**
 * The Receivables page (回款, issue 12) end to end: web mode on a small book built with the services (three
 * accounts, five open orders in five different aging buckets, one in USD), in Debian's Chromium. Opens the page
 * from the nav (first with the list failing: an error with Retry, never a blank screen), reads the bucket totals,
 * the overdue accounts and the rows, records a partial payment through the dialog (keyboard only), is refused a
 * payment larger than owed with nothing written, opens an account from its name, and switches to 中文.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment, ReceivablesReport } from '../../src-main/contract/receivables';
import { must, withBook } from './book-calls';
import { CJK, openE2e, pageShots, type E2e } from './harness';

/** Waits for server work (rescores after a payment) on a busy machine. */
const slow = { timeout: 10_000 };

/** The user's today in Asia/Shanghai (the book's `myTimeZone`): the server ages the list as of that day. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const orderIds: Record<string, string> = {};

/**
 * Alder: A-1 CNY 10,000 due 95 days ago (over 90), A-2 CNY 5,000 due in 10 days (not due). Birch: B-1 USD 2,000 at
 * 7.2 (CNY 14,400) due 40 days ago (31–60), B-2 CNY 3,000 without a due date. Cedar: C-1 CNY 8,000 due 15 days ago
 * (1–30). 61–90 stays empty.
 */
async function buildBook(file: string): Promise<void> {
  await withBook(file, async (ctx) => {
    await must(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' });
    await must(ctx, 'settings.set', { key: 'myCountry', value: 'CN' });
    const alder = (await must(ctx, 'accounts.add', { name: 'Alder Trading', country: 'AU' })).id;
    const birch = (await must(ctx, 'accounts.add', { name: 'Birch Imports', country: 'US' })).id;
    const cedar = (await must(ctx, 'accounts.add', { name: 'Cedar GmbH', country: 'DE' })).id;
    await must(ctx, 'fx.add', { date: day(-50), currency: 'USD', rate: 7.2 });
    const order = async (accountId: string, number: string, orderedAt: string, amount: number, currency: string, dueOn?: string) => {
      orderIds[number] = (await must(ctx, 'orders.add', { accountId, number, orderedAt, amount, currency, ...(dueOn ? { dueOn } : {}) })).id;
    };
    await order(alder, 'A-1', day(-100), 10_000, 'CNY', day(-95));
    await order(alder, 'A-2', day(-20), 5_000, 'CNY', day(10));
    await order(birch, 'B-1', day(-50), 2_000, 'USD', day(-40));
    await order(birch, 'B-2', day(-10), 3_000, 'CNY');
    await order(cedar, 'C-1', day(-30), 8_000, 'CNY', day(-15));
  });
}

let e2e: E2e;
let page: Page;
let shot: (name: string) => Promise<void>;

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-receivables-',
    buildBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1400, height: 900 } },
    timeout: 10_000,
  });
  page = e2e.page;
  shot = pageShots(page);
});

afterAll(() => e2e?.close());

const bucket = (name: string) => page.getByTestId(`receivables-bucket-${name}`);
const row = (number: string) => page.getByTestId('receivable-row').filter({ has: page.getByTestId('receivable-number').getByText(number, { exact: true }) });
const payments = (number: string) => e2e.api<Payment[]>('payments.list', { orderId: orderIds[number] });
const served = () => e2e.api<ReceivablesReport>('receivables.list', {});

describe('the Receivables page in Chromium', () => {
  it('a failing list shows the error with Retry, and Retry loads it', async () => {
    await page.route('**/api/call', (route) => (route.request().postDataJSON()?.name === 'receivables.list' ? route.abort() : route.fallback()));
    await page.getByTestId('nav-receivables').click();
    await expect.poll(() => page.getByTestId('receivables-error-message').textContent(), slow).toMatch(/\S/);
    await page.unroute('**/api/call');
    await page.getByTestId('receivables-error').getByRole('button').click();
    await page.getByTestId('receivables-list').waitFor();
    expect(await page.getByTestId('receivables-error').count()).toBe(0);
  });

  it('shows the bucket totals in the base currency, the overdue accounts and the rows, most days late first', async () => {
    expect(await page.getByTestId('receivables-page').getAttribute('data-as-of')).toBe(today);
    const amounts: Record<string, number> = {};
    for (const name of ['not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'no_due_date']) {
      amounts[name] = Number(await bucket(name).getAttribute('data-amount'));
    }
    expect(amounts).toEqual({ not_due: 5000, days_1_30: 8000, days_31_60: 14400, days_61_90: 0, days_over_90: 10000, no_due_date: 3000 });
    expect(await bucket('days_over_90').getByTestId('bucket-label').textContent()).toBe('Over 90 days late');
    expect(await bucket('days_over_90').getByTestId('bucket-amount').textContent()).toBe('CN¥10,000.00');
    expect(await bucket('days_31_60').getByTestId('bucket-amount').textContent()).toBe('CN¥14,400.00');
    expect(await bucket('days_61_90').getByTestId('bucket-count').textContent()).toBe('0 orders');
    expect(await bucket('not_due').getByTestId('bucket-count').textContent()).toBe('1 order');
    expect(await page.getByTestId('receivables-count').textContent()).toBe('5 open orders · CN¥40,400.00 outstanding · CN¥32,400.00 overdue');

    expect(await page.getByTestId('overdue-account-name').allTextContents()).toEqual(['Birch Imports', 'Alder Trading', 'Cedar GmbH']);
    expect(await page.getByTestId('overdue-account-amount').allTextContents()).toEqual(['CN¥14,400.00', 'CN¥10,000.00', 'CN¥8,000.00']);

    expect(await page.getByTestId('receivable-number').allTextContents()).toEqual(['A-1', 'B-1', 'C-1', 'A-2', 'B-2']);
    expect(await page.getByTestId('receivable-days').allTextContents()).toEqual(['95 days late', '40 days late', '15 days late', 'Due in 10 days', 'No due date']);
    expect(await row('B-1').getByTestId('receivable-account').textContent()).toBe('Birch Imports');
    expect(await row('B-1').getByTestId('receivable-outstanding').textContent()).toBe('$2,000.00');
    expect(await row('B-1').getByTestId('receivable-outstanding-base').textContent()).toBe('CN¥14,400.00');
    expect(await row('B-2').getByTestId('receivable-due').textContent()).toBe('—');
    await shot('receivables-en');
  });

  it('records a partial payment from the keyboard: the outstanding amount goes down on screen and on the server', async () => {
    await row('C-1').getByTestId('receivable-record').focus();
    await page.keyboard.press('Enter');
    const amount = page.getByTestId('payment-amount');
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await amount.inputValue()).toBe('8000');
    expect(await page.getByTestId('payment-paidOn').inputValue()).toBe(today);
    await amount.fill('3000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('receivables-recorded').textContent(), slow).toContain(
      'Recorded a payment of CN¥3,000.00 from Cedar GmbH on order C-1',
    );
    expect(await page.getByTestId('receivables-recorded').textContent()).toContain('Still owed: CN¥5,000.00');
    await expect.poll(() => page.getByTestId('payment-fields').count()).toBe(0);
    await expect.poll(() => row('C-1').getAttribute('data-outstanding')).toBe('5000');
    expect(await row('C-1').getByTestId('receivable-outstanding').textContent()).toBe('CN¥5,000.00');
    expect(await row('C-1').getByTestId('receivable-paid').textContent()).toBe('CN¥3,000.00 paid of CN¥8,000.00');
    expect(await bucket('days_1_30').getAttribute('data-amount')).toBe('5000');

    const report = await served();
    expect(report.rows.find((r) => r.number === 'C-1')).toMatchObject({ outstanding: 5000, paid: 3000 });
    expect(report.total.outstandingBase).toBe(37_400);
    expect((await payments('C-1')).map((p) => [p.amount, p.paidOn])).toEqual([[3000, today]]);
  });

  it('refuses a payment larger than owed: the server’s message in the dialog, nothing written; Esc closes', async () => {
    await row('C-1').getByTestId('receivable-record').click();
    await page.getByTestId('payment-amount').fill('6000');
    await page.getByTestId('payment-submit').click();
    await expect.poll(() => page.getByTestId('payment-form-error-message').textContent(), slow).toBe(
      'A payment of 6000 CNY is more than order C-1 still owes (5000 CNY).',
    );
    expect(await page.getByTestId('payment-amount').inputValue()).toBe('6000');
    await shot('receivables-refused');
    expect(await payments('C-1')).toHaveLength(1);
    expect((await served()).total.outstandingBase).toBe(37_400);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('payment-fields').count()).toBe(0);
    expect(await row('C-1').getAttribute('data-outstanding')).toBe('5000');
  });

  it('an account name opens its account page', async () => {
    await row('A-1').getByTestId('receivable-account').click();
    await expect.poll(() => page.getByTestId('account-name').textContent(), slow).toBe('Alder Trading');
    await page.getByTestId('nav-receivables').click();
    await page.getByTestId('receivables-list').waitFor();
  });

  it('switches to 中文: labels, amounts and the server’s refusal are Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => bucket('days_over_90').getByTestId('bucket-label').textContent(), slow).toBe('逾期 90 天以上');
    expect(await bucket('not_due').getByTestId('bucket-label').textContent()).toBe('未到期');
    expect(await page.getByTestId('receivables-list').locator('th').first().textContent()).toBe('客户');
    expect(await row('A-1').getByTestId('receivable-days').textContent()).toBe('逾期 95 天');
    expect(await row('A-1').getByTestId('receivable-record').textContent()).toBe('登记回款');
    expect(await page.getByTestId('receivables-page').locator('h2').textContent()).toMatch(CJK);
    expect(await row('A-1').getByTestId('receivable-outstanding').textContent()).toBe('¥10,000.00');

    await row('C-1').getByTestId('receivable-record').click();
    await page.getByTestId('payment-amount').fill('9000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('payment-form-error-message').textContent(), slow).toBe('收款 9000 CNY 超过订单 C-1 的未收金额（5000 CNY）。');
    expect(await page.getByTestId('payment-form-error').textContent()).toContain('回款未登记');
    expect(await payments('C-1')).toHaveLength(1);
    await page.keyboard.press('Escape');
    await shot('receivables-zh');
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => row('A-1').getByTestId('receivable-record').textContent(), slow).toBe('Record payment');
  });

  it('paying an order in full takes it off the list; with everything paid the page says there is nothing to collect', async () => {
    await row('C-1').getByTestId('receivable-record').click();
    expect(await page.getByTestId('payment-amount').inputValue()).toBe('5000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('receivables-recorded').textContent(), slow).toContain('The order is paid in full.');
    await expect.poll(() => row('C-1').count()).toBe(0);
    expect(await page.getByTestId('overdue-account-name').allTextContents()).toEqual(['Birch Imports', 'Alder Trading']);
    for (const open of (await served()).rows) await e2e.api('payments.add', { orderId: open.orderId, amount: open.outstanding });
    await page.getByTestId('nav-todos').click();
    await page.getByTestId('nav-receivables').click();
    await expect.poll(() => page.getByTestId('receivables-empty').textContent(), slow).toContain('Nothing to collect');
    expect(await page.getByTestId('receivables-list').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });
});
