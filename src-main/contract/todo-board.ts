/**
 * The to-do board a window at a time (issue 13 item 3): no row cap, so a virtual list can show 66,000 open to-dos
 * and read only the rows on screen. Spread into the one contract map in ./index.ts.
 */
import { z } from 'zod';
import { Todo } from './models';
import { Instant, Limit, Offset } from './primitives';

/** The groups of domain/todos/board.ts, in board order. */
const Group = z.enum(['overdue', 'today', 'upcoming']);

export const TodoBoard = z.object({
  /** The instant the groups were cut at (to the second). */
  at: z.string(),
  /** Overdue, today, upcoming: how many to-dos each holds after the filters, in board order. */
  groups: z.array(z.object({ group: Group, count: z.number().int() })),
  /** Rows after the filters (the sum of the groups). */
  total: z.number().int(),
  /** Open to-dos on the board before the filters. */
  open: z.number().int(),
  /** The rules of the open to-dos, for the filter: R1, R2 … in numeric order. */
  rules: z.array(z.string()),
  /** Board position of the first row. */
  offset: z.number().int(),
  /** The rows [offset, offset + limit) in board order, each with its group. */
  rows: z.array(Todo.extend({ group: Group })),
});
export type TodoBoard = z.infer<typeof TodoBoard>;
export type BoardTodo = TodoBoard['rows'][number];

export const todoBoardContract = {
  'todos.board': {
    input: z.strictObject({
      at: Instant,
      /** Only this rule's to-dos; null or absent: all. */
      rule: z.string().regex(/^R\d{1,2}$/, 'tb.rule').nullable().optional(),
      overdueOnly: z.boolean().optional(),
      offset: Offset,
      limit: Limit,
    }),
    output: TodoBoard,
  },
} as const;
