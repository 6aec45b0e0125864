/**
 * What a user does to a to-do travels in share files (issue 11, item 1: "tasks' user-set fields"). The to-dos are
 * derived — each book's scheduler makes its own, with the same keys — so a colleague's "done" or "snoozed" arrives
 * as a task state (task_states) and lands on this book's to-do with the same key: at once when the to-do exists,
 * or when the scheduler makes it. Real books in temp dirs, real share files.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

const NOW = '2025-03-15T09:00:00Z';
let a: TestBook;
let b: TestBook;
let c: TestBook;
let fileNo = 0;

interface TaskRow {
  id: string;
  status: string;
  due_at: string;
  snoozed_until: string | null;
  done_at: string | null;
}

const taskOf = (tb: TestBook, key: string) =>
  tb.book.sqlite.prepare('SELECT id, status, due_at, snoozed_until, done_at FROM tasks WHERE dedupe_key = ? AND deleted_at IS NULL').get(key) as
    | TaskRow
    | undefined;

/** `from`'s whole book as a share file, merged into `into`; returns the merge report. */
async function pass(from: TestBook, into: TestBook) {
  const file = path.join(from.dir, `share-${++fileNo}.tbshare`);
  valueOf(await call(from.ctx, 'share.export', { out: file }));
  return valueOf(await call(into.ctx, 'share.merge', { file, dryRun: false }));
}

let first: string;
let second: string;

beforeAll(async () => {
  a = openTestBook(NOW);
  b = openTestBook(NOW);
  c = openTestBook(NOW);
  const buyer = valueOf(await call(a.ctx, 'accounts.add', { name: 'Textiles Ruiz S.L.', country: 'ES', city: 'Madrid' })) as Account;
  const other = valueOf(await call(a.ctx, 'accounts.add', { name: 'Nordhafen GmbH', country: 'DE', city: 'Hamburg' })) as Account;
  const one = valueOf(await call(a.ctx, 'inquiries.add', { accountId: buyer.id, source: 'email', receivedAt: '2025-03-14T02:47:00Z' }));
  const two = valueOf(await call(a.ctx, 'inquiries.add', { accountId: other.id, source: 'website', receivedAt: '2025-03-14T03:10:00Z' }));
  first = `R1:inquiry:${one.id}`;
  second = `R1:inquiry:${two.id}`;
  valueOf(await call(a.ctx, 'schedule.run', { now: NOW }));
  await pass(a, b);
  valueOf(await call(b.ctx, 'schedule.run', { now: NOW }));
});
afterAll(async () => {
  for (const tb of [a, b, c]) await tb.close();
});

describe('to-do states shared by file', () => {
  it("a colleague's done and snooze land on this book's own to-dos with the same keys", async () => {
    const [mineFirst, mineSecond] = [taskOf(b, first)!, taskOf(b, second)!];
    expect(mineFirst.status).toBe('open');
    expect(mineFirst.id).not.toBe(taskOf(a, first)!.id);

    valueOf(await call(a.ctx, 'tasks.done', { id: taskOf(a, first)!.id, at: '2025-03-15T08:30:00Z' }));
    const snoozed = valueOf(await call(a.ctx, 'tasks.snooze', { id: taskOf(a, second)!.id, until: '2025-03-18T08:00:00Z' }));
    expect(snoozed.dueUtc).toBe('2025-03-18T08:00:00Z');

    const report = await pass(a, b);
    expect(report.tables.task_states).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(taskOf(b, first)).toMatchObject({ id: mineFirst.id, status: 'done', done_at: '2025-03-15T08:30:00Z' });
    expect(taskOf(b, second)).toMatchObject({ id: mineSecond.id, status: 'open', due_at: '2025-03-18T08:00:00Z', snoozed_until: '2025-03-18T08:00:00Z' });

    // The scheduler's next tick keeps what the user did: it reopens nothing and moves no snoozed to-do.
    valueOf(await call(b.ctx, 'schedule.run', { now: NOW }));
    expect(taskOf(b, first)!.status).toBe('done');
    expect(taskOf(b, second)!.due_at).toBe('2025-03-18T08:00:00Z');
    const board = valueOf(await call(b.ctx, 'todos.list', { limit: 50 }));
    expect(board.map((t) => t.id)).not.toContain(mineFirst.id);
  });

  it('an undo travels back, and the same file merged again changes nothing', async () => {
    valueOf(await call(b.ctx, 'tasks.reopen', { id: taskOf(b, first)!.id }));
    const report = await pass(b, a);
    expect(report.tables.task_states!.updated).toBe(1);
    expect(taskOf(a, first)).toMatchObject({ status: 'open', done_at: null });

    const file = path.join(b.dir, 'again.tbshare');
    valueOf(await call(b.ctx, 'share.export', { out: file }));
    valueOf(await call(a.ctx, 'share.merge', { file, dryRun: false }));
    const dump = JSON.stringify(a.book.sqlite.prepare('SELECT * FROM tasks ORDER BY id').all());
    const again = valueOf(await call(a.ctx, 'share.merge', { file, dryRun: false }));
    expect(again.added + again.updated).toBe(0);
    expect(JSON.stringify(a.book.sqlite.prepare('SELECT * FROM tasks ORDER BY id').all())).toBe(dump);
  });

  it('a state that arrives before its to-do exists is applied when the scheduler makes the to-do', async () => {
    await pass(a, c);
    expect(taskOf(c, second)).toBeUndefined();
    valueOf(await call(c.ctx, 'schedule.run', { now: NOW }));
    expect(taskOf(c, second)).toMatchObject({ status: 'open', due_at: '2025-03-18T08:00:00Z', snoozed_until: '2025-03-18T08:00:00Z' });
    expect(taskOf(c, first)).toMatchObject({ status: 'open' });
  });

  it('two colleagues acting on one to-do unknowingly: the later action wins as a whole, on every book alike', async () => {
    // A marks the first to-do done; later, B (who has not seen it) snoozes it. Both files cross.
    valueOf(await call(a.ctx, 'tasks.done', { id: taskOf(a, first)!.id, at: '2025-03-15T08:40:00Z' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    valueOf(await call(b.ctx, 'tasks.snooze', { id: taskOf(b, first)!.id, until: '2025-03-19T08:00:00Z' }));
    const fromA = path.join(a.dir, 'cross-a.tbshare');
    const fromB = path.join(b.dir, 'cross-b.tbshare');
    valueOf(await call(a.ctx, 'share.export', { out: fromA }));
    valueOf(await call(b.ctx, 'share.export', { out: fromB }));
    valueOf(await call(a.ctx, 'share.merge', { file: fromB, dryRun: false }));
    valueOf(await call(b.ctx, 'share.merge', { file: fromA, dryRun: false }));
    const state = (tb: TestBook) => tb.book.sqlite.prepare('SELECT status, done_at, due_at, snoozed_until, row_stamp, field_stamps, last_stamp FROM task_states WHERE id = ?').get(first);
    expect(state(a)).toEqual(state(b));
    // The later action is B's snooze: the to-do is open again on A, at B's instant — not "done, but snoozed".
    expect(taskOf(a, first)).toMatchObject({ status: 'open', due_at: '2025-03-19T08:00:00Z' });
    expect(taskOf(b, first)).toMatchObject({ status: 'open', due_at: '2025-03-19T08:00:00Z' });
  });
});
