/**
 * The Quotes page end to end (issue 12, items 3 and 7; R7, R8): web mode on a small book, Debian's Chromium, the
 * page's clock installed by Playwright at Tue 10 Jun 2025 02:20Z (10:20 in Shanghai, the user's zone) and running
 * on. The seeds' story: Al-Noor's 7th version silently dropped three certifications, and 8 of the buyer's 17 spec
 * questions are still unanswered — the diff shows the lines removed, and sending warns with the questions listed.
 * The server is checked through its own API after every change.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { CJK, openE2e, pageShots, type E2e } from './harness';

const BOOK_NOW = '2025-06-10T02:00:00Z';
/** 40 minutes off the whole hour of every expiry below, so the countdowns hold while the test runs. */
const PAGE_START = '2025-06-10T02:20:00Z';
const slow = { timeout: 10_000 };

const ids: Record<string, string> = {};
const CERTIFICATES = ['CE certificate', 'RoHS test report', 'ISO 9001 audit report'];
const QUESTIONS = Array.from({ length: 17 }, (_, i) => `Spec question ${i + 1}`);

/**
 * Al-Noor Trading (Riyadh): Q2025-0031, USD, fixed 30 days from 20 May → through 19 Jun (expires 21:00Z), 7 versions,
 * the 7th without the three certification lines; 17 questions, 9 answered (odd ones 1…17 answered). María García
 * (Madrid): Q2025-0040, EUR, from 5 Jun for 30 days → through 5 Jul (expires 22:00Z), 2 lines. Kenji Sato (Tokyo):
 * Q2025-0042, USD, sent, and an open inquiry for bamboo flooring. Olga Nowak: Q2025-0010, won.
 */
async function buildQuoteBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => BOOK_NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    const account = async (name: string, country: string) => (ids[name] = valueOf(await call(ctx, 'accounts.add', { name, country })).id);
    const alNoor = await account('Al-Noor Trading', 'SA');
    const maria = await account('María García', 'ES');
    const kenji = await account('Kenji Sato', 'JP');
    const olga = await account('Olga Nowak', 'PL');

    const line = (product: string, quantity: number, unitPrice: number, unit = 'pcs') => ({ product, quantity, unit, unitPrice });
    const base = [line('Solar inverter 5 kW', 40, 610), line('Mounting kit', 40, 35, 'set')];
    const certificates = CERTIFICATES.map((product) => line(product, 1, 150, 'doc'));
    const alNoorQuote = valueOf(
      await call(ctx, 'quotes.add', {
        accountId: alNoor,
        number: 'Q2025-0031',
        currency: 'USD',
        quoteDate: '2025-05-20',
        validity: { strategy: 'fixed', days: 30 },
        questions: QUESTIONS.map((question, i) => (i % 2 === 0 ? { question, answer: `Answer ${i + 1}` } : { question })),
        items: [...base, ...certificates],
        incoterm: 'FOB',
        paymentTerms: '30% deposit',
      }),
    );
    ids.alNoor = alNoorQuote.id;
    for (let v = 2; v <= 6; v++) {
      valueOf(await call(ctx, 'quotes.revise', { id: alNoorQuote.id, items: [line('Solar inverter 5 kW', 40, 610 - v * 2), base[1]!, ...certificates], incoterm: 'FOB', paymentTerms: '30% deposit' }));
    }
    // The 7th version: a lower price, and the three certifications silently gone.
    valueOf(await call(ctx, 'quotes.revise', { id: alNoorQuote.id, items: [line('Solar inverter 5 kW', 40, 590), base[1]!], incoterm: 'FOB', paymentTerms: '30% deposit' }));

    ids.maria = valueOf(
      await call(ctx, 'quotes.add', {
        accountId: maria,
        number: 'Q2025-0040',
        currency: 'EUR',
        quoteDate: '2025-06-05',
        validity: { strategy: 'fixed', days: 30 },
        items: [line('Olive oil tin 5 L', 200, 11.5), line('Tin caps', 200, 0.75)],
        incoterm: 'CIF',
      }),
    ).id;
    ids.kenji = valueOf(
      await call(ctx, 'quotes.add', { accountId: kenji, number: 'Q2025-0042', currency: 'USD', quoteDate: '2025-06-01', validity: { strategy: 'fixed', days: 14 }, items: [line('Bamboo panel', 100, 18)] }),
    ).id;
    valueOf(await call(ctx, 'quotes.send', { id: ids.kenji, at: BOOK_NOW }));
    ids.kenjiInquiry = valueOf(
      await call(ctx, 'inquiries.add', { accountId: kenji, source: 'email', receivedAt: '2025-06-09T23:00:00Z', subject: 'Flooring for Osaka', products: ['Bamboo flooring', 'Skirting boards'] }),
    ).id;
    const olgaQuote = valueOf(
      await call(ctx, 'quotes.add', { accountId: olga, number: 'Q2025-0010', currency: 'EUR', quoteDate: '2025-05-01', validity: { strategy: 'fixed', days: 30 }, items: [line('Oak flooring', 300, 21)] }),
    );
    valueOf(await call(ctx, 'quotes.win', { id: olgaQuote.id, at: BOOK_NOW }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;

const rows = () => page.getByTestId('quote-row');
const row = (number: string) => page.locator(`[data-testid="quote-row"][data-number="${number}"]`);
const serverQuote = (id: string) => e2e.api<Quote>('quotes.get', { id });
const allQuotes = () => e2e.api<Quote[]>('quotes.list', { limit: 100 });
const backToList = async () => {
  await page.getByTestId('quote-back').click();
  await page.getByTestId('quotes-list').waitFor();
};

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-quotes-',
    buildBook: buildQuoteBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1500, height: 1000 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(PAGE_START) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-quotes').click();
  await page.getByTestId('quotes-list').waitFor();
});

