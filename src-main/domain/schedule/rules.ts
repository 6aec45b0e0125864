/**
 * The scheduler's rules as pure arithmetic (R1, R2, R4, R7, R13, R15; PRODUCT Defaults, "Time"): each takes the
 * facts of one source record, the buyer's zone and country, the settings and a business calendar, and returns
 * the instants (epoch ms) its tasks are due. No database, no clock: the service passes everything in.
 */
import { Temporal } from 'temporal-polyfill';
import type { InquirySource } from '../../contract/primitives';
import type { BusinessCalendar } from '../time/business-calendar';
import { civilOfEpochDay, epochDayOf, formatEpochDay, MS_PER_DAY, parseEpochDay } from '../time/civil-days';
import { parseClock, parseWindow } from '../time/clock';
import { addBusinessHours, nextBusinessSlotEpochMs } from '../time/schedule';
import { isFestivalPause } from './festivals';
import { localEpochDayOf, wallClockEpochMs } from '../time/zones';

const MS_PER_HOUR = 3_600_000;

/** The settings the rules read (keys in PRODUCT, Defaults). */
export interface RuleSettings {
  buyerMorning: string;
  businessWindow: string;
  slaHours: Record<InquirySource, number>;
  slaCountsBusinessHours: boolean;
  followUpBusinessDays: number;
  expiryReminderBusinessDays: readonly number[];
  scheduleHorizonDays: number;
  /** R6: the touch-point plan of each RFM tier. */
  touchPoints: Readonly<Record<TouchTier, readonly TouchPlan[]>>;
  /** Receivables: a payment reminder this many days before the due date (0: only on the day). */
  paymentReminderDays: number;
}

/** Where the buyer is: their IANA zone and country (business days and mornings are theirs). */
export interface Buyer {
  zone: string;
  country: string;
}

export function morningMinutes(settings: RuleSettings): number {
  return parseClock(settings.buyerMorning) ?? 8 * 60 + 15;
}

/** Adds hours from an instant: elapsed clock hours, or business hours in the buyer's window when so set. */
function addHours(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, fromMs: number, hours: number): number {
  if (!settings.slaCountsBusinessHours) return fromMs + Math.round(hours * MS_PER_HOUR);
  const window = parseWindow(settings.businessWindow) ?? undefined;
  return addBusinessHours(calendar, {
    zone: buyer.zone,
    country: buyer.country,
    from: Temporal.Instant.fromEpochMilliseconds(fromMs),
    hours,
    window,
  }).epochMilliseconds;
}

export interface InquiryFacts {
  source: InquirySource;
  receivedMs: number;
  urgency: number | null;
  priorityChannel: boolean;
}

export interface ReplyDeadline {
  /** The SLA deadline ("reply by"): the task's due instant. */
  dueMs: number;
  /** The buyer's next morning strictly after receipt ("lands best at"). */
  landsBestAtMs: number;
  /** The SLA applied, in hours (halved once for the priority channel or urgency ≥ 4, never twice). */
  slaHours: number;
  halved: boolean;
}

/** R1 (with R4/R16): the reply deadline of a new inquiry. */
export function replyDeadline(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, inquiry: InquiryFacts): ReplyDeadline {
  const halved = inquiry.priorityChannel || (inquiry.urgency !== null && inquiry.urgency >= 4);
  const slaHours = settings.slaHours[inquiry.source] / (halved ? 2 : 1);
  return {
    dueMs: addHours(calendar, settings, buyer, inquiry.receivedMs, slaHours),
    landsBestAtMs: nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, inquiry.receivedMs, morningMinutes(settings)),
    slaHours,
    halved,
  };
}

