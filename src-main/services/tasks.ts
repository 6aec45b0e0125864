import type { ParsedInputOf } from '../contract';
import type { Task } from '../contract/models';
import type { ServiceContext } from './context';

export async function listTasks(ctx: ServiceContext, input: ParsedInputOf<'tasks.list'>): Promise<Task[]> {
  let q = ctx.book.db
    .selectFrom('tasks')
    .leftJoin('accounts', 'accounts.id', 'tasks.account_id')
    .select([
      'tasks.id',
      'tasks.account_id',
      'accounts.name as account_name',
      'tasks.kind',
      'tasks.rule',
      'tasks.source_table',
      'tasks.source_id',
      'tasks.title',
      'tasks.due_at',
      'tasks.status',
      'tasks.snoozed_until',
      'tasks.done_at',
    ])
    .where('tasks.deleted_at', 'is', null);
  if (input.status !== undefined) q = q.where('tasks.status', '=', input.status);
  if (input.accountId !== undefined) q = q.where('tasks.account_id', '=', input.accountId);
  if (input.dueBefore !== undefined) q = q.where('tasks.due_at', '<', input.dueBefore);
  const rows = await q.orderBy('tasks.due_at').orderBy('tasks.id').limit(input.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    kind: r.kind,
    rule: r.rule,
    sourceTable: r.source_table,
    sourceId: r.source_id,
    title: r.title,
    dueAt: r.due_at,
    status: r.status,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
  }));
}