afterAll(() => e2e?.close());

describe('Quotes page in Chromium (R7, R8)', () => {
  it('lists the quotes newest first with account, status, version, total and the buyer-zone validity countdown (R7)', async () => {
    await expect.poll(() => page.getByTestId('quote-row-number').allTextContents(), slow).toEqual(['Q2025-0040', 'Q2025-0042', 'Q2025-0031', 'Q2025-0010']);
    expect(await page.getByTestId('quotes-count').textContent()).toBe('4 quotes');
    const text = (number: string, testId: string) => row(number).getByTestId(testId).textContent();
    expect(await text('Q2025-0040', 'quote-row-account')).toBe('María García');
    expect(await text('Q2025-0040', 'quote-status')).toBe('Draft');
    expect(await text('Q2025-0040', 'quote-row-version')).toBe('v1');
    expect(await text('Q2025-0040', 'quote-row-total')).toBe('€2,450.00');
    // Through 5 Jul in Madrid: expires 22:00Z that day, 25 days 19 h 40 min after the page's start.
    expect(await text('Q2025-0040', 'quote-valid-through')).toBe('to the end of Jul 5, 2025');
    expect(await text('Q2025-0040', 'quote-countdown')).toBe('expires in 25 days 19 h');
    // Al-Noor in Riyadh: through 19 Jun, expires 21:00Z — 9 days 18 h 40 min.
    expect(await text('Q2025-0031', 'quote-row-version')).toBe('v7');
    expect(await text('Q2025-0031', 'quote-countdown')).toBe('expires in 9 days 18 h');
    expect(await text('Q2025-0031', 'quote-row-coverage')).toBe('9 of 17 answered');
    expect(await text('Q2025-0031', 'quote-row-total')).toBe('$25,000.00');
    expect(await text('Q2025-0042', 'quote-status')).toBe('Sent');
    expect(await text('Q2025-0010', 'quote-expiry')).toBe('closed');
    await pageShots(page)('quotes-list');

    await page.getByTestId('quotes-status-filter').click();
    await page.getByRole('option', { name: 'Won' }).click();
    await expect.poll(() => page.getByTestId('quote-row-number').allTextContents(), slow).toEqual(['Q2025-0010']);
    await page.getByTestId('quotes-status-filter').click();
    await page.getByRole('option', { name: 'All statuses' }).click();
    await expect.poll(() => rows().count(), slow).toBe(4);
  });

  it('R8: Enter opens a quote; the diff of its 7th version shows the three certifications removed', async () => {
    await rows().first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe('Quote Q2025-0031');
    expect(await page.getByTestId('quote-version').textContent()).toBe('v7');
    expect(await page.getByTestId('quote-coverage').textContent()).toBe('9 of 17 answered');
    expect(await page.getByTestId('quote-item-row').count()).toBe(2);
    expect(await page.getByTestId('quote-version-row').count()).toBe(7);

    const diff = page.getByTestId('quote-diff-body');
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('7');
    expect(await diff.getAttribute('data-from')).toBe('6');
    expect(await page.getByTestId('quote-diff-removed-count').textContent()).toBe('3 lines removed');
    expect(await page.getByTestId('quote-diff-removed').getByTestId('quote-diff-product').allTextContents()).toEqual(CERTIFICATES);
    expect(await page.getByTestId('quote-diff-changed').getAttribute('data-product')).toBe('Solar inverter 5 kW');
    expect(await page.getByTestId('quote-diff-changed').getByTestId('quote-diff-changes').textContent()).toContain('Unit price: $598.00 → $590.00');
    expect(await page.getByTestId('quote-diff-total').textContent()).toContain('$25,770.00 → $25,000.00');
    await pageShots(page)('quote-editor-diff');

    // Any two versions: v1 → v7 has the same three removed.
    await page.getByTestId('quote-diff-from').click();
    await page.getByRole('option', { name: 'v1', exact: true }).click();
    await expect.poll(() => diff.getAttribute('data-from'), slow).toBe('1');
    expect(await page.getByTestId('quote-diff-removed').count()).toBe(3);
  });

  it('R8: sending with questions unanswered lists them; Cancel writes nothing, "Send anyway" sends', async () => {
    const quote = await serverQuote(ids.alNoor!);
    const unanswered = quote.questions.filter((q) => q.answer === null).map((q) => q.question);
    expect(unanswered).toHaveLength(8);
    await page.getByTestId('quote-send').click();
    const dialog = page.getByTestId('quote-send-dialog');
    await expect.poll(() => dialog.getByTestId('quote-send-question').allTextContents(), slow).toEqual(unanswered);
    await pageShots(page)('quote-send-warning');
    expect(await dialog.getByTestId('quote-send-intro').textContent()).toBe('8 of the buyer’s 17 spec questions have no answer in quote Q2025-0031:');
    await dialog.getByTestId('quote-send-cancel').click();
    await expect.poll(() => page.getByTestId('quote-send-question').count(), slow).toBe(0);
    const untouched = await serverQuote(ids.alNoor!);
    expect([untouched.status, untouched.sentAt]).toEqual(['draft', null]);

    await page.getByTestId('quote-send').click();
    await page.getByTestId('quote-send-anyway').click();
    await expect.poll(() => page.getByTestId('quote-status').textContent(), slow).toBe('Sent');
    const sent = await serverQuote(ids.alNoor!);
    expect(sent.status).toBe('sent');
    expect(Date.parse(sent.sentAt!)).toBeGreaterThanOrEqual(Date.parse(PAGE_START));
    expect(Date.parse(sent.sentAt!)).toBeLessThan(Date.parse(PAGE_START) + 10 * 60_000);
    await backToList();
  });

  it('R8: saving an edit makes v2 with a line removed, and the diff shows it removed', async () => {
    await row('Q2025-0040').click();
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe('Quote Q2025-0040');
    expect(await page.getByTestId('quote-diff-single').count()).toBe(1);
    const items = page.getByTestId('quote-item-row');
    expect(await items.count()).toBe(2);
    await items.nth(1).getByTestId('quote-item-remove').click();
    await items.nth(0).getByTestId('quote-item-unitPrice').fill('11.20');
    expect(await page.getByTestId('quote-items-total').textContent()).toBe('€2,240.00');
    await page.getByTestId('quote-revise-submit').click();
    await expect.poll(() => page.getByTestId('quote-version').textContent(), slow).toBe('v2');

    const saved = await serverQuote(ids.maria!);
    expect(saved.currentVersion).toBe(2);
    expect(saved.versions).toHaveLength(2);
    expect(saved.versions[1]!.items.map((i) => [i.product, i.unitPrice])).toEqual([['Olive oil tin 5 L', 11.2]]);
    expect(saved.versions[1]!.incoterm).toBe('CIF');
    expect(saved.versions[0]!.items).toHaveLength(2);

    const diff = page.getByTestId('quote-diff-body');
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('2');
    expect(await page.getByTestId('quote-diff-removed').getAttribute('data-product')).toBe('Tin caps');
    expect(await page.getByTestId('quote-diff-removed-count').textContent()).toBe('1 line removed');
    expect(await page.getByTestId('quote-diff-changed').getByTestId('quote-diff-changes').textContent()).toContain('Unit price: €11.50 → €11.20');
    expect(await page.getByTestId('quote-item-row').count()).toBe(1);
  });

  it('wins a quote after the confirmation', async () => {
    await page.getByTestId('quote-win').click();
    await page.getByTestId('quote-win-confirm').click();
    await expect.poll(() => page.getByTestId('quote-status').textContent(), slow).toBe('Won');
    const won = await serverQuote(ids.maria!);
    expect(won.status).toBe('won');
    expect(Date.parse(won.closedAt!)).toBeGreaterThanOrEqual(Date.parse(PAGE_START));
    expect(await page.getByTestId('quote-read-only').count()).toBe(1);
    expect(await page.getByTestId('quote-revise-submit').count()).toBe(0);
    await backToList();
  });

  it('winning a quote lost meanwhile is refused with the server’s message, and it stays lost', async () => {
    await row('Q2025-0042').click();
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe('Quote Q2025-0042');
    await e2e.api('quotes.lose', { id: ids.kenji, at: '2025-06-10T02:05:00Z', reason: 'price' });
    await page.getByTestId('quote-win').click();
    await page.getByTestId('quote-win-confirm').click();
    const alert = page.getByTestId('quote-action-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('invalid_state');
    expect(await page.getByTestId('quote-action-error-message').textContent()).toContain('Q2025-0042');
    expect((await serverQuote(ids.kenji!)).status).toBe('lost');
    await expect.poll(() => page.getByTestId('quote-status').textContent(), slow).toBe('Lost');
    await backToList();
  });

  it('R9: "Lost…" opens the lost-deal dialog; Esc closes it and writes nothing', async () => {
    await row('Q2025-0031').click();
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe('Quote Q2025-0031');
    await page.getByTestId('quote-lose').click();
    const dialog = page.getByTestId('lose-quote-dialog').getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), slow).toBe(0);
    expect((await serverQuote(ids.alNoor!)).status).toBe('sent');
    await backToList();
  });

  it('creates a quote from an inquiry with the keyboard: account, inquiry, lines, terms', async () => {
    await page.getByTestId('quotes-add').focus();
    await page.keyboard.press('Enter');
    const account = page.getByTestId('quote-account');
    await expect.poll(() => account.evaluate((el) => el === document.activeElement), slow).toBe(true);
    await page.keyboard.type('Kenji');
    // The options come from a search of the book: wait until the list is the search's answer, not the list before it.
    await expect.poll(() => page.getByRole('option').allTextContents(), slow).toEqual(['Kenji Sato']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => account.inputValue(), slow).toBe('Kenji Sato');
    const inquiry = page.getByTestId('quote-inquiry');
    await expect.poll(() => inquiry.isEnabled(), slow).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // opens the list (one inquiry: a second ↓ stays on it)
    await page.getByRole('option', { name: /Flooring for Osaka/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => inquiry.inputValue(), slow).toContain('Flooring for Osaka');
    // The inquiry's products became the lines: fill them in from the first quantity cell on, Tab and Enter only.
    const items = page.getByTestId('quote-item-row');
    expect(await items.getByTestId('quote-item-product').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['Bamboo flooring', 'Skirting boards']);
    await items.nth(0).getByTestId('quote-item-description').focus();
    await page.keyboard.type('Carbonised, 15 mm');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1,200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('m2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('18.40');
    await page.keyboard.press('Enter'); // the same cell one line down
    await page.keyboard.type('2.10');
    for (const key of ['Shift+Tab', 'Shift+Tab']) await page.keyboard.press(key);
    await page.keyboard.type('800');
    await page.keyboard.press('Tab');
    await page.keyboard.type('m');
    expect(await page.getByTestId('quote-items-total').textContent()).toBe('$23,760.00');
    await pageShots(page)('quote-new');
    // The buyer's questions, one answered already.
    await page.getByTestId('quote-question-add').press('Enter');
    await page.getByTestId('quote-question-add').press('Enter');
    await page.getByTestId('quote-new-question-text').nth(0).fill('FSC certified?');
    await page.getByTestId('quote-new-question-answer').nth(0).fill('Yes, FSC 100 %');
    await page.getByTestId('quote-new-question-text').nth(1).fill('Moisture content?');
    await page.getByTestId('quote-incoterm').focus();
    await page.keyboard.type('fob');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30% deposit, 70% against B/L');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('quote-editor').count(), slow).toBe(1);
    const id = (await page.getByTestId('quote-editor').getAttribute('data-quote-id'))!;
    const made = await serverQuote(id);
    ids.made = id;
    ids.madeNumber = made.number;
    expect([made.accountId, made.inquiryId, made.currency, made.quoteDate, made.status]).toEqual([ids['Kenji Sato'], ids.kenjiInquiry, 'USD', '2025-06-10', 'draft']);
    expect(made.validity).toMatchObject({ strategy: 'fixed', days: 30, validThrough: '2025-07-10' });
    expect(made.versions[0]!.items.map((i) => [i.product, i.description, i.quantity, i.unit, i.unitPrice])).toEqual([
      ['Bamboo flooring', 'Carbonised, 15 mm', 1200, 'm2', 18.4],
      ['Skirting boards', '', 800, 'm', 2.1],
    ]);
    expect([made.versions[0]!.total, made.versions[0]!.incoterm, made.versions[0]!.paymentTerms]).toEqual([23760, 'FOB', '30% deposit, 70% against B/L']);
    expect(made.number).toMatch(/^Q2025-\d{4}$/);
    expect(made.questions.map((q) => [q.question, q.answer])).toEqual([
      ['FSC certified?', 'Yes, FSC 100 %'],
      ['Moisture content?', null],
    ]);
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe(`Quote ${made.number}`);
    expect(await page.getByTestId('quote-coverage').textContent()).toBe('1 of 2 answered');

    // R8: answering the open question is saved with the next version.
    await page.getByTestId('quote-question-answer-input').fill('8–12 %');
    expect(await page.getByTestId('quote-coverage-pending').textContent()).toBe('With what you typed: 2 of 2 answered');
    await page.getByTestId('quote-revise-submit').click();
    await expect.poll(() => page.getByTestId('quote-version').textContent(), slow).toBe('v2');
    expect(await page.getByTestId('quote-coverage').textContent()).toBe('2 of 2 answered');
    const answered = await serverQuote(id);
    expect(answered.questions.map((q) => q.answer)).toEqual(['Yes, FSC 100 %', '8–12 %']);
    expect(answered.specCoverage).toEqual({ asked: 2, answered: 2 });
    await backToList();
  });

  it('R7: a new version changes the validity (30 → 45 days): the server has it, the diff and the versions show it; a season ending before the quote date is refused', async () => {
    await row(ids.madeNumber!).click();
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe(`Quote ${ids.madeNumber}`);
    const form = page.getByTestId('quote-revise');
    const days = form.getByTestId('quote-validity-days');
    // Pre-filled from the current validity: fixed, 30 days from 10 Jun.
    expect(await days.inputValue()).toBe('30');
    expect(await form.getByTestId('quote-revise-validity-hint').textContent()).toBe('Unchanged: v3 keeps this validity. Days count from the quote date, Jun 10, 2025.');
    await days.fill('45');
    expect(await form.getByTestId('quote-validity-preview').textContent()).toBe('Valid to the end of Jul 25, 2025 in the buyer’s zone (Asia/Tokyo).');
    expect(await form.getByTestId('quote-revise-validity-hint').textContent()).toBe('v3 gets this validity; days count from the quote date, Jun 10, 2025.');
    await page.getByTestId('quote-revise-submit').click();
    await expect.poll(() => page.getByTestId('quote-version').textContent(), slow).toBe('v3');

    const saved = await serverQuote(ids.made!);
    expect(saved.validity).toMatchObject({ strategy: 'fixed', days: 45, validThrough: '2025-07-25' });
    expect(saved.versions.map((v) => [v.version, v.validity.strategy, v.validity.days, v.validity.validThrough])).toEqual([
      [1, 'fixed', 30, '2025-07-10'],
      [2, 'fixed', 30, '2025-07-10'],
      [3, 'fixed', 45, '2025-07-25'],
    ]);
    expect(await page.getByTestId('quote-validity-summary').textContent()).toBe('45 days, through Jul 25, 2025');
    const validThrough = (version: number) => page.locator(`[data-testid="quote-version-row"][data-version="${version}"]`).getByTestId('quote-version-valid-through').textContent();
    expect(await validThrough(3)).toBe('Jul 25, 2025');
    expect(await validThrough(2)).toBe('Jul 10, 2025');

    const diff = page.getByTestId('quote-diff-body');
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('3');
    const changes = page.getByTestId('quote-diff-validity-changes');
    expect(await changes.locator('[data-field="days"]').textContent()).toBe('Valid days: 30 → 45');
    expect(await changes.locator('[data-field="validThrough"]').textContent()).toBe('Valid through: Jul 10, 2025 → Jul 25, 2025');
    expect(await changes.locator('li').count()).toBe(2);
    await pageShots(page)('quote-diff-validity');
    // v1 → v2 was saved without touching the validity: it was carried, unchanged.
    await page.getByTestId('quote-diff-to').click();
    await page.getByRole('option', { name: 'v2', exact: true }).click();
    await page.getByTestId('quote-diff-from').click();
    await page.getByRole('option', { name: 'v1', exact: true }).click();
    await expect.poll(() => diff.getAttribute('data-from'), slow).toBe('1');
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('2');
    expect(await page.getByTestId('quote-diff-validity-none').textContent()).toBe('Validity unchanged.');

    // A season ending before the quote date: the server's message in the form's alert, nothing written, the input kept.
    await form.getByTestId('quote-validity-strategy').getByText('Season').click();
    await form.getByTestId('quote-validity-season').fill('Spring price list');
    await form.getByTestId('quote-validity-season-ends').fill('2025-05-31');
    await page.getByTestId('quote-revise-submit').click();
    const alert = page.getByTestId('quote-revise-form-error');
    await alert.waitFor();
    expect(await page.getByTestId('quote-revise-form-error-message').textContent()).toBe('The quote cannot stop being valid (2025-05-31) before its date (2025-06-10).');
    const untouched = await serverQuote(ids.made!);
    expect([untouched.currentVersion, untouched.versions.length, untouched.validity.strategy, untouched.validity.days]).toEqual([3, 3, 'fixed', 45]);
    expect(await form.getByTestId('quote-validity-season').inputValue()).toBe('Spring price list');
    expect(await form.getByTestId('quote-validity-season-ends').inputValue()).toBe('2025-05-31');
    // Discarding goes back to the current validity.
    await page.getByTestId('quote-revise-reset').click();
    expect(await form.getByTestId('quote-validity-days').inputValue()).toBe('45');

    // Staged from v4: the diff names the strategies and the stages that came.
    await form.getByTestId('quote-validity-strategy').getByText('Staged').click();
    await form.getByTestId('quote-stage-add').click();
    const stage = (i: number) => form.getByTestId('quote-stage-row').nth(i);
    await stage(0).getByTestId('quote-stage-name').fill('Sample');
    await stage(0).getByTestId('quote-stage-date').fill('2025-07-01');
    await stage(1).getByTestId('quote-stage-name').fill('Mass production');
    await stage(1).getByTestId('quote-stage-date').fill('2025-09-30');
    await page.getByTestId('quote-revise-submit').click();
    await expect.poll(() => page.getByTestId('quote-version').textContent(), slow).toBe('v4');
    const staged = await serverQuote(ids.made!);
    expect(staged.versions[3]!.validity).toMatchObject({ strategy: 'staged', days: null, validThrough: '2025-07-01', stages: [{ name: 'Sample', validThrough: '2025-07-01' }, { name: 'Mass production', validThrough: '2025-09-30' }] });
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('4');
    expect(await changes.locator('[data-field="strategy"]').textContent()).toBe('Validity: Fixed days → Staged');
    expect(await page.getByTestId('quote-diff-stage-added').allTextContents()).toEqual(['Sample Jul 1, 2025', 'Mass production Sep 30, 2025']);
    expect(await page.getByTestId('quote-diff-stage-removed').count()).toBe(0);
    await backToList();
  });

  it('bad input is refused — locally first, then by the server with its message — and nothing is written', async () => {
    const before = (await allQuotes()).length;
    await page.getByTestId('quotes-add').click();
    await page.getByTestId('quote-account').fill('María');
    await page.getByRole('option', { name: 'María García' }).click();
    const first = page.getByTestId('quote-item-row').first();
    await first.getByTestId('quote-item-product').fill('Olive oil tin 1 L');
    await first.getByTestId('quote-item-quantity').fill('0');
    await first.getByTestId('quote-item-unit').fill('pcs');
    await first.getByTestId('quote-item-unitPrice').fill('-3');
    await page.getByTestId('quote-form-submit').click();
    await expect.poll(() => first.getByText('The price cannot be negative.').count(), slow).toBe(1);
    expect(await first.getByText('The quantity must be more than 0.').count()).toBe(1);
    await first.getByTestId('quote-item-quantity').fill('500');
    await first.getByTestId('quote-item-unitPrice').fill('3.20');

    // An unknown currency: the server's message beside the field.
    await page.getByTestId('quote-currency').fill('XYZ');
    await page.getByTestId('quote-form-submit').click();
    await expect.poll(() => page.getByText('unknown currency: use an ISO 4217 code such as EUR').count(), slow).toBe(1);
    expect((await allQuotes()).length).toBe(before);

    // FX-sensitive without an EUR rate in the book: the server's message in the form's alert.
    await page.getByTestId('quote-currency').fill('EUR');
    await page.getByTestId('quote-validity-strategy').getByText('FX-sensitive').click();
    await page.getByTestId('quote-form-submit').click();
    const alert = page.getByTestId('quote-form-form-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('fx_missing');
    expect(await page.getByTestId('quote-form-form-error-message').textContent()).toContain('No EUR rate');
    expect((await allQuotes()).length).toBe(before);
    // What was typed stays.
    expect(await first.getByTestId('quote-item-product').inputValue()).toBe('Olive oil tin 1 L');
    expect(await first.getByTestId('quote-item-unitPrice').inputValue()).toBe('3.20');

    // A validity ending before the quote date: refused by the server, nothing written.
    await page.getByTestId('quote-validity-strategy').getByText('Season').click();
    await page.getByTestId('quote-validity-season').fill('Spring price list');
    await page.getByTestId('quote-validity-season-ends').fill('2025-05-31');
    await page.getByTestId('quote-form-submit').click();
    await expect.poll(() => page.getByTestId('quote-form-form-error-message').textContent(), slow).toContain('2025-05-31');
    expect((await allQuotes()).length).toBe(before);
    await page.getByTestId('quote-form-cancel').click();
    await page.getByTestId('quotes-list').waitFor();
  });

  it('switches to 中文: headers, statuses and countdowns are Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => row('Q2025-0031').getByTestId('quote-status').textContent(), slow).toBe('已发送');
    expect(await row('Q2025-0031').getByTestId('quote-countdown').textContent()).toBe('9 天 18 小时后过期');
    expect(await row('Q2025-0031').getByTestId('quote-row-coverage').textContent()).toBe('已回答 9 / 17 个');
    expect(await page.getByTestId('quotes-list').locator('th').first().textContent()).toMatch(CJK);
    expect(await page.getByTestId('quotes-add').textContent()).toBe('新建报价');
    await row('Q2025-0031').click();
    await expect.poll(() => page.getByTestId('quote-diff-removed-count').textContent(), slow).toBe('删除了 3 行');
    await page.getByTestId('quote-back').click();
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('quotes-add').textContent(), slow).toBe('New quote');
    expect(e2e.pageErrors).toEqual([]);
  });
});
