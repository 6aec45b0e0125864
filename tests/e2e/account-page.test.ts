/**
 * The account page end to end (issue 7): web mode on a small seeded, scored book, in Debian's Chromium. Opens an
 * account from the list, reads its orders, scores, explanation and health over time, adds orders (a bad amount, a
 * missing FX rate, a good one), switches to 中文 and goes back with Esc.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_NAME, seedScoredBook } from '../../scripts/sample-book';
import { CJK, openE2e, type E2e } from './harness';

/** Waits for server work (rescores, language switches) on a busy 2-core machine. */
const slow = { timeout: 10_000 };

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-account-',
    buildBook: (file) => seedScoredBook(file, 30),
    context: { viewport: { width: 1280, height: 900 } },
    timeout: 10_000,
  });
  page = e2e.page;
});

afterAll(() => e2e?.close());

/** The page's scroll box does not scroll sideways: nothing overflows it. */
const overflowsSideways = () =>
  page.getByTestId('account-page').evaluate((el) => el.scrollWidth > el.clientWidth + 1);

describe('the account page in Chromium', () => {
  let name = '';

  it('opens from a row of the accounts list with its details, orders and scores', async () => {
    const row = page.getByTestId('account-row').first();
    await row.waitFor();
    name = ((await row.getByTestId('account-row-name').textContent()) ?? '').trim();
    expect(name).not.toBe('');
    await row.click();
    await expect.poll(() => page.getByTestId('account-name').textContent(), slow).toBe(name);
    await expect.poll(() => page.getByTestId('account-local-time').textContent(), slow).toMatch(/\d\d:\d\d/);
    // R2: their next business morning (buyerMorning 08:15 in their zone), with the user's own time when it differs.
    await expect.poll(() => page.getByTestId('account-next-morning').textContent(), slow).toMatch(/^\S+ 08:15( \(your time (\S+ )?\d\d:\d\d\))?$/);
    // Orders, newest first.
    await expect.poll(() => page.getByTestId('order-row').count(), slow).toBeGreaterThan(0);
    // Scores of the latest snapshot (the last rescore, as of 2025-06-30) with the twelve health indicators.
    await expect.poll(() => page.getByTestId('account-scores').getAttribute('data-as-of'), slow).toBe('2025-06-30');
    expect(await page.getByTestId('scores-value').textContent()).toMatch(/^\d+(\.\d)?$/);
    expect(await page.getByTestId('scores-quadrant').textContent()).toMatch(/Strategic|Potential|Maintain|Declining/);
    expect(await page.getByTestId('health-indicator').count()).toBe(12);
    expect(await page.getByTestId('health-score').textContent()).toMatch(/^\d+$/);
    expect(await overflowsSideways()).toBe(false);
  });

  it('R13: charts the health stored at each quarterly review', async () => {
    const history = page.getByTestId('health-history');
    await expect.poll(() => history.getAttribute('data-points').then(Number), slow).toBeGreaterThanOrEqual(3);
    expect(await history.locator('svg .recharts-line').count()).toBeGreaterThan(0);
  });

  it('opens the explanation (button or E) with the reasoning line by line; Esc closes it and stays on the page', async () => {
    await page.getByTestId('explain-button').click();
    await expect.poll(() => page.getByTestId('explanation-line').count(), slow).toBeGreaterThan(10);
    const lines = await page.getByTestId('explanation-line').allTextContents();
    expect(lines.join('\n')).toMatch(/Value score/);
    expect(lines.join('\n')).toMatch(/Health/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('explanation-line').count(), slow).toBe(0);
    expect(await page.getByTestId('account-page').isVisible()).toBe(true);
    await page.keyboard.press('e');
    await expect.poll(() => page.getByTestId('explanation-line').count(), slow).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('explanation-line').count(), slow).toBe(0);
  });

  it('O opens the order form; a bad amount gets a message next to the field and the form stays open', async () => {
    await page.keyboard.press('o');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), slow).toBe('order-amount');
    await page.getByTestId('order-amount').fill('12,5x');
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-error-amount').textContent(), slow).toBe('Enter a number, 0 or more.');
    await page.getByTestId('order-quantity').fill('40');
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-error-unit').textContent(), slow).toBe('Give a quantity and a unit together.');
    expect(await page.getByTestId('order-fields').isVisible()).toBe(true);
  });

  it('a missing FX rate is refused readably; the form keeps every value', async () => {
    await page.getByTestId('order-amount').fill('1200');
    await page.getByTestId('order-unit').fill('pcs');
    await page.getByTestId('order-orderedAt').fill('2019-01-02');
    await page.getByTestId('order-currency').fill('EUR');
    await page.getByRole('option', { name: 'EUR', exact: true }).click();
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-form-error-message').textContent(), slow).toMatch(/EUR.*2019-01-02/);
    expect(await page.getByTestId('order-amount').inputValue()).toBe('1200');
    expect(await page.getByTestId('order-quantity').inputValue()).toBe('40');
    expect(await page.getByTestId('order-unit').inputValue()).toBe('pcs');
    expect(await page.getByTestId('order-orderedAt').inputValue()).toBe('2019-01-02');
  });

  it('a good order appears on top of the list and the scores refresh (rescored as of today)', async () => {
    const before = await page.getByTestId('order-row').count();
    await page.getByTestId('order-currency').fill('CNY');
    await page.getByRole('option', { name: 'CNY', exact: true }).click();
    await page.getByTestId('order-orderedAt').fill('2025-06-29');
    await page.getByTestId('order-amount').fill('4,321.50');
    await page.getByTestId('order-cost').fill('3000');
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-fields').count(), slow).toBe(0);
    await expect.poll(() => page.getByTestId('order-row').count(), slow).toBe(before + 1);
    expect(await page.getByTestId('order-row').first().getByTestId('order-row-amount').textContent()).toBe('CN¥4,321.50');
    expect(await page.getByTestId('order-added').textContent()).toMatch(/CN¥4,321\.50/);
    // orders.add rescored the account as of the user's today: the page shows that newer snapshot now.
    await expect.poll(() => page.getByTestId('account-scores').getAttribute('data-as-of'), slow).not.toBe('2025-06-30');
  });

  it('switches to 中文: the page labels and the server-rendered reasons are Chinese', async () => {
    const back = await page.getByTestId('account-back').textContent();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('account-back').textContent(), slow).not.toBe(back);
    expect(await page.getByTestId('account-back').textContent()).toMatch(CJK);
    expect(await page.getByTestId('account-orders').locator('th').first().textContent()).toMatch(CJK);
    expect(await page.getByTestId('health-indicator').first().locator('td').first().textContent()).toMatch(CJK);
    await expect.poll(() => page.getByTestId('health-indicator').first().locator('td').last().textContent(), slow).toMatch(CJK);
    await page.getByTestId('explain-button').click();
    await expect.poll(() => page.getByTestId('explanation-line').first().textContent(), slow).toMatch(CJK);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('explanation-line').count(), slow).toBe(0);
  });

  it('Esc goes back to the list; Alt+← too', async () => {
    await page.getByTestId('account-name').click(); // keys typed in the language switch stay there
    await page.keyboard.press('Escape');
    await page.getByTestId('account-search').waitFor();
    expect(await page.getByTestId('account-page').count()).toBe(0);
    await page.getByTestId('account-row').first().click();
    await page.getByTestId('account-page').waitFor();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByTestId('account-search').waitFor();
    await page.getByTestId('language-switch').getByText('EN').click();
  });

  it('a very long name is cut in the header, shown whole in its tooltip, and nothing overflows', async () => {
    await page.getByTestId('account-search').fill('Minería');
    await expect.poll(() => page.getByTestId('account-row').count(), slow).toBe(1);
    await page.getByTestId('account-row').first().click();
    const title = page.getByTestId('account-name');
    await expect.poll(() => title.getAttribute('title'), slow).toBe(LONG_NAME);
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await overflowsSideways()).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId('account-search').fill('');
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
