/**
 * R9 for the lost-deals page and dialog, pure: how a fact of a loss analysis is worded from its numbers (the i18n
 * key and its values), the recovery draft the form edits and the `recovery` it sends, the months of the report's
 * period, and the chart's scale. No clock, no i18n instance: the callers pass the language and the zones.
 */
import { Temporal } from 'temporal-polyfill';
import { instantToWall, wallToInstant } from '../../time/wall-time';
import type { LossFact } from '../../../src-main/contract/models';
import type { LossAnalysis, LostReasonsReport } from '../../../src-main/contract/quotes';
import { LOST_REASONS, LOSS_FACTS, RECOVERY_ACTIONS, type LostReason, type RecoveryAction } from '../../../src-main/domain/quotes/loss';
import type { Language } from '../../i18n';

export { LOST_REASONS, LOSS_FACTS, RECOVERY_ACTIONS };
export type { LostReason, RecoveryAction };
export type RecoveryProposal = LossAnalysis['recovery'][LostReason];

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number in the UI language with at most two decimals (3.85, 2.2, 17). */
export function formatAmount(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A signed percentage: `+3.85 %`, `−5 %`, `0 %` (a true minus sign, a space before the sign as the seeds write it). */
export function signedPercent(value: number, language: Language): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatAmount(Math.abs(value), language)} %`;
}

export function isLostReason(value: string): value is LostReason {
  return (LOST_REASONS as readonly string[]).includes(value);
}

export function isRecoveryAction(value: string): value is RecoveryAction {
  return (RECOVERY_ACTIONS as readonly string[]).includes(value);
}

/** A fact's sentence as an i18n key under `lostDeals.fact` and its values; `count` picks the plural form. */
export interface FactMessage {
  key: LossFact['id'] | 'late_reply_unreplied';
  values: Record<string, string | number>;
  /** Set when the sentence also names a number of days (`lostDeals.days`). */
  days?: number;
}

/** R9: the words of a fact come from its numbers: "8 of 17 spec questions unanswered", "EUR moved +3.85 % …". */
export function factMessage(fact: LossFact, language: Language): FactMessage {
  const n = (value: number) => formatAmount(value, language);
  switch (fact.id) {
    case 'expired':
      return { key: 'expired', values: { date: fact.on } };
    case 'fx_moved':
      return { key: 'fx_moved', values: { currency: fact.currency, base: fact.base, percent: signedPercent(fact.percent, language), date: fact.since } };
    case 'unanswered':
      return { key: 'unanswered', values: { count: fact.asked, formatted: n(fact.asked), unanswered: n(fact.unanswered) } };
    case 'late_reply':
      return { key: fact.unreplied ? 'late_reply_unreplied' : 'late_reply', values: { hours: n(fact.hoursLate), sla: n(fact.slaHours) } };
    case 'many_versions':
      return { key: 'many_versions', values: { count: fact.versions, formatted: n(fact.versions) }, days: fact.days };
    case 'no_answer':
      return { key: 'no_answer', values: { count: fact.days, formatted: n(fact.days) } };
  }
}

/** `2025-06-27T08:15:00+02:00[Europe/Madrid]` → its zone and its wall time as a datetime-local input shows it. */
export function parseZoned(zoned: string): { zone: string; local: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?[+-]\d{2}:\d{2}\[([^\]]+)\]$/.exec(zoned) ?? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?Z\[(UTC)\]$/.exec(zoned);
  return match ? { local: match[1]!, zone: match[2]! } : null;
}

/** How the form holds the recovery to-do: the proposal as is, the user's change of it, or none. */
export interface RecoveryDraft {
  mode: 'accept' | 'edit' | 'decline';
  action: RecoveryAction;
  /** Due, as typed: the buyer's wall time `YYYY-MM-DDTHH:MM`. */
  due: string;
  note: string;
}

/** The draft for a reason's proposal, keeping the user's choice of mode and their note. */
export function draftOfProposal(proposal: RecoveryProposal, buyerZone: string, keep?: Pick<RecoveryDraft, 'mode' | 'note'>): RecoveryDraft {
  return { mode: keep?.mode ?? 'accept', action: proposal.action, due: instantToWall(proposal.dueAt, buyerZone), note: keep?.note ?? '' };
}

export type RecoveryProblem = 'due' | 'dueBeforeLoss';

/**
 * What `quotes.lose` gets as `recovery`: the proposal itself when accepted (its exact instant), the user's action,
 * due time (read in the buyer's zone) and note when changed, null when declined; or the problem with the due time.
 */
export function recoveryInput(
  draft: RecoveryDraft,
  proposal: RecoveryProposal,
  buyerZone: string,
  lostAt: string,
): { ok: true; value: { action: RecoveryAction; dueAt: string; note?: string } | null } | { ok: false; problem: RecoveryProblem } {
  if (draft.mode === 'decline') return { ok: true, value: null };
  if (draft.mode === 'accept') return { ok: true, value: { action: proposal.action, dueAt: proposal.dueAt } };
  const dueAt = wallToInstant(draft.due, buyerZone);
  if (dueAt === null) return { ok: false, problem: 'due' };
  if (Date.parse(dueAt) <= Date.parse(lostAt)) return { ok: false, problem: 'dueBeforeLoss' };
  const note = draft.note.trim();
  return { ok: true, value: { action: draft.action, dueAt, ...(note ? { note } : {}) } };
}

/** Every month from the one holding `from` to the one holding `to` (days `YYYY-MM-DD`), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = Temporal.PlainYearMonth.from(from.slice(0, 7));
  const last = Temporal.PlainYearMonth.from(to.slice(0, 7));
  while (Temporal.PlainYearMonth.compare(month, last) <= 0 && months.length < 1200) {
    months.push(month.toString());
    month = month.add({ months: 1 });
  }
  return months;
}

export type ReportMonth = LostReasonsReport['months'][number];

/** The report's months with the empty ones of its period filled in (a chart with gaps would hide quiet months). */
export function monthSeries(report: Pick<LostReasonsReport, 'from' | 'to' | 'months'>): ReportMonth[] {
  const byMonth = new Map(report.months.map((m) => [m.month, m]));
  const months = monthsBetween(report.from, report.to);
  for (const m of report.months) if (!months.includes(m.month)) months.push(m.month);
  return months.sort().map((month) => byMonth.get(month) ?? { month, total: 0, reasons: [] });
}

/** The smallest of 1, 2, 5, 10, 20, 50… at or above `value` (at least 1): the top of the chart's axis. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** The axis ticks from 0 to the nice top: whole numbers, at most `most` + 1 of them. */
export function axisTicks(top: number, most = 5): number[] {
  const step = Math.max(1, niceCeiling(top / most));
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}

/** A linear scale from counts [0, top] to pixels [0, length]. */
export function linearScale(top: number, length: number): (count: number) => number {
  return (count) => (top <= 0 ? 0 : (Math.max(0, Math.min(count, top)) * length) / top);
}

/** The stacked segments of one month's bar, bottom up, in the order of `reasons` (the report's order, most first). */
export function stackSegments(
  month: ReportMonth,
  reasons: readonly string[],
  scale: (count: number) => number,
): { reason: string; count: number; y0: number; y1: number }[] {
  const counts = new Map(month.reasons.map((r) => [r.reason, r.count]));
  const order = [...reasons, ...month.reasons.map((r) => r.reason).filter((r) => !reasons.includes(r))];
  const segments: { reason: string; count: number; y0: number; y1: number }[] = [];
  let sum = 0;
  for (const reason of order) {
    const count = counts.get(reason) ?? 0;
    if (count === 0) continue;
    segments.push({ reason, count, y0: scale(sum), y1: scale(sum + count) });
    sum += count;
  }
  return segments;
}

/** One colour per reason (Mantine's palette), the same in the chart, its legend and the tables. */
export const REASON_COLORS: Readonly<Record<LostReason | 'unknown', string>> = {
  price: 'red',
  spec_gap: 'orange',
  certification: 'yellow',
  lead_time: 'lime',
  payment_terms: 'teal',
  fx: 'cyan',
  competitor: 'grape',
  no_reply: 'indigo',
  other: 'gray',
  unknown: 'dark',
};

export function reasonColor(reason: string): string {
  return isLostReason(reason) || reason === 'unknown' ? REASON_COLORS[reason] : 'gray';
}

/** The day an instant falls on in `zone` (`YYYY-MM-DD`). */
export function dayIn(instant: string, zone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** Whether an instant falls on a day of the period [from, to] in `zone`. */
export function inPeriod(instant: string, from: string, to: string, zone: string): boolean {
  const day = dayIn(instant, zone);
  return day >= from && day <= to;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** A report month `YYYY-MM` in the UI language: "Jun 2025" / "2025年6月"; `short` without the year ("Jun" / "6月"). */
export function monthLabel(month: string, language: Language, short = false): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  const key = `${language}|${short}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, short ? { month: 'short', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, number - 1, 1)));
}
