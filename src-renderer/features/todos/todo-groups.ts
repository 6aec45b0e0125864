/**
 * The board's pure logic: overdue / today / upcoming ("today" being the user's own date in their `myTimeZone`),
 * the priority channel first within each group (R4), the filters, and which tasks fell due between two ticks.
 */
import type { Todo } from '../../../src-main/contract/models';

export type TodoGroup = 'overdue' | 'today' | 'upcoming';
export const TODO_GROUPS: readonly TodoGroup[] = ['overdue', 'today', 'upcoming'];

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

/** YYYY-MM-DD of an instant in a zone (en-CA prints ISO dates). */
export function dateIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function groupOf(todo: Todo, now: Date): TodoGroup {
  if (todo.status === 'overdue' || Date.parse(todo.dueUtc) < now.getTime()) return 'overdue';
  const zone = zoneOf(todo.dueMyLocal);
  return zone !== null && todo.dueMyLocal.slice(0, 10) === dateIn(zone, now) ? 'today' : 'upcoming';
}

/** Within a group: the priority channel's to-dos first (R4), then by due instant, then by id (stable). */
export function compareTodos(a: Todo, b: Todo): number {
  const priority = Number(b.priorityChannel === true) - Number(a.priorityChannel === true);
  if (priority !== 0) return priority;
  const due = Date.parse(a.dueUtc) - Date.parse(b.dueUtc);
  if (due !== 0) return due;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function groupTodos(todos: readonly Todo[], now: Date): Record<TodoGroup, Todo[]> {
  const groups: Record<TodoGroup, Todo[]> = { overdue: [], today: [], upcoming: [] };
  for (const todo of todos) groups[groupOf(todo, now)].push(todo);
  for (const group of TODO_GROUPS) groups[group].sort(compareTodos);
  return groups;
}

/** The rows in the order the board shows them (what j/k walk through). */
export function boardOrder(groups: Record<TodoGroup, readonly Todo[]>): Todo[] {
  return TODO_GROUPS.flatMap((group) => groups[group]);
}

export function filterTodos(todos: readonly Todo[], filter: TodoFilter, now: Date): Todo[] {
  return todos.filter((todo) => (filter.rule === null || todo.rule === filter.rule) && (!filter.overdueOnly || groupOf(todo, now) === 'overdue'));
}

/** The rules present on the board, for the filter (R1, R2, … R15 in numeric order; tasks without a rule left out). */
export function rulesOf(todos: readonly Todo[]): string[] {
  const rules = new Set<string>();
  for (const todo of todos) if (todo.rule) rules.add(todo.rule);
  return [...rules].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The to-dos that fell due in (fromMs, toMs]: what one "due now" notification announces. */
export function dueBetween(todos: readonly Todo[], fromMs: number, toMs: number): Todo[] {
  return todos.filter((todo) => {
    const due = Date.parse(todo.dueUtc);
    return todo.status !== 'done' && due > fromMs && due <= toMs;
  });
}

function sameTodo(a: Todo, b: Todo): boolean {
  const keys = Object.keys(a) as (keyof Todo)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A reloaded list that keeps the previous objects of unchanged to-dos, so memoised rows do not re-render. */
export function reuseUnchanged(previous: readonly Todo[] | null, next: readonly Todo[]): readonly Todo[] {
  if (previous === null) return next;
  const byId = new Map(previous.map((todo) => [todo.id, todo]));
  let changed = previous.length !== next.length;
  const merged = next.map((todo, index) => {
    const old = byId.get(todo.id);
    const kept = old !== undefined && sameTodo(old, todo) ? old : todo;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? merged : previous;
}

/** The first `limit` rows of the board in its order, still by group. */
export function firstRows(groups: Record<TodoGroup, readonly Todo[]>, limit: number): Record<TodoGroup, readonly Todo[]> {
  let budget = limit;
  const take = (rows: readonly Todo[]) => {
    const taken = budget >= rows.length ? rows : rows.slice(0, Math.max(0, budget));
    budget -= taken.length;
    return taken;
  };
  const overdue = take(groups.overdue);
  const today = take(groups.today);
  return { overdue, today, upcoming: take(groups.upcoming) };
}
