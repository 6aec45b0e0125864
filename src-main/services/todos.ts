/**
 * The to-do board over the scheduler's tasks: list (sorted by due instant, shown in UTC, in the buyer's zone and
 * in the user's `myTimeZone` — never the host's), done, snooze to the buyer's next business morning, reschedule.
 * Snoozing or rescheduling sets `snoozed_until`: the scheduler then never moves the task again. Every action also
 * writes the task's state for the team (task_states, by the task's key: services/task-states.ts).
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import { invalidState, notFound } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { Todo } from '../contract/models';
import { createBusinessCalendar, formatLocal, nextBusinessSlot, type CalendarOverride } from '../domain/time';
import type { ServiceContext } from './context';
import { noteTaskMoved, renderTaskTitle } from './scheduler';
import { settingValue } from './settings';
import { recordTaskState } from './task-states';

export interface TodoRow {
  id: string;
  rule: string | null;
  account_id: string | null;
  account_name: string | null;
  time_zone: string | null;
  country: string | null;
  title: string;
  details: string;
  due_at: string;
  status: string;
  priority_channel: number | null;
  source_table: string | null;
  source_id: string | null;
  dedupe_key: string | null;
  snoozed_until: string | null;
  done_at: string | null;
}

export const TODO_COLUMNS = `t.id, t.rule, t.account_id, a.name AS account_name, a.time_zone, a.country, t.title, t.details, t.due_at, t.status,
  a.priority_channel, t.source_table, t.source_id, t.dedupe_key, t.snoozed_until, t.done_at FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id`;

/** The task's state as the user left it, written for the team beside the task (services/task-states.ts). */
function shareState(ctx: ServiceContext, id: string): void {
  const row = requireTask(ctx, id);
  recordTaskState(ctx, row.dedupe_key, {
    status: row.status === 'done' ? 'done' : 'open',
    done_at: row.status === 'done' ? row.done_at : null,
    due_at: row.due_at,
    snoozed_until: row.status === 'done' ? null : row.snoozed_until,
  });
}

export interface TodoView {
  language: Language;
  myZone: string;
  at: string;
}

function titleOf(row: TodoRow, language: Language): string {
  const details = JSON.parse(row.details) as { titleKey?: unknown; titleParams?: unknown; escalated?: unknown };
  let title = row.title;
  if (typeof details.titleKey === 'string' && details.titleParams !== null && typeof details.titleParams === 'object') {
    title = renderTaskTitle(language, details.titleKey, details.titleParams as Record<string, string | number>);
  }
  return details.escalated === true ? renderTaskTitle(language, 'escalated', { title }) : title;
}

export function todoOf(row: TodoRow, view: TodoView): Todo {
  const due = Temporal.Instant.from(row.due_at);
  return {
    id: row.id,
    rule: row.rule,
    accountId: row.account_id,
    accountName: row.account_name,
    title: titleOf(row, view.language),
    dueUtc: row.due_at,
    dueBuyerLocal: row.time_zone === null ? null : formatLocal(due.toZonedDateTimeISO(row.time_zone)),
    dueMyLocal: formatLocal(due.toZonedDateTimeISO(view.myZone)),
    status: row.status === 'done' ? 'done' : row.due_at < view.at ? 'overdue' : 'open',
    ...(row.priority_channel === 1 ? { priorityChannel: true as const } : {}),
    ...(row.source_table !== null && row.source_id !== null ? { source: { table: row.source_table, id: row.source_id } } : {}),
  };
}

export async function viewOf(ctx: ServiceContext, at?: string): Promise<TodoView> {
  return {
    language: await settingValue<Language>(ctx, 'language'),
    myZone: await settingValue<string>(ctx, 'myTimeZone'),
    at: at ?? ctx.now(),
  };
}

const LIST = {
  all: `SELECT ${TODO_COLUMNS} WHERE t.deleted_at IS NULL AND t.status = 'open' ORDER BY t.due_at, t.id LIMIT @limit`,
  open: `SELECT ${TODO_COLUMNS} WHERE t.deleted_at IS NULL AND t.status = 'open' AND t.due_at >= @at ORDER BY t.due_at, t.id LIMIT @limit`,
  overdue: `SELECT ${TODO_COLUMNS} WHERE t.deleted_at IS NULL AND t.status = 'open' AND t.due_at < @at ORDER BY t.due_at, t.id LIMIT @limit`,
  done: `SELECT ${TODO_COLUMNS} WHERE t.deleted_at IS NULL AND t.status = 'done' ORDER BY t.due_at, t.id LIMIT @limit`,
  fellDue: `SELECT ${TODO_COLUMNS} WHERE t.deleted_at IS NULL AND t.status = 'open' AND t.due_at > @after AND t.due_at <= @at ORDER BY t.due_at, t.id LIMIT @limit`,
} as const;

