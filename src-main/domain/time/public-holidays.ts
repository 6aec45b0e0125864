/**
 * Public holidays from date-holidays (type `public` only), as calendar days: a day is a holiday when a holiday
 * covers its local noon (PRODUCT Defaults — date-holidays starts Islamic holidays at 18:00 the evening before
 * and some Chinese ones at noon). Local means the zone date-holidays computes the country in (its first zone).
 *
 * date-holidays takes 1–20 ms per country-year (lunar calendars are the slow ones), so its answers are cached
 * per country-year. A holiday of several days listed in the year before can reach into a year (Eid at the
 * turn of the year): those rules alone are run again for the year before, on an instance that holds only them.
 */
import Holidays from 'date-holidays';
import { epochDayOf, utcEpochDayOf } from './civil-days';
import { timeZoneIdOf, wallClockEpochMs } from './zones';

const NOON = 12 * 60;
const MULTI_DAY = /\bP\d/;

/** One holiday as listed by date-holidays for a year, with every calendar day whose local noon it covers. */
export interface HolidayOccurrence {
  rule: string;
  /** English name (date-holidays falls back to the country's language where it has no English one). */
  name: string;
  epochDays: number[];
}

/** A calendar day covered by a public holiday. */
export interface PublicHolidayDay {
  epochDay: number;
  rule: string;
  name: string;
}

export type HolidayLanguage = 'en' | 'zh';

type Listing = 'all' | 'multi-day';

interface CountrySource {
  country: string;
  zone: string;
  /** Instances by language of the names (the zh one falls back to English), plus the multi-day-only one. */
  instances: Map<string, Holidays>;
  multiDay: boolean;
  occurrences: Map<string, HolidayOccurrence[]>;
  days: Map<number, PublicHolidayDay[]>;
}

let supportedCountries: Set<string> | null = null;
const sources = new Map<string, CountrySource | null>();

/** Forgets every cached date-holidays answer (benchmarks measure a cold start with it). */
export function clearDateHolidayCaches(): void {
  sources.clear();
}

/** Whether date-holidays has data for a country. */
export function hasDateHolidays(country: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return supportedCountries.has(country);
}

/** The rule text of a date-holidays rule object (its typings leave the field out). */
function ruleText(rule: unknown): string {
  return typeof rule === 'object' && rule !== null && 'rule' in rule && typeof rule.rule === 'string' ? rule.rule : '';
}

function instanceOf(source: CountrySource, key: HolidayLanguage | 'multi-day'): Holidays {
  let hd = source.instances.get(key);
  if (hd === undefined) {
    const languages = key === 'zh' ? ['zh', 'en'] : ['en'];
    hd = new Holidays(source.country, { types: ['public'], languages, timezone: source.zone });
    if (key === 'multi-day') {
      for (const rule of hd.getRules().map(ruleText)) if (rule && !MULTI_DAY.test(rule)) hd.unsetRule(rule);
    }
    source.instances.set(key, hd);
  }
  return hd;
}

function sourceOf(country: string, fallbackZone: string): CountrySource | null {
  const known = sources.get(country);
  if (known !== undefined) return known;
  let source: CountrySource | null = null;
  if (hasDateHolidays(country)) {
    const probe = new Holidays(country, { types: ['public'], languages: ['en'] });
    const zone = probe.getTimezones().map(timeZoneIdOf).find((id): id is string => id !== null) ?? fallbackZone;
    source = {
      country,
      zone,
      instances: new Map(),
      multiDay: probe.getRules().some((rule) => MULTI_DAY.test(ruleText(rule))),
      occurrences: new Map(),
      days: new Map(),
    };
  }
  sources.set(country, source);
  return source;
}

function holidaysOf(hd: Holidays, year: number) {
  try {
    return hd.getHolidays(year).filter((h) => h.type === 'public');
  } catch {
    return [];
  }
}

function occurrencesOf(source: CountrySource, listedYear: number, listing: Listing): HolidayOccurrence[] {
  const all = source.occurrences.get(`all:${listedYear}`);
  if (all !== undefined) return listing === 'all' ? all : all.filter((o) => MULTI_DAY.test(o.rule));
  const key = `${listing}:${listedYear}`;
  const cached = source.occurrences.get(key);
  if (cached !== undefined) return cached;
  const out: HolidayOccurrence[] = [];
  for (const holiday of holidaysOf(instanceOf(source, listing === 'all' ? 'en' : 'multi-day'), listedYear)) {
    const startMs = holiday.start.getTime();
    const endMs = holiday.end.getTime();
    const epochDays: number[] = [];
    for (let day = utcEpochDayOf(startMs) - 1; day <= utcEpochDayOf(endMs) + 1; day++) {
      const noon = wallClockEpochMs(source.zone, day, NOON);
      if (noon >= startMs && noon < endMs) epochDays.push(day);
    }
    if (epochDays.length > 0) out.push({ rule: holiday.rule, name: holiday.name, epochDays });
  }
  source.occurrences.set(key, out);
  return out;
}

/** The holidays date-holidays lists for a year (public only), each with the days it covers. */
export function dateHolidayOccurrences(country: string, listedYear: number, fallbackZone: string): HolidayOccurrence[] {
  const source = sourceOf(country, fallbackZone);
  return source === null ? [] : occurrencesOf(source, listedYear, 'all');
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
  const listed = occurrencesOf(source, year, 'all');
  const spilled = source.multiDay ? occurrencesOf(source, year - 1, 'multi-day') : [];
  const out: PublicHolidayDay[] = [];
  for (const occurrence of [...spilled, ...listed]) {
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
  for (const holiday of holidaysOf(instanceOf(source, language), year)) names.set(holiday.rule, holiday.name);
  return names;
}
