/**
 * R9 lost deals — "一次生意未成，放弃前先从细节分析": before a quote is marked lost, the facts the book knows about it,
 * each with its number (it expired on D; its currency moved x % since the quote date; 8 of 17 questions unanswered;
 * the first reply came h hours after the SLA; n versions in d days; no answer in d days since it was sent), the
 * reason those facts suggest, and a recovery task (what to do, due at the buyer's morning some business days
 * later) that the user can accept, change or decline. And the lost-reasons report: by month and by reason, with
 * the facts that came with each reason. Pure: the service gathers the facts and passes the calendar in.
 */
import type { BusinessCalendar } from '../time/business-calendar';
import { parseClock } from '../time/clock';
import { nextBusinessSlotEpochMs } from '../time/schedule';

export const LOST_REASONS = ['price', 'spec_gap', 'certification', 'lead_time', 'payment_terms', 'fx', 'competitor', 'no_reply', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const LOSS_FACTS = ['expired', 'fx_moved', 'unanswered', 'late_reply', 'many_versions', 'no_answer'] as const;
export type LossFactId = (typeof LOSS_FACTS)[number];

/** What the user can do to win the buyer back; each is a to-do kind (`lost_recovery_<action>`). */
export const RECOVERY_ACTIONS = ['call', 'requote', 'answer_questions', 'send_certificates'] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

/** One fact with the numbers that make it one (shown in words by the UI and the CLI; kept with the lost quote). */
export type LossFact =
  | { id: 'expired'; on: string }
  | { id: 'fx_moved'; currency: string; base: string; percent: number; since: string }
  | { id: 'unanswered'; unanswered: number; asked: number }
  /** `unreplied`: no reply yet — the hours run to the loss. */
  | { id: 'late_reply'; hoursLate: number; slaHours: number; unreplied?: true }
  | { id: 'many_versions'; versions: number; days: number }
  | { id: 'no_answer'; days: number };

/** From this many versions on, the back and forth is itself a fact (the seeds' 7th version). */
export const MANY_VERSIONS = 3;

export interface LossInputs {
  /** When the quote is being marked lost (epoch ms). */
  atMs: number;
  currency: string;
  baseCurrency: string;
  quoteDate: string;
  /** The end of the quote's last valid day in the buyer's zone (epoch ms) and that day; null when it has none. */
  expiry: { ms: number; day: string } | null;
  /** The quote currency's rate (base units per unit) at the quote date and now, when both are known. */
  rates: { atQuote: number; now: number } | null;
  /** More than this many percent either way is a move worth naming (the quote's own R7 threshold, else the setting). */
  fxThresholdPercent: number;
  questions: { asked: number; answered: number };
  /** The inquiry the quote answers: when its SLA ran out and when the first reply went (epoch ms). */
  inquiry: { deadlineMs: number; firstReplyMs: number | null; slaHours: number } | null;
  /** When each version was made (epoch ms), in version order. */
  versionsMs: readonly number[];
  /** When the quote was sent and when the buyer wrote next (epoch ms). */
  sentMs: number | null;
  answeredMs: number | null;
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The facts, in the order the analysis shows them. */
export function lossFacts(input: LossInputs): LossFact[] {
  const facts: LossFact[] = [];
  if (input.expiry !== null && input.expiry.ms <= input.atMs) facts.push({ id: 'expired', on: input.expiry.day });
  if (input.rates !== null && input.currency !== input.baseCurrency && input.rates.atQuote > 0) {
    const percent = ((input.rates.now - input.rates.atQuote) / input.rates.atQuote) * 100;
    // "More than the threshold", as R7 counts it: compared without the rounding.
    if (Math.abs(input.rates.now - input.rates.atQuote) * 100 > input.fxThresholdPercent * input.rates.atQuote * (1 + 1e-12)) {
      facts.push({ id: 'fx_moved', currency: input.currency, base: input.baseCurrency, percent: Math.round(percent * 100) / 100, since: input.quoteDate });
    }
  }
  const unanswered = input.questions.asked - input.questions.answered;
  if (unanswered > 0) facts.push({ id: 'unanswered', unanswered, asked: input.questions.asked });
  if (input.inquiry !== null) {
    const replied = input.inquiry.firstReplyMs ?? input.atMs;
    if (replied > input.inquiry.deadlineMs) {
      const hoursLate = round1((replied - input.inquiry.deadlineMs) / MS_PER_HOUR);
      facts.push({ id: 'late_reply', hoursLate, slaHours: input.inquiry.slaHours, ...(input.inquiry.firstReplyMs === null ? { unreplied: true as const } : {}) });
    }
  }
  const versions = input.versionsMs.length;
  if (versions >= MANY_VERSIONS) {
    facts.push({ id: 'many_versions', versions, days: Math.floor((input.versionsMs[versions - 1]! - input.versionsMs[0]!) / MS_PER_DAY) });
  }
  if (input.sentMs !== null && input.answeredMs === null && input.atMs > input.sentMs) {
    facts.push({ id: 'no_answer', days: Math.floor((input.atMs - input.sentMs) / MS_PER_DAY) });
  }
  return facts;
}

/**
 * The reason the facts point at, for the form to start from (the user decides): unanswered questions are a spec
 * gap; a currency move, FX; silence after sending, no reply; a long back and forth, price. Nothing known: none.
 */
export function suggestedReason(facts: readonly LossFact[]): LostReason | null {
  const has = (id: LossFactId) => facts.some((f) => f.id === id);
  if (has('unanswered')) return 'spec_gap';
  if (has('fx_moved')) return 'fx';
  if (has('no_answer')) return 'no_reply';
  if (has('many_versions')) return 'price';
  return null;
}

/** What to do after a loss for each reason, and how many of the buyer's business days later (at their morning). */
export const RECOVERY_PLAN: Readonly<Record<LostReason, { action: RecoveryAction; businessDays: number }>> = {
  // Answer what was left open while the buyer still remembers the quote.
  spec_gap: { action: 'answer_questions', businessDays: 2 },
  certification: { action: 'send_certificates', businessDays: 5 },
  // A new quote at today's rate is worth sending soon; a price, lead time or terms rethink takes a little longer.
  fx: { action: 'requote', businessDays: 2 },
  price: { action: 'requote', businessDays: 10 },
  lead_time: { action: 'requote', businessDays: 10 },
  payment_terms: { action: 'requote', businessDays: 10 },
  // Ask how it is going with the competitor once they have had time to deliver.
  competitor: { action: 'call', businessDays: 20 },
  no_reply: { action: 'call', businessDays: 3 },
  other: { action: 'call', businessDays: 10 },
};

/** The buyer's morning `businessDays` business days after `fromMs` (each step the next business morning strictly after). */
export function recoveryDue(
  calendar: BusinessCalendar,
  buyer: { zone: string; country: string },
  buyerMorning: string,
  fromMs: number,
  businessDays: number,
): number {
  const minutes = parseClock(buyerMorning) ?? 8 * 60 + 15;
  let ms = fromMs;
  for (let i = 0; i < Math.max(1, businessDays); i++) ms = nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, ms, minutes);
  return ms;
}

/** One lost quote as the report reads it. */
export interface LostQuoteFacts {
  /** The month it was marked lost, `YYYY-MM` (in the user's zone). */
  month: string;
  reason: string | null;
  facts: readonly string[];
}

export interface LostReasonsReport {
  total: number;
  months: { month: string; total: number; reasons: { reason: string; count: number }[] }[];
  reasons: { reason: string; count: number; share: number; facts: { fact: string; count: number }[] }[];
}

const byCountThenName = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));

