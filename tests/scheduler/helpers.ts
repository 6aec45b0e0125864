/** Scheduler test helpers: a book with a settable clock, accounts in named zones, tasks read back by rule. Not a test file. */
import type { HandlerName, InputOf, OutputOf } from '../../src-main/contract';
import type { Todo } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

export interface ClockBook extends TestBook {
  /** Sets the wall clock the services stamp records with. */
  setClock(now: string): void;
}

export function openClockBook(now = '2025-03-31T10:00:00Z'): ClockBook {
  let clock = now;
  const tb = openTestBook(now);
  tb.ctx.now = () => clock;
  return Object.assign(tb, { setClock: (next: string) => void (clock = next) });
}

export async function ok<K extends HandlerName>(ctx: ServiceContext, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return valueOf(await call(ctx, name, input));
}

export async function account(ctx: ServiceContext, name: string, country: string, timeZone?: string): Promise<string> {
  return (await ok(ctx, 'accounts.add', timeZone === undefined ? { name, country } : { name, country, timeZone })).id;
}

export interface TaskView {
  rule: string | null;
  kind: string;
  source_table: string | null;
  source_id: string | null;
  dedupe_key: string | null;
  due_at: string;
  status: string;
  done_at: string | null;
  details: Record<string, unknown>;
}

/** Every task in the book, sorted by dedupe key. */
export function tasks(ctx: ServiceContext): TaskView[] {
  const rows = ctx.book.sqlite
    .prepare('SELECT rule, kind, source_table, source_id, dedupe_key, due_at, status, done_at, details FROM tasks WHERE deleted_at IS NULL ORDER BY dedupe_key')
    .all() as (Omit<TaskView, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

export function tasksOf(ctx: ServiceContext, rule: string): TaskView[] {
  return tasks(ctx).filter((t) => t.rule === rule);
}

export async function tick(ctx: ServiceContext, now: string): Promise<OutputOf<'schedule.run'>> {
  return ok(ctx, 'schedule.run', { now });
}

export async function todos(ctx: ServiceContext, at: string): Promise<Todo[]> {
  return ok(ctx, 'todos.list', { at });
}

export type { TestBook };
