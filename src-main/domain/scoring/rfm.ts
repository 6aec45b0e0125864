/** R10: RFM quintile scores (computed book-wide in SQL) and the tier they give, first match wins. */
import { daysBetween } from './calendar';
import type { OrderFacts, Quintiles } from './facts';

export const tiers = ['new', 'dormant', 'VIP', 'potential', 'general'] as const;
export type Tier = (typeof tiers)[number];

export interface Rfm {
  r: number;
  f: number;
  m: number;
  tier: Tier;
  /** The inputs each score shows ("last order 214 days ago → R=1"). */
  daysSinceLast: number;
  daysSinceFirst: number;
  orders24: number;
  revenue24: number;
}

/** Tier thresholds in days (PRODUCT, Defaults: new < 90 days since the first order, dormant ≥ 365 since the last). */
export const NEW_DAYS = 90;
export const DORMANT_DAYS = 365;

export function rfmTier(scores: { r: number; f: number; m: number }, daysSinceFirst: number, daysSinceLast: number): Tier {
  if (daysSinceFirst < NEW_DAYS) return 'new';
  if (daysSinceLast >= DORMANT_DAYS) return 'dormant';
  if (scores.r >= 4 && scores.f >= 4 && scores.m >= 4) return 'VIP';
  if (scores.m >= 4 && scores.f <= 2) return 'potential';
  return 'general';
}

/** The account's RFM as of a date, or null for an account without orders (`rfm: null`). */
export function rfmOf(orders: OrderFacts, quintiles: Quintiles, asOf: string): Rfm | null {
  if (orders.count === 0 || orders.firstOrder === null || orders.lastOrder === null) return null;
  if (quintiles.r === null || quintiles.f === null || quintiles.m === null) return null;
  const daysSinceFirst = daysBetween(orders.firstOrder, asOf);
  const daysSinceLast = daysBetween(orders.lastOrder, asOf);
  const { r, f, m } = quintiles;
  return {
    r,
    f,
    m,
    tier: rfmTier({ r, f, m }, daysSinceFirst, daysSinceLast),
    daysSinceLast,
    daysSinceFirst,
    orders24: orders.orders24,
    revenue24: orders.revenue24,
  };
}

/** ceil(5 × cume_dist) for a value among others (the SQL does this book-wide; tests and one-account rescoring use it). */
export function quintile(cumeDist: number): number {
  return Math.min(5, Math.max(1, Math.ceil(5 * cumeDist)));
}
