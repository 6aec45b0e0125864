/**
 * The to-do board a window at a time (issue 13 item 3): the pure order and its slices (fast-check against the
 * naive "sort everything, then slice"), and `todos.board` on a real book — every window of it, laid end to end,
 * is the whole board in order, with R4's priority channel first in each group, the user's own "today", and the
 * filters; bad input refused in the user's language.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardTodo, TodoBoard } from '../../src-main/contract/todo-board';
import { BOARD_GROUPS, boardSlices, groupBounds, type BoardGroup, type GroupSize } from '../../src-main/domain/todos/board';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

describe('board order (pure)', () => {
  const size = fc.record({ total: fc.nat(40), priority: fc.nat(40) }).map(({ total, priority }) => ({ total, priority: Math.min(priority, total) }));
  const sizes = fc.tuple(size, size, size).map((three) => three.map((s, i) => ({ group: BOARD_GROUPS[i]!, ...s })));

  /** Every row of the board as (group, part, index within the part), in board order. */
  const expand = (all: readonly GroupSize[]) =>
    all.flatMap(({ group, total, priority }) => [
      ...Array.from({ length: priority }, (_, i) => `${group}/priority/${i}`),
      ...Array.from({ length: total - priority }, (_, i) => `${group}/rest/${i}`),
    ]);

  it('R4: a window is the naive board sliced — priority rows first in each group, nothing skipped or doubled', () => {
    fc.assert(
      fc.property(sizes, fc.nat(130), fc.integer({ min: 1, max: 130 }), (all, offset, limit) => {
        const slices = boardSlices(all, offset, limit);
        const rows = slices.flatMap((s) => Array.from({ length: s.limit }, (_, i) => `${s.group}/${s.part}/${s.offset + i}`));
        expect(rows).toEqual(expand(all).slice(offset, offset + limit));
        expect(slices.every((s) => s.limit > 0)).toBe(true);
      }),
      { seed: 1307, numRuns: 400 },
    );
  });

  it('R2: today ends at the user’s midnight in their zone, not UTC’s', () => {
    expect(groupBounds('2025-04-04T10:40:00Z', 'Asia/Shanghai')).toEqual({ now: '2025-04-04T10:40:00Z', tomorrow: '2025-04-04T16:00:00Z' });
    expect(groupBounds('2025-04-04T10:40:00Z', 'America/New_York').tomorrow).toBe('2025-04-05T04:00:00Z');
    // Havana skips midnight on 9 March 2025 (00:00 → 01:00): that day starts at 01:00 local = 05:00Z.
    expect(groupBounds('2025-03-08T12:00:00Z', 'America/Havana').tomorrow).toBe('2025-03-09T05:00:00Z');
  });
});

const BOOK_NOW = '2025-04-04T10:00:00Z';

