/**
 * The Inquiries page end to end (issue 12, items 2 and 7): a real book, `tradebook serve`, Debian's Chromium. The
 * page's clock is Playwright's, so the countdown and "just now" are under the test's control; the server is
 * checked through its own API. The seeds' story: María in Madrid writes at 03:47 her time, the inbox shows her
 * clock, the reply-by deadline and that a reply lands best in her morning; e-mail replies take 4 h 12 min against
 * a 4 h SLA while website ones take 12 min — the statistics and the chart tell it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxRow, InquiryDeadline, InquiryStats } from '../../src-main/contract/inquiries';
import type { Inquiry } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { CJK, openE2e, pageShots, type E2e } from './harness';

/** Mon 2 Jun 2025 01:47Z = 03:47 in Madrid: María's inquiry arrives. */
const MARIA_AT = '2025-06-02T01:47:00Z';
/** The page's clock: 02:00Z, 04:00 in Madrid, 10:00 in Shanghai (the user's zone). */
const PAGE_START = '2025-06-02T02:00:00Z';
/** Where the page's clock is installed: 30 s before PAGE_START, so the page has loaded before the minute turns. */
const PAGE_INSTALL = '2025-06-02T01:59:30Z';
const BOOK_NOW = '2025-06-02T01:50:00Z';
const minutes = (n: number) => n * 60_000;
const plus = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString().replace('.000Z', 'Z');

const ids: Record<string, string> = {};

