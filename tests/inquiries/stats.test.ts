/**
 * R1 response statistics (src-main/domain/inquiries/stats.ts, `inquiries.stats`, `inquiries.deadlines`): median and
 * p90 of first-reply times by nearest rank, the share within SLA (an unreplied inquiry past its deadline counts
 * against it), per source and for all. The SLA is the scheduler's (slaHours.<source>, halved once for R4's priority
 * channel or R16's urgency ≥ 4). The seeds' story: e-mail replies in 4.2 h against a 4 h SLA, marketplace in 12 min.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InquirySource } from '../../src-main/contract/primitives';
import { nearestRank, responseStats, slaOutcome, type InquiryTiming } from '../../src-main/domain/inquiries/stats';
import { inquirySources } from '../../src-main/domain/settings';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

const H = 3_600_000;
const M = 60_000;
const T0 = Date.parse('2025-06-02T08:00:00Z');
const SLA = { website: 2, email: 4, marketplace: 1, fair: 24, referral: 4, phone: 1 } as const;

const timing = (source: InquirySource, replyMinutes: number | null, slaHours: number = SLA[source], receivedMs = T0): InquiryTiming<InquirySource> => ({
  source,
  receivedMs,
  firstReplyMs: replyMinutes === null ? null : receivedMs + replyMinutes * M,
  dueMs: receivedMs + slaHours * H,
});

describe('R1: response statistics (pure)', () => {
  it('R1: median and p90 by nearest rank are reply times that happened (even count: the lower middle one)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([1, 2, 3], 50)).toBe(2);
    // 90 × 70 / 100 is 63 exactly (0.9 × 70 in floating point is not).
    expect(nearestRank(Array.from({ length: 70 }, (_, i) => i + 1), 90)).toBe(63);
  });

  it('R1: a reply at the deadline meets it, a later one misses it; an open inquiry misses once the deadline has passed', () => {
    const due = T0 + 2 * H;
    expect(slaOutcome(due, due, T0)).toBe('met');
    expect(slaOutcome(due + 1000, due, T0)).toBe('missed');
    expect(slaOutcome(null, due, due)).toBe('pending');
    expect(slaOutcome(null, due, due + 1000)).toBe('missed');
  });

  it('R1: the seeds’ benchmark — e-mail in 4.2 h misses its 4 h SLA, marketplace in 12 min meets its 1 h one', () => {
    const inquiries = [
      timing('email', 240),
      timing('email', 252),
      timing('email', 260),
      timing('marketplace', 9),
      timing('marketplace', 12),
      timing('marketplace', 15),
      timing('marketplace', 12),
    ];
    const stats = responseStats(inquiries, inquirySources, SLA, T0 + 48 * H);
    const email = stats.sources.find((r) => r.source === 'email')!;
    const marketplace = stats.sources.find((r) => r.source === 'marketplace')!;
    expect(email).toEqual({ source: 'email', count: 3, replied: 3, medianMinutes: 252, p90Minutes: 260, withinSlaShare: 0.333, slaHours: 4 });
    expect(marketplace).toEqual({ source: 'marketplace', count: 4, replied: 4, medianMinutes: 12, p90Minutes: 15, withinSlaShare: 1, slaHours: 1 });
    expect(stats.sources.map((r) => r.source)).toEqual([...inquirySources]);
    expect(stats.sources.find((r) => r.source === 'fair')).toEqual({ source: 'fair', count: 0, replied: 0, medianMinutes: null, p90Minutes: null, withinSlaShare: null, slaHours: 24 });
    expect(stats.all).toMatchObject({ source: 'all', count: 7, replied: 7, medianMinutes: 15, withinSlaShare: 0.714, slaHours: null });
  });

  it('R1: unreplied inquiries count against the within-SLA share once overdue, and are left out while still on time', () => {
    const now = T0 + 3 * H;
    const stats = responseStats([timing('website', 30), timing('website', null), timing('website', null, 2, now - H)], inquirySources, SLA, now);
    // 30 min: met; open since T0 with a 2 h SLA: missed; open since an hour ago: pending (not counted).
    expect(stats.sources[0]).toMatchObject({ count: 3, replied: 1, medianMinutes: 30, withinSlaShare: 0.5 });
    const onlyPending = responseStats([timing('phone', null)], inquirySources, SLA, T0);
    expect(onlyPending.all.withinSlaShare).toBeNull();
  });

  it('R1 properties: median ≤ p90, both observed times; nearest rank splits the sorted times at p %; sources add up to all', () => {
    const arbTiming = fc.record({
      source: fc.constantFrom(...inquirySources),
      replyMinutes: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      receivedHoursAgo: fc.integer({ min: 0, max: 200 }),
    });
    const now = T0 + 200 * H;
    fc.assert(
      fc.property(fc.array(arbTiming, { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (items, percent) => {
        const inquiries = items.map((i) => timing(i.source, i.replyMinutes, SLA[i.source], now - i.receivedHoursAgo * H));
        const stats = responseStats(inquiries, inquirySources, SLA, now);
        const minutes = inquiries.filter((i) => i.firstReplyMs !== null).map((i) => (i.firstReplyMs! - i.receivedMs) / M).sort((a, b) => a - b);
        const { all } = stats;
        expect(all.count).toBe(inquiries.length);
        expect(stats.sources.reduce((n, r) => n + r.count, 0)).toBe(all.count);
        expect(stats.sources.reduce((n, r) => n + r.replied, 0)).toBe(all.replied);
        if (minutes.length === 0) expect(all.medianMinutes).toBeNull();
        else {
          expect(minutes).toContain(all.medianMinutes);
          expect(minutes).toContain(all.p90Minutes);
          expect(all.medianMinutes!).toBeLessThanOrEqual(all.p90Minutes!);
          const r = nearestRank(minutes, percent)!;
          expect(minutes.filter((x) => x <= r).length * 100).toBeGreaterThanOrEqual(percent * minutes.length);
          expect(minutes.filter((x) => x < r).length * 100).toBeLessThan(percent * minutes.length);
        }
        if (all.withinSlaShare !== null) {
          expect(all.withinSlaShare).toBeGreaterThanOrEqual(0);
          expect(all.withinSlaShare).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('R1: inquiries.stats and inquiries.deadlines on a real book', () => {
  let tb: TestBook;
  let clock: string;

  beforeEach(() => {
    clock = '2025-06-15T10:00:00Z';
    tb = openTestBook(clock);
    tb.ctx.now = () => clock;
  });
  afterEach(async () => {
    await tb.close();
  });

  const account = async (name: string, country = 'ES') => valueOf(await call(tb.ctx, 'accounts.add', { name, country }));
  const inquiry = async (accountId: string, source: InquirySource, receivedAt: string, replyMinutes: number | null, extra: { urgency?: number } = {}) => {
    const added = valueOf(await call(tb.ctx, 'inquiries.add', { accountId, source, receivedAt, ...extra }));
    if (replyMinutes !== null) {
      const at = new Date(Date.parse(receivedAt) + replyMinutes * M).toISOString().replace('.000Z', 'Z');
      valueOf(await call(tb.ctx, 'inquiries.reply', { id: added.id, at }));
    }
    return added;
  };

  it('R1: a book where e-mail replies take 4.2 h and marketplace replies 12 min shows those medians', async () => {
    const madrid = await account('Válvulas Ibéricas S.L.');
    const dubai = await account('Gulf Pipes LLC', 'AE');
    for (const [day, minutes] of [['2025-06-02', 252], ['2025-06-03', 230], ['2025-06-04', 260], ['2025-06-05', 252], ['2025-06-06', 300]] as const) {
      await inquiry(madrid.id, 'email', `${day}T09:00:00Z`, minutes);
    }
    for (const [day, minutes] of [['2025-06-02', 12], ['2025-06-04', 9], ['2025-06-09', 12], ['2025-06-10', 75]] as const) {
      await inquiry(dubai.id, 'marketplace', `${day}T06:00:00Z`, minutes);
    }
    const stats = valueOf(await call(tb.ctx, 'inquiries.stats', {}));
    expect(stats).toMatchObject({ from: '2025-03-18', to: '2025-06-15', asOf: clock });
    expect(stats.sources.find((r) => r.source === 'email')).toEqual({ source: 'email', count: 5, replied: 5, medianMinutes: 252, p90Minutes: 300, withinSlaShare: 0.2, slaHours: 4 });
    expect(stats.sources.find((r) => r.source === 'marketplace')).toEqual({
      source: 'marketplace', count: 4, replied: 4, medianMinutes: 12, p90Minutes: 75, withinSlaShare: 0.75, slaHours: 1,
    });
    expect(stats.all).toMatchObject({ count: 9, replied: 9 });
    // Settings are the SLA matrix: a 4.5 h e-mail SLA makes every e-mail reply but the 300-minute one on time.
    valueOf(await call(tb.ctx, 'settings.set', { key: 'slaHours.email', value: 4.5 }));
    expect(valueOf(await call(tb.ctx, 'inquiries.stats', {})).sources.find((r) => r.source === 'email')).toMatchObject({ withinSlaShare: 0.8, slaHours: 4.5 });
  });

  it('R1: the period is of received dates in myTimeZone (Asia/Shanghai here), both ends included; reversed is refused', async () => {
    const buyer = await account('Iluminación Castilla S.L.');
    await inquiry(buyer.id, 'website', '2025-06-09T15:59:59Z', 10); // 06-09 23:59:59 in Shanghai
    await inquiry(buyer.id, 'website', '2025-06-09T16:00:00Z', 20); // 06-10 00:00 in Shanghai
    await inquiry(buyer.id, 'website', '2025-06-10T15:59:59Z', 30); // 06-10 23:59:59
    const day = valueOf(await call(tb.ctx, 'inquiries.stats', { from: '2025-06-10', to: '2025-06-10' }));
    expect(day.all).toMatchObject({ count: 2, medianMinutes: 20, p90Minutes: 30 });
    expect(valueOf(await call(tb.ctx, 'inquiries.stats', { to: '2025-06-09' })).all.count).toBe(1);
    const reversed = errorOf(await call(tb.ctx, 'inquiries.stats', { from: '2025-06-11', to: '2025-06-10' }));
    expect(reversed.message).toBe('The period starts on 2025-06-11, after it ends on 2025-06-10.');
    expect(errorOf(await call(tb.ctx, 'inquiries.stats', { from: '2025-06-11', to: '2025-06-10' }, 'zh-CN')).message).toBe('统计区间的开始日 2025-06-11 晚于结束日 2025-06-10。');
    expect(errorOf(await call(tb.ctx, 'inquiries.stats', { from: '2025-02-30' })).code).toBe('invalid_input');
  });

  it('R1: an open inquiry past its deadline counts as missed as of now; one still on time is left out', async () => {
    const buyer = await account('Válvulas Ibéricas S.L.');
    await inquiry(buyer.id, 'phone', '2025-06-15T09:30:00Z', 20);
    const open = await inquiry(buyer.id, 'phone', '2025-06-15T09:45:00Z', null);
    expect(valueOf(await call(tb.ctx, 'inquiries.stats', {})).all).toMatchObject({ count: 2, replied: 1, withinSlaShare: 1 });
    clock = '2025-06-15T10:46:00Z';
    expect(valueOf(await call(tb.ctx, 'inquiries.stats', {})).all).toMatchObject({ withinSlaShare: 0.5 });
    expect(valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [open.id] }))[0]).toMatchObject({ sla: 'missed', replyBy: '2025-06-15T10:45:00Z' });
  });

  it('R1/R16: urgency ≥ 4 halves the SLA; R4: the priority channel halves it from the third inquiry of the run on; they do not stack', async () => {
    const buyer = await account('Válvulas Ibéricas S.L.');
    const calm = await inquiry(buyer.id, 'email', '2025-06-10T08:00:00Z', 150);
    const urgent = await inquiry(buyer.id, 'email', '2025-06-10T20:00:00Z', 150, { urgency: 4 });
    const third = await inquiry(buyer.id, 'email', '2025-06-11T09:00:00Z', null, { urgency: 5 });
    valueOf(await call(tb.ctx, 'schedule.run', { now: clock }));
    expect(valueOf(await call(tb.ctx, 'accounts.get', { id: buyer.id })).priorityChannel).toBe(true);
    const [a, b, c] = valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [calm.id, urgent.id, third.id] }));
    expect([a, b, c].map((d) => [d!.slaHours, d!.halved, d!.sla])).toEqual([
      [4, false, 'met'],
      [2, true, 'missed'],
      [2, true, 'missed'],
    ]);
    const later = await inquiry(buyer.id, 'email', '2025-06-14T09:00:00Z', 100);
    expect(valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [later.id] }))[0]).toMatchObject({ slaHours: 2, halved: true, sla: 'met' });
    // By hand (no run of three): every inquiry of the account has the channel.
    const other = await account('Gulf Pipes LLC', 'AE');
    const early = await inquiry(other.id, 'referral', '2025-06-01T08:00:00Z', null);
    valueOf(await call(tb.ctx, 'accounts.update', { id: other.id, priorityChannel: true }));
    expect(valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [early.id] }))[0]).toMatchObject({ slaHours: 2, halved: true });
  });

  it('R1: inquiries.deadlines gives the scheduler’s own reply-by and lands-best-at (María: 03:47 Saturday in Madrid)', async () => {
    clock = '2023-08-12T02:00:00Z';
    const maria = await account('Válvulas Ibéricas S.L.');
    const added = await inquiry(maria.id, 'website', '2023-08-12T01:47:00Z', null);
    valueOf(await call(tb.ctx, 'schedule.run', { now: clock }));
    const task = valueOf(await call(tb.ctx, 'tasks.list', { accountId: maria.id })).find((t) => t.sourceId === added.id)!;
    const [deadline] = valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [added.id] }));
    expect(deadline).toMatchObject({
      accountName: 'Válvulas Ibéricas S.L.',
      timeZone: 'Europe/Madrid',
      receivedBuyerLocal: '2023-08-12T03:47:00+02:00[Europe/Madrid]',
      replyBy: task.dueAt,
      landsBestAt: '2023-08-14T06:15:00Z',
      landsBestAtBuyerLocal: '2023-08-14T08:15:00+02:00[Europe/Madrid]',
      slaHours: 2,
      sla: 'pending',
    });
    expect(task.dueAt).toBe('2023-08-12T03:47:00Z');
    // Business hours (slaCountsBusinessHours): the 2 h start counting at Monday's opening, 09:00 Madrid.
    valueOf(await call(tb.ctx, 'settings.set', { key: 'slaCountsBusinessHours', value: true }));
    expect(valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: [added.id] }))[0]!.replyByBuyerLocal).toBe('2023-08-14T11:00:00+02:00[Europe/Madrid]');
    expect(errorOf(await call(tb.ctx, 'inquiries.deadlines', { ids: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] })).code).toBe('not_found');
  });
});