/** Open to-dos (overdue ones included) sorted by due instant; or only open, overdue or done ones; or with `dueAfter` the open ones that fell due in (dueAfter, at]. */
export async function listTodos(ctx: ServiceContext, input: ParsedInputOf<'todos.list'>): Promise<Todo[]> {
  const view = await viewOf(ctx, input.at);
  if (input.dueAfter !== undefined) {
    const rows = ctx.book.sqlite.prepare(LIST.fellDue).all({ after: input.dueAfter, at: view.at, limit: input.limit }) as TodoRow[];
    return rows.map((row) => todoOf(row, view));
  }
  const sql = LIST[input.status ?? 'all'];
  const params = input.status === 'open' || input.status === 'overdue' ? { at: view.at, limit: input.limit } : { limit: input.limit };
  const rows = ctx.book.sqlite.prepare(sql).all(params) as TodoRow[];
  return rows.map((row) => todoOf(row, view));
}

function requireTask(ctx: ServiceContext, id: string): TodoRow {
  const row = ctx.book.sqlite.prepare(`SELECT ${TODO_COLUMNS} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as TodoRow | undefined;
  if (!row) throw notFound('task', id);
  return row;
}

function requireOpenTask(ctx: ServiceContext, id: string): TodoRow {
  const row = requireTask(ctx, id);
  if (row.status !== 'open') throw invalidState('task_closed', { id, status: row.status });
  return row;
}

export async function completeTask(ctx: ServiceContext, input: ParsedInputOf<'tasks.done'>): Promise<Todo> {
  const view = await viewOf(ctx);
  requireOpenTask(ctx, input.id);
  ctx.book.sqlite.transaction(() => {
    ctx.book.sqlite.prepare("UPDATE tasks SET status = 'done', done_at = ?, updated_at = ? WHERE id = ?").run(input.at, ctx.now(), input.id);
    shareState(ctx, input.id);
  })();
  return todoOf(requireTask(ctx, input.id), view);
}

function moveTask(ctx: ServiceContext, id: string, due: string): void {
  ctx.book.sqlite.transaction(() => {
    ctx.book.sqlite
      .prepare("UPDATE tasks SET due_at = @due, snoozed_until = @due, details = json_remove(details, '$.overdueAt'), updated_at = @stamp WHERE id = @id")
      .run({ due, stamp: ctx.now(), id });
    noteTaskMoved(ctx.book.sqlite, due);
    shareState(ctx, id);
  })();
}

/** Snoozes to the buyer's next business morning after now or `at` (the user's zone and country for a task without account), or to an instant. */
export async function snoozeTask(ctx: ServiceContext, input: ParsedInputOf<'tasks.snooze'>): Promise<Todo> {
  const view = await viewOf(ctx);
  const row = requireOpenTask(ctx, input.id);
  let until = input.until ?? 'buyer-morning';
  if (until === 'buyer-morning') {
    const rows = await ctx.book.db.selectFrom('calendar_overrides').select(['country', 'day', 'kind', 'name']).where('deleted_at', 'is', null).execute();
    const calendar = createBusinessCalendar(rows.map((r) => ({ ...r, kind: r.kind as CalendarOverride['kind'] })));
    const slot = nextBusinessSlot(calendar, {
      zone: row.time_zone ?? view.myZone,
      country: row.country ?? (await settingValue<string>(ctx, 'myCountry')),
      after: Temporal.Instant.from(input.at ?? ctx.now()),
      at: await settingValue<string>(ctx, 'buyerMorning'),
    });
    until = slot.toInstant().toString({ smallestUnit: 'second' });
  }
  moveTask(ctx, input.id, until);
  return todoOf(requireTask(ctx, input.id), view);
}

export async function rescheduleTask(ctx: ServiceContext, input: ParsedInputOf<'tasks.reschedule'>): Promise<Todo> {
  const view = await viewOf(ctx);
  requireOpenTask(ctx, input.id);
  moveTask(ctx, input.id, input.dueAt);
  return todoOf(requireTask(ctx, input.id), view);
}

/**
 * Undo. Without `dueAt`, of done: the task is open again with its due instant unchanged (overdue again if that has
 * passed). With `dueAt`, of a snooze or reschedule: the open task is back at that instant, placed by the scheduler
 * again (no longer counted as moved by the user).
 */
export async function reopenTask(ctx: ServiceContext, input: ParsedInputOf<'tasks.reopen'>): Promise<Todo> {
  const view = await viewOf(ctx);
  const row = requireTask(ctx, input.id);
  const stamp = ctx.now();
  if (input.dueAt === undefined) {
    if (row.status !== 'done') throw invalidState('task_not_done', { id: input.id });
  } else if (row.status !== 'open') throw invalidState('task_closed', { id: input.id, status: row.status });
  const dueAt = input.dueAt;
  ctx.book.sqlite.transaction(() => {
    if (dueAt === undefined) {
      ctx.book.sqlite.prepare("UPDATE tasks SET status = 'open', done_at = NULL, updated_at = ? WHERE id = ?").run(stamp, input.id);
    } else {
      ctx.book.sqlite
        .prepare("UPDATE tasks SET due_at = @due, snoozed_until = NULL, details = json_remove(details, '$.overdueAt'), updated_at = @stamp WHERE id = @id")
        .run({ due: dueAt, stamp, id: input.id });
      noteTaskMoved(ctx.book.sqlite, dueAt);
    }
    shareState(ctx, input.id);
  })();
  return todoOf(requireTask(ctx, input.id), view);
}
