/**
 * The deal workflow as one story (issue 12, item 8): web mode on a real book, Debian's Chromium, the user in
 * Shanghai. María in Madrid writes at 03:47 her time; the inquiry is logged on the Inquiries page in her time, the
 * inbox plans the reply for her morning (R2, 08:15) and the R1 reply task is on the to-do board; a quote is made
 * from the inquiry (three lines, three spec questions, one answered), revised to v2 without one line (the diff
 * shows it removed), sent after the warning listing the two open questions, its expiry reminders (R7) go on the
 * board; it is marked lost from the facts the loss analysis names, the proposed recovery is accepted and its to-do
 * (R9) is on the board while the quote's own reminders leave it.
 *
 * Time: the server checks with the real wall clock, so every instant is the real now's — the inquiry at 03:47 Madrid
 * on the latest day that is already past, the quote dated the user's today and valid a week — and the page's clock
 * (Playwright's, installed at the real now and running on) drives the scheduler (`schedule.run` from the page, see
 * src-renderer/hooks/use-scheduler-tick.ts); the server's own ticker is off. What depends on the calendar (a weekend,
 * a Spanish holiday, the hour the story runs) is computed with the app's own domain functions and the book's settings.
 */
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxRow, InquiryDeadline } from '../../src-main/contract/inquiries';
import type { LossFact, Quote, ScheduleRun, Task, Todo } from '../../src-main/contract/models';
import type { LossAnalysis } from '../../src-main/contract/quotes';
import { recoveryDue } from '../../src-main/domain/quotes/loss';
import { expiryPlan, replyDeadline } from '../../src-main/domain/schedule/rules';
import { nextBusinessSlotEpochMs } from '../../src-main/domain/time';
import { loadSchedulerSetup, type SchedulerSetup } from '../../src-main/services/scheduler';
import { weekdayTimeIn } from '../../src-renderer/i18n/format';
import { must, withBook } from './book-calls';
import { openE2e, pageShots, type E2e } from './harness';

const MADRID = 'Europe/Madrid';
const SHANGHAI = 'Asia/Shanghai';
const BUYER = { zone: MADRID, country: 'ES' };
const NAME = 'María García';
const SUBJECT = 'Olive oil tins for Madrid';
const PRODUCTS = ['Olive oil tin 5 L', 'Tin caps', 'Export carton'];
const QUESTIONS = [
  { question: 'Food-grade lacquer inside?', answer: 'Yes, EU 10/2011' },
  { question: 'Lithographed with our logo?' },
  { question: 'Pallet pattern for a 20 ft container?' },
];
const VALID_DAYS = 7;
const slow = { timeout: 10_000 };
const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const shanghaiToday = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(SHANGHAI).toPlainDate().toString();

/** 03:47 in Madrid on the latest day it is already past (today there, or yesterday before 03:47). */
function maríaWrites(nowMs: number): { wall: string; instant: string } {
  const now = Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(MADRID);
  let day = now.toPlainDate();
  const at = (d: Temporal.PlainDate) => d.toZonedDateTime({ timeZone: MADRID, plainTime: Temporal.PlainTime.from('03:47') });
  if (Temporal.Instant.compare(at(day).toInstant(), now.toInstant()) > 0) day = day.subtract({ days: 1 });
  return { wall: `${day.toString()}T03:47`, instant: at(day).toInstant().toString({ smallestUnit: 'second' }) };
}

/** A loss fact in the dialog's English words (src-renderer/i18n/features/lost-deals.ts), from its numbers. */
function factWords(fact: LossFact): string {
  const n = (value: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value);
  switch (fact.id) {
    case 'unanswered':
      return `${n(fact.unanswered)} of ${n(fact.asked)} spec question${fact.asked === 1 ? '' : 's'} unanswered`;
    case 'late_reply':
      return fact.unreplied
        ? `No reply yet: ${n(fact.hoursLate)} h past the ${n(fact.slaHours)} h reply deadline`
        : `First reply ${n(fact.hoursLate)} h after the ${n(fact.slaHours)} h reply deadline`;
    case 'no_answer':
      return `No answer from the buyer in ${n(fact.days)} day${fact.days === 1 ? '' : 's'} since it was sent`;
    default:
      // Not in this story: the quote is valid for a week, in EUR with no rates in the book, and has two versions.
      throw new Error(`unexpected fact ${JSON.stringify(fact)}`);
  }
}