/** R2: a follow-up at the buyer's morning N business days (`followUpBusinessDays`) after a quote or message went out. */
export function followUpDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, sentMs: number): number {
  const minutes = morningMinutes(settings);
  let ms = sentMs;
  for (let i = 0; i < settings.followUpBusinessDays; i++) ms = nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, ms, minutes);
  // R5: a routine follow-up that falls on a festival's days moves to the next business day.
  for (let guard = 0; guard < 60 && isFestivalPause(buyer.country, localDayOf(buyer.zone, ms)); guard++) {
    ms = nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, ms, minutes);
  }
  return ms;
}

/**
 * R2 for a lead met in person (trade-fair capture, issue 13 item 1): the first follow-up lands at the buyer's next
 * business morning strictly after the meeting (R3: their weekend and holidays skipped; R5: off a festival's pause).
 */
export function leadFollowUpDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, metMs: number): number {
  const minutes = morningMinutes(settings);
  let ms = nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, metMs, minutes);
  for (let guard = 0; guard < 60 && isFestivalPause(buyer.country, localDayOf(buyer.zone, ms)); guard++) {
    ms = nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, ms, minutes);
  }
  return ms;
}

/** How far `offFestival` can move a day (its guard): a quarterly review dated earlier than that before a bound is skipped. */
const ROLL_REACH_DAYS = 62;

/** R5: the business day on or after `day` that is not a festival pause day in the buyer's country. */
function offFestival(calendar: BusinessCalendar, country: string, day: number): number {
  let business = calendar.nextBusinessEpochDay(country, day);
  for (let guard = 0; guard < 60 && isFestivalPause(country, business); guard++) business = calendar.nextBusinessEpochDay(country, business + 1);
  return business;
}

/** Greetings are due this many business days before a festival (R5). */
export const GREETING_BUSINESS_DAYS = 3;

/** R5: the greeting for a festival starting on a buyer-local day: 3 business days before it, at the buyer's morning. */
export function greetingDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, firstDay: number): number {
  let day = firstDay;
  for (let found = 0; found < GREETING_BUSINESS_DAYS; ) {
    day--;
    if (calendar.isBusinessEpochDay(buyer.country, day)) found++;
  }
  return wallClockEpochMs(buyer.zone, day, morningMinutes(settings));
}

/** Three inquiries in a row, each less than 48 h after the one before. */
export const PRIORITY_CHAIN = 3;
export const PRIORITY_GAP_MS = 48 * MS_PER_HOUR;

/**
 * R4: the instant of the inquiry that completes the first run of three, each less than 48 h after the one
 * before (inquiry instants in any order); null when there is no such run.
 */
export function priorityEarnedAt(receivedMs: readonly number[]): number | null {
  const sorted = [...receivedMs].sort((a, b) => a - b);
  let chain = 1;
  for (let i = 1; i < sorted.length; i++) {
    chain = sorted[i]! - sorted[i - 1]! < PRIORITY_GAP_MS ? chain + 1 : 1;
    if (chain >= PRIORITY_CHAIN) return sorted[i]!;
  }
  return null;
}

export interface ExpiryReminder {
  /** Business days before expiry (a value of `expiryReminderBusinessDays`). */
  days: number;
  dueMs: number;
}

export interface ExpiryPlan {
  /** The instant the quote stops being valid: the start of the day after its last valid day, buyer-local. */
  expiryMs: number;
  reminders: ExpiryReminder[];
}

/**
 * R7: reminders N business days before expiry. The reminder "N business days before" falls on the N-th business
 * day counted back from the last valid day (1 = the last business day on or before it), at the buyer's morning.
 */
export function expiryPlan(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, validThrough: string): ExpiryPlan | null {
  const lastDay = parseEpochDay(validThrough);
  if (lastDay === null) return null;
  const expiryMs = wallClockEpochMs(buyer.zone, lastDay + 1, 0);
  const minutes = morningMinutes(settings);
  const reminders: ExpiryReminder[] = [];
  for (const days of settings.expiryReminderBusinessDays) {
    let found = 0;
    let day = lastDay;
    for (let steps = 0; steps < 3660; steps++, day--) {
      if (calendar.isBusinessEpochDay(buyer.country, day) && ++found === days) break;
    }
    if (found === days) reminders.push({ days, dueMs: wallClockEpochMs(buyer.zone, day, minutes) });
  }
  return { expiryMs, reminders };
}

