/**
 * The complaints page end to end (R15): web mode on a small book, Debian's Chromium, the page's clock fixed by
 * Playwright at Friday 4 April 2025 10:00Z (18:00 in Shanghai, the user's zone). Checks the order (grade, then the
 * nearest deadline), the countdowns, responding and resolving through the dialogs (the server checked through its
 * API), a refused resolution that writes nothing, a new complaint, and the Chinese labels.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { CJK, openE2e, type E2e } from './harness';

const BOOK_NOW = '2025-04-04T10:00:00Z';
const PAGE_START = '2025-04-04T10:00:00Z';
const slow = { timeout: 10_000 };

/**
 * Open complaints and what the page must show from 10:00Z on (the page's clock runs, so every deadline is half an
 * hour off the whole hours and the countdowns hold while the test runs):
 * Wrong voltage A opened 04:30Z → response due 06:30Z (overdue by 3 h), remediation Apr 7 04:30Z (66 h left);
 * Broken seals A opened 09:20Z → due 11:20Z (1 h left); Late shipment B opened Apr 3 04:30Z → due Apr 4 04:30Z
 * (overdue by 5 h); Color mismatch B responded → remediation ends Apr 5 11:30Z (25 h left); Label typo C opened Apr 3
 * 16:30Z → due Apr 5 16:30Z (30 h left). Old issue (resolved in March) shows only with "Show resolved".
 */
async function buildComplaintBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => BOOK_NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    const account = async (name: string, country: string) => valueOf(await call(ctx, 'accounts.add', { name, country })).id;
    const maria = await account('María García', 'ES');
    const ahmed = await account('Ahmed Al-Harbi', 'SA');
    const kenji = await account('Kenji Sato', 'JP');
    await account('Olga Nowak', 'PL');
    const add = async (accountId: string, grade: 'A' | 'B' | 'C', subject: string, openedAt: string) =>
      valueOf(await call(ctx, 'complaints.add', { accountId, grade, subject, openedAt })).id;
    await add(kenji, 'C', 'Label typo', '2025-04-03T16:30:00Z');
    await add(maria, 'B', 'Late shipment', '2025-04-03T04:30:00Z');
    const color = await add(ahmed, 'B', 'Color mismatch', '2025-04-02T11:30:00Z');
    valueOf(await call(ctx, 'complaints.respond', { id: color, at: '2025-04-02T13:30:00Z' }));
    await add(maria, 'A', 'Broken seals', '2025-04-04T09:20:00Z');
    await add(ahmed, 'A', 'Wrong voltage', '2025-04-04T04:30:00Z');
    const old = await add(kenji, 'B', 'Old issue', '2025-03-20T08:00:00Z');
    valueOf(await call(ctx, 'complaints.resolve', { id: old, at: '2025-03-21T08:00:00Z', resolution: 'Refunded' }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;

const rows = () => page.getByTestId('complaint-row');
const row = (subject: string) => rows().filter({ has: page.getByTestId('complaint-subject').getByText(subject, { exact: true }) });
const subjects = () => page.getByTestId('complaint-subject').allTextContents();
const serverComplaint = async (subject: string): Promise<Complaint> => {
  const all = await e2e.api<Complaint[]>('complaints.list', { limit: 100 });
  const found = all.find((c) => c.subject === subject);
  if (!found) throw new Error(`no complaint ${subject}`);
  return found;
};

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-complaints-',
    buildBook: buildComplaintBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1500, height: 900 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(PAGE_START) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('complaints-list').waitFor();
});

afterAll(() => e2e?.close());

