/**
 * R13 quarterly health reviews: anchored on a date with no drift (31 Jan → 30 Apr → 31 Jul → 31 Oct → 31 Jan),
 * for active accounts (an order in the last 24 months). Rolling the date to the buyer's next business day and
 * creating the review task belong to the scheduler; this gives the anchored dates.
 */
import { addMonths } from './calendar';

/** The k-th quarterly date after the anchor (k ≥ 1), always counted from the anchor itself. */
export function quarterlyDate(anchor: string, k: number): string {
  return addMonths(anchor, 3 * k);
}

/** The latest review date on or before `asOf` (the anchor itself is not a review), or null when none is due yet. */
export function latestReviewDate(anchor: string, asOf: string): string | null {
  if (asOf <= anchor) return null;
  const months = (Number(asOf.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(anchor.slice(5, 7));
  let k = Math.floor(months / 3);
  while (k >= 1 && quarterlyDate(anchor, k) > asOf) k--;
  return k >= 1 ? quarterlyDate(anchor, k) : null;
}