let e2e: E2e;
let page: Page;
let shot: (name: string) => Promise<void>;
/** The book's rule settings and business calendar (read from the book before it is served). */
let setup: SchedulerSetup;
let writes: { wall: string; instant: string };
const ids = { account: '', inquiry: '', quote: '' };
let quoteNumber = '';
let validThrough = '';

const todoRow = (title: string) => page.getByTestId('todo-row').filter({ hasText: title });
const serverQuote = () => e2e.api<Quote>('quotes.get', { id: ids.quote });
const tasksOf = async (sourceId: string, rule: string) =>
  (await e2e.api<Task[]>('tasks.list', { limit: 500 })).filter((t) => t.sourceId === sourceId && t.rule === rule);

/**
 * One scheduler tick from the page, with the page's clock: the page runs `schedule.run` when its window is focused
 * again (as after a sleep). Returns what the tick changed.
 */
async function pageTick(): Promise<ScheduleRun> {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { name?: string } | null)?.name === 'schedule.run');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  return ((await (await response).json()) as { value: ScheduleRun }).value;
}

/** Ticks from the page until the server holds the tasks `check` waits for (a tick already on its way may predate the change). */
async function tickUntil(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await pageTick();
    if (await check()) return;
  }
  throw new Error('the page’s scheduler tick did not make the expected tasks');
}

async function openBoard(): Promise<void> {
  await page.getByTestId('nav-todos').click();
  await page.getByTestId('todo-list').waitFor();
}

async function openQuote(): Promise<void> {
  await page.getByTestId('nav-quotes').click();
  await page.locator(`[data-testid="quote-row"][data-number="${quoteNumber}"]`).click();
  await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe(`Quote ${quoteNumber}`);
}

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-deal-story-',
    buildBook: (file) =>
      withBook(file, async (ctx) => {
        await must(ctx, 'settings.set', { key: 'myTimeZone', value: SHANGHAI });
        await must(ctx, 'settings.set', { key: 'myCountry', value: 'CN' });
        ids.account = (await must(ctx, 'accounts.add', { name: NAME, country: 'ES', timeZone: MADRID, currency: 'EUR' })).id;
        setup = await loadSchedulerSetup(ctx);
      }),
    // The page's clock drives the scheduler; the server's wall-clock ticker stays off.
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1500, height: 1000 } },
    timeout: 10_000,
    beforeLoad: async (first) => {
      writes = maríaWrites(Date.now());
      await first.clock.install({ time: new Date() });
    },
  });
  page = e2e.page;
  shot = pageShots(page);
});

afterAll(() => e2e?.close());

