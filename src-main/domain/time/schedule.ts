/**
 * The time rules the scheduler builds on (R2, R7, R13; PRODUCT Defaults, "Time"):
 * - the next business slot: a local time (08:15) on the buyer's next business day, strictly after an instant;
 * - adding (fractional) business hours inside a daily window, [09:00, 18:00) by default;
 * - the instant a quote stops being valid: the start of the day after its last valid day, buyer-local;
 * - a quarterly series anchored on a date without drift, each rolled forward to a business day.
 * All of it in the buyer's zone and country, never the host's.
 */
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../contract/errors';
import type { BusinessCalendar } from './business-calendar';
import { MAX_SEARCH_DAYS, requireCountry } from './business-calendar';
import { civilOfEpochDay, epochDayOf, formatEpochDay, parseEpochDay, utcEpochDayOf } from './civil-days';
import { DEFAULT_BUYER_MORNING, DEFAULT_WINDOW, MAX_BUSINESS_HOURS, MAX_SERIES, MINUTES_PER_DAY, parseClock, parseWindow, type BusinessWindow } from './clock';
import { requireTimeZone, roundToSecondMs, wallClockEpochMs, zonedFromLocal } from './zones';

const clocks = new Map<string, number>();

function clockMinutes(at: string | number): number {
  let minutes: number | null = typeof at === 'number' ? at : (clocks.get(at) ?? null);
  if (minutes === null && typeof at === 'string') {
    minutes = parseClock(at);
    if (minutes !== null && clocks.size < 1000) clocks.set(at, minutes);
  }
  if (minutes === null || !Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) {
    throw new AppError('invalid_input', { details: `${String(at).slice(0, 20)}: tb.clock` });
  }
  return minutes;
}

function windowOf(window: BusinessWindow | string | undefined): BusinessWindow {
  if (window === undefined) return DEFAULT_WINDOW;
  const shown = (typeof window === 'string' ? window : `${window.start}-${window.end}`).slice(0, 20);
  if (typeof window === 'string' && !/^\d{2}:\d{2}-\d{2}:\d{2}$/.test(window)) throw new AppError('invalid_input', { details: `${shown}: tb.window` });
  const parsed = typeof window === 'string' ? parseWindow(window) : window;
  const valid =
    parsed !== null &&
    Number.isInteger(parsed.start) &&
    Number.isInteger(parsed.end) &&
    parsed.start >= 0 &&
    parsed.end > parsed.start &&
    parsed.end <= MINUTES_PER_DAY;
  if (!valid) throw new AppError('invalid_input', { details: `${shown}: tb.window_order` });
  return parsed;
}

/** A ZonedDateTime from epoch ms (the constructor is the cheapest way in: ~0.7 µs). */
function zonedAt(epochMs: number, zone: string): Temporal.ZonedDateTime {
  return new Temporal.ZonedDateTime(BigInt(epochMs) * 1_000_000n, zone);
}

function plainDateOf(epochDay: number): Temporal.PlainDate {
  const { year, month, day } = civilOfEpochDay(epochDay);
  return new Temporal.PlainDate(year, month, day);
}

function noBusinessDay(country: string, epochMs: number): AppError {
  return new AppError('time_no_business_day', {
    country: requireCountry(country),
    date: formatEpochDay(utcEpochDayOf(epochMs)),
    days: MAX_SEARCH_DAYS,
  });
}

/**
 * The fast path: epoch ms of the first business day's `atMinute` (minutes after local midnight, compatible
 * disambiguation) strictly after `afterMs`. Cached per zone-day and country-year; no Temporal object is made.
 */
export function nextBusinessSlotEpochMs(calendar: BusinessCalendar, zone: string, country: string, afterMs: number, atMinute: number): number {
  // The local date of any instant is at least its UTC date − 1 (offsets stay within ±16 h), and a slot on an
  // earlier local day is always before the instant. The slot is checked before the calendar, so that a day
  // before the instant never loads its country-year.
  const firstDay = utcEpochDayOf(afterMs) - 1;
  for (let day = firstDay; day < firstDay + MAX_SEARCH_DAYS; day++) {
    const slot = wallClockEpochMs(zone, day, atMinute);
    if (slot > afterMs && calendar.isBusinessEpochDay(country, day)) return slot;
  }
  throw noBusinessDay(country, afterMs);
}

export interface SlotRequest {
  zone: string;
  country: string;
  /** The slot is strictly after this instant ("after" means strictly after: 08:15 asked at 08:15 → next day). */
  after: Temporal.Instant;
  /** Local time of day, "HH:MM" or minutes after midnight; the buyer's morning 08:15 by default. */
  at?: string | number;
}

/**
 * R2: the buyer's next business day at a local time, strictly after an instant. When that local time does not
 * exist on the day (a DST gap), the slot is the time after the gap (compatible), on that day.
 */
export function nextBusinessSlot(calendar: BusinessCalendar, request: SlotRequest): Temporal.ZonedDateTime {
  const zone = requireTimeZone(request.zone);
  const minutes = clockMinutes(request.at ?? DEFAULT_BUYER_MORNING);
  const ms = nextBusinessSlotEpochMs(calendar, zone, request.country, request.after.epochMilliseconds, minutes);
  return zonedAt(ms, zone);
}

/** R2 follow-ups: the slot `days` business days later (1 = the next business slot). */
export function businessSlotsLater(calendar: BusinessCalendar, request: SlotRequest & { days: number }): Temporal.ZonedDateTime {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_SEARCH_DAYS) {
    throw new AppError('invalid_input', { details: `days ${String(request.days).slice(0, 20)}` });
  }
  const zone = requireTimeZone(request.zone);
  const minutes = clockMinutes(request.at ?? DEFAULT_BUYER_MORNING);
  let ms = request.after.epochMilliseconds;
  for (let i = 0; i < request.days; i++) ms = nextBusinessSlotEpochMs(calendar, zone, request.country, ms, minutes);
  return zonedAt(ms, zone);
}

