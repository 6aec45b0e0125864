/**
 * The scheduler's work for scoring (issues 6 and 7): R6 touch points per RFM tier, and R14 recovery tasks while an
 * account's churn warning lasts. Every expected instant is worked out by hand in the comment next to it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, valueOf } from '../db/temp-book';
import { HandBook } from '../scoring/hand-book';
import { account, ok, openClockBook, tasksOf, tick, type ClockBook } from './helpers';

let tb: ClockBook | null = null;
let hand: HandBook | null = null;
afterEach(async () => {
  await tb?.close();
  await hand?.close();
  tb = null;
  hand = null;
});

/** María's two orders: one in March (no touch points), one shipped Mon 3 Nov and delivered Sat 8 Nov 2025. */
async function mariaWithOrders(book: ClockBook): Promise<{ maria: string; order: string }> {
  const maria = await account(book.ctx, 'María García', 'ES');
  await ok(book.ctx, 'orders.add', { accountId: maria, orderedAt: '2025-03-03', amount: 8_000, currency: 'CNY' });
  const order = await ok(book.ctx, 'orders.add', {
    accountId: maria,
    orderedAt: '2025-11-01',
    amount: 10_000,
    currency: 'CNY',
    shippedOn: '2025-11-03',
    deliveredOn: '2025-11-08',
  });
  return { maria, order: order.id };
}

function touchPoints(book: ClockBook, orderId: string): [string, string, string][] {
  return tasksOf(book.ctx, 'R6')
    .filter((t) => t.source_id === orderId)
    .map((t) => [String(t.details.point), t.due_at, t.status]);
}

describe('R6 touch points per RFM tier', () => {
  it('R6: a VIP account gets its tier’s plan — check-in 3 days and reorder nudge 21 days after delivery', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const { maria, order } = await mariaWithOrders(tb);
    // The only account with orders: R = F = M = 5; first order 245 days ago (not new), last 2 days ago → VIP.
    const snapshot = tb.book.sqlite.prepare('SELECT tier FROM score_snapshots WHERE account_id = ? ORDER BY as_of DESC LIMIT 1').get(maria);
    expect(snapshot).toEqual({ tier: 'VIP' });
    await tick(tb.ctx, '2025-11-03T10:00:00Z');
    // Madrid, CET (UTC+1) in November. Shipping: Mon 3 Nov 08:15 = 07:15Z. Check-in: 8 + 3 = Tue 11 Nov 07:15Z.
    // Reorder: 8 + 21 = Sat 29 Nov → Mon 1 Dec 07:15Z.
    expect(touchPoints(tb, order)).toEqual([
      ['checkin', '2025-11-11T07:15:00Z', 'open'],
      ['reorder', '2025-12-01T07:15:00Z', 'open'],
      ['shipping', '2025-11-03T07:15:00Z', 'open'],
    ]);
    expect(tasksOf(tb.ctx, 'R6')[0]!.details).toMatchObject({ tier: 'VIP', days: 3 });
    expect(await tick(tb.ctx, '2025-11-03T10:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('R6: an account without a score counts as general (check-in +7 d, reorder +30 d)', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const { order } = await mariaWithOrders(tb);
    tb.book.sqlite.prepare('DELETE FROM score_snapshots').run();
    await tick(tb.ctx, '2025-11-03T10:00:00Z');
    // Check-in: 8 + 7 = Sat 15 Nov → Mon 17 Nov 07:15Z. Reorder: 8 + 30 = Mon 8 Dec (Immaculate Conception) → Tue 9 Dec.
    expect(touchPoints(tb, order)).toEqual([
      ['checkin', '2025-11-17T07:15:00Z', 'open'],
      ['reorder', '2025-12-09T07:15:00Z', 'open'],
      ['shipping', '2025-11-03T07:15:00Z', 'open'],
    ]);
    expect(tasksOf(tb.ctx, 'R6')[0]!.details).toMatchObject({ tier: 'general' });
  });

  it('R6: the plan of a tier is the setting touchPoints.<tier>; editing it moves and closes the tasks', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const { order } = await mariaWithOrders(tb);
    await tick(tb.ctx, '2025-11-03T10:00:00Z');
    expect(valueOf(await call(tb.ctx, 'settings.get', { key: 'touchPoints.VIP' }))).toEqual({
      key: 'touchPoints.VIP',
      value: [
        { point: 'shipping', from: 'shipped', days: 0 },
        { point: 'checkin', from: 'delivered', days: 3 },
        { point: 'reorder', from: 'delivered', days: 21 },
      ],
      isDefault: true,
    });
    tb.setClock('2025-11-03T10:05:00Z');
    await ok(tb.ctx, 'settings.set', { key: 'touchPoints.VIP', value: [{ point: 'checkin', from: 'delivered', days: 10 }] });
    expect(await tick(tb.ctx, '2025-11-03T10:05:00Z')).toEqual({ created: 0, updated: 3, overdue: 0 });
    // Check-in: 8 + 10 = Tue 18 Nov 07:15Z; shipping and reorder are no longer in the plan: closed.
    expect(touchPoints(tb, order)).toEqual([
      ['checkin', '2025-11-18T07:15:00Z', 'open'],
      ['reorder', '2025-12-01T07:15:00Z', 'done'],
      ['shipping', '2025-11-03T07:15:00Z', 'done'],
    ]);
  });

  it('R6: a touch-point plan that repeats a point, counts negative days or names an unknown tier is refused', async () => {
    tb = openClockBook('2025-11-03T10:00:00Z');
    const twice = errorOf(
      await call(tb.ctx, 'settings.set', {
        key: 'touchPoints.general',
        value: [
          { point: 'checkin', from: 'delivered', days: 7 },
          { point: 'checkin', from: 'delivered', days: 9 },
        ],
      }),
    );
    expect(twice.code).toBe('invalid_setting');
    const negative = errorOf(await call(tb.ctx, 'settings.set', { key: 'touchPoints.general', value: [{ point: 'checkin', from: 'delivered', days: -1 }] }));
    expect(negative.code).toBe('invalid_setting');
    expect(errorOf(await call(tb.ctx, 'settings.set', { key: 'touchPoints.gold', value: [] })).code).toBe('unknown_setting');
    expect(valueOf(await call(tb.ctx, 'settings.get', { key: 'touchPoints.general' })).isDefault).toBe(true);
  });
});