describe('the deal story in Chromium (R1, R2, R7, R8, R9)', () => {
  it('the book: the user in Shanghai, the defaults the story counts with', async () => {
    expect(await e2e.api<{ value: unknown }>('settings.get', { key: 'myTimeZone' })).toMatchObject({ value: SHANGHAI });
    expect(await e2e.api<{ value: unknown }>('settings.get', { key: 'expiryReminderBusinessDays' })).toMatchObject({ value: [3, 1] });
    expect(await e2e.api<{ value: unknown }>('settings.get', { key: 'buyerMorning' })).toMatchObject({ value: '08:15' });
    expect(setup.settings.expiryReminderBusinessDays).toEqual([3, 1]);
  });

  it('R1/R2: María’s inquiry, typed at 03:47 her time, is stored at that instant; the inbox plans the reply for her morning', async () => {
    await page.getByTestId('nav-inquiries').click();
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('inbox-add').click();
    const dialog = page.getByTestId('inquiry-dialog');
    await dialog.getByTestId('inquiry-account').fill('María');
    await page.getByRole('option', { name: NAME }).click();
    await dialog.getByTestId('inquiry-source').click();
    await page.getByRole('option', { name: 'E-mail' }).click();
    await dialog.getByTestId('inquiry-zone').getByText(`Their time (${MADRID})`).click();
    await dialog.getByTestId('inquiry-received').fill(writes.wall);
    const mine = weekdayTimeIn(new Date(writes.instant), SHANGHAI, 'en')!;
    expect(await dialog.getByText(`= ${mine} your time`).count()).toBe(1);
    await dialog.getByTestId('inquiry-subject').fill(SUBJECT);
    await dialog.getByTestId('inquiry-products').fill(PRODUCTS.join('\n'));
    await dialog.getByTestId('inquiry-form-submit').click();
    await expect.poll(() => page.getByTestId('inquiries-notice').textContent(), slow).toContain(`Inquiry from ${NAME} added`);
    await expect.poll(() => page.getByTestId('inbox-row').count(), slow).toBe(1);

    const [inboxRow] = await e2e.api<InboxRow[]>('inquiries.inbox', { open: true });
    ids.inquiry = inboxRow!.id;
    expect([inboxRow!.accountId, inboxRow!.source, inboxRow!.receivedAt, inboxRow!.subject, inboxRow!.products]).toEqual([ids.account, 'email', writes.instant, SUBJECT, PRODUCTS]);
    const [deadline] = await e2e.api<InquiryDeadline[]>('inquiries.deadlines', { ids: [ids.inquiry] });
    // R1: e-mail, 4 h elapsed → 07:47 her time. R2: the next business morning strictly after 03:47, 08:15 her time —
    // the same day on a Spanish business day, else the next one (the app's calendar decides).
    const receivedMs = Date.parse(writes.instant);
    const landsBest = nextBusinessSlotEpochMs(setup.calendar, MADRID, 'ES', receivedMs, 8 * 60 + 15);
    expect(deadline).toMatchObject({ timeZone: MADRID, slaHours: 4, halved: false, replyBy: iso(receivedMs + 4 * HOUR_MS), landsBestAt: iso(landsBest) });
    expect(deadline!.receivedBuyerLocal).toMatch(/T03:47:00\+0[12]:00\[Europe\/Madrid\]$/);
    expect(deadline!.replyByBuyerLocal).toMatch(/T07:47:00\+0[12]:00\[Europe\/Madrid\]$/);
    expect(deadline!.landsBestAtBuyerLocal).toMatch(/T08:15:00\+0[12]:00\[Europe\/Madrid\]$/);
    expect(deadline!.landsBestAtBuyerLocal.slice(0, 10) >= writes.wall.slice(0, 10)).toBe(true);

    const row = page.getByTestId('inbox-row');
    expect(await row.getAttribute('data-inquiry-id')).toBe(ids.inquiry);
    expect(await row.getByTestId('inbox-account').textContent()).toBe(NAME);
    expect(await row.getByTestId('inbox-received').textContent()).toBe(weekdayTimeIn(new Date(writes.instant), MADRID, 'en'));
    expect(await row.getByTestId('inbox-received').textContent()).toMatch(/ 03:47$/);
    expect(await row.getByTestId('inbox-reply-by').textContent()).toMatch(/ 07:47$/);
    expect(await row.getByTestId('inbox-sla').textContent()).toContain('SLA 4 h');
    expect(await row.getByTestId('inbox-lands-best').textContent()).toBe(weekdayTimeIn(new Date(landsBest), MADRID, 'en'));
    expect(await row.getByTestId('inbox-lands-best').textContent()).toMatch(/ 08:15$/);
    // Left or overdue, as the page's clock stands against the deadline (not asserted within a minute of it).
    const pageNow = await page.evaluate(() => Date.now());
    const toDeadline = Date.parse(deadline!.replyBy) - pageNow;
    if (Math.abs(toDeadline) > 2 * 60_000) expect(await row.getAttribute('data-state')).toBe(toDeadline > 0 ? 'left' : 'overdue');
    await shot('deal-story-inbox');
  });

  it('R1: the reply task is on the to-do board, due at the reply-by time, in her time and mine', async () => {
    const [deadline] = await e2e.api<InquiryDeadline[]>('inquiries.deadlines', { ids: [ids.inquiry] });
    await tickUntil(async () => (await tasksOf(ids.inquiry, 'R1')).length === 1);
    expect(await tasksOf(ids.inquiry, 'R1')).toMatchObject([{ kind: 'reply', status: 'open', dueAt: deadline!.replyBy, accountId: ids.account }]);
    // The server's own R1 arithmetic, checked against the domain function with the book's settings.
    const expected = replyDeadline(setup.calendar, setup.settings, BUYER, { source: 'email', receivedMs: Date.parse(writes.instant), urgency: null, priorityChannel: false });
    expect(iso(expected.dueMs)).toBe(deadline!.replyBy);

    await openBoard();
    const task = todoRow(`Reply to the inquiry from ${NAME}`);
    await expect.poll(() => task.count(), slow).toBe(1);
    expect(await task.getByRole('cell').nth(2).textContent()).toBe('R1');
    expect(await task.getByTestId('todo-buyer-time').textContent()).toMatch(/ 07:47 their time · Europe\/Madrid$/);
    expect(await task.getByTestId('todo-my-time').textContent()).toMatch(/ 1[34]:47$/); // 07:47 Madrid = 14:47 (CET) or 13:47 (CEST) in Shanghai
  });

  it('R8: a quote made from the inquiry on the Quotes page — its products as lines, spec questions, one answered', async () => {
    await page.getByTestId('nav-quotes').click();
    await page.getByTestId('quotes-empty').waitFor();
    const formOpened = await page.evaluate(() => Date.now());
    await page.getByTestId('quotes-add').click();
    await page.getByTestId('quote-account').fill('María');
    await page.getByRole('option', { name: NAME }).click();
    await expect.poll(() => page.getByTestId('quote-currency').inputValue(), slow).toBe('EUR');
    const inquiry = page.getByTestId('quote-inquiry');
    await expect.poll(() => inquiry.isEnabled(), slow).toBe(true);
    await inquiry.click();
    await page.getByRole('option', { name: new RegExp(SUBJECT) }).click();
    await expect.poll(() => inquiry.inputValue(), slow).toContain(SUBJECT);
    const items = page.getByTestId('quote-item-row');
    expect(await items.getByTestId('quote-item-product').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(PRODUCTS);
    const lines = [
      ['2,000', 'pcs', '11.50'],
      ['2,000', 'pcs', '0.75'],
      ['500', 'ctn', '1.20'],
    ] as const;
    for (const [index, [quantity, unit, price]] of lines.entries()) {
      await items.nth(index).getByTestId('quote-item-quantity').fill(quantity);
      await items.nth(index).getByTestId('quote-item-unit').fill(unit);
      await items.nth(index).getByTestId('quote-item-unitPrice').fill(price);
    }
    expect(await page.getByTestId('quote-items-total').textContent()).toBe('€25,100.00');
    await page.getByTestId('quote-validity-days').fill(String(VALID_DAYS));
    for (const [index, q] of QUESTIONS.entries()) {
      await page.getByTestId('quote-question-add').click();
      await page.getByTestId('quote-new-question-text').nth(index).fill(q.question);
      if (q.answer) await page.getByTestId('quote-new-question-answer').nth(index).fill(q.answer);
    }
    await page.getByTestId('quote-incoterm').fill('CIF');
    const quoteDate = await page.getByTestId('quote-date').inputValue();
    await page.getByTestId('quote-form-submit').click();

    await expect.poll(() => page.getByTestId('quote-editor').count(), slow).toBe(1);
    ids.quote = (await page.getByTestId('quote-editor').getAttribute('data-quote-id'))!;
    const made = await serverQuote();
    quoteNumber = made.number;
    validThrough = made.validity.validThrough!;
    // Dated the user's today (Shanghai, by the page's clock: either side of a midnight the form may have crossed).
    expect([shanghaiToday(formOpened), shanghaiToday(await page.evaluate(() => Date.now()))]).toContain(quoteDate);
    expect([made.accountId, made.inquiryId, made.currency, made.quoteDate, made.status, made.currentVersion]).toEqual([ids.account, ids.inquiry, 'EUR', quoteDate, 'draft', 1]);
    expect(made.validity).toMatchObject({ strategy: 'fixed', days: VALID_DAYS, validThrough: Temporal.PlainDate.from(quoteDate).add({ days: VALID_DAYS }).toString() });
    expect(made.versions[0]!.items.map((i) => [i.product, i.quantity, i.unit, i.unitPrice])).toEqual([
      [PRODUCTS[0], 2000, 'pcs', 11.5],
      [PRODUCTS[1], 2000, 'pcs', 0.75],
      [PRODUCTS[2], 500, 'ctn', 1.2],
    ]);
    expect(made.versions[0]!.total).toBe(25_100);
    expect(made.questions.map((q) => [q.question, q.answer])).toEqual(QUESTIONS.map((q) => [q.question, q.answer ?? null]));
    expect(made.specCoverage).toEqual({ asked: 3, answered: 1 });
    await expect.poll(() => page.getByTestId('quote-number').textContent(), slow).toBe(`Quote ${quoteNumber}`);
    expect(await page.getByTestId('quote-version').textContent()).toBe('v1');
    expect(await page.getByTestId('quote-coverage').textContent()).toBe('1 of 3 answered');
    expect(await page.getByTestId('quote-diff-single').count()).toBe(1);
  });

  it('R8: revised to v2 without the cartons, the diff of v1 and v2 shows the line removed', async () => {
    const items = page.getByTestId('quote-item-row');
    expect(await items.count()).toBe(3);
    await items.nth(2).getByTestId('quote-item-remove').click();
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId('quote-items-total').textContent()).toBe('€24,500.00');
    await page.getByTestId('quote-revise-submit').click();
    await expect.poll(() => page.getByTestId('quote-version').textContent(), slow).toBe('v2');

    const revised = await serverQuote();
    expect([revised.currentVersion, revised.status, revised.versions.length]).toEqual([2, 'draft', 2]);
    expect(revised.versions[1]!.items.map((i) => i.product)).toEqual(PRODUCTS.slice(0, 2));
    expect(revised.versions[0]!.items.map((i) => i.product)).toEqual(PRODUCTS);
    expect(revised.specCoverage).toEqual({ asked: 3, answered: 1 });

    const diff = page.getByTestId('quote-diff-body');
    await expect.poll(() => diff.getAttribute('data-to'), slow).toBe('2');
    expect(await diff.getAttribute('data-from')).toBe('1');
    expect(await page.getByTestId('quote-diff-removed-count').textContent()).toBe('1 line removed');
    expect(await page.getByTestId('quote-diff-removed').count()).toBe(1);
    expect(await page.getByTestId('quote-diff-removed').getAttribute('data-product')).toBe(PRODUCTS[2]);
    expect(await page.getByTestId('quote-diff-added').count()).toBe(0);
    expect(await page.getByTestId('quote-diff-total').textContent()).toContain('€25,100.00 → €24,500.00');
    await shot('deal-story-diff');
  });

  it('R8: Send warns with the two unanswered questions; "Send anyway" sends', async () => {
    await page.getByTestId('quote-send').click();
    const dialog = page.getByTestId('quote-send-dialog');
    await expect.poll(() => dialog.getByTestId('quote-send-question').allTextContents(), slow).toEqual([QUESTIONS[1]!.question, QUESTIONS[2]!.question]);
    expect(await dialog.getByTestId('quote-send-intro').textContent()).toBe(`2 of the buyer’s 3 spec questions have no answer in quote ${quoteNumber}:`);
    expect((await serverQuote()).status).toBe('draft');
    const before = await page.evaluate(() => Date.now());
    await dialog.getByTestId('quote-send-anyway').click();
    await expect.poll(() => page.getByTestId('quote-status').textContent(), slow).toBe('Sent');
    const sent = await serverQuote();
    expect(sent.status).toBe('sent');
    expect(Date.parse(sent.sentAt!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(sent.sentAt!)).toBeLessThan(before + 60_000);
  });

  it('R7: the expiry reminders, 3 and 1 business days before the valid-through day at her morning, are on the board', async () => {
    const plan = expiryPlan(setup.calendar, setup.settings, BUYER, validThrough)!;
    expect(plan.reminders.map((r) => r.days)).toEqual([3, 1]);
    await tickUntil(async () => (await tasksOf(ids.quote, 'R7')).length === 2);
    const reminders = (await tasksOf(ids.quote, 'R7')).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    expect(reminders.map((t) => [t.kind, t.status, t.dueAt])).toEqual(
      [...plan.reminders].sort((a, b) => a.dueMs - b.dueMs).map((r) => ['expiry_reminder', 'open', iso(r.dueMs)]),
    );
    // Each on a Spanish business day on or before the valid-through day, at 08:15 Madrid.
    for (const r of plan.reminders) {
      const local = Temporal.Instant.fromEpochMilliseconds(r.dueMs).toZonedDateTimeISO(MADRID);
      expect(local.toPlainTime().toString({ smallestUnit: 'minute' })).toBe('08:15');
      expect(local.toPlainDate().toString() <= validThrough).toBe(true);
    }
    // R2: the quote's follow-up, too.
    expect(await tasksOf(ids.quote, 'R2')).toMatchObject([{ kind: 'follow_up', status: 'open' }]);

    await openBoard();
    for (const days of [3, 1]) {
      const row = todoRow(`Quote ${quoteNumber} for ${NAME} expires in ${days} business ${days === 1 ? 'day' : 'days'}`);
      await expect.poll(() => row.count(), slow).toBe(1);
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('R7');
      expect(await row.getByTestId('todo-buyer-time').textContent()).toMatch(/ 08:15 their time · Europe\/Madrid$/);
      expect(await row.getByTestId('todo-my-time').textContent()).toMatch(/ 1[45]:15$/); // 08:15 Madrid in Shanghai
    }
    expect(await todoRow(`Follow up quote ${quoteNumber} with ${NAME}`).count()).toBe(1);
    await shot('deal-story-board-sent');
  });

  it('R9: "Lost…" opens the lost-deal dialog pre-filled from the loss analysis: the facts with their numbers, the suggested reason', async () => {
    await openQuote();
    const analysed = page.waitForRequest((r) => r.url().endsWith('/api/call') && (r.postDataJSON() as { name?: string } | null)?.name === 'quotes.lossAnalysis');
    await page.getByTestId('quote-lose').click();
    const { at } = ((await analysed).postDataJSON() as { input: { at: string } }).input;
    await page.getByTestId('lose-quote-facts').waitFor();
    // The same analysis the dialog asked for, at the same instant (nothing is written).
    const analysis = await e2e.api<LossAnalysis>('quotes.lossAnalysis', { id: ids.quote, at });
    expect([analysis.quoteId, analysis.number, analysis.accountName, analysis.at]).toEqual([ids.quote, quoteNumber, NAME, at]);
    expect(analysis.facts).toContainEqual({ id: 'unanswered', unanswered: 2, asked: 3 });
    // The reply deadline (07:47 her time) has passed unanswered or not yet, as the hour of the run has it.
    const [deadline] = await e2e.api<InquiryDeadline[]>('inquiries.deadlines', { ids: [ids.inquiry] });
    const lateMs = Date.parse(at) - Date.parse(deadline!.replyBy);
    const late = analysis.facts.find((f) => f.id === 'late_reply');
    // Never answered: the fact says so (`unreplied`), and its hours run to the loss.
    if (lateMs > 0) expect(late).toEqual({ id: 'late_reply', hoursLate: Math.round((lateMs / HOUR_MS) * 10) / 10, slaHours: 4, unreplied: true });
    else expect(late).toBeUndefined();
    expect(analysis.facts.map((f) => f.id).filter((id) => !['unanswered', 'late_reply', 'no_answer'].includes(id))).toEqual([]);
    expect(analysis.suggestedReason).toBe('spec_gap');

    expect(await page.getByTestId('lose-quote-intro').textContent()).toBe(`Quote ${quoteNumber} · ${NAME}`);
    expect(await page.getByTestId('lose-quote-fact').allTextContents()).toEqual(analysis.facts.map(factWords));
    expect(await page.getByTestId('lose-quote-fact').allTextContents()).toContain('2 of 3 spec questions unanswered');
    expect(await page.getByTestId('lose-quote-reason').inputValue()).toBe('spec_gap');
    expect(await page.getByTestId('lose-quote-reason').getAttribute('data-suggested')).toBe('spec_gap');

    // The proposal: answer the questions 2 business days later, at her morning (the app's own calendar arithmetic).
    const proposal = analysis.recovery.spec_gap;
    const dueMs = recoveryDue(setup.calendar, BUYER, setup.settings.buyerMorning, Date.parse(at), 2);
    expect(proposal).toMatchObject({ action: 'answer_questions', businessDays: 2, dueAt: iso(dueMs) });
    expect(proposal.dueBuyerLocal).toMatch(/T08:15:00\+0[12]:00\[Europe\/Madrid\]$/);
    const recovery = page.getByTestId('lose-quote-recovery');
    expect(await recovery.getAttribute('data-mode')).toBe('accept');
    expect(await recovery.getAttribute('data-action')).toBe('answer_questions');
    expect(await recovery.getAttribute('data-due-at')).toBe(proposal.dueAt);
    expect(await page.getByTestId('lose-quote-recovery-title').textContent()).toBe(`Lost quote ${quoteNumber}: answer the spec questions ${NAME} asked`);
    expect(await page.getByTestId('lose-quote-recovery-due-buyer').textContent()).toMatch(/, 8:15\sAM the buyer’s time \(Europe\/Madrid\)$/);
    expect(await page.getByTestId('lose-quote-recovery-due-mine').textContent()).toMatch(/ your time \(Asia\/Shanghai\)$/);
    expect(await page.getByTestId('lose-quote-recovery-proposal').textContent()).toBe('2 business days after the loss, at the buyer’s morning');
    await shot('deal-story-lost-dialog');

    // Accepting the proposal as it stands.
    await page.getByTestId('lose-quote-submit').click();
    await expect.poll(() => page.getByTestId('lose-quote-fields').count(), slow).toBe(0);
    await expect.poll(() => page.getByTestId('quote-status').textContent(), slow).toBe('Lost');
    const lost = await serverQuote();
    expect([lost.status, lost.closedAt]).toEqual(['lost', at]);
    expect(lost.lost).toMatchObject({ reason: 'spec_gap', note: null, recovery: { action: 'answer_questions', dueAt: proposal.dueAt } });
    expect(lost.lost!.facts).toEqual(analysis.facts);
  });

  it('R9: the recovery task is on the to-do board; the lost quote’s reminders and follow-up have left it', async () => {
    const { recovery } = (await serverQuote()).lost!;
    await tickUntil(async () => (await tasksOf(ids.quote, 'R9')).length === 1);
    expect(await tasksOf(ids.quote, 'R9')).toMatchObject([
      { kind: 'lost_recovery', status: 'open', dueAt: recovery!.dueAt, title: `Lost quote ${quoteNumber}: answer the spec questions ${NAME} asked` },
    ]);
    expect((await tasksOf(ids.quote, 'R7')).map((t) => t.status)).not.toContain('open');
    expect((await tasksOf(ids.quote, 'R2')).map((t) => t.status)).not.toContain('open');

    await openBoard();
    const row = todoRow(`Lost quote ${quoteNumber}: answer the spec questions ${NAME} asked`);
    await expect.poll(() => row.count(), slow).toBe(1);
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('R9');
    expect(await row.getByTestId('todo-buyer-time').textContent()).toMatch(/ 08:15 their time · Europe\/Madrid$/);
    await expect.poll(() => page.getByTestId('todo-row').filter({ hasText: `Quote ${quoteNumber} for ${NAME} expires` }).count(), slow).toBe(0);
    expect(await todoRow(`Follow up quote ${quoteNumber} with ${NAME}`).count()).toBe(0);
    const board = await e2e.api<Todo[]>('todos.list', { limit: 100 });
    // What is left open for María (R5 greetings aside, which come with the season): the recovery only — her inquiry
    // went lost with the quote, so its reply task closed too.
    expect(board.filter((t) => t.accountId === ids.account && t.rule !== 'R5').map((t) => t.rule)).toEqual(['R9']);
    expect((await tasksOf(ids.inquiry, 'R1')).map((t) => t.status)).not.toContain('open');
    await shot('deal-story-board-lost');
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
