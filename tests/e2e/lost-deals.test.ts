/**
 * The lost-deal form and the lost-reasons page end to end (R9): web mode on a small book, Debian's Chromium, the
 * page's clock started by Playwright at Wednesday 25 June 2025 10:00Z (12:00 in Madrid, 18:00 in Shanghai, the
 * user's zone). The seeds' lost deal — a Madrid buyer's inquiry answered late, 17 spec questions and 9 answered,
 * 7 versions, the euro up 3.85 %, an expired quote, no answer since it was sent — is marked lost through the
 * dialog opened from the page's open quotes: its facts with their numbers, the suggested reason, the proposal
 * following the reason, a changed due time (the to-do checked on the server), a declined recovery, a refusal that
 * writes nothing, the report by reason and month, and 中文.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote, Task } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { CJK, openE2e, pageShots, type E2e } from './harness';

const PAGE_START = '2025-06-25T10:00:00Z';
const slow = { timeout: 10_000 };
const items = [{ product: 'LED Panel 600x600', description: 'CE; RoHS; UL', quantity: 500, unit: 'pcs', unitPrice: 12.5 }];

/** The quotes the book holds (ids and numbers, set by buildLossBook). */
const q = { seeds: { id: '', number: '' }, berlin: { id: '', number: '' }, won: { id: '', number: '' }, fresh: { id: '', number: '' } };

/**
 * Seeds: Iluminación Castilla (Madrid), the seeds' quote (six facts, spec gap suggested). Berlin: Lichtwerk GmbH,
 * three versions in 2 days in CNY (the base currency: no FX fact), sent 5 June and unanswered (no reply suggested).
 * Won: a Madrid quote that the test wins behind the open dialog. Fresh: a Madrid draft of 20 June (the euro move only).
 */
