/**
 * Business days per country (R2, R3): the weekend in force on the day, public holidays, make-up workdays.
 * Precedence, strongest first: the user's overrides (the book's calendar_overrides rows, passed in as data),
 * the shipped table (official schedules replace date-holidays for their year; patches; stand-ins), date-holidays
 * (public only, minus China's partial-group days), then the weekend.
 *
 * Answers are cached per country-year: a year is one Uint8Array of business-day flags, so `isBusinessEpochDay`
 * costs a Map lookup and an array read.
 */
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { Language } from '../../contract/messages';
import { isKnownCountry, suggestedZone } from '../countries';
import { civilOfEpochDay, epochDayOf, formatEpochDay, isoWeekdayOf, parseEpochDay } from './civil-days';
import {
  clearDateHolidayCaches,
  dateHolidayDays,
  dateHolidayNames,
  dateHolidayOccurrences,
  hasDateHolidays,
  type HolidayLanguage,
} from './public-holidays';
import {
  appliesIn,
  calendarPatches,
  officialSchedules,
  partialGroupRules,
  standInEidLengths,
  standInEidNames,
  standIns,
  type ShippedName,
  type YearlyDay,
} from './shipped-calendar';
import { weekendMaskOn, weekendRulesBetween, type WeekendRule } from './weekends';

export type CalendarSource = 'date-holidays' | 'shipped' | 'user';
export type OverrideKind = 'holiday' | 'workday';

/** One of the user's own holiday/workday overrides (a calendar_overrides row). */
export interface CalendarOverride {
  country: string;
  /** YYYY-MM-DD, the country's calendar day. */
  day: string;
  kind: OverrideKind;
  name?: string;
}

/** Checks override rows where they enter (a book, an import). */
export const CalendarOverrideSchema = z.strictObject({
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine(isKnownCountry, 'tb.country'),
  day: z.string().refine((text) => parseEpochDay(text) !== null, 'tb.date'),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().max(200).optional(),
});

/** A named day of a country's calendar, as the `calendar` listing shows it. */
export interface CalendarDay {
  date: string;
  name: string;
  source: CalendarSource;
}

/** A country's calendar for a year: weekend rules in force, holidays, make-up workdays. */
export interface YearCalendar {
  country: string;
  year: number;
  weekend: WeekendRule[];
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  /** True where the holidays are a stand-in (no date-holidays data; PRODUCT Defaults) or missing. */
  approximate: boolean;
}

export interface BusinessCalendar {
  /** Whether a calendar day (YYYY-MM-DD) is a business day in a country. */
  isBusinessDay(country: string, date: string): boolean;
  /** The same for a day given as days since 1970-01-01: the fast path the schedulers use. */
  isBusinessEpochDay(country: string, epochDay: number): boolean;
  /** The first business day on or after a day (`inclusive`) or strictly after it. */
  nextBusinessEpochDay(country: string, epochDay: number, inclusive?: boolean): number;
  /** The listing for `tradebook time calendar`. */
  yearCalendar(country: string, year: number, language?: Language): YearCalendar;
}

/** How far the schedulers look for a business day before giving up (a year of days off is already absurd). */
export const MAX_SEARCH_DAYS = 3660;

interface DayMark {
  kind: OverrideKind;
  source: CalendarSource;
  /** Shipped and user days carry their names; date-holidays days carry rules, named in the listing's language. */
  names?: ShippedName;
  rules?: { rule: string; name: string }[];
}

interface BaseYear {
  marks: Map<number, DayMark>;
  approximate: boolean;
}

interface YearData {
  start: number;
  end: number;
  /** 1 = business day, indexed by day − start. */
  flags: Uint8Array;
  marks: Map<number, DayMark>;
  approximate: boolean;
}

const baseYears = new Map<string, BaseYear>();

/** The country code in upper case; unknown codes raise `unknown_country`. */
export function requireCountry(country: string): string {
  const code = country.trim().toUpperCase();
  if (!isKnownCountry(code)) throw new AppError('unknown_country', { country: country.slice(0, 40) });
  return code;
}

function zoneFor(country: string): string {
  return suggestedZone(country) ?? 'UTC';
}

function yearlyEpochDay(day: YearlyDay, year: number): number | null {
  return parseEpochDay(`${String(year).padStart(4, '0')}-${day.monthDay}`);
}

