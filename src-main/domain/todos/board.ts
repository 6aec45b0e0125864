/**
 * The to-do board's order (issue 13 item 3), pure: three groups — overdue (due before now), today (the rest of the
 * user's own date in their `myTimeZone`) and upcoming — and within each, R4's priority channel first, then by due
 * instant, then by id. The board is read a window at a time (any offset, any length, e.g. the rows a virtual list
 * shows), so a window is cut into slices, each a run of one group's priority rows or of its other rows: each slice
 * is one indexed read in that order (services/todo-board.ts).
 */
import { Temporal } from 'temporal-polyfill';

export type BoardGroup = 'overdue' | 'today' | 'upcoming';
export const BOARD_GROUPS: readonly BoardGroup[] = ['overdue', 'today', 'upcoming'];

/** How many to-dos one group holds, and how many of them are the priority channel's (they come first). */
export interface GroupSize {
  group: BoardGroup;
  total: number;
  priority: number;
}

/** A run of consecutive board rows from one group: its priority rows or its others, from `offset` within them. */
export interface BoardSlice {
  group: BoardGroup;
  part: 'priority' | 'rest';
  offset: number;
  limit: number;
}

/** The slices that make up board rows [offset, offset + limit), in board order. */
export function boardSlices(sizes: readonly GroupSize[], offset: number, limit: number): BoardSlice[] {
  const slices: BoardSlice[] = [];
  let groupStart = 0;
  const end = offset + limit;
  for (const size of sizes) {
    const parts: [BoardSlice['part'], number, number][] = [
      ['priority', groupStart, size.priority],
      ['rest', groupStart + size.priority, size.total - size.priority],
    ];
    for (const [part, partStart, length] of parts) {
      const from = Math.max(offset, partStart);
      const to = Math.min(end, partStart + length);
      if (to > from) slices.push({ group: size.group, part, offset: from - partStart, limit: to - from });
    }
    groupStart += size.total;
  }
  return slices;
}

/** The instants that bound the groups: overdue is [−∞, now), today [now, the user's next midnight), upcoming after. */
export interface GroupBounds {
  now: string;
  tomorrow: string;
}

/**
 * The start of the user's next day after `now` in their zone, as an instant to the second (what due times are
 * compared with). A day that starts in a DST gap (e.g. America/Havana) starts at its first valid instant.
 */
export function groupBounds(now: string, myZone: string): GroupBounds {
  const tomorrow = Temporal.Instant.from(now).toZonedDateTimeISO(myZone).toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: myZone });
  return { now, tomorrow: tomorrow.toInstant().toString({ smallestUnit: 'second' }) };
}

/** The due-time range [from, to) of a group, as strings comparable with stored due times ('' and '~' are open ends). */
export function groupRange(group: BoardGroup, bounds: GroupBounds): { from: string; to: string } {
  if (group === 'overdue') return { from: '', to: bounds.now };
  if (group === 'today') return { from: bounds.now, to: bounds.tomorrow };
  return { from: bounds.tomorrow, to: '~' };
}

/** The rules present on a board, R1, R2 … R16 in numeric order. */
export function sortRules(rules: Iterable<string>): string[] {
  return [...new Set(rules)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