async function buildInquiryBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => BOOK_NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    valueOf(await call(ctx, 'settings.set', { key: 'myCountry', value: 'CN' }));
    const add = async (name: string, country: string) => (ids[name] = valueOf(await call(ctx, 'accounts.add', { name, country })).id);
    const inquiry = async (accountId: string, source: 'website' | 'email', receivedAt: string, replyAfter?: number, subject?: string) => {
      const id = valueOf(await call(ctx, 'inquiries.add', { accountId, source, receivedAt, ...(subject ? { subject } : {}) })).id;
      if (replyAfter !== undefined) valueOf(await call(ctx, 'inquiries.reply', { id, at: plus(receivedAt, minutes(replyAfter)) }));
      return id;
    };
    const maria = await add('María García', 'ES');
    const kenji = await add('Kenji Sato', 'JP');
    const olga = await add('Olga Nowak', 'PL');
    const nguyen = await add('Nguyễn Trading', 'VN');
    // E-mail replies days apart (no priority channel): 250, 252, 252, 260, 265 minutes, with Nguyễn's two of 30 → median 4 h 12 min.
    await inquiry(kenji, 'email', '2025-05-06T01:00:00Z', 250);
    await inquiry(kenji, 'email', '2025-05-13T01:00:00Z', 252);
    await inquiry(kenji, 'email', '2025-05-20T01:00:00Z', 252);
    await inquiry(kenji, 'email', '2025-05-26T01:00:00Z', 260);
    await inquiry(kenji, 'email', '2025-05-28T06:00:00Z', 265);
    await inquiry(olga, 'website', '2025-05-07T08:00:00Z', 12);
    await inquiry(olga, 'website', '2025-05-21T08:00:00Z', 12);
    // R4: three e-mails within 48 h each → the priority channel; the third is still open.
    await inquiry(nguyen, 'email', '2025-05-31T02:00:00Z', 30);
    await inquiry(nguyen, 'email', '2025-06-01T02:00:00Z', 30);
    ids.nguyenOpen = await inquiry(nguyen, 'email', '2025-06-02T01:00:00Z', undefined, 'Bamboo flooring, 2 containers');
    ids.maria = await inquiry(maria, 'website', MARIA_AT, undefined, 'Olive oil tins 5 L');
    valueOf(await call(ctx, 'schedule.run', { now: BOOK_NOW }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;
const row = (name: string) => page.getByTestId('inbox-row').filter({ hasText: name });
const leftText = (ms: number) => {
  const total = Math.floor(ms / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? (m > 0 ? `${h} h ${m} min left` : `${h} h left`) : `${m} min left`;
};

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-inquiries-',
    buildBook: buildInquiryBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1440, height: 1000 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(PAGE_INSTALL) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-inquiries').click();
  await page.getByTestId('inbox-list').waitFor();
});

afterAll(() => e2e?.close());

describe('Inquiries page', () => {
  it('R1: the inbox lists the open inquiries least time left first, with the buyer’s clock and when a reply lands best (R2)', async () => {
    const inbox = await e2e.api<InboxRow[]>('inquiries.inbox', { open: true });
    expect(inbox.map((r) => r.deadline.accountName).sort()).toEqual(['María García', 'Nguyễn Trading']);
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(2);
    const shown = await page.getByTestId('inbox-row').getByTestId('inbox-account').allTextContents();
    expect(shown).toEqual(inbox.map((r) => r.deadline.accountName));
    expect(await page.getByTestId('inbox-count').textContent()).toBe('2 inquiries awaiting a first reply');

    const [maria] = await e2e.api<InquiryDeadline[]>('inquiries.deadlines', { ids: [ids.maria] });
    const maríaRow = row('María García');
    expect(await maríaRow.getByTestId('inbox-received').textContent()).toBe('Mon 03:47');
    expect(await maríaRow.getByTestId('inbox-their-now').textContent()).toContain('03:59'); // the page's clock: 01:59:30Z and on
    const hhmm = (local: string) => local.slice(11, 16);
    expect(await maríaRow.getByTestId('inbox-reply-by').textContent()).toContain(hhmm(maria!.replyByBuyerLocal));
    expect(await maríaRow.getByTestId('inbox-lands-best').textContent()).toContain(hhmm(maria!.landsBestAtBuyerLocal));
    expect(await maríaRow.getByTestId('inbox-sla').textContent()).toContain(`SLA ${maria!.slaHours} h`);
    expect(await maríaRow.getByTestId('inbox-time-left').textContent()).toBe(leftText(Date.parse(maria!.replyBy) - Date.parse(PAGE_START)));
  });

  it('R4: the priority channel shows on the account’s row and its SLA is halved', async () => {
    const nguyen = row('Nguyễn Trading');
    expect(await nguyen.getByTestId('inbox-priority').textContent()).toBe('Priority');
    expect(await nguyen.getByTestId('inbox-sla').textContent()).toContain('halved');
    expect(await row('María García').getByTestId('inbox-priority').count()).toBe(0);
  });

  it('the countdown runs with the clock', async () => {
    const [maria] = await e2e.api<InquiryDeadline[]>('inquiries.deadlines', { ids: [ids.maria] });
    await page.clock.runFor(minutes(1));
    await expect
      .poll(() => row('María García').getByTestId('inbox-time-left').textContent())
      .toBe(leftText(Date.parse(maria!.replyBy) - Date.parse(PAGE_START) - minutes(1)));
  });

  it('R1: logging the first reply is checked before it is sent, then closes the inquiry', async () => {
    await row('María García').getByTestId('inbox-reply').click();
    const dialog = page.getByTestId('reply-dialog');
    await dialog.getByTestId('reply-mode').getByText('At a time').click();
    await dialog.getByTestId('reply-at').fill('2025-06-02T09:00'); // 09:00 Shanghai = 01:00Z, before 01:47Z
    await dialog.getByTestId('reply-submit').click();
    await expect.poll(() => dialog.getByText(/before the inquiry arrived/).count()).toBe(1);
    expect((await e2e.api<Inquiry>('inquiries.get', { id: ids.maria })).firstReplyAt).toBeNull();

    await dialog.getByTestId('reply-mode').getByText('Just now').click();
    await dialog.getByTestId('reply-submit').click();
    await expect.poll(() => page.getByTestId('inquiries-notice').textContent()).toContain('First reply to María García logged: within the SLA');
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(1);
    const replied = await e2e.api<Inquiry>('inquiries.get', { id: ids.maria });
    expect(Date.parse(replied.firstReplyAt!)).toBeGreaterThanOrEqual(Date.parse(PAGE_START));
    expect(Date.parse(replied.firstReplyAt!)).toBeLessThan(Date.parse(PAGE_START) + minutes(3));

    await page.getByTestId('inbox-show-replied').check();
    await expect.poll(() => row('María García').getAttribute('data-state')).toBe('replied');
    expect(await row('María García').getByTestId('inbox-time-left').textContent()).toMatch(/^Replied after 1\d min, within the SLA$/);
    await page.getByTestId('inbox-show-replied').uncheck();
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(1);
  });

  it('R1: the statistics over a chosen period tell e-mail’s 4 h 12 min from the website’s 12 min', async () => {
    await page.getByTestId('stats-from').fill('2025-05-01');
    await page.getByTestId('stats-to').fill('2025-06-30');
    await page.getByTestId('stats-apply').click();
    await expect.poll(() => page.getByTestId('stats-period').textContent()).toContain('2025-05-01 – 2025-06-30');
    const stats = await e2e.api<InquiryStats>('inquiries.stats', { from: '2025-05-01', to: '2025-06-30' });
    const email = stats.sources.find((s) => s.source === 'email')!;
    expect(email.medianMinutes).toBe(252);
    const statRow = (source: string) => page.locator(`[data-testid="stats-row"][data-source="${source}"]`);
    expect(await statRow('email').getByTestId('stats-median').textContent()).toBe('4 h 12 min');
    expect(await statRow('website').getByTestId('stats-median').textContent()).toBe('12 min');
    expect(await statRow('email').getByTestId('stats-within').textContent()).toBe(`${Math.round(email.withinSlaShare! * 1000) / 10} %`);
    const bar = page.locator('[data-testid="stats-bar"][data-source="email"]');
    expect(await bar.getAttribute('data-median')).toBe('252');
    expect(await bar.getAttribute('data-sla')).toBe('240');
    expect(await bar.locator('rect').getAttribute('fill')).toContain('red');
    expect(await page.locator('[data-testid="stats-bar"][data-source="website"] rect').getAttribute('fill')).toContain('teal');

    await page.getByTestId('stats-from').fill('2025-07-01');
    await page.getByTestId('stats-apply').click();
    expect(await page.getByTestId('stats-invalid').textContent()).toContain('first not after the second');
  });

  it('a new inquiry typed in the buyer’s time is stored at the right instant and joins the inbox', async () => {
    await page.getByTestId('inbox-add').click();
    const dialog = page.getByTestId('inquiry-dialog');
    await dialog.getByTestId('inquiry-form-submit').click();
    await expect.poll(() => dialog.getByText('Required.').count()).toBe(1);
    await dialog.getByTestId('inquiry-account').fill('Kenji');
    await page.getByRole('option', { name: 'Kenji Sato' }).click();
    await dialog.getByTestId('inquiry-source').click();
    await page.getByRole('option', { name: 'E-mail' }).click();
    await dialog.getByTestId('inquiry-zone').getByText('Their time (Asia/Tokyo)').click();
    await dialog.getByTestId('inquiry-received').fill('2025-06-02T10:30');
    expect(await dialog.getByText('= Mon 09:30 your time').count()).toBe(1);
    await dialog.getByTestId('inquiry-subject').fill('Sample request');
    await dialog.getByTestId('inquiry-form-submit').click();
    await expect.poll(() => page.getByTestId('inquiries-notice').textContent()).toContain('Inquiry from Kenji Sato added');
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(2);
    await pageShots(page)('inquiries-page');
    const inbox = await e2e.api<InboxRow[]>('inquiries.inbox', { open: true });
    const kenji = inbox.find((r) => r.accountId === ids['Kenji Sato'])!;
    expect(kenji.receivedAt).toBe('2025-06-02T01:30:00Z');
    expect(kenji.subject).toBe('Sample request');
  });

  it('zh-CN: the page’s labels and durations are in Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('inquiries-page').locator('h2').textContent()).toMatch(CJK);
    expect(await page.getByTestId('inbox-count').textContent()).toMatch(CJK);
    expect(await page.locator('[data-testid="stats-row"][data-source="email"]').getByTestId('stats-median').textContent()).toBe('4 小时 12 分钟');
    await page.getByTestId('language-switch').getByText('EN').click();
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