function matchesRule(rule: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => rule === pattern || rule.startsWith(`${pattern} `));
}

function addDateHolidays(marks: Map<number, DayMark>, country: string, year: number): void {
  const removed = [...(partialGroupRules[country] ?? [])];
  const patches = (calendarPatches[country] ?? []).filter((patch) => appliesIn(patch, year));
  for (const patch of patches) removed.push(...patch.removeRules);
  for (const day of dateHolidayDays(country, year, zoneFor(country))) {
    if (matchesRule(day.rule, removed)) continue;
    const mark = marks.get(day.epochDay);
    if (mark?.rules) {
      if (!mark.rules.some((r) => r.rule === day.rule)) mark.rules.push({ rule: day.rule, name: day.name });
    } else marks.set(day.epochDay, { kind: 'holiday', source: 'date-holidays', rules: [{ rule: day.rule, name: day.name }] });
  }
  for (const patch of patches) {
    for (const added of patch.addDays) {
      const epochDay = yearlyEpochDay(added, year);
      if (epochDay !== null && !marks.has(epochDay)) marks.set(epochDay, { kind: 'holiday', source: 'shipped', names: added });
    }
  }
}

/** Eid al-Fitr (3 days) and Arafat + Eid al-Adha (4 days) as date-holidays computes them for Saudi Arabia. */
function addStandInEids(marks: Map<number, DayMark>, year: number): void {
  const first = epochDayOf(year, 1, 1);
  const last = epochDayOf(year, 12, 31);
  for (const listedYear of [year - 1, year]) {
    for (const occurrence of dateHolidayOccurrences('SA', listedYear, 'Asia/Riyadh')) {
      const fitr = /Ramadan|Shawwal/.test(occurrence.rule);
      const adha = /Dhu al-Hijjah/.test(occurrence.rule);
      if (!fitr && !adha) continue;
      const days = occurrence.epochDays.slice(0, fitr ? standInEidLengths.fitr : standInEidLengths.adha);
      for (const epochDay of days) {
        if (epochDay >= first && epochDay <= last && !marks.has(epochDay)) {
          marks.set(epochDay, { kind: 'holiday', source: 'shipped', names: fitr ? standInEidNames.fitr : standInEidNames.adha });
        }
      }
    }
  }
}

function buildBaseYear(country: string, year: number): BaseYear {
  const marks = new Map<number, DayMark>();
  const official = officialSchedules[country]?.[year];
  const standIn = standIns[country];
  if (official) {
    for (const range of official.holidays) {
      const from = parseEpochDay(range.from);
      const to = parseEpochDay(range.to);
      if (from === null || to === null) continue;
      for (let day = from; day <= to; day++) marks.set(day, { kind: 'holiday', source: 'shipped', names: range });
    }
    for (const workday of official.workdays) {
      const day = parseEpochDay(workday.date);
      if (day !== null) marks.set(day, { kind: 'workday', source: 'shipped', names: workday });
    }
    return { marks, approximate: false };
  }
  if (hasDateHolidays(country)) addDateHolidays(marks, country, year);
  if (standIn) {
    for (const nationalDay of standIn.nationalDays) {
      const day = appliesIn(nationalDay, year) ? yearlyEpochDay(nationalDay, year) : null;
      if (day !== null) marks.set(day, { kind: 'holiday', source: 'shipped', names: nationalDay });
    }
    addStandInEids(marks, year);
  }
  return { marks, approximate: standIn !== undefined || !hasDateHolidays(country) };
}

function baseYearOf(country: string, year: number): BaseYear {
  const key = `${country}:${year}`;
  let base = baseYears.get(key);
  if (base === undefined) {
    base = buildBaseYear(country, year);
    baseYears.set(key, base);
  }
  return base;
}

/** Forgets the cached country-years and date-holidays' answers (benchmarks measure a cold start with it). */
export function clearCalendarCaches(): void {
  baseYears.clear();
  clearDateHolidayCaches();
}

const USER_NAMES: Record<OverrideKind, ShippedName> = {
  holiday: { en: 'Holiday (your calendar)', zh: '节假日（自定义）' },
  workday: { en: 'Workday (your calendar)', zh: '工作日（自定义）' },
};

function holidayLanguage(language: Language): HolidayLanguage {
  return language === 'zh-CN' ? 'zh' : 'en';
}

