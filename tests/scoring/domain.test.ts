/** The pure scoring domain: curves, dates and windows, quarterly review dates, the snapshot codec, R14 and R16 edges. */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  churnOf,
  coefficientOfVariation,
  decodeScore,
  defaultHealthWeights,
  defaultScoreWeights,
  emptyFacts,
  encodeScore,
  factValues,
  fieldValues,
  healthCurves,
  inquiryPriority,
  inquiryQuality,
  latestReviewDate,
  piecewise,
  quarterlyDate,
  quintile,
  rfmTier,
  scoreAccount,
  scoreWindows,
  slaFactor,
} from '../../src-main/domain/scoring';

describe('curves (R13)', () => {
  it('R13: piecewise-linear between PRODUCT\'s points, flat beyond the ends', () => {
    expect(piecewise(healthCurves.volume_trend, -50)).toBe(0);
    expect(piecewise(healthCurves.volume_trend, -75)).toBe(0);
    expect(piecewise(healthCurves.volume_trend, -25)).toBe(35);
    expect(piecewise(healthCurves.volume_trend, 0)).toBe(70);
    expect(piecewise(healthCurves.volume_trend, 10)).toBe(85);
    expect(piecewise(healthCurves.volume_trend, 40)).toBe(100);
    expect(piecewise(healthCurves.order_rhythm, 0.3)).toBe(100);
    expect(piecewise(healthCurves.order_rhythm, 2.5)).toBe(25);
    expect(piecewise(healthCurves.order_rhythm, Number.POSITIVE_INFINITY)).toBe(0);
    expect(piecewise(healthCurves.recency, 365)).toBe(0);
    expect(piecewise(healthCurves.inquiry_activity, 2)).toBe(85);
    expect(piecewise(healthCurves.reply_latency, 0.75)).toBe(85);
    expect(piecewise(healthCurves.margin_trend, 2.5)).toBe(85);
  });
});

