/** R12: the four quadrants (value × growth) and the loyalty tiers A/B/C (PRODUCT, Defaults: Scores). */
import { clamp, clean, round1 } from './curves';
import type { GapFacts, PaymentFacts } from './facts';

export const quadrants = ['strategic', 'potential', 'maintain', 'declining'] as const;
export type Quadrant = (typeof quadrants)[number];

export const loyaltyClasses = ['A', 'B', 'C'] as const;
export type LoyaltyClass = (typeof loyaltyClasses)[number];

export const DECLINING_GROWTH = -15;
export const GROWING = 15;
export const STRATEGIC_VALUE = 60;

/**
 * First match wins: declining (growth ≤ −15 % or a churn warning), strategic (value ≥ 60), potential
 * (growth ≥ +15 %), maintain. Growth is 12-month revenue against the 12 months before; with nothing before, any
 * revenue now counts as growth and none at all as flat.
 */
export function quadrantOf(value: number, growthPercent: number | null, revenue12: number, churnWarning: boolean): Quadrant {
  const growth = growthPercent ?? (revenue12 > 0 ? Number.POSITIVE_INFINITY : 0);
  if (growth <= DECLINING_GROWTH || churnWarning) return 'declining';
  if (value >= STRATEGIC_VALUE) return 'strategic';
  if (growth >= GROWING) return 'potential';
  return 'maintain';
}

export interface LoyaltyParts {
  /** (M − 1) × 25. */
  monetary: number;
  /** The value score's margin part. */
  margin: number;
  /** 100 × clamp(1 − coefficient of variation of the gaps between orders, 0, 1); 0 with fewer than 3 orders. */
  regularity: number;
  /** Share of the orders due in 24 months paid by their due date; none due → 50. */
  payment: number;
}

export interface Loyalty {
  class: LoyaltyClass;
  /** Mean of the four parts, one decimal; the class is read from it. */
  score: number;
  parts: LoyaltyParts;
  /** Inputs the parts show. */
  orders24: number;
  gapMean: number | null;
  gapCv: number | null;
  due24: number;
  onTime24: number;
}

/** Population coefficient of variation of the gaps (σ / mean); 0 when every gap is 0. */
export function coefficientOfVariation(gaps: GapFacts): number | null {
  if (gaps.count === 0) return null;
  const mean = gaps.sum / gaps.count;
  if (mean <= 0) return 0;
  const variance = Math.max(0, gaps.sumOfSquares / gaps.count - mean * mean);
  return clean(Math.sqrt(variance) / mean);
}

export function regularityPart(orders24: number, gaps: GapFacts): number {
  const cv = coefficientOfVariation(gaps);
  if (orders24 < 3 || cv === null) return 0;
  return round1(100 * clamp(1 - cv, 0, 1));
}

export function loyaltyClass(score: number): LoyaltyClass {
  return score >= 70 ? 'A' : score >= 40 ? 'B' : 'C';
}

export function loyaltyOf(m: number, marginPart: number, orders24: number, gaps: GapFacts, payments: PaymentFacts): Loyalty {
  const parts: LoyaltyParts = {
    monetary: (m - 1) * 25,
    margin: marginPart,
    regularity: regularityPart(orders24, gaps),
    payment: payments.due24 > 0 ? round1(clean((payments.onTime24 / payments.due24) * 100)) : 50,
  };
  const score = round1(clean((parts.monetary + parts.margin + parts.regularity + parts.payment) / 4));
  return {
    class: loyaltyClass(score),
    score,
    parts,
    orders24,
    gapMean: gaps.count > 0 ? clean(gaps.sum / gaps.count) : null,
    gapCv: coefficientOfVariation(gaps),
    due24: payments.due24,
    onTime24: payments.onTime24,
  };
}
