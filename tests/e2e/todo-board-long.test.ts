/**
 * A long to-do board in Chromium (issue 13 item 3): 3,000 open to-dos, no row cap. The board is a virtual table —
 * only the rows on screen are in the DOM — read a page at a time as it scrolls; End and Home reach the last and first
 * to-do from the keyboard; x deep in the board marks that one done; axe finds nothing serious in either language.
 * The rows are put in the book's tasks table directly (the scheduler leaves tasks without a rule key alone).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoBoard } from '../../src-main/contract/todo-board';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { valueOf } from '../db/temp-book';
import { openE2e, seriousAxeViolations, type E2e } from './harness';

const TASKS = 3_000;
const PAGE_START = '2025-04-04T10:40:00Z';

async function buildLongBoard(file: string): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => PAGE_START, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    const accounts: string[] = [];
    for (const [name, country] of [['Kenji Sato', 'JP'], ['María García', 'ES'], ['Olga Nowak', 'PL']] as const) {
      accounts.push(valueOf(await call(ctx, 'accounts.add', { name, country })).id);
    }
    const insert = book.sqlite.prepare(
      "INSERT INTO tasks (id, account_id, kind, rule, title, due_at, status, created_at, updated_at) VALUES (?, ?, 'follow_up', ?, ?, ?, 'open', ?, ?)",
    );
    book.sqlite.transaction(() => {
      // Every 7 minutes from three days before the page's now: about 600 overdue, the rest today and upcoming.
      for (let i = 0; i < TASKS; i++) {
        const due = new Date(Date.parse('2025-04-01T10:00:00Z') + i * 7 * 60_000).toISOString().replace('.000Z', 'Z');
        insert.run(`01JNT${String(i).padStart(21, '0')}`, accounts[i % 3], ['R2', 'R5', 'R13'][i % 3], `Follow-up number ${i + 1}`, due, PAGE_START, PAGE_START);
      }
    })();
  } finally {
    await book.close();
  }
}

let e2e: E2e;
let page: Page;
/** The whole board in order, from the server. */
let order: string[];

const rowIds = () => page.getByTestId('todo-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')!));
const selectedId = () => page.locator('[data-testid="todo-row"][data-selected]').getAttribute('data-id');

async function expectAccessible(): Promise<void> {
  expect(await seriousAxeViolations(page, 'main')).toEqual([]);
}

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-long-board-',
    buildBook: buildLongBoard,
    env: { TRADEBOOK_TICKER: 'off' },
    context: { viewport: { width: 1280, height: 720 } },
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date(PAGE_START) });
    },
  });
  page = e2e.page;
  await page.getByTestId('nav-todos').click();
  await page.getByTestId('todo-row').first().waitFor();
  const board = await e2e.api<TodoBoard>('todos.board', { at: PAGE_START, limit: TASKS });
  order = board.rows.map((row) => row.id);
});

afterAll(() => e2e?.close());

describe('a 3,000-row board in Chromium (issue 13 item 3)', () => {
  it('shows every open to-do (no cap), with only the rows on screen in the DOM', async () => {
    expect(order).toHaveLength(TASKS);
    expect(await page.getByTestId('todo-count').getAttribute('data-count')).toBe(String(TASKS));
    expect(await page.getByTestId('todo-count').textContent()).toContain('3,000');
    const ids = await rowIds();
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.length).toBeLessThan(60);
    expect(ids).toEqual(order.slice(0, ids.length));
    const heading = await page.getByTestId('todo-group-overdue').getByRole('heading').textContent();
    expect(heading).toMatch(/^Overdue · \d{3}$/);
  });

  it('scrolling to the middle reads those pages: the rows shown are the board’s, in order', async () => {
    await page.getByTestId('todo-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    // The scroll renders placeholders first, then the rows of the pages read.
    await expect.poll(async () => order.indexOf((await rowIds())[0] ?? '')).toBeGreaterThan(1000);
    await expect.poll(() => page.getByTestId('todo-row-loading').count()).toBe(0);
    const ids = await rowIds();
    const at = order.indexOf(ids[0]!);
    expect(at).toBeGreaterThan(1000);
    expect(at).toBeLessThan(2000);
    expect(ids).toEqual(order.slice(at, at + ids.length));
  });

  it('keyboard: End selects the very last to-do and brings it into view, Home the first, j the next', async () => {
    await page.getByTestId('todo-row').first().click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('End');
    await expect.poll(selectedId).toBe(order.at(-1));
    expect(await page.locator('[data-testid="todo-row"][data-selected]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="todo-row"][data-selected]').textContent()).toContain(`Follow-up number ${TASKS}`);
    await page.keyboard.press('Home');
    await expect.poll(selectedId).toBe(order[0]);
    await page.keyboard.press('j');
    await expect.poll(selectedId).toBe(order[1]);
  });

  it('x deep in the board marks that one done: it leaves, the next takes its place, the count goes down', async () => {
    await page.getByTestId('todo-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight * 0.75 }));
    await expect.poll(async () => order.indexOf((await rowIds())[0] ?? '')).toBeGreaterThan(2000);
    await expect.poll(() => page.getByTestId('todo-row-loading').count()).toBe(0);
    const target = page.getByTestId('todo-row').nth(3);
    const id = (await target.getAttribute('data-id'))!;
    await target.click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('x');
    await expect.poll(() => page.locator(`[data-testid="todo-row"][data-id="${id}"]`).count()).toBe(0);
    await expect.poll(selectedId).toBe(order[order.indexOf(id) + 1]);
    await expect.poll(() => page.getByTestId('todo-count').getAttribute('data-count')).toBe(String(TASKS - 1));
    const done = await e2e.api<{ id: string }[]>('todos.list', { status: 'done', limit: 10 });
    expect(done.map((t) => t.id)).toEqual([id]);
    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('todo-count').getAttribute('data-count')).toBe(String(TASKS));
  });

  it('axe: nothing serious or critical on the board, in English and in Chinese', async () => {
    await expectAccessible();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('todo-list').getAttribute('aria-label')).toBe('待办');
    await expectAccessible();
    await page.getByTestId('language-switch').getByText('EN').click();
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
