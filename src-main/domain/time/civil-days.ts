/**
 * Calendar dates as whole numbers: days since 1970-01-01 in the proleptic Gregorian calendar. No time zone is
 * involved, which makes them cheap keys for the per-zone-day and per-country-year caches.
 * (Days-from-civil after Howard Hinnant, "chrono-compatible low-level date algorithms".)
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** 2025-03-31 → 20178. */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilOfEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function yearOfEpochDay(epochDay: number): number {
  return civilOfEpochDay(epochDay).year;
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

/** 20178 → "2025-03-31". */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = civilOfEpochDay(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-31" → 20178; null when the text is not a real date (2025-02-30 is not). */
export function parseEpochDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const epochDay = epochDayOf(year, month, day);
  const back = civilOfEpochDay(epochDay);
  return back.month === month && back.day === day ? epochDay : null;
}

/** The UTC calendar day an instant falls on. */
export function utcEpochDayOf(epochMs: number): number {
  return Math.floor(epochMs / MS_PER_DAY);
}
