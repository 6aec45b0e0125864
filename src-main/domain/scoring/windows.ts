/**
 * The date windows every score reads (PRODUCT, Defaults: Scores): an N-month window is (as-of − N months, as-of];
 * "90 days" is (as-of − 90 days, as-of]; R14's months are the six complete calendar months before the as-of month
 * (the as-of month itself is not complete: the as-of day is still running).
 */
import { addDays, addMonths, addMonthsToMonth, monthOf } from './calendar';

export interface ScoreWindows {
  asOf: string;
  /** Exclusive lower bound of each N-month window: (since[N], asOf]. */
  since: { 3: string; 6: string; 12: string; 24: string };
  /** First day of the 90-day window. */
  days90From: string;
  /** R14: the six complete calendar months before the as-of month, oldest first (three earlier, three last). */
  churnMonths: [string, string, string, string, string, string];
}

export function scoreWindows(asOf: string): ScoreWindows {
  const month = monthOf(asOf);
  const churnMonths = [-6, -5, -4, -3, -2, -1].map((n) => addMonthsToMonth(month, n)) as ScoreWindows['churnMonths'];
  return {
    asOf,
    since: { 3: addMonths(asOf, -3), 6: addMonths(asOf, -6), 12: addMonths(asOf, -12), 24: addMonths(asOf, -24) },
    days90From: addDays(asOf, -89),
    churnMonths,
  };
}

/** Is `date` inside the window (since, asOf]? */
export function inWindow(date: string, since: string, asOf: string): boolean {
  return date > since && date <= asOf;
}
