/**
 * R16 inquiry quality scorecard: authenticity, urgency and value, 1–5 each, guide the SLA and the priority.
 * PRODUCT (Defaults, R4/R16): urgency ≥ 4 halves the SLA, the priority channel halves it too; they do not stack.
 */
import { round1 } from './curves';

export interface InquiryRatings {
  authenticity?: number | null;
  urgency?: number | null;
  value?: number | null;
}

export type InquiryPriority = 'high' | 'normal' | 'low';

/** Quality ≥ 4 is a hot inquiry; below 2.5 a weak one. */
export const HIGH_QUALITY = 4;
export const LOW_QUALITY = 2.5;
export const URGENT = 4;

/** The mean of the ratings given, to one decimal; null when none is rated. */
export function inquiryQuality(ratings: InquiryRatings): number | null {
  const given = [ratings.authenticity, ratings.urgency, ratings.value].filter((r): r is number => typeof r === 'number');
  return given.length === 0 ? null : round1(given.reduce((a, b) => a + b, 0) / given.length);
}

/** The factor applied to the source's SLA hours: ½ for urgency ≥ 4 or the priority channel, not stacking. */
export function slaFactor(urgency: number | null | undefined, priorityChannel: boolean): number {
  return priorityChannel || (urgency ?? 0) >= URGENT ? 0.5 : 1;
}

export function inquiryPriority(ratings: InquiryRatings, priorityChannel: boolean): InquiryPriority {
  const quality = inquiryQuality(ratings);
  if (priorityChannel || (ratings.urgency ?? 0) >= URGENT || (quality ?? 0) >= HIGH_QUALITY) return 'high';
  if (quality !== null && quality < LOW_QUALITY) return 'low';
  return 'normal';
}

export interface AccountInquiryPriority {
  open: number;
  /** The highest priority among the open inquiries; null when none is open. */
  priority: InquiryPriority | null;
  bestQuality: number | null;
  maxUrgency: number | null;
}

/** The account's priority: that of its most pressing open inquiry (the aggregates come from SQL). */
export function accountInquiryPriority(
  open: { count: number; maxUrgency: number | null; bestQuality: number | null; allLowQuality: boolean },
  priorityChannel: boolean,
): AccountInquiryPriority {
  let priority: InquiryPriority | null;
  if (open.count === 0) priority = null;
  else if (priorityChannel || (open.maxUrgency ?? 0) >= URGENT || (open.bestQuality ?? 0) >= HIGH_QUALITY) priority = 'high';
  else priority = open.allLowQuality ? 'low' : 'normal';
  return { open: open.count, priority, bestQuality: open.bestQuality, maxUrgency: open.maxUrgency };
}