describe('complaints page in Chromium (R15)', () => {
  it('R15: lists open complaints by grade (A first), then the nearest deadline, with live countdowns', async () => {
    await expect.poll(subjects, slow).toEqual(['Wrong voltage', 'Broken seals', 'Late shipment', 'Color mismatch', 'Label typo']);
    const text = (subject: string, testId: string) => row(subject).getByTestId(testId).textContent();
    expect(await text('Wrong voltage', 'complaint-response-countdown')).toBe('overdue by 3 h');
    expect(await text('Wrong voltage', 'complaint-remediation-countdown')).toBe('66 h left');
    expect(await text('Broken seals', 'complaint-response-countdown')).toBe('1 h left');
    expect(await text('Late shipment', 'complaint-response-countdown')).toBe('overdue by 5 h');
    expect(await text('Color mismatch', 'complaint-remediation-countdown')).toBe('25 h left');
    expect(await text('Color mismatch', 'complaint-response-met')).toMatch(/^on time/);
    expect(await text('Label typo', 'complaint-response-countdown')).toBe('30 h left');
    expect(await text('Wrong voltage', 'complaint-state')).toBe('Awaiting response');
    expect(await text('Color mismatch', 'complaint-state')).toBe('Responded');
    expect(await text('Wrong voltage', 'complaint-account')).toBe('Ahmed Al-Harbi');
    expect(await text('Broken seals', 'complaint-grade')).toBe('A');
  });

  it('R15: the countdown moves with the clock (the minute tick)', async () => {
    await page.clock.runFor(20 * 60_000); // 10:20Z and a few seconds: Broken seals is due 11:20Z
    await expect.poll(() => row('Broken seals').getByTestId('complaint-response-countdown').textContent(), slow).toBe('59 min left');
  });

  it('R15: responds to a complaint now through the dialog, with a note of what the buyer was told', async () => {
    await row('Broken seals').getByTestId('complaint-respond').click();
    await page.getByTestId('complaint-respond-note').fill('New seals ship with the next container');
    await page.getByTestId('complaint-respond-submit').click();
    await expect.poll(() => row('Broken seals').getByTestId('complaint-state').textContent(), slow).toBe('Responded');
    const saved = await serverComplaint('Broken seals');
    expect(saved.respondedAt).toMatch(/^2025-04-04T10:2\d:\d\dZ$/);
    expect(saved.resolvedAt).toBeNull();
    expect(saved.responseNote).toBe('New seals ship with the next container');
    expect(await row('Broken seals').getByTestId('complaint-response-note').textContent()).toBe('New seals ship with the next container');
    expect(await row('Broken seals').getByTestId('complaint-respond').count()).toBe(0);
  });

  it('a resolution dated before the opening is refused with the server’s message, and nothing is written', async () => {
    await row('Late shipment').getByTestId('complaint-resolve').click();
    await page.getByTestId('complaint-resolve-resolution').fill('Refund of the freight');
    await page.getByTestId('complaint-resolve-when').fill('2025-04-01T10:00');
    await page.getByTestId('complaint-resolve-submit').click();
    const alert = page.getByTestId('complaint-resolve-form-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('invalid_state');
    expect((await page.getByTestId('complaint-resolve-form-error-message').textContent())?.trim()).not.toBe('');
    const untouched = await serverComplaint('Late shipment');
    expect([untouched.respondedAt, untouched.resolvedAt, untouched.resolution]).toEqual([null, null, null]);
    // The values stay as typed: a good time resolves it.
    expect(await page.getByTestId('complaint-resolve-resolution').inputValue()).toBe('Refund of the freight');
    await page.getByTestId('complaint-resolve-when').fill('2025-04-04T18:15');
    await page.getByTestId('complaint-resolve-submit').click();
    await expect.poll(() => row('Late shipment').count(), slow).toBe(0);
    const resolved = await serverComplaint('Late shipment');
    expect([resolved.resolvedAt, resolved.respondedAt, resolved.resolution]).toEqual(['2025-04-04T10:15:00Z', '2025-04-04T10:15:00Z', 'Refund of the freight']);
  });

  it('the switch shows resolved complaints too', async () => {
    await page.getByTestId('complaints-show-resolved').click();
    await expect.poll(() => row('Old issue').count(), slow).toBe(1);
    expect(await row('Late shipment').getByTestId('complaint-state').textContent()).toBe('Resolved');
    expect(await row('Old issue').getByTestId('complaint-resolve').count()).toBe(0);
    await page.getByTestId('complaints-show-resolved').click();
    await expect.poll(() => row('Old issue').count(), slow).toBe(0);
  });

  it('adds a complaint with the account searched by name', async () => {
    await page.getByTestId('complaints-add').click();
    await page.getByTestId('complaint-add-account').fill('Olga');
    await page.getByRole('option', { name: 'Olga Nowak' }).click();
    await page.getByTestId('complaint-add-grade').getByText(/^A/).click();
    await page.getByTestId('complaint-add-subject').fill('Scratched housings');
    await page.getByTestId('complaint-add-opened').fill('2025-04-04T17:30');
    await page.getByTestId('complaint-add-submit').click();
    await expect.poll(() => row('Scratched housings').count(), slow).toBe(1);
    const added = await serverComplaint('Scratched housings');
    expect([added.grade, added.openedAt]).toEqual(['A', '2025-04-04T09:30:00Z']);
    // A opened 09:30Z → due 11:30Z; 10:20Z now: 1 h left, and it sorts among the A's by the deadline that matters now
    // (Broken seals was answered, so its next deadline is the end of its remediation window, Apr 7).
    expect(await row('Scratched housings').getByTestId('complaint-response-countdown').textContent()).toBe('1 h left');
    expect((await subjects()).slice(0, 3)).toEqual(['Wrong voltage', 'Scratched housings', 'Broken seals']);
  });

  it('switches to 中文: headers, states and countdowns are Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => row('Wrong voltage').getByTestId('complaint-state').textContent(), slow).toBe('待答复');
    expect(await row('Wrong voltage').getByTestId('complaint-response-countdown').textContent()).toBe('已逾期 3 小时');
    expect(await row('Label typo').getByTestId('complaint-response-countdown').textContent()).toBe('剩余 30 小时');
    expect(await page.getByTestId('complaints-list').locator('th').first().textContent()).toMatch(CJK);
    expect(await page.getByTestId('complaints-add').textContent()).toBe('新建投诉');
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