/**
 * R9: lost quotes by month (oldest first) and by reason (most first), each reason with the facts that came with it
 * and how often. A quote lost without a reason counts under `unknown`.
 */
export function lostReasonsReport(quotes: readonly LostQuoteFacts[]): LostReasonsReport {
  const months = new Map<string, Map<string, number>>();
  const reasons = new Map<string, { count: number; facts: Map<string, number> }>();
  for (const q of quotes) {
    const reason = q.reason ?? 'unknown';
    const month = months.get(q.month) ?? new Map<string, number>();
    month.set(reason, (month.get(reason) ?? 0) + 1);
    months.set(q.month, month);
    const entry = reasons.get(reason) ?? { count: 0, facts: new Map<string, number>() };
    entry.count++;
    for (const fact of new Set(q.facts)) entry.facts.set(fact, (entry.facts.get(fact) ?? 0) + 1);
    reasons.set(reason, entry);
  }
  const total = quotes.length;
  return {
    total,
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, counts]) => {
        const list = [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort(byCountThenName((r) => r.reason));
        return { month, total: list.reduce((sum, r) => sum + r.count, 0), reasons: list };
      }),
    reasons: [...reasons.entries()]
      .map(([reason, { count, facts }]) => ({
        reason,
        count,
        share: Math.round((count / total) * 1000) / 10,
        facts: [...facts.entries()].map(([fact, n]) => ({ fact, count: n })).sort(byCountThenName((f) => f.fact)),
      }))
      .sort(byCountThenName((r) => r.reason)),
  };
}
