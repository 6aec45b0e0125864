/**
 * Times of day and daily windows, in minutes after local midnight. Kept apart from the engine so that callers
 * checking input (the CLI, forms) do not load the holiday data.
 */

/** Minutes in a day; a minute-of-day of 1440 means 24:00, the next day's midnight. */
export const MINUTES_PER_DAY = 1440;

/** A daily window in minutes of the local day: [start, end), end up to 1440 (24:00). */
export interface BusinessWindow {
  start: number;
  end: number;
}

export const DEFAULT_WINDOW: BusinessWindow = { start: 9 * 60, end: 18 * 60 };
/** The buyer's morning (PRODUCT Defaults). */
export const DEFAULT_BUYER_MORNING = '08:15';
/** At most ten years of business hours in one call. */
export const MAX_BUSINESS_HOURS = 24 * 366 * 10;
/** At most this many reviews in one quarterly series. */
export const MAX_SERIES = 400;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** "08:15" → 495 minutes; null when it is not a time of day HH:MM. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** "09:00-18:00" → { start: 540, end: 1080 }; null when malformed or when the end is not after the start. */
export function parseWindow(text: string): BusinessWindow | null {
  const match = WINDOW.exec(text);
  if (!match) return null;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  return end > start && end <= MINUTES_PER_DAY ? { start, end } : null;
}
