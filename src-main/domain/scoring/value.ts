/** R11: the weighted customer value score and its five parts, each 0–100 (PRODUCT, Defaults: Scores). */
import { scoreParts } from '../settings';
import { changePercent, clamp, clean, round1 } from './curves';
import type { AccountFacts } from './facts';

export type ValuePart = (typeof scoreParts)[number];
export type ValueParts = Record<ValuePart, number>;
export type ScoreWeights = Record<ValuePart, number>;

export const defaultScoreWeights: ScoreWeights = { purchase: 25, margin: 25, growth: 20, strategic: 15, reputation: 15 };

/** Margin of the orders that have a cost, in percent; null when there is no such revenue. */
export function marginPercent(costedRevenue: number, cost: number): number | null {
  return costedRevenue > 0 ? clean(((costedRevenue - cost) / costedRevenue) * 100) : null;
}

/** 0 % → 0 and ≥ 30 % → 100 linearly; no data → 50. */
export function marginPart(margin: number | null): number {
  return margin === null ? 50 : clamp((margin / 30) * 100, 0, 100);
}

/** −50 % → 0, 0 % → 50, +50 % → 100, clamped; previous 0: 100 when there is revenue now, 50 when both are 0. */
export function growthPart(current: number, previous: number): number {
  const growth = changePercent(current, previous);
  if (growth === null) return current > 0 ? 100 : 50;
  return clamp(50 + growth, 0, 100);
}

/** A 1–5 rating → 0/25/50/75/100. */
export function ratingPart(rating: number): number {
  return (clamp(Math.round(rating), 1, 5) - 1) * 25;
}

export interface ValueScore {
  score: number;
  parts: ValueParts;
  weights: ScoreWeights;
  /** Inputs the parts show. */
  revenue12: number;
  revenuePrev12: number;
  growthPercent: number | null;
  marginPercent: number | null;
}

/** Weighted mean of the parts, rounded to a whole number (weights sum to 100; any positive sum works). */
export function weightedScore(parts: ValueParts, weights: ScoreWeights): number {
  let total = 0;
  let weight = 0;
  for (const part of scoreParts) {
    total += parts[part] * weights[part];
    weight += weights[part];
  }
  return weight > 0 ? Math.round(clean(total / weight)) : 0;
}

export function valueOf(facts: AccountFacts, weights: ScoreWeights): ValueScore {
  const { orders } = facts;
  const margin = marginPercent(orders.costedRevenue12, orders.cost12);
  // Parts are kept to one decimal, and the score is computed from them: the numbers shown add up.
  const parts: ValueParts = {
    purchase: facts.quintiles.purchase ?? 0,
    margin: round1(marginPart(margin)),
    growth: round1(growthPart(orders.revenue12, orders.revenuePrev12)),
    strategic: ratingPart(facts.strategicFit),
    reputation: ratingPart(facts.reputation),
  };
  return {
    score: weightedScore(parts, weights),
    parts,
    weights,
    revenue12: orders.revenue12,
    revenuePrev12: orders.revenuePrev12,
    growthPercent: changePercent(orders.revenue12, orders.revenuePrev12),
    marginPercent: margin,
  };
}
