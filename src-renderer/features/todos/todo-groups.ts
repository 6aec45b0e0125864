/** Splits the board into overdue / today / upcoming, "today" being the user's own date in their `myTimeZone`. */
import type { Todo } from '../../../src-main/contract/models';

export type TodoGroup = 'overdue' | 'today' | 'upcoming';
export const TODO_GROUPS: readonly TodoGroup[] = ['overdue', 'today', 'upcoming'];

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

export function groupTodos(todos: readonly Todo[], now: Date): Record<TodoGroup, Todo[]> {
  const groups: Record<TodoGroup, Todo[]> = { overdue: [], today: [], upcoming: [] };
  for (const todo of todos) groups[groupOf(todo, now)].push(todo);
  return groups;
}