/** R15: response deadlines by grade and the remediation window, in hours. */
export const COMPLAINT_RESPONSE_HOURS = { A: 2, B: 24, C: 48 } as const;
export const COMPLAINT_REMEDIATION_HOURS = 72;
export type ComplaintGrade = keyof typeof COMPLAINT_RESPONSE_HOURS;

/** R15: the response deadline and the end of the remediation window of a complaint opened at an instant. */
export function complaintDeadlines(
  calendar: BusinessCalendar,
  settings: RuleSettings,
  buyer: Buyer,
  grade: ComplaintGrade,
  openedMs: number,
): { responseMs: number; remediationMs: number } {
  return {
    responseMs: addHours(calendar, settings, buyer, openedMs, COMPLAINT_RESPONSE_HOURS[grade]),
    remediationMs: addHours(calendar, settings, buyer, openedMs, COMPLAINT_REMEDIATION_HOURS),
  };
}

/**
 * R13: the first quarterly review due at or after `notBeforeMs`. Review n falls on the anchor's buyer-local date
 * + 3n months (computed from the anchor each time: no drift), rolled to the buyer's next business day, at their
 * morning. `nominal` is the unrolled date (the review's key).
 */
export function nextHealthReview(
  calendar: BusinessCalendar,
  settings: RuleSettings,
  buyer: Buyer,
  anchorMs: number,
  notBeforeMs: number,
): { dueMs: number; nominal: string } {
  const anchor = civilOfEpochDay(localDayOf(buyer.zone, anchorMs));
  const minutes = morningMinutes(settings);
  const monthsApart = Math.floor((notBeforeMs - anchorMs) / (MS_PER_DAY * 31));
  let n = Math.max(1, Math.floor(monthsApart / 3) - 1);
  for (;; n++) {
    // anchor + 3n months, the day constrained to the month's length (31 Jan → 30 Apr, and back to 31 Jul).
    const months = anchor.month - 1 + 3 * n;
    const year = anchor.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    const nominalDay = epochDayOf(year, month, Math.min(anchor.day, daysInMonth(year, month)));
    // Rolling to a business day moves a date at most ROLL_REACH_DAYS: a date further before the bound is not it.
    if ((nominalDay + ROLL_REACH_DAYS) * MS_PER_DAY < notBeforeMs) continue;
    const day = offFestival(calendar, buyer.country, nominalDay);
    const dueMs = wallClockEpochMs(buyer.zone, day, minutes);
    if (dueMs >= notBeforeMs) return { dueMs, nominal: formatEpochDay(nominalDay) };
  }
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : epochDayOf(year, month + 1, 1) - epochDayOf(year, month, 1);
}

/** The buyer-local calendar day of an instant, from the cached wall-clock answers (no Temporal object). */
function localDayOf(zone: string, epochMs: number): number {
  const utcDay = Math.floor(epochMs / MS_PER_DAY);
  for (let day = utcDay + 1; day >= utcDay - 1; day--) if (wallClockEpochMs(zone, day, 0) <= epochMs) return day;
  return localEpochDayOf(zone, epochMs);
}

/** R6 touch points after an order, per RFM tier (R10; an account without a score counts as `general`). */
export const touchPoints = ['shipping', 'checkin', 'reorder'] as const;
export type TouchPoint = (typeof touchPoints)[number];
export interface TouchPlan {
  point: TouchPoint;
  /** The order date the touch point counts from, and how many days after it. */
  from: 'shipped' | 'delivered';
  days: number;
}
/** The RFM tiers (R10, exact names) a touch-point plan can be set for: setting `touchPoints.<tier>`. */
export const touchPointTiers = ['VIP', 'potential', 'general', 'dormant', 'new'] as const;
export type TouchTier = (typeof touchPointTiers)[number];