describe('todos.board on a real book', () => {
  let tb: TestBook;
  /** Every open to-do, from the long-standing todos.list. */
  let all: BoardTodo[];
  let priorityAccount: string;

  beforeAll(async () => {
    tb = openTestBook(BOOK_NOW);
    valueOf(await call(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    const plain = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Kenji Sato', country: 'JP' })).id;
    priorityAccount = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Nguyễn Trading', country: 'VN' })).id;
    const sqlite = tb.book.sqlite;
    sqlite.prepare('UPDATE accounts SET priority_channel = 1 WHERE id = ?').run(priorityAccount);
    const insert = sqlite.prepare(
      "INSERT INTO tasks (id, account_id, kind, rule, title, due_at, status, created_at, updated_at, deleted_at) VALUES (?, ?, 'follow_up', ?, ?, ?, ?, ?, ?, ?)",
    );
    // 240 tasks over five days around now (every 30 minutes), three rules, a fifth on the priority account, some
    // without an account; plus done and deleted ones, which the board never shows.
    const rules = ['R2', 'R5', 'R13'];
    for (let i = 0; i < 240; i++) {
      const due = new Date(Date.parse('2025-04-02T00:00:00Z') + i * 30 * 60_000).toISOString().replace('.000Z', 'Z');
      const account = i % 5 === 0 ? priorityAccount : i % 7 === 0 ? null : plain;
      insert.run(`01JNT${String(i).padStart(21, '0')}`, account, rules[i % 3], `Task ${i}`, due, i % 11 === 0 ? 'done' : 'open', BOOK_NOW, BOOK_NOW, i % 13 === 0 ? BOOK_NOW : null);
    }
    const open = valueOf(await call(tb.ctx, 'todos.list', { at: BOOK_NOW, limit: 10_000 }));
    // The board's order computed naively: the group by the user's date in Shanghai, priority first, due, id.
    const tomorrow = '2025-04-04T16:00:00Z';
    const groupOf = (due: string): BoardGroup => (due < BOOK_NOW ? 'overdue' : due < tomorrow ? 'today' : 'upcoming');
    all = open
      .map((todo) => ({ ...todo, group: groupOf(todo.dueUtc) }))
      .sort(
        (a, b) =>
          BOARD_GROUPS.indexOf(a.group) - BOARD_GROUPS.indexOf(b.group) ||
          Number(b.priorityChannel === true) - Number(a.priorityChannel === true) ||
          a.dueUtc.localeCompare(b.dueUtc) ||
          a.id.localeCompare(b.id),
      );
  });
  afterAll(() => tb.close());

  const board = async (input: Record<string, unknown>) => valueOf(await call(tb.ctx, 'todos.board', { at: BOOK_NOW, ...input })) as TodoBoard;

  it('R2, R4: windows of any size laid end to end are the whole board in order, with each group’s size', async () => {
    expect(all.length).toBeGreaterThan(150);
    for (const limit of [1, 7, 50, 500]) {
      const rows: BoardTodo[] = [];
      for (let offset = 0; offset < all.length; offset += limit) {
        const window = await board({ offset, limit });
        expect(window.offset).toBe(offset);
        rows.push(...window.rows);
      }
      expect(rows.map((r) => `${r.group} ${r.id}`)).toEqual(all.map((r) => `${r.group} ${r.id}`));
    }
    const whole = await board({ limit: 1000 });
    expect(whole.rows).toEqual(all);
    expect(whole.total).toBe(all.length);
    expect(whole.open).toBe(all.length);
    expect(whole.groups).toEqual(BOARD_GROUPS.map((group) => ({ group, count: all.filter((r) => r.group === group).length })));
    expect(whole.groups.every((g) => g.count > 0)).toBe(true);
    expect(whole.rules).toEqual(['R2', 'R5', 'R13']);
    // R4: within each group, the priority account's to-dos come first though due later.
    const today = whole.rows.filter((r) => r.group === 'today');
    expect(today[0]!.priorityChannel).toBe(true);
    expect(today.at(-1)!.priorityChannel).toBeUndefined();
  });

  it('filters: one rule, overdue only, both — the groups count what is shown, the board still lists every rule', async () => {
    const r5 = await board({ rule: 'R5', limit: 1000 });
    expect(r5.rows.map((r) => r.id)).toEqual(all.filter((r) => r.rule === 'R5').map((r) => r.id));
    expect(r5.total).toBe(r5.rows.length);
    expect(r5.open).toBe(all.length);
    expect(r5.rules).toEqual(['R2', 'R5', 'R13']);
    const overdue = await board({ overdueOnly: true, offset: 3, limit: 20 });
    expect(overdue.groups.map((g) => g.count)).toEqual([all.filter((r) => r.group === 'overdue').length, 0, 0]);
    expect(overdue.rows.map((r) => r.id)).toEqual(all.filter((r) => r.group === 'overdue').slice(3, 23).map((r) => r.id));
    const both = await board({ overdueOnly: true, rule: 'R13', limit: 1000 });
    expect(both.rows.map((r) => r.id)).toEqual(all.filter((r) => r.group === 'overdue' && r.rule === 'R13').map((r) => r.id));
    expect((await board({ rule: 'R9', limit: 10 })).rows).toEqual([]);
  });

  it('a window past the end is empty; done and deleted tasks never show', async () => {
    const past = await board({ offset: all.length + 5, limit: 10 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(all.length);
    const ids = new Set((await board({ limit: 1000 })).rows.map((r) => r.id));
    const hidden = tb.book.sqlite.prepare("SELECT id FROM tasks WHERE status = 'done' OR deleted_at IS NOT NULL").pluck().all() as string[];
    expect(hidden.length).toBeGreaterThan(20);
    expect(hidden.filter((id) => ids.has(id))).toEqual([]);
  });

  it('the groups follow the user’s zone: in New York, "today" runs to 04:00Z the next day', async () => {
    valueOf(await call(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'America/New_York' }));
    try {
      const ny = await board({ limit: 1000 });
      const today = ny.rows.filter((r) => r.group === 'today');
      expect(today.every((r) => r.dueUtc >= BOOK_NOW && r.dueUtc < '2025-04-05T04:00:00Z')).toBe(true);
      expect(today.length).toBe(all.filter((r) => r.dueUtc >= BOOK_NOW && r.dueUtc < '2025-04-05T04:00:00Z').length);
      expect(today[0]!.dueMyLocal).toMatch(/\[America\/New_York\]$/);
    } finally {
      valueOf(await call(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
    }
  });

  it('todos.list with dueAfter: the open to-dos that fell due in (dueAfter, at], for one "due now" notification', async () => {
    const fell = valueOf(await call(tb.ctx, 'todos.list', { dueAfter: '2025-04-04T08:00:00Z', at: BOOK_NOW, limit: 100 }));
    expect(fell.map((t) => t.id)).toEqual(
      all
        .filter((r) => r.dueUtc > '2025-04-04T08:00:00Z' && r.dueUtc <= BOOK_NOW)
        .sort((a, b) => a.dueUtc.localeCompare(b.dueUtc) || a.id.localeCompare(b.id))
        .map((r) => r.id),
    );
    expect(fell.length).toBeGreaterThan(2);
    expect(fell.at(-1)!.dueUtc).toBe(BOOK_NOW);
  });

  it('bad input is refused with a message in the user’s language', async () => {
    const bad = errorOf(await call(tb.ctx, 'todos.board', { at: BOOK_NOW, rule: "R1' OR 1=1", limit: 10 }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('expected a rule such as R1 or R13');
    expect(errorOf(await call(tb.ctx, 'todos.board', { at: BOOK_NOW, limit: 0 })).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'todos.board', { limit: 10 } as never)).code).toBe('invalid_input');
  });
});
