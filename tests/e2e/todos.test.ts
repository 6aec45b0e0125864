/**
 * The to-do board end to end (issue 6, item 4): a real book, the real web-mode server, Debian's Chromium. The
 * page's clock is Playwright's (`page.clock`), so ticks, "today" and the clock jump are under the test's control;
 * the server is checked through its own API. Notifications are granted in the browser context and every
 * `new Notification(…)` is counted by an init script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Todo } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { PAGE_DEFAULTS, openE2e, type E2e } from './harness';

/** Friday 4 April 2025, 10:00Z: 12:00 in Madrid, 13:00 in Riyadh, 18:00 in Shanghai (the user's zone). */
const BOOK_NOW = '2025-04-04T10:00:00Z';
/** Where the page's clock starts: 18:40 in Shanghai. */
const PAGE_START = '2025-04-04T10:40:00Z';

/**
 * R1 reply-by deadlines (website 2 h, marketplace 1 h, e-mail 4 h, trade fair 24 h), checked in the book first:
 * María (ES) 07:00Z web → 09:00Z; Nguyễn (VN) third e-mail inquiry within 48 h → priority channel (R4), SLA halved:
 * 07:30Z → 09:30Z; Ahmed (SA) 09:45Z marketplace → 10:45Z; Kenji (JP) 08:00Z e-mail → 12:00Z; Olga (PL) 08:30Z
 * e-mail → 12:30Z; Hans (DE) 09:00Z fair → Sat 5 Apr 09:00Z.
 */
async function buildTodoBook(file: string): Promise<Todo[]> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => BOOK_NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    valueOf(await call(ctx, 'settings.set', { key: 'myCountry', value: 'CN' }));
    const add = async (name: string, country: string) => valueOf(await call(ctx, 'accounts.add', { name, country })).id;
    const inquiry = async (accountId: string, source: 'website' | 'email' | 'marketplace' | 'fair', receivedAt: string) =>
      valueOf(await call(ctx, 'inquiries.add', { accountId, source, receivedAt })).id;
    await inquiry(await add('María García', 'ES'), 'website', '2025-04-04T07:00:00Z');
    const nguyen = await add('Nguyễn Trading', 'VN');
    const first = await inquiry(nguyen, 'email', '2025-04-02T10:00:00Z');
    const second = await inquiry(nguyen, 'email', '2025-04-03T09:00:00Z');
    valueOf(await call(ctx, 'inquiries.reply', { id: first, at: '2025-04-02T11:00:00Z' }));
    valueOf(await call(ctx, 'inquiries.reply', { id: second, at: '2025-04-03T10:00:00Z' }));
    await inquiry(nguyen, 'email', '2025-04-04T07:30:00Z');
    await inquiry(await add('Ahmed Al-Harbi', 'SA'), 'marketplace', '2025-04-04T09:45:00Z');
    await inquiry(await add('Kenji Sato', 'JP'), 'email', '2025-04-04T08:00:00Z');
    await inquiry(await add('Olga Nowak', 'PL'), 'email', '2025-04-04T08:30:00Z');
    await inquiry(await add('Hans Becker', 'DE'), 'fair', '2025-04-04T09:00:00Z');
    valueOf(await call(ctx, 'schedule.run', { now: BOOK_NOW }));
    return valueOf(await call(ctx, 'todos.list', { at: BOOK_NOW }));
  } finally {
    await book.close();
  }
}

/** Counts every Notification the page constructs (the real one, granted, still runs). */
const COUNT_NOTIFICATIONS = `
  window.__notes = [];
  window.__permissionAsked = 0;
  if (typeof window.Notification === 'function') {
    const Real = window.Notification;
    const realAsk = Real.requestPermission.bind(Real);
    Real.requestPermission = (...args) => { window.__permissionAsked += 1; return realAsk(...args); };
    window.Notification = new Proxy(Real, {
      construct(target, args) {
        window.__notes.push({ title: String(args[0]), body: String((args[1] && args[1].body) || '') });
        return Reflect.construct(target, args);
      },
    });
  }
`;

let e2e: E2e;
let page: Page;
let initial: Todo[];

/** The server's view of one account's task (open or done). */
async function serverTask(accountName: string): Promise<Todo> {
  const open = await e2e.api<Todo[]>('todos.list', { limit: 100, at: BOOK_NOW });
  const done = await e2e.api<Todo[]>('todos.list', { limit: 100, status: 'done' });
  const task = [...open, ...done].find((t) => t.accountName === accountName);
  if (!task) throw new Error(`no task for ${accountName}`);
  return task;
}

