/**
 * Public holidays from date-holidays (type `public` only), as calendar days: a day is a holiday when a holiday
 * covers its local noon (PRODUCT Defaults — date-holidays starts Islamic holidays at 18:00 the evening before
 * and some Chinese ones at noon). Local means the zone date-holidays computes the country in (its first zone).
 *
 * date-holidays takes ~5 ms per country-year, so its answers are cached per country-year.
 */
import Holidays from 'date-holidays';
import { epochDayOf, utcEpochDayOf } from './civil-days';
import { timeZoneIdOf, wallClockEpochMs } from './zones';

const NOON = 12 * 60;

/** One date-holidays holiday: the instants it covers and its rule (stable across languages). */
interface RawHoliday {
  startMs: number;
  endMs: number;
  rule: string;
  name: string;
}

/** A calendar day covered by a public holiday. */
export interface PublicHolidayDay {
  epochDay: number;
  rule: string;
  name: string;
}

export type HolidayLanguage = 'en' | 'zh';

interface CountrySource {
  zone: string;
  /** date-holidays instances by language of the names (the zh one falls back to English). */
  instances: Map<HolidayLanguage, Holidays>;
  /** Some rule lasts several days (P3D…), so a holiday of the year before may reach into this one. */
  multiDay: boolean;
  raw: Map<string, RawHoliday[]>;
  occurrences: Map<number, HolidayOccurrence[]>;
  days: Map<number, PublicHolidayDay[]>;
}

let supportedCountries: Set<string> | null = null;
const sources = new Map<string, CountrySource | null>();

/** Whether date-holidays has data for a country. */
export function hasDateHolidays(country: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return supportedCountries.has(country);
}

function instance(country: string, language: HolidayLanguage, zone: string): Holidays {
  const languages = language === 'zh' ? ['zh', 'en'] : ['en'];
  return new Holidays(country, { types: ['public'], languages, timezone: zone });
}

function sourceOf(country: string, fallbackZone: string): CountrySource | null {
  const known = sources.get(country);
  if (known !== undefined) return known;
  let source: CountrySource | null = null;
  if (hasDateHolidays(country)) {
    const probe = new Holidays(country, { types: ['public'] });
    const zone = probe.getTimezones().map(timeZoneIdOf).find((id): id is string => id !== null) ?? fallbackZone;
    const en = instance(country, 'en', zone);
    source = {
      zone,
      instances: new Map([['en', en]]),
      multiDay: en.getRules().some((rule) => /\bP\d/.test(rule.rule)),
      raw: new Map(),
      occurrences: new Map(),
      days: new Map(),
    };
  }
  sources.set(country, source);
  return source;
}

function rawHolidays(source: CountrySource, country: string, year: number, language: HolidayLanguage): RawHoliday[] {
  const key = `${language}:${year}`;
  const cached = source.raw.get(key);
  if (cached !== undefined) return cached;
  let hd = source.instances.get(language);
  if (hd === undefined) {
    hd = instance(country, language, source.zone);
    source.instances.set(language, hd);
  }
  let holidays: RawHoliday[] = [];
  try {
    holidays = hd
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ startMs: h.start.getTime(), endMs: h.end.getTime(), rule: h.rule, name: h.name }));
  } catch {
    holidays = [];
  }
  source.raw.set(key, holidays);
  return holidays;
}

/** One holiday as listed by date-holidays for a year, with every calendar day whose local noon it covers. */
export interface HolidayOccurrence {
  rule: string;
  name: string;
  epochDays: number[];
}

function occurrencesOf(source: CountrySource, country: string, listedYear: number): HolidayOccurrence[] {
  const cached = source.occurrences.get(listedYear);
  if (cached !== undefined) return cached;
  const out: HolidayOccurrence[] = [];
  for (const holiday of rawHolidays(source, country, listedYear, 'en')) {
    const epochDays: number[] = [];
    for (let day = utcEpochDayOf(holiday.startMs) - 1; day <= utcEpochDayOf(holiday.endMs) + 1; day++) {
      const noon = wallClockEpochMs(source.zone, day, NOON);
      if (noon >= holiday.startMs && noon < holiday.endMs) epochDays.push(day);
    }
    if (epochDays.length > 0) out.push({ rule: holiday.rule, name: holiday.name, epochDays });
  }
  source.occurrences.set(listedYear, out);
  return out;
}

/** The holidays date-holidays lists for a year (public only), each with the days it covers. */
export function dateHolidayOccurrences(country: string, listedYear: number, fallbackZone: string): HolidayOccurrence[] {
  const source = sourceOf(country, fallbackZone);
  return source === null ? [] : occurrencesOf(source, country, listedYear);
}

/**
 * The days of `year` covered at local noon by a date-holidays public holiday, in date order (a day covered by
 * two holidays appears twice). Empty when date-holidays has no data for the country.
 */
export function dateHolidayDays(country: string, year: number, fallbackZone: string): PublicHolidayDay[] {
  const source = sourceOf(country, fallbackZone);
  if (source === null) return [];
  const cached = source.days.get(year);
  if (cached !== undefined) return cached;
  const first = epochDayOf(year, 1, 1);
  const last = epochDayOf(year, 12, 31);
  const listed = source.multiDay ? [...occurrencesOf(source, country, year - 1), ...occurrencesOf(source, country, year)] : occurrencesOf(source, country, year);
  const out: PublicHolidayDay[] = [];
  for (const occurrence of listed) {
    for (const epochDay of occurrence.epochDays) {
      if (epochDay >= first && epochDay <= last) out.push({ epochDay, rule: occurrence.rule, name: occurrence.name });
    }
  }
  out.sort((a, b) => a.epochDay - b.epochDay);
  source.days.set(year, out);
  return out;
}

/** Holiday names of a year by rule, in a language (Chinese where date-holidays has it, else English). */
export function dateHolidayNames(country: string, year: number, language: HolidayLanguage, fallbackZone: string): Map<string, string> {
  const source = sourceOf(country, fallbackZone);
  const names = new Map<string, string>();
  if (source === null) return names;
  const years = source.multiDay ? [year - 1, year] : [year];
  for (const y of years) for (const h of rawHolidays(source, country, y, language)) names.set(h.rule, h.name);
  return names;
}
