/**
 * Receivables (回款, issue 12): payments against orders (full or partial, dated), the aged list in the base
 * currency, the health score's overdue input reading the same numbers, the payment reminders at the buyer's
 * morning, bad payments refused with nothing written, and payments travelling in share files.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { agingBucket, daysOverdue, paymentReminders } from '../../src-main/domain/receivables/aging';
import { createBusinessCalendar } from '../../src-main/domain/time';
import { DEFAULT_TOUCH_POINTS, type RuleSettings } from '../../src-main/domain/schedule/rules';
import { errorOf, openTestBook, rowCount, valueOf, type TestBook } from '../db/temp-book';

const NOW = '2025-06-30T09:00:00Z';

describe('receivables: aging and reminders (pure)', () => {
  it('receivables: due today is not yet due; 1–30, 31–60, 61–90 and over 90 days late; no due date apart', () => {
    const cases: [string | null, string][] = [
      ['2025-06-30', 'not_due'],
      ['2025-07-30', 'not_due'],
      ['2025-06-29', 'days_1_30'],
      ['2025-05-31', 'days_1_30'],
      ['2025-05-30', 'days_31_60'],
      ['2025-05-01', 'days_31_60'],
      ['2025-04-30', 'days_61_90'],
      ['2025-04-01', 'days_61_90'],
      ['2025-03-31', 'days_over_90'],
      [null, 'no_due_date'],
    ];
    for (const [due, bucket] of cases) expect(agingBucket(daysOverdue(due, '2025-06-30')), String(due)).toBe(bucket);
    expect(daysOverdue('2024-02-28', '2024-03-01')).toBe(2); // a leap year
  });

  it('receivables: reminders N days before (moved back to a business day) and on the day, at the buyer’s morning', () => {
    const settings: RuleSettings = {
      buyerMorning: '08:15',
      businessWindow: '09:00-18:00',
      slaHours: { website: 2, email: 4, marketplace: 1, fair: 24, referral: 4, phone: 1 },
      slaCountsBusinessHours: false,
      followUpBusinessDays: 3,
      expiryReminderBusinessDays: [3, 1],
      scheduleHorizonDays: 7,
      touchPoints: DEFAULT_TOUCH_POINTS,
      paymentReminderDays: 3,
    };
    const calendar = createBusinessCalendar([]);
    // Due Tuesday 1 July 2025 in Madrid (CEST, UTC+2): 3 days before is Saturday 28 June → Friday 27 June.
    const madrid = { zone: 'Europe/Madrid', country: 'ES' };
    const [before, due] = paymentReminders(calendar, settings, madrid, '2025-07-01', 3);
    expect(new Date(before!.dueMs).toISOString()).toBe('2025-06-27T06:15:00.000Z');
    expect(new Date(due!.dueMs).toISOString()).toBe('2025-07-01T06:15:00.000Z');
    // 0: only on the day. New York in winter (UTC−5).
    const ny = paymentReminders(calendar, settings, { zone: 'America/New_York', country: 'US' }, '2025-12-10', 0);
    expect(ny.map((r) => [r.when, new Date(r.dueMs).toISOString()])).toEqual([['due', '2025-12-10T13:15:00.000Z']]);
  });
});

describe('receivables: payments and the aged list (real book)', () => {
  let tb: TestBook;
  beforeEach(() => {
    tb = openTestBook(NOW);
  });
  afterEach(async () => {
    await tb.close();
  });

  async function setUp() {
    valueOf(await call(tb.ctx, 'fx.add', { date: '2025-06-01', currency: 'EUR', rate: 7.8 }));
    const madrid = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' }));
    const lyon = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Lumière Lyon SARL', country: 'FR' }));
    const order = async (accountId: string, orderedAt: string, amount: number, extra: Record<string, unknown> = {}) =>
      valueOf(await call(tb.ctx, 'orders.add', { accountId, orderedAt, amount, currency: 'CNY', ...extra }));
    const a = await order(madrid.id, '2025-04-01', 10_000, { number: 'A', dueOn: '2025-05-01' }); // 60 days late
    const b = await order(madrid.id, '2025-06-01', 1_000, { number: 'B', currency: 'EUR', dueOn: '2025-07-01' }); // due tomorrow
    const c = await order(madrid.id, '2025-01-10', 5_000, { number: 'C', dueOn: '2025-02-10' }); // 140 days late
    const d = await order(madrid.id, '2025-06-10', 2_000, { number: 'D', dueOn: '2025-06-25', paidOn: '2025-06-20' }); // settled
    const e = await order(lyon.id, '2025-06-15', 3_000, { number: 'E' }); // no due date
    return { madrid, lyon, a, b, c, d, e };
  }

  it('receivables: the aged list in base currency; a partial payment reduces an order, a full one closes it', async () => {
    const { madrid, a, b } = await setUp();
    let report = valueOf(await call(tb.ctx, 'receivables.list', {}));
    expect(report.asOf).toBe('2025-06-30');
    expect(report.baseCurrency).toBe('CNY');
    expect(Object.fromEntries(report.buckets.map((x) => [x.bucket, [x.count, x.outstandingBase]]))).toEqual({
      not_due: [1, 7_800],
      days_1_30: [0, 0],
      days_31_60: [1, 10_000],
      days_61_90: [0, 0],
      days_over_90: [1, 5_000],
      no_due_date: [1, 3_000],
    });
    expect(report.total).toEqual({ count: 4, outstandingBase: 25_800, overdueBase: 15_000 });
    expect(report.overdueByAccount).toEqual([{ accountId: madrid.id, accountName: 'Iluminación Castilla S.L.', count: 2, overdueBase: 15_000, maxDaysOverdue: 140 }]);
    expect(report.rows.map((r) => [r.number, r.daysOverdue, r.bucket])).toEqual([
      ['C', 140, 'days_over_90'],
      ['A', 60, 'days_31_60'],
      ['B', -1, 'not_due'],
      ['E', null, 'no_due_date'],
    ]);

    const partial = valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-01', amount: 4_000, note: 'wire 1 of 2' }));
    expect(partial).toMatchObject({ orderId: a.id, paidOn: '2025-06-01', amount: 4_000, currency: 'CNY', note: 'wire 1 of 2' });
    report = valueOf(await call(tb.ctx, 'receivables.list', { accountId: madrid.id }));
    expect(report.rows.find((r) => r.orderId === a.id)).toMatchObject({ amount: 10_000, paid: 4_000, outstanding: 6_000, outstandingBase: 6_000, lastPaidOn: '2025-06-01' });
    expect(report.total.overdueBase).toBe(11_000);

    // The EUR order: paid in euros, shown in yuan at the order's rate.
    valueOf(await call(tb.ctx, 'payments.add', { orderId: b.id, paidOn: '2025-06-30', amount: 250 }));
    report = valueOf(await call(tb.ctx, 'receivables.list', { bucket: 'not_due' }));
    expect(report.rows).toMatchObject([{ orderId: b.id, currency: 'EUR', outstanding: 750, outstandingBase: 5_850 }]);

    // The rest of A (default date: today) settles it: it leaves the list and its settled date is the last payment's.
    valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, amount: 6_000 }));
    report = valueOf(await call(tb.ctx, 'receivables.list', {}));
    expect(report.rows.map((r) => r.number)).toEqual(['C', 'B', 'E']);
    const settled = tb.book.sqlite.prepare('SELECT paid_amount, paid_in_full_on, settled_on FROM orders WHERE id = ?').get(a.id);
    expect(settled).toEqual({ paid_amount: 10_000, paid_in_full_on: '2025-06-30', settled_on: '2025-06-30' });
    expect(valueOf(await call(tb.ctx, 'payments.list', { orderId: a.id })).map((p) => [p.paidOn, p.amount])).toEqual([
      ['2025-06-01', 4_000],
      ['2025-06-30', 6_000],
    ]);

    // A payment recorded by mistake is deleted: the order owes it again.
    const [, second] = valueOf(await call(tb.ctx, 'payments.list', { orderId: a.id }));
    valueOf(await call(tb.ctx, 'payments.delete', { id: second!.id }));
    report = valueOf(await call(tb.ctx, 'receivables.list', {}));
    expect(report.rows.find((r) => r.orderId === a.id)?.outstanding).toBe(6_000);
    expect(errorOf(await call(tb.ctx, 'payments.delete', { id: second!.id })).code).toBe('invalid_state');
  });

  it('receivables: the health score’s overdue input reads the same numbers, today and as of a past day', async () => {
    const { madrid, a } = await setUp();
    const overdueLine = async (asOf: string) => {
      const lines = valueOf(await call(tb.ctx, 'scores.explain', { accountId: madrid.id, asOf })).lines;
      return lines.find((l) => l.includes('overdue ='));
    };
    expect(await overdueLine('2025-06-30')).toContain('15,000 CNY overdue');
    valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-01', amount: 4_000 }));
    const list = valueOf(await call(tb.ctx, 'receivables.list', { accountId: madrid.id }));
    expect(list.total.overdueBase).toBe(11_000);
    expect(await overdueLine('2025-06-30')).toContain('11,000 CNY overdue');
    // On 15 May the payment of 1 June had not come: A still owed all of it.
    expect(await overdueLine('2025-05-15')).toContain('15,000 CNY overdue');
    // Paid in full late (after the due date): settled, so no longer overdue, and not on time either.
    valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-20', amount: 6_000 }));
    expect(await overdueLine('2025-06-30')).toContain('5,000 CNY overdue');
    expect(await overdueLine('2025-06-10')).toContain('11,000 CNY overdue');
  });

  it('receivables: bad payments are clear errors in the user’s language and write nothing', async () => {
    const { a, d } = await setUp();
    valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-01', amount: 4_000 }));
    const before = rowCount(tb.book.sqlite, 'payments');
    const tooMuch = errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-02', amount: 6_000.01 }));
    expect(tooMuch.code).toBe('invalid_state');
    expect(tooMuch.message).toBe('A payment of 6000.01 CNY is more than order A still owes (6000 CNY).');
    const zh = errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-02', amount: 6_000.01 }, 'zh-CN'));
    expect(zh.message).toBe('收款 6000.01 CNY 超过订单 A 的未收金额（6000 CNY）。');
    expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: d.id, amount: 1 })).message).toContain('still owes (0 CNY)');
    expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-07-01', amount: 1 })).message).toBe(
      'The payment date 2025-07-01 is in the future (today is 2025-06-30).',
    );
    expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-03-31', amount: 1 })).message).toBe(
      'The payment date 2025-03-31 is before order A was placed (2025-04-01).',
    );
    for (const amount of [0, -5, Number.NaN, '10'] as unknown[]) {
      expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, amount } as never)).code, String(amount)).toBe('invalid_input');
    }
    expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', amount: 1 })).code).toBe('not_found');
    expect(errorOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-02-30', amount: 1 })).code).toBe('invalid_input');
    expect(rowCount(tb.book.sqlite, 'payments')).toBe(before);
  });

  it('receivables: payment reminders at the buyer’s morning; paying closes them; old orders do not flood the board', async () => {
    const { b } = await setUp();
    valueOf(await call(tb.ctx, 'schedule.run', { now: NOW }));
    const open = valueOf(await call(tb.ctx, 'tasks.list', { status: 'open' })).filter((t) => t.rule === 'receivables');
    // Only B (due tomorrow) has reminders: A and C were due long before the horizon, D is settled, E has no due date.
    expect(open.map((t) => [t.kind, t.dueAt, t.sourceId])).toEqual([
      ['payment_due_soon', '2025-06-27T06:15:00Z', b.id],
      ['payment_due_today', '2025-07-01T06:15:00Z', b.id],
    ]);
    expect(open[0]!.title).toBe('Payment reminder: Iluminación Castilla S.L. owes 1000 EUR on order B, due 2025-07-01');
    valueOf(await call(tb.ctx, 'payments.add', { orderId: b.id, amount: 400 }));
    valueOf(await call(tb.ctx, 'schedule.run', { now: NOW }));
    const reduced = valueOf(await call(tb.ctx, 'tasks.list', { status: 'open' })).filter((t) => t.rule === 'receivables');
    expect(reduced.map((t) => t.title)).toContain('Payment due today: Iluminación Castilla S.L. owes 600 EUR on order B');
    valueOf(await call(tb.ctx, 'payments.add', { orderId: b.id, amount: 600 }));
    valueOf(await call(tb.ctx, 'schedule.run', { now: NOW }));
    const after = valueOf(await call(tb.ctx, 'tasks.list', {})).filter((t) => t.rule === 'receivables');
    expect(after.map((t) => t.status).sort()).toEqual(['done', 'done']);
  });

  it('receivables: payments travel in share files; the colleague’s book shows the same list, a second merge changes nothing', async () => {
    const { a } = await setUp();
    const file = path.join(tb.dir, 'full.tbshare');
    valueOf(await call(tb.ctx, 'share.export', { out: file }));
    const other = openTestBook(NOW);
    try {
      valueOf(await call(other.ctx, 'share.merge', { file }));
      // Each side records a partial payment; then they exchange files.
      valueOf(await call(tb.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-01', amount: 4_000 }));
      valueOf(await call(other.ctx, 'payments.add', { orderId: a.id, paidOn: '2025-06-05', amount: 5_000 }));
      const mine = path.join(tb.dir, 'mine.tbshare');
      const theirs = path.join(other.dir, 'theirs.tbshare');
      valueOf(await call(tb.ctx, 'share.export', { out: mine }));
      valueOf(await call(other.ctx, 'share.export', { out: theirs }));
      const merged = valueOf(await call(tb.ctx, 'share.merge', { file: theirs }));
      expect(merged.added).toBeGreaterThanOrEqual(1);
      valueOf(await call(other.ctx, 'share.merge', { file: mine }));
      for (const book of [tb, other]) {
        const report = valueOf(await call(book.ctx, 'receivables.list', {}));
        expect(report.rows.find((r) => r.orderId === a.id)).toMatchObject({ paid: 9_000, outstanding: 1_000, lastPaidOn: '2025-06-05' });
        expect(report.total.overdueBase).toBe(6_000);
      }
      const again = valueOf(await call(tb.ctx, 'share.merge', { file: theirs }));
      expect(again.added + again.updated).toBe(0);
    } finally {
      await other.close();
    }
  });
});