const plan = (checkin: number, reorder: number): TouchPlan[] => [
  { point: 'shipping', from: 'shipped', days: 0 },
  { point: 'checkin', from: 'delivered', days: checkin },
  { point: 'reorder', from: 'delivered', days: reorder },
];
/**
 * The default plans (README, settings): `general` and `potential` as PRODUCT's example (shipping update, check-in
 * +7 d after delivery, reorder nudge +30 d), and `dormant` alike; VIP accounts closer (check-in +3 d, reorder
 * +21 d); a `new` account's first orders get an early check-in (+3 d).
 */
export const DEFAULT_TOUCH_POINTS: Readonly<Record<TouchTier, readonly TouchPlan[]>> = {
  VIP: plan(3, 21),
  potential: plan(7, 30),
  general: plan(7, 30),
  dormant: plan(7, 30),
  new: plan(3, 30),
};

/** The tier whose plan applies: the account's latest RFM tier, `general` when it has none (unscored, no orders). */
export function touchTierOf(tier: string | null): TouchTier {
  return (touchPointTiers as readonly string[]).includes(tier ?? '') ? (tier as TouchTier) : 'general';
}

/**
 * R6: a touch point `days` after a (buyer-local) order date lands at the buyer's morning on that day, or on the next
 * business day when that day is not one (a holiday or the weekend: routine follow-ups move off holidays, R5).
 */
export function touchPointDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, date: string, days: number): number | null {
  const day = parseEpochDay(date);
  if (day === null) return null;
  const businessDay = offFestival(calendar, buyer.country, day + days);
  return wallClockEpochMs(buyer.zone, businessDay, morningMinutes(settings));
}

/**
 * R14: a step of a churn warning's recovery plan, `days` business days out: at the buyer's morning of the `days`-th
 * business day in the buyer's country after the day the warning was raised (the as-of date of the first snapshot
 * of the current warning, read as the buyer's calendar date).
 */
export function recoveryStepDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, since: string, days: number): number | null {
  let day = parseEpochDay(since);
  if (day === null) return null;
  for (let found = 0, guard = 0; found < days && guard < 3660; guard++) {
    day++;
    if (calendar.isBusinessEpochDay(buyer.country, day)) found++;
  }
  return wallClockEpochMs(buyer.zone, day, morningMinutes(settings));
}

/**
 * R7 FX-sensitive quotes: the move of the quote currency against the base currency, in percent of the rate at the
 * quote date (signed: + the quote currency gained), and whether it is more than the threshold.
 */
export function fxMove(rateAtQuote: number, rateNow: number, thresholdPercent: number): { percent: number; exceeded: boolean } {
  const percent = ((rateNow - rateAtQuote) / rateAtQuote) * 100;
  // "More than the threshold", compared without the rounding of the division: |now − then| × 100 > threshold × then.
  const exceeded = Math.abs(rateNow - rateAtQuote) * 100 > thresholdPercent * rateAtQuote * (1 + 1e-12);
  return { percent: Math.round(percent * 100) / 100, exceeded };
}

/**
 * R7: the validity of a flagged FX-sensitive quote is cut to the end of the buyer's next business day after the
 * instant it was flagged (never lengthened: the earlier of that day and its own last valid day).
 */
export function fxCutThrough(calendar: BusinessCalendar, buyer: Buyer, flaggedMs: number, validThrough: string | null): string {
  const next = calendar.nextBusinessEpochDay(buyer.country, localDayOf(buyer.zone, flaggedMs) + 1);
  const cut = formatEpochDay(next);
  return validThrough !== null && validThrough < cut ? validThrough : cut;
}

/** R7: the review task of a flagged FX-sensitive quote lands at the buyer's next morning after the flag. */
export function fxReviewDue(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, flaggedMs: number): number {
  return nextBusinessSlotEpochMs(calendar, buyer.zone, buyer.country, flaggedMs, morningMinutes(settings));
}