const notes = () => page.evaluate(() => (window as unknown as { __notes: { title: string; body: string }[] }).__notes);
const row = (name: string) => page.getByTestId('todo-row').filter({ hasText: name });
const groupNames = async (group: string) =>
  (await page.getByTestId(`todo-group-${group}`).getByTestId('todo-row').allTextContents()).map((text) =>
    ['María García', 'Nguyễn Trading', 'Ahmed Al-Harbi', 'Kenji Sato', 'Olga Nowak', 'Hans Becker'].find((name) => text.includes(name)),
  );

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-todos-',
    buildBook: async (file) => {
      initial = await buildTodoBook(file);
    },
    // The page's clock drives the scheduler here: the server's own wall-clock ticker (2026 time) stays off.
    env: { TRADEBOOK_TICKER: 'off' },
    context: { permissions: ['notifications'], viewport: { width: 1400, height: 900 } },
    beforeLoad: async (first, context) => {
      await context.addInitScript(COUNT_NOTIFICATIONS);
      await first.clock.install({ time: new Date(PAGE_START) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-todos').click();
  await page.getByTestId('todo-list').waitFor();
});

afterAll(() => e2e?.close());

describe('to-do board in Chromium (issue 6, item 4)', () => {
  it('the book holds the hand-checked R1 deadlines, R4 priority channel included', () => {
    expect(initial.map((t) => [t.accountName, t.dueUtc, t.priorityChannel ?? false])).toEqual([
      ['María García', '2025-04-04T09:00:00Z', false],
      ['Nguyễn Trading', '2025-04-04T09:30:00Z', true],
      ['Ahmed Al-Harbi', '2025-04-04T10:45:00Z', false],
      ['Kenji Sato', '2025-04-04T12:00:00Z', false],
      ['Olga Nowak', '2025-04-04T12:30:00Z', false],
      ['Hans Becker', '2025-04-05T09:00:00Z', false],
    ]);
  });

  it('R2: groups overdue / today / upcoming by the user’s date, each row with the user’s time and the buyer’s', async () => {
    await expect.poll(() => groupNames('overdue')).toEqual(['Nguyễn Trading', 'María García']);
    expect(await groupNames('today')).toEqual(['Ahmed Al-Harbi', 'Kenji Sato', 'Olga Nowak']);
    expect(await groupNames('upcoming')).toEqual(['Hans Becker']);
    expect(await row('María García').getByTestId('todo-my-time').textContent()).toBe('Fri, Apr 4, 17:00');
    expect(await row('María García').getByTestId('todo-buyer-time').textContent()).toBe('Fri, Apr 4, 11:00 their time · Europe/Madrid');
    expect(await row('Ahmed Al-Harbi').getByTestId('todo-buyer-time').textContent()).toBe('Fri, Apr 4, 13:45 their time · Asia/Riyadh');
    expect(await row('Hans Becker').getByTestId('todo-my-time').textContent()).toBe('Sat, Apr 5, 17:00');
    expect(await row('Hans Becker').getByTestId('todo-buyer-time').textContent()).toBe('Sat, Apr 5, 11:00 their time · Europe/Berlin');
  });

  it('R4: the priority channel’s to-do is on top of its group, though due later, with a badge', async () => {
    const first = page.getByTestId('todo-group-overdue').getByTestId('todo-row').first();
    expect(await first.textContent()).toContain('Nguyễn Trading');
    expect(await first.getByTestId('todo-priority').count()).toBe(1);
    expect(await row('María García').getByTestId('todo-priority').count()).toBe(0);
  });

  it('asks for notification permission only from its button (here already granted), never on load', async () => {
    expect(await page.evaluate(() => (window as unknown as { __permissionAsked: number }).__permissionAsked)).toBe(0);
    expect(await page.getByTestId('todo-notify-on').count()).toBe(1);
    expect(await notes()).toEqual([]);
  });

  it('a task falling due while the app is open gets one notification, and moves to overdue', async () => {
    for (let minute = 0; minute < 8 && (await notes()).length === 0; minute += 1) {
      await page.clock.runFor(60_000);
      await page.waitForTimeout(300);
    }
    await expect.poll(notes).toHaveLength(1);
    const [note] = await notes();
    expect(note!.title).toBe('1 to-do is due');
    expect(note!.body).toContain('Ahmed Al-Harbi');
    // Due at the tick's minute is due now, not yet overdue (the board's overdue is "due before now"): the next tick
    // moves it. The loop above stops at the first notification, so on a quick machine the clock is at that minute.
    await page.clock.runFor(60_000);
    await expect.poll(() => groupNames('overdue')).toContain('Ahmed Al-Harbi');
    // Ordinary ticks later: nothing new falls due, nothing more is shown.
    await page.clock.runFor(60_000);
    await page.waitForTimeout(500);
    expect(await notes()).toHaveLength(1);
  });

  it('after a clock jump (the laptop slept 2 h): exactly one summary and one notification, not one per task', async () => {
    expect(await page.getByTestId('todo-summary').count()).toBe(0);
    await page.clock.fastForward('02:00:00');
    // Waking up also focuses the window: the interval and the focus event both tick, still one summary.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.getByTestId('todo-summary').count()).toBe(1);
    const summary = await page.getByTestId('todo-summary').textContent();
    expect(summary).toContain('While you were away: 2 to-dos became overdue.');
    await expect.poll(notes).toHaveLength(2);
    expect((await notes())[1]).toEqual({ title: 'To-do', body: 'While you were away: 2 to-dos became overdue.' });
    await expect.poll(() => groupNames('overdue')).toEqual(['Nguyễn Trading', 'María García', 'Ahmed Al-Harbi', 'Kenji Sato', 'Olga Nowak']);
    // The next ordinary tick adds nothing.
    await page.clock.runFor(60_000);
    await page.waitForTimeout(500);
    expect(await notes()).toHaveLength(2);
    expect(await page.getByTestId('todo-summary').count()).toBe(1);
  });

  it('done in one click: the row leaves the board, the server says done; Undo reopens it', async () => {
    const before = await serverTask('María García');
    await row('María García').getByTestId('todo-done').click();
    await expect.poll(() => row('María García').count()).toBe(0);
    await expect.poll(async () => (await serverTask('María García')).status).toBe('done');
    await expect.poll(() => page.getByTestId('todo-undo-notice').textContent()).toContain('Done: Reply to the inquiry from María García');
    await page.getByTestId('todo-undo').click();
    await expect.poll(() => row('María García').count()).toBe(1);
    const reopened = await serverTask('María García');
    expect(reopened).toMatchObject({ id: before.id, status: 'overdue', dueUtc: '2025-04-04T09:00:00Z' });
  });

  it('snooze to the buyer’s next business morning: Saudi Arabia’s weekend is Fri–Sat, so Sunday 08:15 Riyadh', async () => {
    // Now Fri 4 Apr ~12:45Z = 15:45 in Riyadh, a weekend day → Sun 6 Apr 08:15 (UTC+3) = 05:15Z.
    await row('Ahmed Al-Harbi').getByTestId('todo-snooze').click();
    await expect.poll(async () => (await serverTask('Ahmed Al-Harbi')).dueUtc).toBe('2025-04-06T05:15:00Z');
    expect((await serverTask('Ahmed Al-Harbi')).dueBuyerLocal).toBe('2025-04-06T08:15:00+03:00[Asia/Riyadh]');
    await expect.poll(() => page.getByTestId('todo-undo-notice').textContent()).toContain('Snoozed to Sun, Apr 6, 08:15 (Asia/Riyadh) their time (Sun, Apr 6, 13:15 your time)');
    await expect.poll(() => groupNames('upcoming')).toEqual(['Hans Becker', 'Ahmed Al-Harbi']);
  });

  it('keyboard: j/k move, s snoozes (Madrid: Monday 08:15), u undoes, x marks done, u reopens', async () => {
    await row('Nguyễn Trading').click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.locator('[data-testid="todo-row"][data-selected]').textContent()).toContain('María García');
    await page.keyboard.press('s');
    // Fri 4 Apr ~14:45 in Madrid → Mon 7 Apr 08:15 CEST = 06:15Z.
    await expect.poll(async () => (await serverTask('María García')).dueUtc).toBe('2025-04-07T06:15:00Z');
    await expect.poll(() => page.getByTestId('todo-undo-notice').textContent()).toContain('Mon, Apr 7, 08:15 (Europe/Madrid)');
    await page.keyboard.press('u');
    await expect.poll(async () => (await serverTask('María García')).dueUtc).toBe('2025-04-04T09:00:00Z');
    await expect.poll(() => page.locator('[data-testid="todo-row"][data-selected]').textContent()).toContain('María García');
    await page.keyboard.press('x');
    await expect.poll(async () => (await serverTask('María García')).status).toBe('done');
    await expect.poll(() => row('María García').count()).toBe(0);
    await expect.poll(() => page.getByTestId('todo-undo-notice').textContent()).toContain('Done: Reply to the inquiry from María García');
    await page.keyboard.press('u');
    await expect.poll(async () => (await serverTask('María García')).status).toBe('overdue');
    await expect.poll(() => row('María García').count()).toBe(1);
  });

  it('reschedule to a chosen time in the user’s zone (Shanghai 09:30 = 01:30Z); r opens the field, Esc closes it', async () => {
    await row('Hans Becker').getByTestId('todo-reschedule').click();
    const field = row('Hans Becker').getByTestId('todo-reschedule-input');
    await field.fill('2025-04-08T09:30');
    await field.press('Enter');
    await expect.poll(async () => (await serverTask('Hans Becker')).dueUtc).toBe('2025-04-08T01:30:00Z');
    await expect.poll(() => row('Hans Becker').getByTestId('todo-my-time').textContent()).toBe('Tue, Apr 8, 09:30');
    expect(await row('Hans Becker').getByTestId('todo-buyer-time').textContent()).toBe('Tue, Apr 8, 03:30 their time · Europe/Berlin');
    await expect.poll(() => page.getByTestId('todo-undo-notice').textContent()).toContain('Moved to Tue, Apr 8, 09:30 your time');

    await row('Kenji Sato').click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('todo-reschedule-input');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('todo-reschedule-input').count()).toBe(0);
    expect((await serverTask('Kenji Sato')).dueUtc).toBe('2025-04-04T12:00:00Z');
  });

  it('filters: overdue only, then one rule', async () => {
    await page.getByTestId('todo-filter-overdue').check();
    await expect.poll(() => page.getByTestId('todo-group-upcoming').count()).toBe(0);
    expect(await groupNames('overdue')).toEqual(['Nguyễn Trading', 'María García', 'Kenji Sato', 'Olga Nowak']);
    expect(await page.getByTestId('todo-shown').textContent()).toContain('4 shown');
    await page.getByTestId('todo-filter-overdue').uncheck();
    await expect.poll(() => page.getByTestId('todo-group-upcoming').count()).toBe(1);
  });

  it('zh-CN: the board’s labels and times are in Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('todo-group-overdue').locator('h4').textContent()).toContain('已逾期');
    expect(await page.getByTestId('todo-group-upcoming').locator('h4').textContent()).toContain('即将到期');
    expect(await row('Olga Nowak').getByTestId('todo-done').textContent()).toBe('完成');
    expect(await row('Olga Nowak').getByTestId('todo-snooze').textContent()).toBe('推迟到对方早上');
    expect(await row('Olga Nowak').getByTestId('todo-reschedule').textContent()).toBe('改期');
    expect(await row('Olga Nowak').getByTestId('todo-buyer-time').textContent()).toMatch(/4月4日.*对方时间 · Europe\/Warsaw/);
    expect(await page.getByTestId('todo-keys-hint').textContent()).toContain('快捷键');
    await page.getByTestId('language-switch').getByText('EN').click();
  });

  it('a to-do leads to its record: the title (or o on the selected row) opens the inquiries page; back on the board', async () => {
    const link = row('Olga Nowak').getByTestId('todo-open');
    expect(await link.getAttribute('data-place')).toBe('inquiries');
    await link.click();
    await expect.poll(() => page.getByTestId('nav-inquiries').getAttribute('aria-current'), { timeout: 10_000 }).toBe('page');
    await page.getByTestId('nav-todos').click();
    await row('Olga Nowak').getByTestId('todo-my-time').click();
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('nav-inquiries').getAttribute('aria-current'), { timeout: 10_000 }).toBe('page');
    await page.getByTestId('nav-todos').click();
    await row('Olga Nowak').waitFor();
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('to-do board without a notification permission yet', () => {
  it('does not ask on load; asks once from its button', async () => {
    const fresh = await e2e.browser.newContext(PAGE_DEFAULTS);
    try {
      await fresh.addInitScript(COUNT_NOTIFICATIONS);
      const other = await fresh.newPage();
      await other.clock.install({ time: new Date(PAGE_START) });
      await other.goto(e2e.served.url);
      await other.getByTestId('nav-todos').click();
      await other.getByTestId('todo-notify-enable').waitFor();
      const asked = () => other.evaluate(() => (window as unknown as { __permissionAsked: number }).__permissionAsked);
      expect(await asked()).toBe(0);
      await other.getByTestId('todo-notify-enable').click();
      await expect.poll(asked).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