export interface BusinessHoursRequest {
  zone: string;
  country: string;
  from: Temporal.Instant;
  /** 0 or more, fractional allowed; the result is rounded to whole seconds. */
  hours: number;
  /** [start, end) buyer-local, "HH:MM-HH:MM" or minutes; [09:00, 18:00) by default. */
  window?: BusinessWindow | string;
}

/**
 * Adds business hours: only time inside the window on business days counts. A start outside a window (the
 * window's end included) starts counting at the next opening; a result that lands exactly on a window's end
 * stays there (18:00, not the next morning). Zero hours give the moment counting would start.
 */
export function addBusinessHours(calendar: BusinessCalendar, request: BusinessHoursRequest): Temporal.ZonedDateTime {
  const zone = requireTimeZone(request.zone);
  const { start, end } = windowOf(request.window);
  if (!Number.isFinite(request.hours) || request.hours < 0 || request.hours > MAX_BUSINESS_HOURS) {
    throw new AppError('invalid_input', { details: `${String(request.hours).slice(0, 20)}: tb.hours` });
  }
  let remaining = Math.round(request.hours * 3_600_000);
  const fromMs = request.from.epochMilliseconds;
  const firstDay = utcEpochDayOf(fromMs) - 1;
  let day = firstDay;
  let cursor = fromMs;
  let close = Number.NEGATIVE_INFINITY;
  // The first window that has not closed yet: counting starts inside it, or at its opening.
  for (; day < firstDay + MAX_SEARCH_DAYS; day++) {
    if (!calendar.isBusinessEpochDay(request.country, day)) continue;
    const open = wallClockEpochMs(zone, day, start);
    close = wallClockEpochMs(zone, day, end);
    if (close > open && fromMs < close) {
      cursor = Math.max(fromMs, open);
      break;
    }
  }
  if (day >= firstDay + MAX_SEARCH_DAYS) throw noBusinessDay(request.country, fromMs);
  for (;;) {
    const available = close - cursor;
    if (remaining <= available) return zonedAt(roundToSecondMs(cursor + remaining), zone);
    remaining -= available;
    const last = day;
    const previousClose = close;
    // A window never starts before the previous one closed (a skipped calendar day, as Samoa's 2011-12-30,
    // maps onto the next day's instants: its hours are not counted twice).
    for (day++; day < last + MAX_SEARCH_DAYS; day++) {
      if (!calendar.isBusinessEpochDay(request.country, day)) continue;
      const open = Math.max(wallClockEpochMs(zone, day, start), previousClose);
      close = wallClockEpochMs(zone, day, end);
      if (close > open) {
        cursor = open;
        break;
      }
    }
    if (day >= last + MAX_SEARCH_DAYS) throw noBusinessDay(request.country, cursor);
  }
}

/**
 * R7: a quote valid through a day stops being valid at the start of the next day in the buyer's zone — the
 * first instant of that day, which is not 00:00 where midnight falls in a DST gap (Santiago: 01:00).
 */
export function quoteExpiry(zone: string, validThrough: Temporal.PlainDate | string): Temporal.ZonedDateTime {
  const id = requireTimeZone(zone);
  const lastDay = typeof validThrough === 'string' ? parseEpochDay(validThrough) : epochDayOf(validThrough.year, validThrough.month, validThrough.day);
  if (lastDay === null) throw new AppError('invalid_input', { details: `${String(validThrough).slice(0, 40)}: tb.date` });
  return plainDateOf(lastDay + 1).toZonedDateTime(id);
}

/**
 * R7 (FX-sensitive quotes): the buyer's next business day strictly after the local date of an instant; its
 * end is `quoteExpiry(zone, nextBusinessDate(…))`.
 */
export function nextBusinessDate(calendar: BusinessCalendar, zone: string, country: string, after: Temporal.Instant): Temporal.PlainDate {
  const today = after.toZonedDateTimeISO(requireTimeZone(zone)).toPlainDate();
  return plainDateOf(calendar.nextBusinessEpochDay(country, epochDayOf(today.year, today.month, today.day), false));
}

export interface QuarterlyRequest {
  zone: string;
  country: string;
  /** The anchor, buyer-local: reviews fall on the same day of the month every 3 months, at this local time. */
  anchor: Temporal.PlainDateTime;
  /** How many reviews after the anchor. */
  count: number;
}

/**
 * R13: the next `count` quarterly reviews after the anchor. Each is the anchor + 3n months computed from the
 * anchor itself, so the day never drifts (31 Jan → 30 Apr → 31 Jul → 31 Oct → 31 Jan), then rolled forward to
 * a business day, at the anchor's local time.
 */
export function quarterlySeries(calendar: BusinessCalendar, request: QuarterlyRequest): Temporal.ZonedDateTime[] {
  const zone = requireTimeZone(request.zone);
  if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_SERIES) {
    throw new AppError('invalid_input', { details: `${String(request.count).slice(0, 20)}: tb.count` });
  }
  const anchorDate = request.anchor.toPlainDate();
  const time = request.anchor.toPlainTime();
  const out: Temporal.ZonedDateTime[] = [];
  for (let n = 1; n <= request.count; n++) {
    const due = anchorDate.add({ months: 3 * n }, { overflow: 'constrain' });
    const day = calendar.nextBusinessEpochDay(request.country, epochDayOf(due.year, due.month, due.day));
    const date = plainDateOf(day);
    out.push(zonedFromLocal(zone, date.toPlainDateTime(time)));
  }
  return out;
}
