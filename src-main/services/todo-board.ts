/**
 * `todos.board`: a window of the to-do board in its order (domain/todos/board.ts) with the size of each group, for
 * a virtual list without a row cap. Each slice of the window is one read of the (status, due_at, id, rule,
 * account_id) index over a due-time range — no sort of the whole board per page — and only the window's rows are
 * then read in full and rendered (titles in the user's language, times in their zone and the buyer's).
 */
import type { ParsedInputOf } from '../contract';
import type { BoardTodo, TodoBoard } from '../contract/todo-board';
import { BOARD_GROUPS, boardSlices, groupBounds, groupRange, sortRules, type BoardGroup, type GroupSize } from '../domain/todos/board';
import type { ServiceContext } from './context';
import { TODO_COLUMNS, todoOf, viewOf, type TodoRow } from './todos';

const OPEN = "t.status = 'open' AND t.deleted_at IS NULL";
const IN_RANGE = `${OPEN} AND t.due_at >= @from AND t.due_at < @to AND (@rule IS NULL OR t.rule = @rule)`;
const PRIORITY_ACCOUNTS = 'SELECT id FROM accounts WHERE priority_channel = 1';
const PART = {
  priority: `t.account_id IN (${PRIORITY_ACCOUNTS})`,
  rest: `(t.account_id IS NULL OR t.account_id NOT IN (${PRIORITY_ACCOUNTS}))`,
} as const;

const SQL = {
  count: `SELECT count(*) FROM tasks t WHERE ${IN_RANGE}`,
  countPriority: `SELECT count(*) FROM tasks t WHERE ${IN_RANGE} AND ${PART.priority}`,
  priority: `SELECT t.id FROM tasks t WHERE ${IN_RANGE} AND ${PART.priority} ORDER BY t.due_at, t.id LIMIT @limit OFFSET @offset`,
  rest: `SELECT t.id FROM tasks t WHERE ${IN_RANGE} AND ${PART.rest} ORDER BY t.due_at, t.id LIMIT @limit OFFSET @offset`,
  open: `SELECT count(*) FROM tasks t WHERE ${OPEN}`,
  anyPriority: 'SELECT 1 FROM accounts WHERE priority_channel = 1 LIMIT 1',
  /** The distinct rules by skipping through the (status, rule) index: one seek per rule, not a scan of the board. */
  rules: `WITH RECURSIVE r(rule) AS (
      SELECT min(t.rule) FROM tasks t WHERE ${OPEN} AND t.rule IS NOT NULL
      UNION ALL
      SELECT (SELECT min(t.rule) FROM tasks t WHERE ${OPEN} AND t.rule > r.rule) FROM r WHERE r.rule IS NOT NULL
    ) SELECT rule FROM r WHERE rule IS NOT NULL`,
  /** Without any priority account, a group is all "rest": no look-up of the account per row. */
  all: `SELECT t.id FROM tasks t WHERE ${IN_RANGE} ORDER BY t.due_at, t.id LIMIT @limit OFFSET @offset`,
  rows: `SELECT ${TODO_COLUMNS} WHERE t.id IN (SELECT value FROM json_each(@ids))`,
} as const;

export async function todoBoard(ctx: ServiceContext, input: ParsedInputOf<'todos.board'>): Promise<TodoBoard> {
  const view = await viewOf(ctx, input.at);
  const sqlite = ctx.book.sqlite;
  const bounds = groupBounds(input.at, view.myZone);
  const rule = input.rule ?? null;
  const shown = (group: BoardGroup) => !input.overdueOnly || group === 'overdue';
  const count = sqlite.prepare(SQL.count).pluck();
  const countPriority = sqlite.prepare(SQL.countPriority).pluck();

  return ctx.book.sqlite.transaction(() => {
    const anyPriority = sqlite.prepare(SQL.anyPriority).get() !== undefined;
    const sizes: GroupSize[] = BOARD_GROUPS.map((group) => {
      if (!shown(group)) return { group, total: 0, priority: 0 };
      const params = { ...groupRange(group, bounds), rule };
      const total = count.get(params) as number;
      return { group, total, priority: total === 0 || !anyPriority ? 0 : (countPriority.get(params) as number) };
    });
    const ids: { id: string; group: BoardGroup }[] = [];
    for (const slice of boardSlices(sizes, input.offset, input.limit)) {
      const params = { ...groupRange(slice.group, bounds), rule, offset: slice.offset, limit: slice.limit };
      const sql = slice.part === 'rest' && !anyPriority ? SQL.all : SQL[slice.part];
      for (const id of sqlite.prepare(sql).pluck().all(params) as string[]) ids.push({ id, group: slice.group });
    }
    const total = sizes.reduce((sum, size) => sum + size.total, 0);
    const filtered = rule !== null || input.overdueOnly === true;
    const byId = new Map((sqlite.prepare(SQL.rows).all({ ids: JSON.stringify(ids.map((row) => row.id)) }) as TodoRow[]).map((row) => [row.id, row]));
    const rows: BoardTodo[] = [];
    for (const { id, group } of ids) {
      const row = byId.get(id);
      if (row) rows.push({ ...todoOf(row, view), group });
    }
    return {
      at: bounds.now,
      groups: sizes.map(({ group, total }) => ({ group, count: total })),
      total,
      open: filtered ? (sqlite.prepare(SQL.open).pluck().get() as number) : total,
      rules: sortRules(sqlite.prepare(SQL.rules).pluck().all() as string[]),
      offset: input.offset,
      rows,
    };
  })();
}