describe('dates and windows', () => {
  it('addMonths clamps like Temporal (31 Jan + 1 month = 28/29 Feb), for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 366 }), fc.integer({ min: -40, max: 40 }), (offset, months) => {
        const date = Temporal.PlainDate.from('1950-01-01').add({ days: offset });
        expect(addMonths(date.toString(), months)).toBe(date.add({ months }).toString());
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('an N-month window is (as-of − N months, as-of]; R14\'s months are the six complete months before the as-of month', () => {
    const w = scoreWindows('2025-05-31');
    expect(w.since).toEqual({ 3: '2025-02-28', 6: '2024-11-30', 12: '2024-05-31', 24: '2023-05-31' });
    expect(w.days90From).toBe('2025-03-03');
    expect(w.churnMonths).toEqual(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(scoreWindows('2025-01-15').churnMonths).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
  });

  it('R13: quarterly review dates are anchored, no drift: 31 Jan → 30 Apr → 31 Jul → 31 Oct → 31 Jan', () => {
    expect([1, 2, 3, 4].map((k) => quarterlyDate('2024-01-31', k))).toEqual(['2024-04-30', '2024-07-31', '2024-10-31', '2025-01-31']);
    expect(latestReviewDate('2024-01-31', '2024-04-29')).toBeNull();
    expect(latestReviewDate('2024-01-31', '2024-04-30')).toBe('2024-04-30');
    expect(latestReviewDate('2024-01-31', '2024-07-30')).toBe('2024-04-30');
    expect(latestReviewDate('2024-01-31', '2025-02-01')).toBe('2025-01-31');
    expect(latestReviewDate('2024-11-30', '2025-02-28')).toBe('2025-02-28');
  });
});

describe('R10 domain', () => {
  it('R10: quintile = ceil(5 × cume_dist), 1…5; tiers in order new, dormant, VIP, potential, general', () => {
    expect([0.2, 0.21, 0.4, 0.6, 0.8, 0.81, 1].map(quintile)).toEqual([1, 2, 2, 3, 4, 5, 5]);
    expect(rfmTier({ r: 5, f: 5, m: 5 }, 89, 1)).toBe('new');
    expect(rfmTier({ r: 5, f: 5, m: 5 }, 400, 365)).toBe('dormant');
    expect(rfmTier({ r: 4, f: 4, m: 4 }, 400, 10)).toBe('VIP');
    expect(rfmTier({ r: 1, f: 2, m: 4 }, 400, 10)).toBe('potential');
    expect(rfmTier({ r: 3, f: 3, m: 4 }, 400, 10)).toBe('general');
  });
});

describe('R14 domain', () => {
  const facts = (quantities: number[], newInquiries = 0) => ({
    months: ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'],
    orders: 6,
    withQuantity: 6,
    unitMin: 't',
    unitMax: 't',
    amounts: quantities.map((q) => q * 1000),
    quantities,
    newInquiries,
  });
  it('R14: "at least 15 % below" is exact at the edge, also for decimals (0.85 × 0.3)', () => {
    expect(churnOf(facts([0.3, 0.3, 0.3, 0.255, 0.255, 0.255])).warning).toBe(true);
    expect(churnOf(facts([0.3, 0.3, 0.3, 0.255, 0.255, 0.256])).warning).toBe(false);
    expect(churnOf(facts([10, 10, 10, 0, 0, 0])).warning).toBe(true);
    expect(churnOf(facts([10, 10, 10, 0, 0, 0], 1)).outcome).toBe('new_inquiry');
    expect(churnOf(facts([0, 0, 0, 1, 1, 1])).outcome).toBe('no_earlier_volume');
  });
});

describe('R16 domain', () => {
  it('R16: quality is the mean of the ratings given; urgency ≥ 4 or the priority channel halve the SLA, not stacking', () => {
    expect(inquiryQuality({ authenticity: 5, urgency: 4, value: 4 })).toBe(4.3);
    expect(inquiryQuality({ urgency: 2 })).toBe(2);
    expect(inquiryQuality({})).toBeNull();
    expect(slaFactor(4, false)).toBe(0.5);
    expect(slaFactor(5, true)).toBe(0.5);
    expect(slaFactor(3, false)).toBe(1);
    expect(inquiryPriority({ urgency: 4 }, false)).toBe('high');
    expect(inquiryPriority({ authenticity: 1, urgency: 2, value: 1 }, false)).toBe('low');
    expect(inquiryPriority({ authenticity: 1, urgency: 2, value: 1 }, true)).toBe('high');
    expect(inquiryPriority({}, false)).toBe('normal');
  });
});

describe('R12 domain', () => {
  it('R12: the coefficient of variation of the gaps (population σ / mean)', () => {
    expect(coefficientOfVariation({ count: 2, sum: 60, sumOfSquares: 15 * 15 + 45 * 45, median: 30 })).toBe(0.5);
    expect(coefficientOfVariation({ count: 3, sum: 90, sumOfSquares: 2700, median: 30 })).toBe(0);
    expect(coefficientOfVariation({ count: 0, sum: 0, sumOfSquares: 0, median: null })).toBeNull();
  });
});

describe('snapshot codec', () => {
  it('the one-pass encoder reads exactly the stored fields, in their order (random facts)', () => {
    const months = scoreWindows('2025-06-30').churnMonths;
    const length = fieldValues(emptyFacts('x', months)).length;
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(value, { minLength: length, maxLength: length }), (values) => {
        const weights = { scoreWeights: Object.values(defaultScoreWeights), healthWeights: Object.values(defaultHealthWeights) };
        const { facts } = decodeScore({ v: 1, facts: values, ...weights }, 'x', months);
        expect(factValues(facts)).toEqual(fieldValues(facts));
      }),
      { seed: 20251203, numRuns: 300 },
    );
  });

  it('a stored snapshot gives back the same facts and scores', () => {
    const months = scoreWindows('2025-06-30').churnMonths;
    const facts = emptyFacts('01JNA0000000000000000000A1', months);
    facts.orders = { ...facts.orders, count: 4, firstOrder: '2024-01-01', lastOrder: '2025-06-01', orders24: 4, revenue24: 1234.56, orders12: 2, revenue12: 700 };
    facts.volume.unitMin = 't';
    facts.churn.amounts = [1, 2, 3, 4, 5, 6];
    facts.gaps = { count: 3, sum: 90, sumOfSquares: 2900, median: 31 };
    facts.activity.daysSinceContact = 12;
    facts.activity.openAllLowQuality = true;
    facts.quintiles = { r: 5, f: 3, m: 2, purchase: 40 };
    const settings = { scoreWeights: { ...defaultScoreWeights, purchase: 30, margin: 20 }, healthWeights: { ...defaultHealthWeights, recency: 2 } };
    const stored = JSON.parse(JSON.stringify(encodeScore(facts, settings)));
    const back = decodeScore(stored, facts.accountId, months);
    expect(back.facts).toEqual(facts);
    expect(back.settings).toEqual(settings);
    expect(scoreAccount(back.facts, '2025-06-30', back.settings)).toEqual(scoreAccount(facts, '2025-06-30', settings));
  });
});
