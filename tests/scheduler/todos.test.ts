/** The to-do board over the scheduler's tasks: buyer-local and the user's time, sorting, done, snooze, reschedule. */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf } from '../db/temp-book';
import { account, ok, openClockBook, tick, todos, type ClockBook } from './helpers';

let tb: ClockBook;
afterEach(async () => {
  await tb.close();
});

async function board(): Promise<{ maria: string; inquiry: string }> {
  const maria = await account(tb.ctx, 'María García', 'ES');
  const inquiry = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
  await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'out', occurredAt: '2025-03-31T10:00:00Z', awaitsReply: true });
  await tick(tb.ctx, '2025-03-31T10:00:00Z');
  return { maria, inquiry: inquiry.id };
}

describe('todos', () => {
  it('lists open to-dos by due instant with the buyer’s local time and the user’s myTimeZone (never the host’s)', async () => {
    tb = openClockBook();
    await ok(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'America/Sao_Paulo' });
    const { maria } = await board();
    expect(await todos(tb.ctx, '2025-03-31T10:00:00Z')).toEqual([
      {
        id: expect.any(String),
        rule: 'R1',
        accountId: maria,
        accountName: 'María García',
        title: 'Reply to the inquiry from María García',
        dueUtc: '2025-03-31T12:00:00Z',
        dueBuyerLocal: '2025-03-31T14:00:00+02:00[Europe/Madrid]',
        dueMyLocal: '2025-03-31T09:00:00-03:00[America/Sao_Paulo]',
        status: 'open',
        source: { table: 'inquiries', id: expect.any(String) },
      },
      {
        id: expect.any(String),
        rule: 'R2',
        accountId: maria,
        accountName: 'María García',
        title: 'Follow up with María García: no answer yet',
        dueUtc: '2025-04-03T06:15:00Z',
        dueBuyerLocal: '2025-04-03T08:15:00+02:00[Europe/Madrid]',
        dueMyLocal: '2025-04-03T03:15:00-03:00[America/Sao_Paulo]',
        status: 'open',
        source: { table: 'interactions', id: expect.any(String) },
      },
    ]);
    const later = await ok(tb.ctx, 'todos.list', { at: '2025-03-31T13:00:00Z', status: 'overdue' });
    expect(later.map((t) => [t.rule, t.status])).toEqual([['R1', 'overdue']]);
    expect((await ok(tb.ctx, 'todos.list', { at: '2025-03-31T13:00:00Z', status: 'open' })).map((t) => t.rule)).toEqual(['R2']);
  });

  it('done, snooze to the buyer’s next business morning, reschedule', async () => {
    tb = openClockBook('2025-04-04T10:00:00Z');
    await board();
    const [r1, r2] = await todos(tb.ctx, '2025-04-04T10:00:00Z');
    // Now Fri 4 Apr 12:00 Madrid: her next business morning is Mon 7 Apr 08:15 CEST = 06:15Z.
    const snoozed = await ok(tb.ctx, 'tasks.snooze', { id: r1!.id });
    expect(snoozed).toMatchObject({ dueUtc: '2025-04-07T06:15:00Z', dueBuyerLocal: '2025-04-07T08:15:00+02:00[Europe/Madrid]', status: 'open' });
    expect((await ok(tb.ctx, 'tasks.snooze', { id: r1!.id, until: '2025-04-08T09:00:00+02:00' })).dueUtc).toBe('2025-04-08T07:00:00Z');
    expect((await ok(tb.ctx, 'tasks.reschedule', { id: r2!.id, dueAt: '2025-04-09T07:00:00Z' })).dueUtc).toBe('2025-04-09T07:00:00Z');
    expect(await ok(tb.ctx, 'tasks.done', { id: r2!.id, at: '2025-04-04T10:30:00Z' })).toMatchObject({ status: 'done' });
    expect(errorOf(await call(tb.ctx, 'tasks.done', { id: r2!.id, at: '2025-04-04T10:31:00Z' })).code).toBe('invalid_state');
    expect(errorOf(await call(tb.ctx, 'tasks.snooze', { id: r1!.id, until: 'tomorrow' as never })).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'tasks.reschedule', { id: '01JP0000000000000000000T99', dueAt: '2025-04-09T07:00:00Z' })).code).toBe('not_found');
    expect((await ok(tb.ctx, 'todos.list', { status: 'done' })).map((t) => t.rule)).toEqual(['R2']);
    // The scheduler leaves snoozed and done tasks where the user put them.
    expect(await tick(tb.ctx, '2025-04-04T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });
});
