/**
 * Civil-date arithmetic for score windows (PRODUCT, Defaults: Scores). Dates are `YYYY-MM-DD`, months `YYYY-MM`;
 * no zones here — "today" is resolved to the user's local date before it reaches the domain.
 *
 * Plain integer arithmetic (epoch days) rather than Temporal: a full rescore does this for every account.
 */
const DAY_MS = 86_400_000;

function split(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (years 0–99 too: Date.UTC alone would read them as 1900–1999). */
export function epochDay(date: string): number {
  const [y, m, d] = split(date);
  const ms = y >= 100 ? Date.UTC(y, m - 1, d) : new Date(0).setUTCFullYear(y, m - 1, d);
  return Math.round(ms / DAY_MS);
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** `date` ± n months, the day clamped to the target month (31 Jan + 1 month = 28/29 Feb), as Temporal does. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = split(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonthsToMonth(month: string, months: number): string {
  return monthOf(addMonths(`${month}-01`, months));
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  const [y, m] = split(`${month}-01`);
  return `${month}-${pad(daysInMonth(y, m))}`;
}

export function isLastDayOfMonth(date: string): boolean {
  return lastDayOf(monthOf(date)) === date;
}
