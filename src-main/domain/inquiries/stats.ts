/**
 * R1 response statistics: how fast first replies went out, per inquiry source (the response-time matrix) and for
 * all sources together — the seeds' benchmark is an industry average of 4.2 h against a best practice of 12 min.
 * Pure arithmetic over inquiries whose SLA deadline is already known (src-main/domain/schedule/rules.ts
 * `replyDeadline`, which the service applies); no database, no clock: `nowMs` is passed in.
 *
 * - Reply time: first reply − receipt, in minutes; only replied inquiries have one (an open inquiry is not given a
 *   made-up reply time, it counts in the within-SLA share instead).
 * - Median and p90 by nearest rank: the p-th percentile of n reply times sorted ascending is the one at rank
 *   ⌈p · n / 100⌉ (1-based), always a time that happened. The median is p50: for an even count, the lower of the
 *   two middle times. Shown to one decimal of a minute.
 * - Within-SLA share: met ÷ (met + missed). A reply at or before the deadline meets it, a later one misses it; an
 *   unreplied inquiry misses it once its deadline has passed (now after the deadline) and is left out while it can
 *   still be met. null when nothing is decided yet. Three decimals.
 */

export type SlaOutcome = 'met' | 'missed' | 'pending';

/** Whether an inquiry's first reply met its SLA deadline, as of `nowMs`. */
export function slaOutcome(firstReplyMs: number | null, dueMs: number, nowMs: number): SlaOutcome {
  if (firstReplyMs !== null) return firstReplyMs <= dueMs ? 'met' : 'missed';
  return nowMs > dueMs ? 'missed' : 'pending';
}

/** The nearest-rank percentile (0 < percent ≤ 100) of values sorted ascending; null for none. */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  // percent × n first: 0.9 × 70 is 63.000…01 in floating point, 90 × 70 / 100 is 63.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((percent * sorted.length) / 100)));
  return sorted[rank - 1]!;
}

export interface InquiryTiming<S extends string> {
  source: S;
  receivedMs: number;
  firstReplyMs: number | null;
  /** The SLA deadline ("reply by") of this inquiry. */
  dueMs: number;
}

export interface ResponseStatsRow<S extends string> {
  source: S | 'all';
  count: number;
  replied: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  withinSlaShare: number | null;
  /** The source's SLA in hours before R4/R16 halving (null on the `all` row, which mixes sources). */
  slaHours: number | null;
}

export interface ResponseStats<S extends string> {
  sources: ResponseStatsRow<S>[];
  all: ResponseStatsRow<S>;
}

const MS_PER_MINUTE = 60_000;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function row<S extends string>(source: S | 'all', slaHours: number | null, inquiries: readonly InquiryTiming<S>[], nowMs: number): ResponseStatsRow<S> {
  const minutes: number[] = [];
  let met = 0;
  let missed = 0;
  for (const inquiry of inquiries) {
    if (inquiry.firstReplyMs !== null) minutes.push((inquiry.firstReplyMs - inquiry.receivedMs) / MS_PER_MINUTE);
    const outcome = slaOutcome(inquiry.firstReplyMs, inquiry.dueMs, nowMs);
    if (outcome === 'met') met++;
    else if (outcome === 'missed') missed++;
  }
  minutes.sort((a, b) => a - b);
  const median = nearestRank(minutes, 50);
  const p90 = nearestRank(minutes, 90);
  return {
    source,
    count: inquiries.length,
    replied: minutes.length,
    medianMinutes: median === null ? null : round(median, 1),
    p90Minutes: p90 === null ? null : round(p90, 1),
    withinSlaShare: met + missed === 0 ? null : round(met / (met + missed), 3),
    slaHours,
  };
}

/** One row per source in the order given (sources without inquiries included, with zeros and nulls), and `all`. */
export function responseStats<S extends string>(
  inquiries: readonly InquiryTiming<S>[],
  sources: readonly S[],
  slaHours: Readonly<Record<S, number>>,
  nowMs: number,
): ResponseStats<S> {
  const bySource = new Map<S, InquiryTiming<S>[]>(sources.map((s) => [s, []]));
  for (const inquiry of inquiries) bySource.get(inquiry.source)?.push(inquiry);
  return {
    sources: sources.map((s) => row(s, slaHours[s], bySource.get(s)!, nowMs)),
    all: row<S>('all', null, inquiries, nowMs),
  };
}