/** The seeds' U-shaped account: 8–10 → 12–15 t/month, then 5–7 (tests/scoring, R14). */
function uShaped(book: HandBook): string {
  const u = book.account('U-shape');
  const tonnes: Record<string, number> = {
    '2024-03': 9, '2024-04': 8, '2024-05': 10, '2024-06': 9, '2024-07': 8, '2024-08': 10,
    '2024-09': 12, '2024-10': 15, '2024-11': 13, '2024-12': 14, '2025-01': 13, '2025-02': 15,
    '2025-03': 6, '2025-04': 5, '2025-05': 7, '2025-06': 6,
  };
  for (const [month, t] of Object.entries(tonnes)) book.order(u, `${month}-10`, t * 2_000, { quantity: t, unit: 't' });
  return u;
}

async function handBook(now: string): Promise<{ book: HandBook; setClock: (at: string) => void }> {
  const book = await HandBook.open(now);
  let clock = now;
  book.tb.ctx.now = () => clock;
  return { book, setClock: (at) => void (clock = at) };
}

function recovery(book: HandBook): [string, string, string][] {
  return tasksOf(book.tb.ctx, 'R14').map((t) => [String(t.details.step), t.due_at, t.status]);
}

describe('R14 recovery plan through the scheduler', () => {
  it('R14: a churn warning as of Sun 15 Jun 2025 creates its recovery tasks 1, 3, 5 and 30 business days out at the buyer’s morning', async () => {
    const { book } = await handBook('2025-06-15T12:00:00Z');
    hand = book;
    const u = uShaped(book);
    expect((await book.score('2025-06-15')).views.get(u)!.churn.warning).toBe(true);
    expect(await tick(book.tb.ctx, '2025-06-15T12:00:00Z')).toMatchObject({ created: 4 + 1 }); // + R13's review of an active account
    // Madrid (CEST, UTC+2), business days after Sun 15 Jun: Mon 16 (1), Wed 18 (3), Fri 20 (5); 30 business days
    // = six full weeks from Mon 16 Jun → Fri 25 Jul (no national holiday in between). 08:15 CEST = 06:15Z.
    expect(recovery(book)).toEqual([
      ['call_buyer', '2025-06-16T06:15:00Z', 'open'],
      ['check_recovery', '2025-07-25T06:15:00Z', 'open'],
      ['review_account', '2025-06-20T06:15:00Z', 'open'],
      ['tailored_offer', '2025-06-18T06:15:00Z', 'open'],
    ]);
    const [task] = tasksOf(book.tb.ctx, 'R14');
    expect(task).toMatchObject({ source_table: 'accounts', source_id: u, dedupe_key: `R14:account:${u}:2025-06-15:call_buyer`, kind: 'recovery_call_buyer' });
    expect(task!.details).toMatchObject({ warningSince: '2025-06-15', step: 'call_buyer', businessDays: 1 });
    const title = book.db.prepare("SELECT title FROM tasks WHERE rule = 'R14' AND kind = 'recovery_call_buyer'").get();
    expect(title).toEqual({ title: 'Churn warning: call U-shape and ask how business is going' });
    // Idempotent.
    expect(await tick(book.tb.ctx, '2025-06-15T12:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('R14: a recovery task done is not created again while the same warning lasts; the warning clearing dismisses the open ones', async () => {
    const { book, setClock } = await handBook('2025-06-15T12:00:00Z');
    hand = book;
    const u = uShaped(book);
    await book.score('2025-06-15');
    await tick(book.tb.ctx, '2025-06-15T12:00:00Z');
    const call1 = book.db.prepare("SELECT id FROM tasks WHERE rule = 'R14' AND kind = 'recovery_call_buyer'").get() as { id: string };
    setClock('2025-06-16T09:00:00Z');
    await ok(book.tb.ctx, 'tasks.done', { id: call1.id, at: '2025-06-16T09:00:00Z' });

    // A month on, still warning (Apr 5, May 7, Jun 6 t vs the Jan–Mar mean 11.3 t): the warning started 15 Jun, so
    // the same tasks — nothing new, the done one stays done.
    setClock('2025-07-15T12:00:00Z');
    expect((await book.score('2025-07-15')).views.get(u)!.churn.warning).toBe(true);
    await tick(book.tb.ctx, '2025-07-15T12:00:00Z');
    expect(tasksOf(book.tb.ctx, 'R14')).toHaveLength(4);
    expect(recovery(book).map(([step, , status]) => [step, status])).toEqual([
      ['call_buyer', 'done'],
      ['check_recovery', 'open'],
      ['review_account', 'open'],
      ['tailored_offer', 'open'],
    ]);

    // July's 20 t is not 15 % below the Feb–Apr mean (8.7 t): as of 15 Aug no warning. The open tasks are
    // dismissed (by the scheduler, not done by the user); the done one is left alone.
    book.order(u, '2025-07-10', 40_000, { quantity: 20, unit: 't' });
    setClock('2025-08-15T12:00:00Z');
    expect((await book.score('2025-08-15')).views.get(u)!.churn.warning).toBe(false);
    await tick(book.tb.ctx, '2025-08-15T12:00:00Z');
    expect(tasksOf(book.tb.ctx, 'R14')).toHaveLength(4);
    expect(recovery(book).map(([step, , status]) => [step, status])).toEqual([
      ['call_buyer', 'done'],
      ['check_recovery', 'dismissed'],
      ['review_account', 'dismissed'],
      ['tailored_offer', 'dismissed'],
    ]);
    const done = book.db.prepare("SELECT done_at, details FROM tasks WHERE id = ?").get(call1.id) as { done_at: string; details: string };
    expect(done.done_at).toBe('2025-06-16T09:00:00Z');
    expect(JSON.parse(done.details)).not.toHaveProperty('closedBy');
    expect(await tick(book.tb.ctx, '2025-08-15T12:00:00Z')).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('R14: an account that does not warn gets no recovery tasks', async () => {
    const { book } = await handBook('2025-06-15T12:00:00Z');
    hand = book;
    const stable = book.account('Stable');
    for (const month of ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) book.order(stable, `${month}-10`, 4_000, { quantity: 2, unit: 't' });
    await book.score('2025-06-15');
    await tick(book.tb.ctx, '2025-06-15T12:00:00Z');
    expect(tasksOf(book.tb.ctx, 'R14')).toEqual([]);
  });
});
