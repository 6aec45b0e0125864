/**
 * The Settings page end to end (issue 13 item 5): web mode on a small book with one order, Debian's Chromium, the
 * page's clock at Friday 4 April 2025. Every check reads the book back over its HTTP API: a bad value is refused
 * next to its field before anything is saved, a good one is saved with Save or Ctrl+Enter, the five score weights
 * must sum to 100, R6 touch points per tier, the book's own refusal (the base currency once orders exist) shown
 * next to the field, holidays and workdays marked on the calendar, and the page in Chinese.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarOverrideRecord, Setting } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { CJK, openE2e, type E2e } from './harness';

const NOW = '2025-04-04T02:00:00Z';

async function buildBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    valueOf(await call(ctx, 'settings.set', { key: 'myCountry', value: 'CN' }));
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'María García', country: 'ES' }));
    valueOf(await call(ctx, 'orders.add', { accountId: account.id, orderedAt: '2025-03-10', amount: 5000, currency: 'CNY' }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;
const setting = async (key: string) => (await e2e.api<Setting>('settings.get', { key })).value;
const field = (key: string) => page.getByTestId(`setting-${key}`);
const errorOf = (key: string) => page.getByTestId(`setting-error-${key}`);
const status = (section: string) => page.getByTestId(`settings-status-${section}`);

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-settings-',
    buildBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1280, height: 720 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(NOW) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-page').waitFor();
  await field('poolDays').waitFor();
});

afterAll(() => e2e?.close());

describe('Settings page in Chromium', () => {
  it('shows every setting with its value, defaults marked', async () => {
    expect(await field('buyerMorning').inputValue()).toBe('08:15');
    expect(await field('businessWindow-start').inputValue()).toBe('09:00');
    expect(await field('businessWindow-end').inputValue()).toBe('18:00');
    expect(await field('poolDays').inputValue()).toBe('30');
    expect(await field('expiryReminderBusinessDays').inputValue()).toBe('3, 1');
    expect(await field('slaHours.marketplace').inputValue()).toBe('1');
    expect(await field('myTimeZone').inputValue()).toBe('Asia/Shanghai');
    // The default badge sits in the label of a key never set, not in one the book stores.
    await expect.poll(() => page.getByTestId('settings-section-schedule').getByText('default').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('settings-section-you').getByText('default').count()).toBe(1); // base currency only
  });

  it('has a field for every key the book knows (`settings.list`, what `tradebook settings list` prints)', async () => {
    const keys = (await e2e.api<Setting[]>('settings.list', {})).map((setting) => setting.key);
    expect(keys.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const key of keys) {
      const tier = key.startsWith('touchPoints.') ? key.slice('touchPoints.'.length) : null;
      const shown = tier
        ? page.locator(`[data-testid^="touch-${tier}-"]`)
        : key === 'businessWindow'
          ? field('businessWindow-start')
          : field(key);
      if ((await shown.count()) === 0) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it('refuses a bad value next to its field before anything is saved', async () => {
    await field('poolDays').fill('5000');
    await expect.poll(() => errorOf('poolDays').textContent()).toMatch(/3650/);
    await field('expiryReminderBusinessDays').fill('3, soon');
    await expect.poll(() => errorOf('expiryReminderBusinessDays').isVisible()).toBe(true);
    await page.getByTestId('settings-save-schedule').click();
    await expect.poll(() => status('schedule').textContent()).toBe('Correct the 2 fields marked in red first.');
    expect(await setting('poolDays')).toBe(30);
    expect(await setting('expiryReminderBusinessDays')).toEqual([3, 1]);
    await page.getByTestId('settings-reset-schedule').click();
    expect(await field('poolDays').inputValue()).toBe('30');
    expect(await field('expiryReminderBusinessDays').inputValue()).toBe('3, 1');
    expect(await errorOf('poolDays').count()).toBe(0);
  });

  it('saves changed fields with Ctrl+Enter, and the book has them', async () => {
    await field('followUpBusinessDays').fill('5');
    await field('expiryReminderBusinessDays').fill('5, 2, 1');
    await field('buyerMorning').fill('07:45');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => status('schedule').getAttribute('data-status')).toBe('saved');
    expect(await setting('followUpBusinessDays')).toBe(5);
    expect(await setting('expiryReminderBusinessDays')).toEqual([5, 2, 1]);
    expect(await setting('buyerMorning')).toBe('07:45');
    expect(await page.getByTestId('settings-save-schedule').isDisabled()).toBe(true);
  });

  it('R11: the five score weights must sum to 100 before they are saved, and are saved together', async () => {
    await field('scoreWeights.purchase').fill('30');
    await expect.poll(() => page.getByTestId('settings-weights-sum').textContent()).toBe('Sum: 105 of 100');
    await expect.poll(() => errorOf('scoreWeights.purchase').textContent()).toBe('The five weights sum to 105: make them 100.');
    await page.getByTestId('settings-save-weights').click();
    await expect.poll(() => status('weights').getAttribute('data-status')).toBe('invalid');
    expect(await setting('scoreWeights.purchase')).toBe(25);
    await field('scoreWeights.margin').fill('20');
    await page.getByTestId('settings-save-weights').click();
    await expect.poll(() => status('weights').getAttribute('data-status')).toBe('saved');
    expect(await setting('scoreWeights')).toEqual({ purchase: 30, margin: 20, growth: 20, strategic: 15, reputation: 15 });
  });

  it('R6: touch points per tier are switched off and moved, and the book has the plan', async () => {
    await page.getByTestId('touch-VIP-reorder-on').uncheck();
    await page.getByTestId('touch-new-checkin-days').fill('5');
    await page.getByTestId('settings-save-touchPoints').click();
    await expect.poll(() => status('touchPoints').getAttribute('data-status')).toBe('saved');
    expect(await setting('touchPoints.VIP')).toEqual([
      { point: 'shipping', from: 'shipped', days: 0 },
      { point: 'checkin', from: 'delivered', days: 3 },
    ]);
    expect(await setting('touchPoints.new')).toEqual([
      { point: 'shipping', from: 'shipped', days: 0 },
      { point: 'checkin', from: 'delivered', days: 5 },
      { point: 'reorder', from: 'delivered', days: 30 },
    ]);
  });

  it('shows the book’s own refusal next to the field: the base currency is fixed once there are orders', async () => {
    await field('baseCurrency').click();
    await field('baseCurrency').fill('EUR');
    await page.getByRole('option', { name: /^EUR · / }).click();
    await page.getByTestId('settings-save-you').click();
    await expect.poll(() => status('you').getAttribute('data-status')).toBe('notSaved');
    expect(await errorOf('baseCurrency').textContent()).toMatch(/CNY/);
    expect(await setting('baseCurrency')).toBe('CNY');
    await page.getByTestId('settings-reset-you').click();
  });

  it('R3: the calendar shows a country’s holidays and weekends; a day marked as the user’s own holiday is in the book and can be removed', async () => {
    const section = page.getByTestId('settings-section-calendar');
    await page.getByTestId('calendar-country').click();
    await page.getByTestId('calendar-country').fill('Spain');
    await page.getByRole('option', { name: 'Spain (ES)' }).click();
    const day = (date: string) => section.locator(`[data-date="${date}"]`);
    await expect.poll(() => day('2025-04-18').getAttribute('data-status')).toBe('holiday'); // Good Friday
    expect(await day('2025-04-19').getAttribute('data-status')).toBe('weekend');
    expect(await day('2025-04-22').getAttribute('data-status')).toBe('business');
    expect(await day('2025-04-18').getAttribute('aria-label')).toMatch(/^2025-04-18: holiday: /);
    await day('2025-04-22').click();
    await page.getByTestId('calendar-day-name').fill('Feria de Abril');
    await page.getByTestId('calendar-mark-holiday').click();
    await expect.poll(() => day('2025-04-22').getAttribute('data-status')).toBe('holiday');
    expect(await day('2025-04-22').getAttribute('data-own')).toBe('true');
    const overrides = await e2e.api<CalendarOverrideRecord[]>('calendar.overrides.list', { country: 'ES' });
    expect(overrides.map(({ day: d, kind, name }) => ({ d, kind, name }))).toEqual([{ d: '2025-04-22', kind: 'holiday', name: 'Feria de Abril' }]);
    expect(await page.getByTestId('calendar-override').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove your mark on 2025-04-22' }).click();
    await expect.poll(() => day('2025-04-22').getAttribute('data-status')).toBe('business');
    expect(await e2e.api<CalendarOverrideRecord[]>('calendar.overrides.list', { country: 'ES' })).toEqual([]);
  });

  it('in Chinese: labels, the check’s message and holiday names', async () => {
    await field('language').click();
    await page.getByRole('option', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('设置');
    expect(await setting('language')).toBe('zh-CN');
    await field('poolDays').fill('-1');
    await expect.poll(() => errorOf('poolDays').textContent()).toMatch(CJK);
    await page.getByTestId('settings-reset-schedule').click();
    const holiday = page.getByTestId('settings-section-calendar').locator('[data-date="2025-04-18"]');
    await expect.poll(() => holiday.getAttribute('aria-label')).toMatch(CJK);
    expect(e2e.pageErrors).toEqual([]);
  });
});
