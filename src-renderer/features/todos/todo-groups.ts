/**
 * The board's pure layout for its virtual list. The book cuts the board into overdue / today (the user's own date
 * in their `myTimeZone`) / upcoming and orders each (R4's priority channel first, then by due instant: see
 * src-main/domain/todos/board.ts); here the groups' sizes become the list's lines — a heading per non-empty group,
 * then its rows — and board positions map to lines and back.
 */
import type { BoardTodo, TodoBoard } from '../../../src-main/contract/todo-board';
import { BOARD_GROUPS, type BoardGroup } from '../../../src-main/domain/todos/board';

export type TodoGroup = BoardGroup;
export const TODO_GROUPS = BOARD_GROUPS;
export type GroupCounts = TodoBoard['groups'];

/** What the user narrowed the board to: one rule (null: all) and/or only the overdue. */
export interface TodoFilter {
  rule: string | null;
  overdueOnly: boolean;
}

export const NO_FILTER: TodoFilter = { rule: null, overdueOnly: false };

/** The IANA zone inside a Temporal-style local time: `2025-03-31T08:15:00+02:00[Europe/Madrid]` → Europe/Madrid. */
export function zoneOf(local: string): string | null {
  const match = /\[([^\]]+)\]$/.exec(local);
  return match ? match[1]! : null;
}

/** One line of the virtual board: a group's heading, or the to-do at a board position (0 = the board's first row). */
export type BoardLine = { kind: 'heading'; group: TodoGroup; count: number } | { kind: 'row'; group: TodoGroup; position: number };

/** Lines on the board: every row, and a heading above each group that has any. */
export function lineCount(groups: GroupCounts): number {
  return groups.reduce((sum, g) => sum + (g.count > 0 ? g.count + 1 : 0), 0);
}

export function lineAt(groups: GroupCounts, index: number): BoardLine | null {
  let line = 0;
  let position = 0;
  for (const { group, count } of groups) {
    if (count === 0) continue;
    if (index === line) return { kind: 'heading', group, count };
    if (index <= line + count) return { kind: 'row', group, position: position + (index - line - 1) };
    line += count + 1;
    position += count;
  }
  return null;
}

/** The line of a board position (its group's heading and those above it counted). */
export function lineOf(groups: GroupCounts, position: number): number {
  let headings = 0;
  let start = 0;
  for (const { count } of groups) {
    if (count === 0) continue;
    headings += 1;
    if (position < start + count) break;
    start += count;
  }
  return position + headings;
}

function sameTodo(a: BoardTodo, b: BoardTodo): boolean {
  const keys = Object.keys(a) as (keyof BoardTodo)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Fresh rows that keep the previous objects of unchanged to-dos, so memoised rows do not re-render on a reload. */
export function reuseUnchanged(previous: readonly (BoardTodo | undefined)[], next: readonly BoardTodo[]): BoardTodo[] {
  const byId = new Map<string, BoardTodo>();
  for (const todo of previous) if (todo) byId.set(todo.id, todo);
  return next.map((todo) => {
    const old = byId.get(todo.id);
    return old !== undefined && sameTodo(old, todo) ? old : todo;
  });
}
