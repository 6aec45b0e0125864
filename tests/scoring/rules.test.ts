/**
 * R10–R14 and R16 on small books computed by hand (PRODUCT, Defaults: Scores). Every expected number is worked out
 * in the comments from the records the test writes, not taken from the code under test. The user's zone is UTC.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { snapshot } from '../db/temp-book';
import { HandBook, indicator } from './hand-book';

let book: HandBook;
afterEach(async () => {
  await book?.close();
});

describe('R10: RFM quintiles and tiers', () => {
  it('R10: five accounts get R, F, M from ceil(5 × cume_dist()) and the tiers new, dormant, VIP, potential, general', async () => {
    book = await HandBook.open();
    // As of 2025-06-30, orders in the last 24 months (after 2023-06-30):
    //   A: 6 orders, last 2025-06-20 (10 days ago), 150,000      B: 4 orders, last 2025-05-01, 60,000
    //   C: 2 orders, last 2025-01-15, 120,000                    D: 1 order 2024-04-01 (455 days ago), 5,000
    //   E: 3 orders, first 2025-05-01 (60 days ago), last 2025-06-01, 10,000
    // Five accounts, no ties: cume_dist = rank / 5, so each score is its rank.
    //   R (by last order): D 1, C 2, B 3, E 4, A 5.   F (orders): D 1, C 2, E 3, B 4, A 5.   M: D 1, E 2, B 3, C 4, A 5.
    // Tiers, first match: E new (60 < 90 days); D dormant (455 ≥ 365); A VIP (5/5/5); C potential (M 4, F 2); B general.
    const a = book.account('A');
    const b = book.account('B');
    const c = book.account('C');
    const d = book.account('D');
    const e = book.account('E');
    for (const day of ['2024-01-10', '2024-04-10', '2024-08-10', '2024-11-10', '2025-03-10', '2025-06-20']) book.order(a, day, 25_000);
    for (const day of ['2024-02-01', '2024-08-01', '2025-02-01', '2025-05-01']) book.order(b, day, 15_000);
    book.order(b, '2025-07-05', 1_000_000); // after the as-of date: not counted
    for (const day of ['2024-09-15', '2025-01-15']) book.order(c, day, 60_000);
    book.order(d, '2024-04-01', 5_000);
    for (const day of ['2025-05-01', '2025-05-20', '2025-06-01']) book.order(e, day, 10_000 / 3);
    const none = book.account('No orders');

    const { views, summary } = await book.score('2025-06-30');
    expect(views.get(a)!.rfm).toEqual({ r: 5, f: 5, m: 5, tier: 'VIP' });
    expect(views.get(b)!.rfm).toEqual({ r: 3, f: 4, m: 3, tier: 'general' });
    expect(views.get(c)!.rfm).toEqual({ r: 2, f: 2, m: 4, tier: 'potential' });
    expect(views.get(d)!.rfm).toEqual({ r: 1, f: 1, m: 1, tier: 'dormant' });
    expect(views.get(e)!.rfm).toEqual({ r: 4, f: 3, m: 2, tier: 'new' });
    expect(views.get(none)!.rfm).toBeNull();
    expect(summary.tiers).toEqual({ new: 1, dormant: 1, VIP: 1, potential: 1, general: 1 });

    // Every score shows its inputs.
    const lines = await book.explain(a, '2025-06-30');
    expect(lines).toContain('  R=5: last order 10 days ago (fewer days score higher, quintiles of the book)');
    expect(lines).toContain('  F=5: 6 orders in the last 24 months');
    expect(lines).toContain('  M=5: revenue 150,000 CNY in the last 24 months');
    expect(lines).toContain('RFM 5/5/5 → VIP (R, F and M all ≥ 4)');
    expect(await book.explain(d, '2025-06-30')).toContain('RFM 1/1/1 → dormant (last order 455 days ago (≥ 365))');
  });

  it('R10: ties score alike — equal values share the largest cume_dist', async () => {
    book = await HandBook.open();
    // Three accounts: X and Y each 2 orders of 1,000 on the same days, Z one order of 500 earlier.
    // F: Z 1 order → 1/3 → ceil(5/3) = 2; X, Y 2 orders → cume_dist 3/3 → 5, both. M likewise: Z 2, X and Y 5.
    // R: Z's last order is earlier → 1/3 → 2; X and Y tie → 5.
    const x = book.account('X');
    const y = book.account('Y');
    const z = book.account('Z');
    for (const id of [x, y]) {
      book.order(id, '2025-01-10', 1_000);
      book.order(id, '2025-04-10', 1_000);
    }
    book.order(z, '2024-12-01', 500);
    const { views } = await book.score('2025-06-30');
    expect(views.get(x)!.rfm).toEqual({ r: 5, f: 5, m: 5, tier: 'VIP' });
    expect(views.get(y)!.rfm).toEqual(views.get(x)!.rfm);
    expect(views.get(z)!.rfm).toMatchObject({ r: 2, f: 2, m: 2 });
    expect(views.get(y)!.value).toEqual(views.get(x)!.value);
  });
});

describe('R11: weighted value score', () => {
  it('R11: the five parts and the weighted score, computed by hand; weights set together change it', async () => {
    book = await HandBook.open();
    // 12-month revenue (after 2024-06-30): P 40,000; Q 20,000; R 20,000; S 10,000 → purchase = round(100 × cume_dist):
    //   S 1/4 → 25; Q, R tie 3/4 → 75; P 4/4 → 100. T ordered only before the 12 months → purchase 0.
    // P: orders with a cost: 30,000 revenue, 25,500 cost → margin 15 % → 15/30 × 100 = 50.
    //    the 12 months before (2023-06-30, 2024-06-30]: 32,000 → growth (40,000 − 32,000)/32,000 = +25 % → 50 + 25 = 75.
    //    strategic fit 5 → 100; reputation 2 → 25.
    // Value = 25 % × 100 + 25 % × 50 + 20 % × 75 + 15 % × 100 + 15 % × 25 = 25 + 12.5 + 15 + 15 + 3.75 = 71.25 → 71.
    const p = book.account('P', { strategicFit: 5, reputation: 2 });
    book.order(p, '2024-09-01', 20_000, { cost: 17_000 });
    book.order(p, '2025-03-01', 10_000, { cost: 8_500 });
    book.order(p, '2025-05-01', 10_000);
    book.order(p, '2024-01-01', 32_000);
    const q = book.account('Q');
    book.order(q, '2025-02-01', 20_000);
    const r = book.account('R');
    book.order(r, '2025-03-01', 20_000);
    const s = book.account('S');
    book.order(s, '2025-04-01', 10_000);
    const t = book.account('T');
    book.order(t, '2023-12-01', 8_000);

    let { views } = await book.score('2025-06-30');
    expect(views.get(p)!.value).toEqual({ score: 71, parts: { purchase: 100, margin: 50, growth: 75, strategic: 100, reputation: 25 } });
    expect(views.get(q)!.value.parts.purchase).toBe(75);
    expect(views.get(r)!.value.parts.purchase).toBe(75);
    expect(views.get(s)!.value.parts.purchase).toBe(25);
    // T: no orders in 12 months → purchase 0; no costed orders → margin 50; 0 now vs 8,000 before → −100 % → growth 0.
    expect(views.get(t)!.value.parts).toMatchObject({ purchase: 0, margin: 50, growth: 0 });
    // S: nothing the 12 months before, revenue now → growth 100.
    expect(views.get(s)!.value.parts.growth).toBe(100);

    // New weights 40/20/20/10/10: 40 + 10 + 15 + 10 + 2.5 = 77.5 → 78.
    const set = await call(book.tb.ctx, 'settings.set', { key: 'scoreWeights', value: { purchase: 40, margin: 20, growth: 20, strategic: 10, reputation: 10 } });
    expect(set.ok).toBe(true);
    ({ views } = await book.score('2025-06-30'));
    expect(views.get(p)!.value.score).toBe(78);
  });

  it('R11: weights that do not sum to 100, or negative ones, are refused in both languages and nothing is written', async () => {
    book = await HandBook.open();
    const before = snapshot(book.db);
    const one = await call(book.tb.ctx, 'settings.set', { key: 'scoreWeights.purchase', value: 30 });
    expect(one.ok ? '' : one.error.code).toBe('score_weights_sum');
    expect(one.ok ? '' : one.error.message).toMatch(/^The five value-score weights must add up to 100; these add up to 105\./);
    const zh = await call(book.tb.ctx, 'settings.set', { key: 'scoreWeights', value: { purchase: 30, margin: 30, growth: 30, strategic: 5, reputation: 4 } }, 'zh-CN');
    expect(zh.ok ? '' : zh.error.message).toMatch(/^客户价值评分的五项权重之和必须为 100，当前为 99。/);
    const negative = await call(book.tb.ctx, 'settings.set', { key: 'scoreWeights', value: { purchase: 110, margin: -10, growth: 0, strategic: 0, reputation: 0 } });
    expect(negative.ok ? '' : negative.error.code).toBe('invalid_setting');
    const missing = await call(book.tb.ctx, 'settings.set', { key: 'scoreWeights', value: { purchase: 100 } }, 'zh-CN');
    expect(missing.ok ? '' : missing.error.message).toContain('需要五项权重');
    expect(snapshot(book.db)).toEqual(before);
    const got = await call(book.tb.ctx, 'settings.get', { key: 'scoreWeights' });
    expect(got.ok && got.value).toEqual({ key: 'scoreWeights', value: { purchase: 25, margin: 25, growth: 20, strategic: 15, reputation: 15 }, isDefault: true });
  });
});

describe('R12: quadrants and loyalty', () => {
  it('R12: declining, strategic, potential, maintain — first match wins', async () => {
    book = await HandBook.open();
    // Growth = 12-month revenue vs the 12 months before. The orders fall in August, outside R14's months
    // (2024-12…2025-05), so no churn warning interferes.
    //   Down: 8,000 vs 10,000 = −20 % → declining.   Grow: 12,000 vs 10,000 = +20 % → potential: purchase 75 (third of
    //   four), margin 50, growth 70, strategic fit and reputation 1 → 0: 18.75 + 12.5 + 14 = 45.25 → 45 < 60.
    //   Flat: 10,500 vs 10,000 = +5 % → maintain.     Big: +20 % too, but purchase 100 and strategic/reputation 5:
    //   value = 25 + 12.5 (no cost: margin 50) + 20 % × 70 + 15 + 15 = 81.5 → 82 ≥ 60 → strategic.
    const down = book.account('Down');
    const grow = book.account('Grow', { strategicFit: 1, reputation: 1 });
    const flat = book.account('Flat');
    const big = book.account('Big', { strategicFit: 5, reputation: 5 });
    const pairs: [string, number, number][] = [
      [down, 10_000, 8_000],
      [grow, 10_000, 12_000],
      [flat, 10_000, 10_500],
      [big, 100_000, 120_000],
    ];
    for (const [id, before, now] of pairs) {
      book.order(id, '2023-08-15', before);
      book.order(id, '2024-08-15', now);
    }
    const { views } = await book.score('2025-06-30');
    expect(views.get(down)!.quadrant).toBe('declining');
    expect(views.get(grow)!.quadrant).toBe('potential');
    expect(views.get(flat)!.quadrant).toBe('maintain');
    expect(views.get(big)!.value.score).toBe(82);
    expect(views.get(grow)!.value.score).toBe(45);
    expect(views.get(big)!.quadrant).toBe('strategic');
  });

  it('R12: loyalty A, B, C from (M − 1) × 25, margin, repurchase regularity and on-time payment', async () => {
    book = await HandBook.open();
    // Two accounts, so M is 5 for the bigger and 3 for the smaller (cume_dist 1/2 → ceil(2.5) = 3).
    // Loyal: M 5 → 100; margin 30 % → 100; orders every 30 days → gaps [30, 30, 30], CV 0 → 100; all 4 paid by the due
    //   date → 100. Mean 100 → A.
    // Casual: M 3 → 50; no cost → margin 50; 2 orders (< 3) → regularity 0; none due → payment 50. Mean 37.5 → C.
    const loyal = book.account('Loyal');
    for (const day of ['2025-01-01', '2025-01-31', '2025-03-02', '2025-04-01']) {
      book.order(loyal, day, 10_000, { cost: 7_000, dueOn: day, paidOn: day });
    }
    const casual = book.account('Casual');
    book.order(casual, '2025-02-01', 1_000);
    book.order(casual, '2025-05-01', 1_000);
    const { views } = await book.score('2025-06-30');
    expect(views.get(loyal)!.loyalty).toBe('A');
    expect(views.get(casual)!.loyalty).toBe('C');
    const lines = await book.explain(casual, '2025-06-30');
    expect(lines).toContain(
      'Loyalty C: 37.5 = mean of monetary 50 ((M − 1) × 25), margin 50, repurchase regularity 0 (2 orders in 24 months (< 3)), payment 50 (none due); A ≥ 70, B ≥ 40',
    );
  });

  it('R12: loyalty B — gaps [15, 45] have a coefficient of variation of 0.5, so regularity 50', async () => {
    book = await HandBook.open();
    // Mid: orders 2025-01-01, 01-16 (gap 15), 03-02 (gap 45): mean 30, σ 15 → CV 0.5 → regularity 50.
    //   One other account with less revenue, so Mid's M is 5 → 100. No cost → margin 50. No due dates → payment 50.
    //   Mean (100 + 50 + 50 + 50) / 4 = 62.5 → B.
    const mid = book.account('Mid');
    for (const day of ['2025-01-01', '2025-01-16', '2025-03-02']) book.order(mid, day, 5_000);
    book.order(book.account('Small'), '2025-03-01', 100);
    const { views } = await book.score('2025-06-30');
    expect(views.get(mid)!.loyalty).toBe('B');
    expect((await book.explain(mid, '2025-06-30')).find((l) => l.startsWith('Loyalty'))).toContain('62.5 = mean of monetary 100');
  });
});

describe('R13: health from twelve indicators', () => {
  it('R13: every indicator on its curve, computed by hand, and the health score', async () => {
    book = await HandBook.open();
    // As of 2025-06-30. Orders in tonnes, 1,000 CNY per tonne, every 30 days:
    //   2024-12-17 5 t (the first ever), 2025-01-16 10 t, 02-15 5 t, 03-17 5 t, 04-16 7 t, 05-16 8 t.
    const id = book.account('Health');
    const plan: [string, number, number, string | null, string | null][] = [
      // day, tonnes, cost, due, paid
      ['2024-12-17', 5, 3_850, null, null],
      ['2025-01-16', 10, 7_700, null, null],
      ['2025-02-15', 5, 3_850, '2025-03-17', '2025-03-17'],
      ['2025-03-17', 5, 3_850, '2025-04-16', '2025-04-10'],
      ['2025-04-16', 7, 5_950, '2025-05-16', '2025-05-16'],
      ['2025-05-16', 8, 6_800, '2025-06-15', null],
    ];
    for (const [day, t, cost, due, paid] of plan) {
      book.order(id, day, t * 1_000, { quantity: t, unit: 't', cost, ...(due ? { dueOn: due } : {}), ...(paid ? { paidOn: paid } : {}) });
    }
    // volume_trend: last 3 months (after 03-30) 7 + 8 = 15 t; the 3 before (after 2024-12-30) 10 + 5 + 5 = 20 t → −25 %
    //   → between −50 → 0 and 0 → 70: 35.
    // order_rhythm: last order 45 days ago; gaps 30, 30, 30, 30, 30 → median 30 → 1.5× → between 1 → 100 and 2 → 50: 75.
    // recency: 45 days → 100 − (45 − 30)/(365 − 30) × 100 = 95.52 → 95.5.
    // margin_trend: 3 months: revenue 15,000, cost 12,750 → 15 %; 12 months: 40,000, 32,000 → 20 %; −5 points → 35.
    // on_time_payment: 4 due by 06-30, 3 paid by their due date → 75.
    // overdue_receivables: 8,000 unpaid since 06-15 ÷ 40,000 = 20 % → 100 − 20/30 × 100 = 33.3.
    book.complaint(id, 'B', '2025-06-01T09:00:00Z');
    book.complaint(id, 'C', '2025-05-01T09:00:00Z', '2025-05-03T09:00:00Z');
    // open_complaints: one B open → 100 − 20 = 80.  complaint_resolution: 2 in 12 months, 1 within 72 h → 50.
    book.inquiry(id, '2025-05-02T08:00:00Z', { firstReplyAt: '2025-05-02T10:00:00Z' });
    book.inquiry(id, '2025-06-02T08:00:00Z', { firstReplyAt: '2025-06-02T18:00:00Z' });
    // reply_latency: e-mail SLA 4 h; 2 h = 0.5×, 10 h = 2.5× → median 1.5 → 70 − (0.5/2) × 70 = 52.5.
    // inquiry_activity: 2 in 90 days → between 1 → 70 and 3 → 100: 85.
    book.quote(id, 'won', '2024-09-01T10:00:00Z');
    book.quote(id, 'won', '2025-03-01T10:00:00Z');
    book.quote(id, 'lost', '2025-04-01T10:00:00Z');
    book.quote(id, 'won', '2024-05-01T10:00:00Z'); // before the 12 months
    // quote_win_rate: 2 won, 1 lost in 12 months → 66.7.
    book.interaction(id, '2025-05-15T10:00:00Z');
    // contact_recency: whole days from 05-15 10:00 to the end of 06-30 = 46 → 100 − (46 − 14)/(180 − 14) × 100 = 80.7.
    // Health = (35 + 75 + 95.5 + 35 + 75 + 33.3 + 80 + 50 + 52.5 + 66.7 + 85 + 80.7) / 12 = 763.7 / 12 = 63.6 → 64.
    const { views } = await book.score('2025-06-30');
    const view = views.get(id)!;
    const scores = Object.fromEntries(view.health.indicators.map((i) => [i.name, i.score]));
    expect(scores).toEqual({
      volume_trend: 35,
      order_rhythm: 75,
      recency: 95.5,
      margin_trend: 35,
      on_time_payment: 75,
      overdue_receivables: 33.3,
      open_complaints: 80,
      complaint_resolution: 50,
      reply_latency: 52.5,
      quote_win_rate: 66.7,
      inquiry_activity: 85,
      contact_recency: 80.7,
    });
    expect(view.health.score).toBe(64);
    expect(view.health.indicators.every((i) => i.weight === 1)).toBe(true);
    expect(indicator(view, 'volume_trend').reason).toBe('15 t in the last 3 months vs 20 t in the 3 before (−25%) → 35');
    expect(indicator(view, 'order_rhythm').reason).toBe('last order 45 days ago, usual gap 30 days (1.5×) → 75');
    expect(indicator(view, 'overdue_receivables').reason).toBe('8,000 CNY overdue = 20% of 12-month revenue 40,000 CNY → 33.3');

    const zh = (await book.score('2025-06-30', 'zh-CN')).views.get(id)!;
    expect(indicator(zh, 'recency').reason).toBe('距上次订单 45 天 → 95.5');
    expect(indicator(zh, 'reply_latency').reason).toBe('近90天 2 个询盘，首次回复时间中位数为 SLA 的 1.5 倍 → 52.5');
  });

  it('R13: missing inputs use the default in brackets, else 50; weights re-weight the mean', async () => {
    book = await HandBook.open();
    // No orders, nothing at all: 50 for volume trend, rhythm, recency, margin trend, win rate and contact (6 × 50 = 300);
    // 70 for on-time payment and reply latency (140); 100 for overdue (nothing overdue), open complaints and resolution
    // (300); inquiry activity 0 → 30. (300 + 140 + 300 + 30) / 12 = 770 / 12 = 64.2 → 64.
    const id = book.account('Empty');
    let { views } = await book.score('2025-06-30');
    expect(views.get(id)!.health.score).toBe(64);
    // Weight 3 on inquiry_activity (30): (770 + 2 × 30) / 14 = 830 / 14 = 59.3 → 59.
    expect((await call(book.tb.ctx, 'settings.set', { key: 'healthWeights.inquiry_activity', value: 3 })).ok).toBe(true);
    ({ views } = await book.score('2025-06-30'));
    expect(views.get(id)!.health.score).toBe(59);
  });
});

describe('R14: churn warning', () => {
  // As of 2025-06-15: the last three complete months are 2025-03…05, the three before 2024-12…2025-02.
  const AS_OF = '2025-06-15';
  function monthly(book: HandBook, id: string, tonnes: Record<string, number>, unit = 't'): void {
    for (const [month, t] of Object.entries(tonnes)) book.order(id, `${month}-10`, t * 2_000, { quantity: t, unit });
  }

  it('R14: the seeds\' U-shaped account (8–10 → 12–15 → 5–7 t/month) warns, with a recovery plan', async () => {
    book = await HandBook.open('2025-06-15T12:00:00Z');
    // Mean of Dec 14, Jan 13, Feb 15 = 14 t; 85 % of it is 11.9; Mar 6, Apr 5, May 7 are all ≤ 11.9 → warning.
    const u = book.account('U-shape');
    monthly(book, u, {
      '2024-03': 9, '2024-04': 8, '2024-05': 10, '2024-06': 9, '2024-07': 8, '2024-08': 10,
      '2024-09': 12, '2024-10': 15, '2024-11': 13, '2024-12': 14, '2025-01': 13, '2025-02': 15,
      '2025-03': 6, '2025-04': 5, '2025-05': 7, '2025-06': 6,
    });
    const { views } = await book.score(AS_OF);
    const churn = views.get(u)!.churn;
    expect(churn.warning).toBe(true);
    expect(churn.reason).toBe('volume 2025-03 6 t, 2025-04 5 t, 2025-05 7 t: each at least 15% below the 2024-12…2025-02 mean 14 t, and no new inquiry since');
    expect(churn.recoveryPlan.map((s) => [s.kind, s.dueInBusinessDays])).toEqual([
      ['call_buyer', 1],
      ['tailored_offer', 3],
      ['review_account', 5],
      ['check_recovery', 30],
    ]);
    expect(views.get(u)!.quadrant).toBe('declining');
  });

  it('R14: a long-stable low account, one with only two weak months, and one with a new inquiry do not warn', async () => {
    book = await HandBook.open('2025-06-15T12:00:00Z');
    const stable = book.account('Stable low');
    monthly(book, stable, Object.fromEntries(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].map((m) => [m, 2])));
    // Mean 2; March 2 is not 15 % below → no warning.
    const twoWeak = book.account('Two weak months');
    monthly(book, twoWeak, { '2024-12': 10, '2025-01': 10, '2025-02': 10, '2025-03': 8, '2025-04': 8, '2025-05': 10 });
    // Mean 10 → limit 8.5: March 8 and April 8 are below, May 10 is not → no warning.
    const inquiring = book.account('New inquiry');
    monthly(book, inquiring, { '2024-12': 14, '2025-01': 13, '2025-02': 15, '2025-03': 6, '2025-04': 5, '2025-05': 7 });
    book.inquiry(inquiring, '2025-04-10T09:00:00Z');
    const { views } = await book.score(AS_OF);
    expect(views.get(stable)!.churn).toMatchObject({ warning: false, recoveryPlan: [] });
    expect(views.get(stable)!.churn.reason).toBe('2025-03 2 t is not 15% below the 2024-12…2025-02 mean 2 t');
    expect(views.get(twoWeak)!.churn.warning).toBe(false);
    expect(views.get(twoWeak)!.churn.reason).toBe('2025-05 10 t is not 15% below the 2024-12…2025-02 mean 10 t');
    expect(views.get(inquiring)!.churn.warning).toBe(false);
    expect(views.get(inquiring)!.churn.reason).toMatch(/but 1 new inquiry arrived in those months$/);
  });

  it('R14: exactly 15 % below warns; no volume in the earlier months, or mixed units, are handled as PRODUCT says', async () => {
    book = await HandBook.open('2025-06-15T12:00:00Z');
    const edge = book.account('Edge');
    monthly(book, edge, { '2024-12': 10, '2025-01': 10, '2025-02': 10, '2025-03': 8.5, '2025-04': 8.5, '2025-05': 8.5 });
    // 8.5 = 85 % of 10 → "at least 15 % below" → warning.
    const fresh = book.account('Fresh');
    monthly(book, fresh, { '2025-03': 5, '2025-04': 5, '2025-05': 5 });
    // Dec–Feb mean 0 → no warning (the earlier mean must be above 0).
    const mixed = book.account('Mixed');
    monthly(book, mixed, { '2024-12': 10, '2025-01': 10, '2025-02': 10, '2025-03': 2, '2025-04': 2 });
    book.order(mixed, '2025-05-10', 100_000, { quantity: 1, unit: 'pcs' });
    // Units differ in the six months → volume is the amount: 20,000 × 3 before; 4,000, 4,000, 100,000 → May not below.
    const { views } = await book.score(AS_OF);
    expect(views.get(edge)!.churn.warning).toBe(true);
    expect(views.get(fresh)!.churn).toMatchObject({ warning: false, reason: 'no volume in 2024-12…2025-02: nothing to compare with' });
    expect(views.get(mixed)!.churn.warning).toBe(false);
    expect(views.get(mixed)!.churn.reason).toBe('2025-05 100,000 CNY is not 15% below the 2024-12…2025-02 mean 20,000 CNY');
  });
});

describe('R16: inquiry quality', () => {
  it('R16: urgency ≥ 4 or the priority channel halves the SLA (not both), and the open inquiries set the priority', async () => {
    book = await HandBook.open();
    // Urgent: e-mail (SLA 4 h) with urgency 4 → 2 h; answered after 3 h → 1.5× → 70 − 0.5/2 × 70 = 52.5.
    const urgent = book.account('Urgent');
    book.inquiry(urgent, '2025-06-01T08:00:00Z', { firstReplyAt: '2025-06-01T11:00:00Z', urgency: 4 });
    // Channel: priority channel and urgency 5 → still 2 h (no stacking); 3 h → 1.5× → 52.5.
    const channel = book.account('Channel', { priorityChannel: true });
    book.inquiry(channel, '2025-06-01T08:00:00Z', { firstReplyAt: '2025-06-01T11:00:00Z', urgency: 5 });
    // Calm: urgency 2 → 4 h; 3 h → 0.75× → between 0.5 → 100 and 1 → 70: 85.
    const calm = book.account('Calm');
    book.inquiry(calm, '2025-06-01T08:00:00Z', { firstReplyAt: '2025-06-01T11:00:00Z', urgency: 2 });
    // Open inquiries: quality = mean of the ratings given. Hot: (5 + 4 + 4)/3 = 4.3 → high. Weak: (2 + 1 + 2)/3 = 1.7 → low.
    // Unrated: no ratings → normal.
    const hot = book.account('Hot');
    book.inquiry(hot, '2025-06-20T08:00:00Z', { authenticity: 5, urgency: 3, value: 5 });
    const weak = book.account('Weak');
    book.inquiry(weak, '2025-06-20T08:00:00Z', { authenticity: 2, urgency: 1, value: 2 });
    const unrated = book.account('Unrated');
    book.inquiry(unrated, '2025-06-20T08:00:00Z');
    const { views } = await book.score('2025-06-30');
    expect(indicator(views.get(urgent)!, 'reply_latency').score).toBe(52.5);
    expect(indicator(views.get(channel)!, 'reply_latency').score).toBe(52.5);
    expect(indicator(views.get(calm)!, 'reply_latency').score).toBe(85);
    expect(views.get(hot)!.inquiries).toEqual({ open: 1, priority: 'high', reason: '1 open inquiry, priority high (best quality 4.3, urgency up to 3)' });
    expect(views.get(weak)!.inquiries.priority).toBe('low');
    expect(views.get(unrated)!.inquiries.priority).toBe('normal');
    expect(views.get(urgent)!.inquiries).toMatchObject({ open: 0, priority: null });
  });
});
