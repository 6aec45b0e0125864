import type { ServiceContext } from '../context';
import type { DueNow } from '../ticker';

/** The open to-dos that fell due after `from`, up to and including `to` (the desktop's "due now" notice): the first few, due order. */
export function dueBetween(ctx: ServiceContext, from: string, to: string, first = 3): DueNow {
  const sqlite = ctx.book.sqlite;
  const span = { from, to };
  const where = `t.status = 'open' AND t.deleted_at IS NULL AND t.due_at > @from AND t.due_at <= @to`;
  const { count } = sqlite.prepare(`SELECT count(*) AS count FROM tasks t WHERE ${where}`).get(span) as { count: number };
  if (count === 0) return { count, first: [] };
  const rows = sqlite
    .prepare(`SELECT t.title, a.name AS accountName FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id WHERE ${where} ORDER BY t.due_at, t.id LIMIT @first`)
    .all({ ...span, first }) as { title: string; accountName: string | null }[];
  return { count, first: rows };
}

/**
 * After a clock jump (src-main/services/ticker.ts): the open to-dos that fell due in (from, to] and those overdue at
 * `to` — one summary, whoever ran the catch-up tick.
 */
export function awayCounts(ctx: ServiceContext, from: string, to: string): { dueWhileAway: number; overdue: number } {
  const row = ctx.book.sqlite
    .prepare(
      `SELECT count(*) FILTER (WHERE due_at > @from) AS due, count(*) AS overdue
       FROM tasks WHERE status = 'open' AND deleted_at IS NULL AND due_at <= @to`,
    )
    .get({ from, to }) as { due: number; overdue: number };
  return { dueWhileAway: row.due, overdue: row.overdue };
}
