/**
 * R13 health: the weighted mean of twelve indicators, each 0–100 by a piecewise-linear curve between the points
 * PRODUCT gives (Defaults: Scores), each with the facts its one-line reason shows. Missing inputs use the value in
 * brackets in PRODUCT, else 50.
 */
import { healthIndicators } from '../settings';
import { changePercent, clamp, clean, piecewise, round1, type CurvePoint } from './curves';
import type { AccountFacts } from './facts';
import { marginPercent } from './value';

export type IndicatorName = (typeof healthIndicators)[number];
export type HealthWeights = Record<IndicatorName, number>;

export const defaultHealthWeights = Object.fromEntries(healthIndicators.map((name) => [name, 1])) as HealthWeights;

/** The curves, exactly as PRODUCT lists them (x in the indicator's own unit). */
export const healthCurves = {
  volume_trend: [[-50, 0], [0, 70], [20, 100]],
  order_rhythm: [[1, 100], [2, 50], [3, 0]],
  recency: [[30, 100], [365, 0]],
  margin_trend: [[-10, 0], [0, 70], [5, 100]],
  overdue_receivables: [[0, 100], [30, 0]],
  reply_latency: [[0.5, 100], [1, 70], [3, 0]],
  inquiry_activity: [[0, 30], [1, 70], [3, 100]],
  contact_recency: [[14, 100], [180, 0]],
} as const satisfies Partial<Record<IndicatorName, readonly CurvePoint[]>>;

/** The facts each indicator shows in its reason; `missing` marks a default used for lack of data. */
export type IndicatorFacts =
  | { name: 'volume_trend'; basis: 'quantity' | 'amount'; unit: string | null; recent: number; earlier: number; changePercent: number | null }
  | { name: 'order_rhythm'; daysSinceLast: number | null; medianGap: number | null; ratio: number | null }
  | { name: 'recency'; daysSinceLast: number | null }
  | { name: 'margin_trend'; margin3: number | null; margin12: number | null; points: number | null }
  | { name: 'on_time_payment'; due: number; onTime: number }
  | { name: 'overdue_receivables'; overdue: number; revenue12: number; percent: number | null }
  | { name: 'open_complaints'; A: number; B: number; C: number }
  | { name: 'complaint_resolution'; complaints: number; within72h: number }
  | { name: 'reply_latency'; replies: number; medianRatio: number | null }
  | { name: 'quote_win_rate'; won: number; lost: number }
  | { name: 'inquiry_activity'; inquiries: number }
  | { name: 'contact_recency'; days: number | null };

export interface HealthIndicator {
  name: IndicatorName;
  /** 0–100, one decimal. */
  score: number;
  weight: number;
  /** True when the score is the default for missing data. */
  missing: boolean;
  facts: IndicatorFacts;
}

export interface Health {
  /** Weighted mean of the twelve, rounded to a whole number. */
  score: number;
  indicators: HealthIndicator[];
}

const MISSING = 50;

function volumeTrend(facts: AccountFacts): [number, boolean, IndicatorFacts] {
  const v = facts.volume;
  const quantity = v.orders6 > 0 && v.withQuantity6 === v.orders6 && v.unitMin !== null && v.unitMin === v.unitMax;
  const recent = quantity ? v.quantity3 : v.amount3;
  const earlier = quantity ? v.quantityPrev3 : v.amountPrev3;
  const change = changePercent(recent, earlier);
  const shown = { name: 'volume_trend', basis: quantity ? 'quantity' : 'amount', unit: quantity ? v.unitMin : null, recent, earlier, changePercent: change } as const;
  if (change !== null) return [piecewise(healthCurves.volume_trend, change), false, shown];
  // Nothing in the three months before: any volume now is growth; none at all is no data.
  return recent > 0 ? [100, false, shown] : [MISSING, true, shown];
}

function orderRhythm(facts: AccountFacts, daysSinceLast: number | null): [number, boolean, IndicatorFacts] {
  const medianGap = facts.gaps.median;
  if (daysSinceLast === null || medianGap === null) {
    return [MISSING, true, { name: 'order_rhythm', daysSinceLast, medianGap, ratio: null }];
  }
  const ratio = medianGap > 0 ? clean(daysSinceLast / medianGap) : daysSinceLast > 0 ? Number.POSITIVE_INFINITY : 0;
  return [piecewise(healthCurves.order_rhythm, ratio), false, { name: 'order_rhythm', daysSinceLast, medianGap, ratio: Number.isFinite(ratio) ? ratio : null }];
}

