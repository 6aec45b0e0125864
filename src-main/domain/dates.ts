import { Temporal } from 'temporal-polyfill';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toString() === text;
  } catch {
    return false;
  }
}

/** An instant with an explicit offset or Z. */
export function isInstant(text: string): boolean {
  if (!INSTANT.test(text)) return false;
  try {
    Temporal.Instant.from(text);
    return true;
  } catch {
    return false;
  }
}

/** Normalises an instant to `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, UTC). */
export function formatInstant(instant: Temporal.Instant | string): string {
  const value = typeof instant === 'string' ? Temporal.Instant.from(instant) : instant;
  return value.round({ smallestUnit: 'second', roundingMode: 'halfExpand' }).toString({ smallestUnit: 'second' });
}

export function instantFromEpochMs(ms: number): string {
  return formatInstant(Temporal.Instant.fromEpochMilliseconds(ms));
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

const zoneDateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The local calendar date (YYYY-MM-DD) of an instant in an IANA zone. Intl rather than Temporal because scoring calls
 * it for every account of a 50k book; one formatter per zone is kept (en-CA formats dates as YYYY-MM-DD).
 */
export function dateInZone(instant: string, zone: string): string {
  let format = zoneDateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneDateFormats.set(zone, format);
  }
  return format.format(new Date(instant));
}
