/**
 * Dates as exports write them: 2025-03-31 (with or without a time after it), 31/03/2025 (day first; 03/31/2025 with
 * `dateOrder: 'mdy'`), 31.03.2025, 2025/3/31, 20250331, 2025年3月31日, 31 Mar 2025, March 31, 2025, and in an XLSX a
 * cell Excel keeps as a day number. The answer is a real calendar date YYYY-MM-DD between 1900 and 2200.
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateResult = { ok: true; date: string } | { ok: false; code: 'import_date_invalid' | 'import_date_order' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm])?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const EXCEL_SERIAL = /^\d{4,5}(?:\.\d+)?$/;

/** Excel's day number (1900 date system; 25569 is 1970-01-01) as a date. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 110_000) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86_400_000);
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function parseDate(text: string, order: DateOrder = 'dmy', excelSerials = false): DateResult {
  const value = text.normalize('NFKC').trim();
  const done = (date: string | null): DateResult => (date ? { ok: true, date } : { ok: false, code: 'import_date_invalid' });
  let m = ISO.exec(value) ?? YMD_SLASH.exec(value) ?? CHINESE.exec(value) ?? COMPACT.exec(value);
  if (m) return done(ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  m = DMY.exec(value);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const chosen = order === 'dmy' ? ymd(year, b, a) : ymd(year, a, b);
    if (chosen) return { ok: true, date: chosen };
    const other = order === 'dmy' ? ymd(year, a, b) : ymd(year, b, a);
    return { ok: false, code: other ? 'import_date_order' : 'import_date_invalid' };
  }
  m = DAY_MONTH_NAME.exec(value);
  if (m) return done(ymd(Number(m[3]), MONTHS[m[2]!.toLowerCase()] ?? 0, Number(m[1])));
  m = MONTH_NAME_DAY.exec(value);
  if (m) return done(ymd(Number(m[3]), MONTHS[m[1]!.toLowerCase()] ?? 0, Number(m[2])));
  if (excelSerials && EXCEL_SERIAL.test(value)) return done(excelSerialDate(Number(value)));
  return { ok: false, code: 'import_date_invalid' };
}

/**
 * The day order a column's dates show: 'mdy' when some value can only be month first (03/31/2025), 'dmy' when some
 * can only be day first (31/03/2025) or when nothing tells (the international reading), null when both occur.
 */
export function guessDateOrder(values: Iterable<string>): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of values) {
    const m = DMY.exec(raw.normalize('NFKC').trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return null;
  return monthFirst ? 'mdy' : 'dmy';
}
