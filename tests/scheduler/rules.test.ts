/**
 * The scheduler's rules on real books (issue 6). Every expected instant is worked out by hand in the comment next
 * to it (buyer's zone, weekend, holidays), not computed by the code under test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, snapshot } from '../db/temp-book';
import { account, ok, openClockBook, tasks, tasksOf, tick, todos, type ClockBook } from './helpers';

let tb: ClockBook;
afterEach(async () => {
  await tb.close();
});

const items = [{ product: 'LED panel', quantity: 100, unit: 'pc', unitPrice: 12 }];

describe('R1 first-response SLA', () => {
  it('R1: a website inquiry from Madrid is due 2 h after receipt and lands best at her next morning', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    // Mon 2025-03-31 10:00Z = 12:00 Madrid (CEST). Website SLA 2 h elapsed → 12:00Z. Next 08:15 Madrid strictly
    // after receipt: Tue 2025-04-01 08:15 CEST = 06:15Z.
    const inquiry = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
    expect(await tick(tb.ctx, '2025-03-31T10:05:00Z')).toEqual({ created: 1, updated: 0, overdue: 0 });
    const [task] = tasksOf(tb.ctx, 'R1');
    expect(task).toMatchObject({ source_table: 'inquiries', source_id: inquiry.id, dedupe_key: `R1:inquiry:${inquiry.id}`, due_at: '2025-03-31T12:00:00Z', status: 'open' });
    expect(task!.details).toMatchObject({ replyBy: '2025-03-31T12:00:00Z', landsBestAt: '2025-04-01T06:15:00Z', slaHours: 2, halved: false });
  });

  it('R1: the SLA per source; urgency ≥ 4 or the priority channel halves it, and they do not stack', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    const vip = (await ok(tb.ctx, 'accounts.add', { name: 'Fast Buyer', country: 'ES', priorityChannel: true })).id;
    const at = '2025-03-31T10:00:00Z';
    const email = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'email', receivedAt: at }); // 4 h → 14:00Z
    const fair = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'fair', receivedAt: at }); // 24 h → Tue 10:00Z
    // (A third inquiry from María within 48 h would earn her the priority channel, R4: Luis sends this one.)
    const luis = await account(tb.ctx, 'Luis Pérez', 'ES');
    const urgent = await ok(tb.ctx, 'inquiries.add', { accountId: luis, source: 'website', receivedAt: at, urgency: 4 }); // 2/2 → 11:00Z
    const both = await ok(tb.ctx, 'inquiries.add', { accountId: vip, source: 'marketplace', receivedAt: at, urgency: 5 }); // 1/2 → 10:30Z
    await tick(tb.ctx, '2025-03-31T10:00:00Z');
    const due = new Map(tasksOf(tb.ctx, 'R1').map((t) => [t.source_id, t.due_at]));
    expect(due.get(email.id)).toBe('2025-03-31T14:00:00Z');
    expect(due.get(fair.id)).toBe('2025-04-01T10:00:00Z');
    expect(due.get(urgent.id)).toBe('2025-03-31T11:00:00Z');
    expect(due.get(both.id)).toBe('2025-03-31T10:30:00Z');
  });

  it('R1: with slaCountsBusinessHours the SLA counts the buyer’s 09:00–18:00 window', async () => {
    tb = openClockBook();
    await ok(tb.ctx, 'settings.set', { key: 'slaCountsBusinessHours', value: true });
    const maria = await account(tb.ctx, 'María García', 'ES');
    // Fri 2025-04-04 15:00Z = 17:00 Madrid; e-mail 4 business hours: 1 h on Friday (17–18), 3 h from Monday
    // 2025-04-07 09:00 → 12:00 CEST = 10:00Z.
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'email', receivedAt: '2025-04-04T15:00:00Z' });
    await tick(tb.ctx, '2025-04-04T15:00:00Z');
    expect(tasksOf(tb.ctx, 'R1')[0]!.due_at).toBe('2025-04-07T10:00:00Z');
  });

  it('R1: the task closes (done at the reply) once the inquiry is answered', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    const inquiry = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
    await tick(tb.ctx, '2025-03-31T10:00:00Z');
    tb.setClock('2025-03-31T10:30:00Z');
    await ok(tb.ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-03-31T10:20:00Z' });
    expect(await tick(tb.ctx, '2025-03-31T10:30:00Z')).toEqual({ created: 0, updated: 1, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R1')[0]).toMatchObject({ status: 'done', done_at: '2025-03-31T10:20:00Z' });
  });

  it('R1: an inquiry answered before it was received stops the tick, which writes nothing', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    const inquiry = await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
    tb.book.sqlite.prepare("UPDATE inquiries SET first_reply_at = '2025-03-31T09:00:00Z' WHERE id = ?").run(inquiry.id);
    const before = snapshot(tb.book.sqlite);
    const error = errorOf(await call(tb.ctx, 'schedule.run', { now: '2025-03-31T10:00:00Z' }));
    expect(error.code).toBe('invalid_state');
    expect(error.message).toContain(inquiry.id);
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });
});

describe('R2 follow-ups at the buyer’s morning', () => {
  it('R2: María — quote sent 2023-08-12T01:47Z (Sat 03:47 Madrid) → 3 business days later at 08:15 Madrid', async () => {
    tb = openClockBook('2023-08-12T02:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    const quote = await ok(tb.ctx, 'quotes.add', { accountId: maria, currency: 'CNY', quoteDate: '2023-08-11', validity: { strategy: 'fixed', days: 60 }, items });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2023-08-12T01:47:00Z' });
    await tick(tb.ctx, '2023-08-12T02:00:00Z');
    // Business days after Sat 12 Aug: Mon 14 (1), Tue 15 is Assumption Day (a national holiday in Spain),
    // Wed 16 (2), Thu 17 (3) → 2023-08-17 08:15 CEST = 06:15Z.
    expect(tasksOf(tb.ctx, 'R2')).toEqual([
      expect.objectContaining({ source_table: 'quotes', source_id: quote.id, dedupe_key: `R2:quote:${quote.id}`, due_at: '2023-08-17T06:15:00Z' }),
    ]);
  });

  it('R2: an outgoing message awaiting a reply gets a follow-up, closed when the buyer answers first', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    // Sent Mon 2025-03-31 10:00Z → Tue 1 (1), Wed 2 (2), Thu 3 Apr (3) at 08:15 CEST = 06:15Z.
    const message = await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'out', occurredAt: '2025-03-31T10:00:00Z', awaitsReply: true });
    await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'note', direction: 'out', occurredAt: '2025-03-31T10:00:00Z' });
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 1, updated: 0, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R2')[0]).toMatchObject({ source_table: 'interactions', source_id: message.id, due_at: '2025-04-03T06:15:00Z', status: 'open' });
    tb.setClock('2025-04-01T09:00:00Z');
    await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'in', occurredAt: '2025-04-01T08:30:00Z' });
    expect(await tick(tb.ctx, '2025-04-01T09:00:00Z')).toEqual({ created: 0, updated: 1, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R2')[0]).toMatchObject({ status: 'done', done_at: '2025-04-01T08:30:00Z' });
  });

  it('R2: no follow-up for a quote the buyer already answered; the expiry reminders stay', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    const quote = await ok(tb.ctx, 'quotes.add', { accountId: maria, currency: 'CNY', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 30 }, items });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2025-03-01T10:00:00Z' });
    await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'in', occurredAt: '2025-03-02T10:00:00Z' });
    await tick(tb.ctx, '2025-03-03T10:00:00Z');
    expect(tasksOf(tb.ctx, 'R2')).toEqual([]);
    expect(tasksOf(tb.ctx, 'R7')).toHaveLength(2);
  });
});

describe('R4 priority channel', () => {
  it('R4: three inquiries each < 48 h after the previous set the flag; the third already gets the halved SLA', async () => {
    tb = openClockBook('2025-03-05T08:30:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    for (const at of ['2025-03-01T10:00:00Z', '2025-03-03T09:00:00Z', '2025-03-05T08:00:00Z']) {
      await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: at }); // gaps 47 h, 47 h
    }
    const run = await tick(tb.ctx, '2025-03-05T08:30:00Z');
    expect((await ok(tb.ctx, 'accounts.get', { id: maria })).priorityChannel).toBe(true);
    expect(run.created).toBe(3);
    // The first two keep 2 h; the third (08:00Z) is halved to 1 h → 09:00Z.
    expect(tasksOf(tb.ctx, 'R1').map((t) => t.due_at).sort()).toEqual(['2025-03-01T12:00:00Z', '2025-03-03T11:00:00Z', '2025-03-05T09:00:00Z']);
  });

  it('R4: a gap of 49 h breaks the run: no flag', async () => {
    tb = openClockBook('2025-03-06T08:30:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    for (const at of ['2025-03-01T10:00:00Z', '2025-03-03T09:00:00Z', '2025-03-05T10:00:00Z']) {
      await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: at }); // gaps 47 h, 49 h
    }
    await tick(tb.ctx, '2025-03-06T08:30:00Z');
    expect((await ok(tb.ctx, 'accounts.get', { id: maria })).priorityChannel).toBe(false);
  });
});

describe('R7 expiry reminders', () => {
  it('R7: fixed — valid through Mon 2025-03-31 in Madrid: reminders 1 and 3 business days before, across the DST change', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    const quote = await ok(tb.ctx, 'quotes.add', { accountId: maria, currency: 'CNY', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 30 }, items });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2025-03-01T10:00:00Z' });
    await tick(tb.ctx, '2025-03-03T10:00:00Z');
    // Expires at 2025-04-01 00:00 CEST = 2025-03-31T22:00Z. 1 business day before: Mon 31 Mar 08:15 CEST = 06:15Z.
    // 3 business days before: Mon 31 (1), Fri 28 (2), Thu 27 Mar (3), 08:15 CET (before DST) = 07:15Z.
    expect(tasksOf(tb.ctx, 'R7').map((t) => [t.dedupe_key, t.due_at, t.details.expiresAt])).toEqual([
      [`R7:quote:${quote.id}:1`, '2025-03-31T06:15:00Z', '2025-03-31T22:00:00Z'],
      [`R7:quote:${quote.id}:3`, '2025-03-27T07:15:00Z', '2025-03-31T22:00:00Z'],
    ]);
    // R2 for the same quote: sent Sat 1 Mar → Mon 3 (1), Tue 4 (2), Wed 5 (3) 08:15 CET = 07:15Z.
    expect(tasksOf(tb.ctx, 'R2')[0]!.due_at).toBe('2025-03-05T07:15:00Z');
  });

  it('R7: FX-sensitive — valid through Thu 2025-03-13 (10 days), reminders Thu 13 and Tue 11 at 08:15 Madrid', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'fx.add', { date: '2025-03-03', currency: 'EUR', rate: 7.8 });
    const quote = await ok(tb.ctx, 'quotes.add', { accountId: maria, currency: 'EUR', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 10 }, items });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2025-03-03T10:00:00Z' });
    await tick(tb.ctx, '2025-03-03T10:00:00Z');
    expect(tasksOf(tb.ctx, 'R7').map((t) => t.due_at)).toEqual(['2025-03-13T07:15:00Z', '2025-03-11T07:15:00Z']);
  });

  it('R7: staged — the current stage (design, valid through Fri 2025-05-09) drives the reminders, New York time', async () => {
    tb = openClockBook('2025-05-01T14:00:00Z');
    const acme = await account(tb.ctx, 'Acme Lighting', 'US', 'America/New_York');
    const quote = await ok(tb.ctx, 'quotes.add', {
      accountId: acme,
      currency: 'USD',
      quoteDate: '2025-05-01',
      validity: { strategy: 'staged', stages: [{ name: 'design', validThrough: '2025-05-09' }, { name: 'mass production', validThrough: '2025-06-30' }] },
      items,
    });
    await ok(tb.ctx, 'fx.add', { date: '2025-05-01', currency: 'USD', rate: 7.2 });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2025-05-01T14:00:00Z' });
    await tick(tb.ctx, '2025-05-01T14:00:00Z');
    // Fri 9 May 08:15 EDT = 12:15Z; 3 business days before: Fri 9 (1), Thu 8 (2), Wed 7 (3) → 12:15Z.
    expect(tasksOf(tb.ctx, 'R7').map((t) => t.due_at)).toEqual(['2025-05-09T12:15:00Z', '2025-05-07T12:15:00Z']);
  });

  it('R7: periodic — a season ending Wed 2025-12-31 in Shanghai: reminders Dec 31 and Dec 29 at 08:15 +08', async () => {
    tb = openClockBook('2025-12-01T03:00:00Z');
    const hq = await account(tb.ctx, '深圳华强电子', 'CN', 'Asia/Shanghai');
    const quote = await ok(tb.ctx, 'quotes.add', {
      accountId: hq,
      currency: 'CNY',
      quoteDate: '2025-12-01',
      validity: { strategy: 'periodic', seasonName: 'Winter 2025', seasonEndsOn: '2025-12-31' },
      items,
    });
    await ok(tb.ctx, 'quotes.send', { id: quote.id, at: '2025-12-01T02:00:00Z' });
    await tick(tb.ctx, '2025-12-01T03:00:00Z');
    expect(tasksOf(tb.ctx, 'R7').map((t) => t.due_at)).toEqual(['2025-12-31T00:15:00Z', '2025-12-29T00:15:00Z']);
  });

  it('R7: a draft quote gets no reminders', async () => {
    tb = openClockBook('2025-03-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'quotes.add', { accountId: maria, currency: 'CNY', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 30 }, items });
    expect(await tick(tb.ctx, '2025-03-03T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });
});

describe('R15 complaints', () => {
  it('R15: A/B/C response deadlines 2/24/48 h and a 72 h remediation window', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    const opened = '2025-03-31T10:00:00Z';
    const a = await ok(tb.ctx, 'complaints.add', { accountId: maria, grade: 'A', subject: 'Broken panels', openedAt: opened });
    const b = await ok(tb.ctx, 'complaints.add', { accountId: maria, grade: 'B', subject: 'Late docs', openedAt: opened });
    const c = await ok(tb.ctx, 'complaints.add', { accountId: maria, grade: 'C', subject: 'Label typo', openedAt: opened });
    expect(await tick(tb.ctx, opened)).toEqual({ created: 6, updated: 0, overdue: 0 });
    const due = new Map(tasksOf(tb.ctx, 'R15').map((t) => [t.dedupe_key, t.due_at]));
    expect(due.get(`R15:complaint:${a.id}:response`)).toBe('2025-03-31T12:00:00Z');
    expect(due.get(`R15:complaint:${b.id}:response`)).toBe('2025-04-01T10:00:00Z');
    expect(due.get(`R15:complaint:${c.id}:response`)).toBe('2025-04-02T10:00:00Z');
    for (const complaint of [a, b, c]) expect(due.get(`R15:complaint:${complaint.id}:remediation`)).toBe('2025-04-03T10:00:00Z');
  });

  it('R15: an overdue complaint escalates on the board; responding closes the response task, resolving the rest', async () => {
    tb = openClockBook();
    const maria = await account(tb.ctx, 'María García', 'ES');
    const a = await ok(tb.ctx, 'complaints.add', { accountId: maria, grade: 'A', subject: 'Broken panels', openedAt: '2025-03-31T10:00:00Z' });
    await tick(tb.ctx, '2025-03-31T10:00:00Z');
    expect(await tick(tb.ctx, '2025-03-31T13:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 1 });
    const board = await todos(tb.ctx, '2025-03-31T13:00:00Z');
    expect(board[0]).toMatchObject({ rule: 'R15', status: 'overdue', title: 'Escalated: Respond to the grade A complaint from María García' });
    await ok(tb.ctx, 'settings.set', { key: 'language', value: 'zh-CN' });
    expect((await todos(tb.ctx, '2025-03-31T13:00:00Z'))[0]!.title).toBe('已升级：响应 María García 的 A 级投诉');
    await ok(tb.ctx, 'settings.set', { key: 'language', value: 'en' });
    tb.setClock('2025-03-31T14:00:00Z');
    await ok(tb.ctx, 'complaints.respond', { id: a.id, at: '2025-03-31T13:30:00Z' });
    await tick(tb.ctx, '2025-03-31T14:00:00Z');
    expect(tasksOf(tb.ctx, 'R15').map((t) => [t.kind, t.status])).toEqual([
      ['complaint_remediation', 'open'],
      ['complaint_response', 'done'],
    ]);
    tb.setClock('2025-04-02T09:00:00Z');
    await ok(tb.ctx, 'complaints.resolve', { id: a.id, at: '2025-04-02T08:00:00Z' });
    expect(await tick(tb.ctx, '2025-04-02T09:00:00Z')).toEqual({ created: 0, updated: 1, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R15').every((t) => t.status === 'done')).toBe(true);
  });
});

describe('tick', () => {
  async function busyBook(): Promise<ClockBook> {
    const book = openClockBook('2025-03-31T10:00:00Z');
    const maria = await account(book.ctx, 'María García', 'ES');
    await ok(book.ctx, 'inquiries.add', { accountId: maria, source: 'email', receivedAt: '2025-03-31T09:00:00Z' });
    await ok(book.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'out', occurredAt: '2025-03-31T09:30:00Z', awaitsReply: true });
    const quote = await ok(book.ctx, 'quotes.add', { accountId: maria, currency: 'CNY', quoteDate: '2025-03-31', validity: { strategy: 'fixed', days: 14 }, items });
    await ok(book.ctx, 'quotes.send', { id: quote.id, at: '2025-03-31T09:45:00Z' });
    await ok(book.ctx, 'complaints.add', { accountId: maria, grade: 'B', subject: 'Late docs', openedAt: '2025-03-31T08:00:00Z' });
    return book;
  }

  it('is idempotent: a second tick at the same instant changes nothing', async () => {
    tb = await busyBook();
    // R1, R2 ×2 (quote, message), R7 ×2, R15 ×2.
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 7, updated: 0, overdue: 0 });
    const after = snapshot(tb.book.sqlite).tasks;
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
    tb.setClock('2025-03-31T10:01:00Z');
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
    expect(snapshot(tb.book.sqlite).tasks).toEqual(after);
  });

  it('after a clock jump of a week: one pass marks what is overdue, no duplicates; the next pass changes nothing', async () => {
    tb = await busyBook();
    await tick(tb.ctx, '2025-03-31T10:00:00Z');
    tb.setClock('2025-04-07T10:00:00Z');
    // Overdue by Mon 7 Apr 10:00Z: R1 (13:00Z 31 Mar), R2 ×2 (Thu 3 Apr), R15 response (Tue 1 Apr 08:00Z) and
    // remediation (Thu 3 Apr 08:00Z). R7 (valid through 14 Apr: reminders 10 and 14 Apr) are not yet due.
    expect(await tick(tb.ctx, '2025-04-07T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 5 });
    expect(await tick(tb.ctx, '2025-04-07T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
    const keys = tasks(tb.ctx).map((t) => t.dedupe_key);
    expect(keys).toHaveLength(7);
    expect(new Set(keys).size).toBe(7);
  });

  it('a book first scheduled a week late gets everything in one pass, then nothing', async () => {
    tb = await busyBook();
    expect(await tick(tb.ctx, '2025-04-07T10:00:00Z')).toEqual({ created: 7, updated: 0, overdue: 5 });
    expect(await tick(tb.ctx, '2025-04-07T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('never creates a task due more than scheduleHorizonDays before now', async () => {
    tb = openClockBook('2025-03-31T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    // Due 2025-03-01T12:00Z, 30 days before now: beyond the 7-day horizon.
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-01T10:00:00Z' });
    // Due 2025-03-25T12:00Z: 6 days before now, inside it.
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-03-25T10:00:00Z' });
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 1, updated: 0, overdue: 1 });
    expect(tasksOf(tb.ctx, 'R1').map((t) => t.due_at)).toEqual(['2025-03-25T12:00:00Z']);
    await ok(tb.ctx, 'settings.set', { key: 'scheduleHorizonDays', value: 60 });
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 1, updated: 0, overdue: 1 });
  });

  it('leaves a record dated after now for a later tick', async () => {
    tb = openClockBook('2025-03-31T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'inquiries.add', { accountId: maria, source: 'website', receivedAt: '2025-04-02T10:00:00Z' });
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
    tb.setClock('2025-04-02T11:00:00Z');
    expect(await tick(tb.ctx, '2025-04-02T11:00:00Z')).toEqual({ created: 1, updated: 0, overdue: 0 });
  });

  it('moves an open task when its rule setting changes, but never one the user snoozed', async () => {
    tb = openClockBook('2025-03-31T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'out', occurredAt: '2025-03-31T10:00:00Z', awaitsReply: true });
    await ok(tb.ctx, 'interactions.add', { accountId: maria, kind: 'email', direction: 'out', occurredAt: '2025-03-31T10:00:00Z', awaitsReply: true });
    await tick(tb.ctx, '2025-03-31T10:00:00Z');
    const [first] = await todos(tb.ctx, '2025-03-31T10:00:00Z');
    await ok(tb.ctx, 'tasks.reschedule', { id: first!.id, dueAt: '2025-04-10T07:00:00Z' });
    await ok(tb.ctx, 'settings.set', { key: 'followUpBusinessDays', value: 1 });
    // One business day after Mon 31 Mar 12:00 Madrid: Tue 1 Apr 08:15 CEST = 06:15Z.
    expect(await tick(tb.ctx, '2025-03-31T10:00:00Z')).toEqual({ created: 0, updated: 1, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.due_at).sort()).toEqual(['2025-04-01T06:15:00Z', '2025-04-10T07:00:00Z']);
  });
});

describe('R6 communication calendar after an order', () => {
  it('R6: shipping update, check-in 3 days after delivery, reorder nudge 30 days after — off weekends and holidays (tier new: a first order)', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    const order = await ok(tb.ctx, 'orders.add', {
      accountId: maria,
      orderedAt: '2025-11-01',
      amount: 10_000,
      currency: 'CNY',
      shippedOn: '2025-11-03',
      deliveredOn: '2025-11-08',
    });
    expect(await tick(tb.ctx, '2025-11-03T10:00:00Z')).toMatchObject({ created: 3 + 1 }); // + the R13 review of a now active account
    // Adding the order scored the account: its first order is < 90 days old → tier `new` (check-in +3 d, reorder +30 d).
    // Shipping: Mon 3 Nov 08:15 CET = 07:15Z. Check-in: 8 + 3 = Tue 11 Nov 07:15Z. Reorder: 8 + 30 = Mon 8 Dec,
    // Immaculate Conception (a national holiday in Spain) → Tue 9 Dec 07:15Z.
    expect(tasksOf(tb.ctx, 'R6').map((t) => [t.dedupe_key, t.due_at])).toEqual([
      [`R6:order:${order.id}:checkin`, '2025-11-11T07:15:00Z'],
      [`R6:order:${order.id}:reorder`, '2025-12-09T07:15:00Z'],
      [`R6:order:${order.id}:shipping`, '2025-11-03T07:15:00Z'],
    ]);
    expect(tasksOf(tb.ctx, 'R6')[0]!.details).toMatchObject({ tier: 'new', days: 3 });
  });

  it('R6: two orders of one account on one day, neither with a number, give to-dos that say which order (day and amount); counts of days read "3 days", in en and zh', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    for (const amount of [12_400, 830.5]) {
      await ok(tb.ctx, 'orders.add', { accountId: maria, orderedAt: '2025-11-01', amount, currency: 'CNY', shippedOn: '2025-11-03', deliveredOn: '2025-11-08' });
    }
    await tick(tb.ctx, '2025-11-03T10:00:00Z');
    const titles = (await todos(tb.ctx, '2026-01-31T00:00:00Z')).map((t) => t.title).filter((t) => t.includes('order')).sort();
    expect(titles).toEqual([
      'Check in with María García: order 2025-11-01 (CNY 12,400) was delivered 3 days ago',
      'Check in with María García: order 2025-11-01 (CNY 830.5) was delivered 3 days ago',
      'Reorder nudge for María García (order 2025-11-01 (CNY 12,400) delivered 30 days ago)',
      'Reorder nudge for María García (order 2025-11-01 (CNY 830.5) delivered 30 days ago)',
      'Send María García a shipping update for order 2025-11-01 (CNY 12,400)',
      'Send María García a shipping update for order 2025-11-01 (CNY 830.5)',
    ]);
    expect(new Set(titles).size).toBe(titles.length);
    await ok(tb.ctx, 'settings.set', { key: 'language', value: 'zh-CN' });
    expect((await todos(tb.ctx, '2026-01-31T00:00:00Z')).map((t) => t.title)).toContain('回访 María García：订单 2025-11-01 (CNY 12,400) 已交付 3 天');
  });
});

describe('R13 quarterly health check', () => {
  it('R13: anchored on the account’s creation, no drift (31 Jan → 30 Apr → 31 Jul → 31 Oct → 31 Jan), rolled to a business day', async () => {
    tb = openClockBook('2025-01-31T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES'); // created Fri 31 Jan 2025, 11:00 Madrid
    const idle = await account(tb.ctx, 'Idle Buyer', 'ES'); // no orders: not active, no review
    tb.setClock('2025-02-10T10:00:00Z');
    await ok(tb.ctx, 'orders.add', { accountId: maria, orderedAt: '2025-02-10', amount: 5000, currency: 'CNY' });
    tb.setClock('2025-04-25T10:00:00Z');
    expect(await tick(tb.ctx, '2025-04-25T10:00:00Z')).toEqual({ created: 1, updated: 0, overdue: 0 });
    // Wed 30 Apr 2025 08:15 CEST = 06:15Z.
    expect(tasksOf(tb.ctx, 'R13').map((t) => [t.source_id, t.dedupe_key, t.due_at])).toEqual([[maria, `R13:account:${maria}:2025-04-30`, '2025-04-30T06:15:00Z']]);
    expect(tasks(tb.ctx).some((t) => t.source_id === idle)).toBe(false);
    // A week after the review slipped past the horizon, the next one (Thu 31 Jul, 08:15 CEST = 06:15Z) replaces it.
    tb.setClock('2025-05-08T10:00:00Z');
    expect(await tick(tb.ctx, '2025-05-08T10:00:00Z')).toEqual({ created: 1, updated: 1, overdue: 0 });
    expect(tasksOf(tb.ctx, 'R13').filter((t) => t.status === 'open').map((t) => t.due_at)).toEqual(['2025-07-31T06:15:00Z']);
    // Fri 31 Oct 2025 08:15 CET (after DST) = 07:15Z; then Sat 31 Jan 2026 → Mon 2 Feb 2026 08:15 CET = 07:15Z.
    tb.setClock('2025-10-20T10:00:00Z');
    await tick(tb.ctx, '2025-10-20T10:00:00Z');
    tb.setClock('2026-01-20T10:00:00Z');
    await tick(tb.ctx, '2026-01-20T10:00:00Z');
    expect(tasksOf(tb.ctx, 'R13').map((t) => t.due_at).sort()).toEqual([
      '2025-04-30T06:15:00Z',
      '2025-07-31T06:15:00Z',
      '2025-10-31T07:15:00Z',
      '2026-02-02T07:15:00Z',
    ]);
  });
});

describe('R5 festivals', () => {
  it('R5: a Christmas greeting to a Madrid buyer 3 business days before: Mon 2025-12-22 08:15 CET', async () => {
    tb = openClockBook('2025-12-01T10:00:00Z');
    const maria = await account(tb.ctx, 'María García', 'ES');
    await tick(tb.ctx, '2025-12-01T10:00:00Z');
    // Thu 25 Dec; business days before: Wed 24 (1), Tue 23 (2), Mon 22 (3) → 08:15 CET = 07:15Z.
    expect(tasksOf(tb.ctx, 'R5').map((t) => [t.dedupe_key, t.due_at])).toEqual([[`R5:account:${maria}:christmas:2025`, '2025-12-22T07:15:00Z']]);
    expect((await todos(tb.ctx, '2025-12-01T10:00:00Z'))[0]!.title).toBe('Send María García Christmas greetings');
  });

  it('R5: the Lunar New Year greeting in Shanghai counts the make-up workday Sat 14 Feb 2026', async () => {
    tb = openClockBook('2026-01-20T00:00:00Z');
    await account(tb.ctx, '深圳华强电子', 'CN', 'Asia/Shanghai');
    await tick(tb.ctx, '2026-01-20T00:00:00Z');
    // Tue 17 Feb; before it: Mon 16 and Sun 15 are Spring Festival holidays, Sat 14 a make-up workday (1),
    // Fri 13 (2), Thu 12 (3) → 08:15 +08 = 00:15Z.
    expect(tasksOf(tb.ctx, 'R5').map((t) => t.due_at)).toEqual(['2026-02-12T00:15:00Z']);
  });

  it('R5: Ramadan is a greeting, not a pause — a follow-up due on its first day stays there', async () => {
    tb = openClockBook('2026-02-15T06:00:00Z');
    const buyer = await account(tb.ctx, 'Al Noor Trading', 'SA', 'Asia/Riyadh');
    // Sent Sun 15 Feb 09:00 Riyadh (a business day; the weekend is Fri–Sat) → Mon 16 (1), Tue 17 (2), Wed 18 Feb
    // (3), the first day of Ramadan, 08:15 +03 = 05:15Z.
    await ok(tb.ctx, 'interactions.add', { accountId: buyer, kind: 'message', direction: 'out', occurredAt: '2026-02-15T06:00:00Z', awaitsReply: true });
    await tick(tb.ctx, '2026-02-15T06:00:00Z');
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.due_at)).toEqual(['2026-02-18T05:15:00Z']);
    // The greeting: 3 business days before Wed 18 Feb: Tue 17 (1), Mon 16 (2), Sun 15 (3) at 08:15 +03 = 05:15Z.
    expect(tasksOf(tb.ctx, 'R5').find((t) => t.details.festival === 'ramadan_start')?.due_at).toBe('2026-02-15T05:15:00Z');
  });

  it('R5: a routine follow-up that falls on Nowruz moves past its days (Kabul: a festival the holiday data lacks)', async () => {
    tb = openClockBook('2025-03-17T05:00:00Z');
    const buyer = await account(tb.ctx, 'Herat Carpets', 'AF', 'Asia/Kabul');
    // Sent Mon 17 Mar 09:30 Kabul. Weekend Thu–Fri: Tue 18 (1), Wed 19 (2), Sat 22 (3) — but Nowruz runs
    // 20–23 Mar → Mon 24 Mar 08:15 +04:30 = 03:45Z.
    await ok(tb.ctx, 'interactions.add', { accountId: buyer, kind: 'message', direction: 'out', occurredAt: '2025-03-17T05:00:00Z', awaitsReply: true });
    await tick(tb.ctx, '2025-03-17T05:00:00Z');
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.due_at)).toEqual(['2025-03-24T03:45:00Z']);
  });
});