async function buildLossBook(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  let clock = '2025-06-02T01:50:00Z';
  const ctx: ServiceContext = { book, now: () => clock, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  const at = (instant: string) => (clock = instant);
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    const madrid = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES', timeZone: 'Europe/Madrid' }));
    const berlin = valueOf(await call(ctx, 'accounts.add', { name: 'Lichtwerk GmbH', country: 'DE', timeZone: 'Europe/Berlin' }));
    // María writes at 03:47 her time; the e-mail SLA is 4 h (05:47Z); the reply goes at 08:00Z, 2.2 h late.
    const inquiry = valueOf(await call(ctx, 'inquiries.add', { accountId: madrid.id, source: 'email', receivedAt: '2025-06-02T01:47:00Z', subject: 'LED panels' }));
    at('2025-06-02T08:00:00Z');
    valueOf(await call(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-06-02T08:00:00Z' }));
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-02', currency: 'EUR', rate: 7.8 }));
    const questions = Array.from({ length: 17 }, (_, i) => ({ question: `Spec question ${i + 1}?` }));
    let seeds = valueOf(
      await call(ctx, 'quotes.add', { accountId: madrid.id, inquiryId: inquiry.id, currency: 'EUR', quoteDate: '2025-06-02', validity: { strategy: 'fixed', days: 14 }, items, questions }),
    );
    // Six revisions over eight days, answering 9 of the 17 questions.
    const answeredIn: Record<number, number[]> = { 2: [0, 1, 2], 3: [3, 4], 4: [5], 5: [6], 6: [7], 7: [8] };
    for (let v = 2; v <= 7; v++) {
      at(`2025-06-${String(2 + Math.round(((v - 1) * 8) / 6)).padStart(2, '0')}T08:00:00Z`);
      const answers = answeredIn[v]!.map((k) => ({ questionId: seeds.questions[k]!.id, answer: 'Yes' }));
      seeds = valueOf(await call(ctx, 'quotes.revise', { id: seeds.id, items, answers }));
    }
    at('2025-06-10T09:00:00Z');
    seeds = valueOf(await call(ctx, 'quotes.send', { id: seeds.id, at: clock, confirmUnanswered: true }));
    q.seeds = { id: seeds.id, number: seeds.number };

    at('2025-06-03T08:00:00Z');
    let lichtwerk = valueOf(await call(ctx, 'quotes.add', { accountId: berlin.id, currency: 'CNY', quoteDate: '2025-06-03', validity: { strategy: 'fixed', days: 60 }, items }));
    at('2025-06-04T08:00:00Z');
    lichtwerk = valueOf(await call(ctx, 'quotes.revise', { id: lichtwerk.id, items }));
    at('2025-06-05T08:00:00Z');
    lichtwerk = valueOf(await call(ctx, 'quotes.revise', { id: lichtwerk.id, items }));
    lichtwerk = valueOf(await call(ctx, 'quotes.send', { id: lichtwerk.id, at: '2025-06-05T09:00:00Z' }));
    q.berlin = { id: lichtwerk.id, number: lichtwerk.number };

    at('2025-06-18T08:00:00Z');
    const won = valueOf(await call(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-06-18', validity: { strategy: 'fixed', days: 30 }, items }));
    q.won = { id: won.id, number: won.number };
    at('2025-06-20T08:00:00Z');
    const fresh = valueOf(await call(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-06-20', validity: { strategy: 'fixed', days: 30 }, items }));
    q.fresh = { id: fresh.id, number: fresh.number };
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-20', currency: 'EUR', rate: 7.8 }));
    valueOf(await call(ctx, 'fx.add', { date: '2025-06-24', currency: 'EUR', rate: 8.1 }));
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;
let shot: (name: string) => Promise<void>;

const openRow = (number: string) => page.getByTestId('open-quote-row').filter({ has: page.getByTestId('open-quote-number').getByText(number, { exact: true }) });
const facts = () => page.getByTestId('lose-quote-fact').allTextContents();
const recovery = () => page.getByTestId('lose-quote-recovery');
const serverQuote = (id: string) => e2e.api<Quote>('quotes.get', { id });
const recoveryTasks = async (id: string) => (await e2e.api<Task[]>('tasks.list', { limit: 500 })).filter((t) => t.rule === 'R9' && t.sourceId === id);

async function openDialog(number: string): Promise<void> {
  await openRow(number).getByTestId('open-quote-mark-lost').click();
  await page.getByTestId('lose-quote-facts').or(page.getByTestId('lose-quote-no-facts')).waitFor();
}

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-lost-deals-',
    buildBook: buildLossBook,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1500, height: 900 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(PAGE_START) });
    },
  });
  page = e2e.page;
  shot = pageShots(page);
  await page.getByTestId('nav-lostDeals').click();
  await page.getByTestId('lost-deals-page').waitFor();
  await page.getByTestId('open-quotes-list').waitFor();
}, 120_000);

afterAll(() => e2e?.close());

describe('lost deals in Chromium (R9)', () => {
  it('R9: an empty report at first; the open quotes are listed with "Mark lost"', async () => {
    await page.getByTestId('lost-empty').waitFor();
    await expect.poll(() => page.getByTestId('open-quote-row').count(), slow).toBe(4);
    expect(await openRow(q.seeds.number).count()).toBe(1);
    expect(await openRow(q.berlin.number).getByTestId('open-quote-status').textContent()).toBe('Sent');
  });

  it('R9: the form starts from the facts, each with its number, and the reason they suggest', async () => {
    await openDialog(q.seeds.number);
    expect(await page.getByTestId('lose-quote-intro').textContent()).toBe(`Quote ${q.seeds.number} · Iluminación Castilla S.L.`);
    expect(await facts()).toEqual([
      'Expired on 2025-06-16 (the buyer’s day)',
      'EUR moved +3.85 % against CNY since the quote date (2025-06-02)',
      '8 of 17 spec questions unanswered',
      'First reply 2.2 h after the 4 h reply deadline',
      '7 versions in 8 days',
      'No answer from the buyer in 15 days since it was sent',
    ]);
    expect(await page.getByTestId('lose-quote-reason').inputValue()).toBe('spec_gap');
    expect(await page.getByTestId('lose-quote-reason').getAttribute('data-suggested')).toBe('spec_gap');
    // Spec gap: answer the questions 2 business days later at the buyer's morning, Fri 27 Jun 08:15 Madrid = 14:15 Shanghai.
    expect(await recovery().getAttribute('data-action')).toBe('answer_questions');
    expect(await recovery().getAttribute('data-due-at')).toBe('2025-06-27T06:15:00Z');
    expect(await page.getByTestId('lose-quote-recovery-title').textContent()).toBe(`Lost quote ${q.seeds.number}: answer the spec questions Iluminación Castilla S.L. asked`);
    expect(await page.getByTestId('lose-quote-recovery-due-buyer').textContent()).toBe('Jun 27, 2025, 8:15 AM the buyer’s time (Europe/Madrid)');
    expect(await page.getByTestId('lose-quote-recovery-due-mine').textContent()).toBe('Jun 27, 2025, 2:15 PM your time (Asia/Shanghai)');
    await shot('lost-deals-dialog');
    expect(await page.getByTestId('lose-quote-recovery-proposal').textContent()).toBe('2 business days after the loss, at the buyer’s morning');
    // Keyboard first: the reason has the focus.
    expect(await page.getByTestId('lose-quote-reason').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('R9: changing the reason changes the recovery proposal to that reason’s', async () => {
    await page.getByTestId('lose-quote-reason').selectOption('no_reply');
    await expect.poll(() => recovery().getAttribute('data-action'), slow).toBe('call');
    // No reply: call 3 business days later, Mon 30 Jun 08:15 Madrid.
    expect(await recovery().getAttribute('data-due-at')).toBe('2025-06-30T06:15:00Z');
    expect(await page.getByTestId('lose-quote-recovery-title').textContent()).toBe(`Lost quote ${q.seeds.number}: call Iluminación Castilla S.L. and ask how it went`);
    await page.getByTestId('lose-quote-reason').selectOption('certification');
    await expect.poll(() => recovery().getAttribute('data-action'), slow).toBe('send_certificates');
    expect(await recovery().getAttribute('data-due-at')).toBe('2025-07-02T06:15:00Z');
    expect(await page.getByTestId('lose-quote-recovery-due-buyer').textContent()).toBe('Jul 2, 2025, 8:15 AM the buyer’s time (Europe/Madrid)');
  });

  it('R9: a changed due time (in the buyer’s time) is what the server keeps, and the to-do is made at it', async () => {
    await page.getByTestId('lose-quote-note').fill('The buyer needs ENEC; we have CE only.');
    await page.getByTestId('lose-quote-recovery-edit').check();
    expect(await page.getByTestId('lose-quote-recovery-due').inputValue()).toBe('2025-07-02T08:15');
    // A time before the loss is caught before anything is sent.
    await page.getByTestId('lose-quote-recovery-due').fill('2025-06-20T09:30');
    await page.getByTestId('lose-quote-submit').click();
    await expect.poll(() => page.getByTestId('lose-quote-recovery-due').getAttribute('aria-invalid'), slow).toBe('true');
    expect((await serverQuote(q.seeds.id)).status).not.toBe('lost');
    await page.getByTestId('lose-quote-recovery-due').fill('2025-07-03T09:30');
    await page.getByTestId('lose-quote-recovery-note').fill('Send the ENEC test report');
    await expect.poll(() => page.getByTestId('lose-quote-recovery-due-mine').textContent(), slow).toBe('Jul 3, 2025, 3:30 PM your time (Asia/Shanghai)');
    await page.getByTestId('lose-quote-submit').click();
    await page.getByTestId('lost-notice').waitFor();
    expect(await page.getByTestId('lose-quote-fields').count()).toBe(0);
    expect(await page.getByTestId('lost-notice').textContent()).toContain(`Quote ${q.seeds.number} is marked lost.`);

    const lost = await serverQuote(q.seeds.id);
    expect(lost.status).toBe('lost');
    expect(lost.closedAt).toMatch(/^2025-06-25T10:0\d:\d\dZ$/);
    expect(lost.lost).toMatchObject({
      reason: 'certification',
      note: 'The buyer needs ENEC; we have CE only.',
      recovery: { action: 'send_certificates', dueAt: '2025-07-03T07:30:00Z', note: 'Send the ENEC test report' },
    });
    expect(lost.lost!.facts.map((f) => f.id)).toEqual(['expired', 'fx_moved', 'unanswered', 'late_reply', 'many_versions', 'no_answer']);
    await e2e.api('schedule.run', { now: '2025-06-25T10:10:00Z' });
    expect(await recoveryTasks(q.seeds.id)).toMatchObject([
      { kind: 'lost_recovery', dueAt: '2025-07-03T07:30:00Z', status: 'open', title: `Lost quote ${q.seeds.number}: send Iluminación Castilla S.L. the certificates` },
    ]);
    await expect.poll(() => openRow(q.seeds.number).count(), slow).toBe(0);
  });

  it('R9: a declined recovery makes no to-do', async () => {
    await openDialog(q.berlin.number);
    expect(await facts()).toEqual(['3 versions in 2 days', 'No answer from the buyer in 20 days since it was sent']);
    expect(await page.getByTestId('lose-quote-reason').inputValue()).toBe('no_reply');
    await page.getByTestId('lose-quote-reason').selectOption('competitor');
    await expect.poll(() => recovery().getAttribute('data-due-at'), slow).not.toBe('');
    await page.getByTestId('lose-quote-recovery-decline').check();
    await page.getByTestId('lose-quote-recovery-declined').waitFor();
    await page.getByTestId('lose-quote-submit').click();
    await expect.poll(() => openRow(q.berlin.number).count(), slow).toBe(0);
    const lost = await serverQuote(q.berlin.id);
    expect([lost.status, lost.lost?.reason, lost.lost?.note, lost.lost?.recovery]).toEqual(['lost', 'competitor', null, null]);
    await e2e.api('schedule.run', { now: '2025-06-25T10:12:00Z' });
    expect(await recoveryTasks(q.berlin.id)).toEqual([]);
  });

  it('a refusal (the quote was won meanwhile) shows in the dialog with what was typed kept, and nothing is written', async () => {
    await openDialog(q.won.number);
    await page.getByTestId('lose-quote-reason').selectOption('price');
    await page.getByTestId('lose-quote-note').fill('Went with a cheaper offer');
    await e2e.api('quotes.win', { id: q.won.id, at: '2025-06-25T09:00:00Z' });
    await page.getByTestId('lose-quote-submit').click();
    const alert = page.getByTestId('lose-quote-form-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('invalid_state');
    expect((await page.getByTestId('lose-quote-form-error-message').textContent())?.trim()).toContain(q.won.number);
    expect(await page.getByTestId('lose-quote-note').inputValue()).toBe('Went with a cheaper offer');
    expect(await page.getByTestId('lose-quote-reason').inputValue()).toBe('price');
    const untouched = await serverQuote(q.won.id);
    expect([untouched.status, untouched.lost]).toEqual(['won', null]);
    await page.getByTestId('lose-quote-cancel').click();
    await expect.poll(() => page.getByTestId('lose-quote-fields').count(), slow).toBe(0);
  });

  it('R9: the report over a chosen period holds the new losses by reason and by month, with the facts and the notes', async () => {
    await page.getByTestId('lost-refresh').click();
    await page.getByTestId('lost-period-from').fill('2025-01-01');
    await page.getByTestId('lost-period-to').fill('2025-06-30');
    await page.getByTestId('lost-period-apply').click();
    await expect.poll(() => page.getByTestId('lost-total').getAttribute('data-count'), slow).toBe('2');
    expect(await page.getByTestId('lost-total').textContent()).toBe('2 lost quotes · 2025-01-01 to 2025-06-30');
    const reasonRow = (reason: string) => page.locator(`[data-testid="lost-reason-row"][data-reason="${reason}"]`);
    expect(await reasonRow('certification').getByTestId('lost-reason-count').textContent()).toBe('1');
    expect(await reasonRow('certification').getByTestId('lost-reason-share').textContent()).toBe('50 %');
    expect(await reasonRow('certification').getByTestId('lost-reason-facts').textContent()).toBe(
      'expired ×1 · FX moved ×1 · late first reply ×1 · many versions ×1 · no answer ×1 · questions unanswered ×1',
    );
    expect(await reasonRow('competitor').getByTestId('lost-reason-facts').textContent()).toBe('many versions ×1 · no answer ×1');
    // Six months, June holding both.
    expect(await page.getByTestId('lost-month-row').count()).toBe(6);
    const june = page.locator('[data-testid="lost-month-row"][data-month="2025-06"]');
    expect(await june.getByTestId('lost-month-total').textContent()).toBe('2');
    expect(await june.getByTestId('lost-month-reasons').textContent()).toBe('Certification 1 · Competitor 1');
    const chart = page.getByTestId('lost-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('2 in all');
    expect(await page.locator('[data-testid="lost-chart-bar"][data-month="2025-06"]').getAttribute('data-count')).toBe('2');
    expect(await page.locator('[data-testid="lost-chart-bar"][data-month="2025-05"]').getAttribute('data-count')).toBe('0');
    const lostRow = page.getByTestId('lost-quote-row').filter({ has: page.getByText(q.seeds.number, { exact: true }) });
    expect(await lostRow.getByTestId('lost-quote-reason').textContent()).toBe('Certification');
    expect(await lostRow.getByTestId('lost-quote-note').textContent()).toBe('The buyer needs ENEC; we have CE only.');
    expect(await lostRow.getByTestId('lost-quote-recovery').textContent()).toMatch(/^Send the certificates, Jul 3, 2025/);
    await shot('lost-deals-report');
    // Back to the server's default (the last 12 months to its today).
    await page.getByTestId('lost-period-reset').click();
    await expect.poll(() => page.getByTestId('lost-period-reset').count(), slow).toBe(0);
    await expect.poll(() => page.getByTestId('lost-total').textContent(), slow).not.toContain('2025-01-01 to 2025-06-30');
    expect(await page.getByTestId('lost-period-from').inputValue()).not.toBe('2025-01-01');
  });

  it('switches to 中文: the facts, reasons and the report are Chinese; Esc closes the dialog', async () => {
    await page.getByTestId('lost-period-from').fill('2025-06-01');
    await page.getByTestId('lost-period-to').fill('2025-06-30');
    await page.getByTestId('lost-period-apply').click();
    await expect.poll(() => page.getByTestId('lost-total').getAttribute('data-count'), slow).toBe('2');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.locator('[data-testid="lost-reason-row"][data-reason="certification"]').getByTestId('lost-reason-name').textContent(), slow).toBe('认证');
    expect(await page.getByTestId('lost-total').textContent()).toBe('2 个丢单报价 · 2025-06-01 至 2025-06-30');
    expect(await page.getByTestId('lost-reasons-table').locator('th').first().textContent()).toMatch(CJK);
    await openDialog(q.fresh.number);
    expect(await facts()).toEqual(['自报价日（2025-06-20）起 EUR 对 CNY 变动 +3.85 %']);
    expect(await page.getByTestId('lose-quote-reason').inputValue()).toBe('fx');
    expect(await page.getByTestId('lose-quote-recovery-title').textContent()).toBe(`丢单报价 ${q.fresh.number}：向 Iluminación Castilla S.L. 重新报价`);
    expect(await page.getByTestId('lose-quote-submit').textContent()).toBe('标为丢单');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('lose-quote-fields').count(), slow).toBe(0);
    expect((await serverQuote(q.fresh.id)).status).toBe('draft');
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