function ratioPercent(numerator: number, denominator: number): number {
  return clean((numerator / denominator) * 100);
}

/** The twelve indicators with their scores (unweighted): [score, missing, facts], in PRODUCT's order. */
export function healthIndicatorsOf(facts: AccountFacts, daysSinceLast: number | null): [number, boolean, IndicatorFacts][] {
  const { orders, payments, activity } = facts;
  const out: [number, boolean, IndicatorFacts][] = [];

  out.push(volumeTrend(facts));
  out.push(orderRhythm(facts, daysSinceLast));
  out.push(
    daysSinceLast === null
      ? [MISSING, true, { name: 'recency', daysSinceLast }]
      : [piecewise(healthCurves.recency, daysSinceLast), false, { name: 'recency', daysSinceLast }],
  );

  const margin3 = marginPercent(orders.costedRevenue3, orders.cost3);
  const margin12 = marginPercent(orders.costedRevenue12, orders.cost12);
  const points = margin3 !== null && margin12 !== null ? clean(margin3 - margin12) : null;
  out.push([points === null ? MISSING : piecewise(healthCurves.margin_trend, points), points === null, { name: 'margin_trend', margin3, margin12, points }]);

  out.push(
    payments.due12 > 0
      ? [ratioPercent(payments.onTime12, payments.due12), false, { name: 'on_time_payment', due: payments.due12, onTime: payments.onTime12 }]
      : [70, true, { name: 'on_time_payment', due: 0, onTime: 0 }],
  );

  const overduePercent = orders.revenue12 > 0 ? ratioPercent(payments.overdue, orders.revenue12) : null;
  const overdueScore = overduePercent !== null ? piecewise(healthCurves.overdue_receivables, overduePercent) : payments.overdue > 0 ? 0 : 100;
  out.push([overdueScore, false, { name: 'overdue_receivables', overdue: payments.overdue, revenue12: orders.revenue12, percent: overduePercent }]);

  const open = activity.openComplaints;
  out.push([clamp(100 - 40 * open.A - 20 * open.B - 10 * open.C, 0, 100), false, { name: 'open_complaints', ...open }]);

  out.push(
    activity.complaints12 > 0
      ? [ratioPercent(activity.resolvedIn72h12, activity.complaints12), false, { name: 'complaint_resolution', complaints: activity.complaints12, within72h: activity.resolvedIn72h12 }]
      : [100, true, { name: 'complaint_resolution', complaints: 0, within72h: 0 }],
  );

  out.push(
    activity.replies90 > 0 && activity.medianReplyRatio !== null
      ? [piecewise(healthCurves.reply_latency, activity.medianReplyRatio), false, { name: 'reply_latency', replies: activity.replies90, medianRatio: activity.medianReplyRatio }]
      : [70, true, { name: 'reply_latency', replies: 0, medianRatio: null }],
  );

  const decided = activity.quotesWon12 + activity.quotesLost12;
  out.push(
    decided > 0
      ? [ratioPercent(activity.quotesWon12, decided), false, { name: 'quote_win_rate', won: activity.quotesWon12, lost: activity.quotesLost12 }]
      : [50, true, { name: 'quote_win_rate', won: 0, lost: 0 }],
  );

  out.push([piecewise(healthCurves.inquiry_activity, activity.inquiries90), false, { name: 'inquiry_activity', inquiries: activity.inquiries90 }]);

  out.push(
    activity.daysSinceContact === null
      ? [MISSING, true, { name: 'contact_recency', days: null }]
      : [piecewise(healthCurves.contact_recency, activity.daysSinceContact), false, { name: 'contact_recency', days: activity.daysSinceContact }],
  );

  return out;
}

export function healthOf(facts: AccountFacts, daysSinceLast: number | null, weights: HealthWeights): Health {
  const scored = healthIndicatorsOf(facts, daysSinceLast);
  let totalWeight = 0;
  for (const [, , shown] of scored) totalWeight += weights[shown.name];
  // All weights 0 would leave nothing to average: then every indicator counts alike.
  const indicators: HealthIndicator[] = [];
  let sumWeights = 0;
  let sum = 0;
  for (const [raw, missing, shown] of scored) {
    const weight = totalWeight > 0 ? weights[shown.name] : 1;
    const score = round1(raw);
    indicators.push({ name: shown.name, score, weight, missing, facts: shown });
    sumWeights += weight;
    sum += score * weight;
  }
  return { score: Math.round(clean(sum / sumWeights)), indicators };
}
