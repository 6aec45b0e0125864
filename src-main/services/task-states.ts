/**
 * The user's own state of a to-do, shared by its `dedupe_key` (migrations/0012): the to-dos are derived (each book's
 * scheduler makes its own, with the same keys), what the user did to one — done, snoozed, rescheduled, undone —
 * is a shared record in `task_states` and travels in share files.
 *
 *   recordTaskState  a to-do action writes its state in the same transaction as the task (stamped per field)
 *   applyTaskStates  a merge (for the states it changed) and the scheduler (for a task it has just made) bring a
 *                    book's own tasks in line with the states
 */
import { fieldStampsSql, rowStamps } from '../db/change-stamps';
import type { Sqlite } from '../db/connection';
import type { ServiceContext } from './context';

export interface TaskState {
  status: 'open' | 'done';
  done_at: string | null;
  due_at: string | null;
  snoozed_until: string | null;
}

const STATE_FIELDS = ['status', 'done_at', 'due_at', 'snoozed_until', 'updated_at', 'deleted_at'] as const;

/**
 * Writes the state of the task with this key (none for a task without one). Every action stamps the whole state:
 * when two colleagues act on one to-do without seeing each other's action (one marks it done, the other snoozes
 * it), the later action wins as a whole on every book — never a mix such as "done, but snoozed".
 */
export function recordTaskState(ctx: ServiceContext, key: string | null, state: TaskState): void {
  if (key === null) return;
  const sqlite = ctx.book.sqlite;
  const now = ctx.now();
  const existing = sqlite.prepare('SELECT 1 FROM task_states WHERE id = ?').get(key);
  const stamp = ctx.book.clock.next();
  if (existing === undefined) {
    const stamps = rowStamps(stamp);
    sqlite
      .prepare(
        `INSERT INTO task_states (id, status, done_at, due_at, snoozed_until, created_at, updated_at, row_stamp, field_stamps, last_stamp)
         VALUES (@id, @status, @done_at, @due_at, @snoozed_until, @now, @now, @row_stamp, @field_stamps, @last_stamp)`,
      )
      .run({ id: key, ...state, now, ...stamps });
    return;
  }
  const next: Record<(typeof STATE_FIELDS)[number], string | null> = { ...state, updated_at: now, deleted_at: null };
  const sets = STATE_FIELDS.map((f) => `${f} = @${f}`).join(', ');
  sqlite.prepare(`UPDATE task_states SET ${sets}, ${fieldStampsSql(STATE_FIELDS, '@stamp')} WHERE id = @id`).run({ ...next, stamp, id: key });
}

interface TaskRow {
  id: string;
  status: string;
  due_at: string;
  snoozed_until: string | null;
  details: string;
}

interface StateRow extends TaskState {
  id: string;
}

function closedBySource(details: string): boolean {
  return (JSON.parse(details) as { closedBy?: unknown }).closedBy === 'source';
}

/**
 * Brings each live task whose key has a live state in line with it: done when the state is done (a task its source
 * closed stays as the source left it), open again when the state is open, and at the user's instant when the state
 * holds one. `keys`: the states to apply (all of them when omitted). Returns the earliest due instant it moved a task
 * to (for the overdue scan), or null.
 */
export function applyTaskStates(sqlite: Sqlite, now: string, keys?: readonly string[]): string | null {
  const states = keys
    ? keys.map((k) => sqlite.prepare('SELECT id, status, done_at, due_at, snoozed_until FROM task_states WHERE id = ? AND deleted_at IS NULL').get(k) as StateRow | undefined)
    : (sqlite.prepare('SELECT id, status, done_at, due_at, snoozed_until FROM task_states WHERE deleted_at IS NULL').all() as StateRow[]);
  const task = sqlite.prepare('SELECT id, status, due_at, snoozed_until, details FROM tasks WHERE dedupe_key = ? AND deleted_at IS NULL');
  const done = sqlite.prepare("UPDATE tasks SET status = 'done', done_at = @at, updated_at = @now WHERE id = @id");
  const reopen = sqlite.prepare("UPDATE tasks SET status = 'open', done_at = NULL, updated_at = @now WHERE id = @id");
  const place = sqlite.prepare(
    "UPDATE tasks SET due_at = @due, snoozed_until = @until, details = json_remove(details, '$.overdueAt'), updated_at = @now WHERE id = @id",
  );
  let earliest: string | null = null;
  for (const state of states) {
    if (state === undefined) continue;
    const row = task.get(state.id) as TaskRow | undefined;
    if (row === undefined || row.status === 'dismissed') continue;
    if (state.status === 'done') {
      if (row.status === 'open') done.run({ at: state.done_at ?? now, now, id: row.id });
      continue;
    }
    if (row.status === 'done') {
      if (closedBySource(row.details)) continue;
      reopen.run({ now, id: row.id });
    }
    const due = state.snoozed_until ?? state.due_at ?? row.due_at;
    if (row.snoozed_until !== state.snoozed_until || row.due_at !== due) {
      place.run({ due, until: state.snoozed_until, now, id: row.id });
      if (earliest === null || due < earliest) earliest = due;
    }
  }
  return earliest;
}