/**
 * A business calendar over the shipped data and the user's overrides. Pure: the overrides are data; the same
 * overrides give the same answers. Keep one per book and make a new one when the overrides change.
 */
export function createBusinessCalendar(overrides: readonly CalendarOverride[] = []): BusinessCalendar {
  const userMarks = new Map<string, Map<number, DayMark>>();
  for (const row of overrides) {
    const country = requireCountry(row.country);
    const day = parseEpochDay(row.day);
    if (day === null) throw new AppError('invalid_input', { details: `${row.day}: tb.date` });
    let byDay = userMarks.get(country);
    if (byDay === undefined) userMarks.set(country, (byDay = new Map()));
    const name = row.name?.trim();
    byDay.set(day, { kind: row.kind, source: 'user', names: name ? { en: name, zh: name } : USER_NAMES[row.kind] });
  }

  interface CountryState {
    years: Map<number, YearData>;
    last: YearData | null;
  }
  const countries = new Map<string, CountryState>();

  function countryState(country: string): CountryState {
    let state = countries.get(country);
    if (state === undefined) {
      const code = requireCountry(country);
      state = countries.get(code) ?? { years: new Map(), last: null };
      countries.set(country, state);
      countries.set(code, state);
    }
    return state;
  }

  function yearData(country: string, state: CountryState, year: number): YearData {
    let data = state.years.get(year);
    if (data !== undefined) return data;
    const code = requireCountry(country);
    const base = baseYearOf(code, year);
    const start = epochDayOf(year, 1, 1);
    const end = epochDayOf(year + 1, 1, 1);
    const marks = new Map(base.marks);
    for (const [day, mark] of userMarks.get(code) ?? []) if (day >= start && day < end) marks.set(day, mark);
    const flags = new Uint8Array(end - start);
    for (let day = start; day < end; day++) {
      const mark = marks.get(day);
      const business = mark ? mark.kind === 'workday' : (weekendMaskOn(code, day) & (1 << isoWeekdayOf(day))) === 0;
      flags[day - start] = business ? 1 : 0;
    }
    data = { start, end, flags, marks, approximate: base.approximate };
    state.years.set(year, data);
    return data;
  }

  function isBusinessEpochDay(country: string, epochDay: number): boolean {
    const state = countryState(country);
    let data = state.last;
    if (data === null || epochDay < data.start || epochDay >= data.end) {
      data = yearData(country, state, civilOfEpochDay(epochDay).year);
      state.last = data;
    }
    return data.flags[epochDay - data.start] === 1;
  }

  function nextBusinessEpochDay(country: string, epochDay: number, inclusive = true): number {
    const first = inclusive ? epochDay : epochDay + 1;
    for (let day = first; day < first + MAX_SEARCH_DAYS; day++) if (isBusinessEpochDay(country, day)) return day;
    throw new AppError('time_no_business_day', { country: requireCountry(country), date: formatEpochDay(epochDay), days: MAX_SEARCH_DAYS });
  }

  return {
    isBusinessEpochDay,
    nextBusinessEpochDay,
    isBusinessDay(country, date) {
      const day = parseEpochDay(date);
      if (day === null) throw new AppError('invalid_input', { details: `${date.slice(0, 40)}: tb.date` });
      return isBusinessEpochDay(country, day);
    },
    yearCalendar(country, year, language = 'en') {
      const code = requireCountry(country);
      const data = yearData(code, countryState(code), year);
      const lang = holidayLanguage(language);
      const ruleNames = lang === 'en' ? new Map<string, string>() : dateHolidayNames(code, year, lang, zoneFor(code));
      const named = (mark: DayMark): string => {
        if (mark.names) return mark.names[lang];
        const names = (mark.rules ?? []).map((r) => ruleNames.get(r.rule) ?? r.name);
        return [...new Set(names)].join(' / ');
      };
      const holidays: CalendarDay[] = [];
      const workdays: CalendarDay[] = [];
      for (const day of [...data.marks.keys()].sort((a, b) => a - b)) {
        const mark = data.marks.get(day);
        if (mark === undefined) continue;
        (mark.kind === 'holiday' ? holidays : workdays).push({ date: formatEpochDay(day), name: named(mark), source: mark.source });
      }
      return {
        country: code,
        year,
        weekend: weekendRulesBetween(code, data.start, data.end - 1),
        holidays,
        workdays,
        approximate: data.approximate,
      };
    },
  };
}
