/**
 * R5: the buyers' major festivals, shipped for 2025–2027 (PRODUCT Defaults): a greeting is due 3 business days
 * before, and routine follow-ups (R2, R6, R13) that fall on a festival's days move to the next business day.
 * Ramadan's start gets a greeting, not a pause. Islamic dates follow the Umm al-Qura calendar and may differ by a
 * day from local moon sighting; Diwali and Lunar New Year dates are the common civil ones. Approximate by nature.
 */
import { parseEpochDay } from '../time/civil-days';

export type FestivalId = 'eid_al_fitr' | 'eid_al_adha' | 'ramadan_start' | 'christmas' | 'lunar_new_year' | 'diwali' | 'nowruz';

export interface Festival {
  id: FestivalId;
  /** First day per year (buyer-local calendar day). */
  dates: Readonly<Record<number, string>>;
  /** Days a routine follow-up must not fall on (0: a greeting only, no pause). */
  pauseDays: number;
  countries: readonly string[];
}

const MUSLIM_MAJORITY = [
  'AE', 'AF', 'AZ', 'BD', 'BH', 'BN', 'DZ', 'EG', 'ID', 'IQ', 'IR', 'JO', 'KG', 'KW', 'KZ', 'LY', 'MA', 'MR', 'MV',
  'MY', 'NE', 'OM', 'PK', 'QA', 'SA', 'SD', 'SN', 'SO', 'SY', 'TJ', 'TM', 'TN', 'TR', 'UZ', 'YE',
] as const;

const CHRISTMAS = [
  'AR', 'AT', 'AU', 'BE', 'BR', 'CA', 'CH', 'CL', 'CO', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GH', 'HU', 'IE',
  'IT', 'KE', 'MX', 'NG', 'NL', 'NO', 'NZ', 'PE', 'PH', 'PL', 'PT', 'SE', 'US', 'ZA',
] as const;

export const FESTIVALS: readonly Festival[] = [
  { id: 'eid_al_fitr', dates: { 2025: '2025-03-30', 2026: '2026-03-20', 2027: '2027-03-09' }, pauseDays: 3, countries: MUSLIM_MAJORITY },
  { id: 'eid_al_adha', dates: { 2025: '2025-06-06', 2026: '2026-05-27', 2027: '2027-05-16' }, pauseDays: 3, countries: MUSLIM_MAJORITY },
  { id: 'ramadan_start', dates: { 2025: '2025-03-01', 2026: '2026-02-18', 2027: '2027-02-08' }, pauseDays: 0, countries: MUSLIM_MAJORITY },
  { id: 'christmas', dates: { 2025: '2025-12-25', 2026: '2026-12-25', 2027: '2027-12-25' }, pauseDays: 1, countries: CHRISTMAS },
  { id: 'lunar_new_year', dates: { 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06' }, pauseDays: 3, countries: ['CN', 'HK', 'TW', 'SG', 'VN', 'KR'] },
  { id: 'diwali', dates: { 2025: '2025-10-20', 2026: '2026-11-08', 2027: '2027-10-29' }, pauseDays: 1, countries: ['IN', 'NP'] },
  { id: 'nowruz', dates: { 2025: '2025-03-20', 2026: '2026-03-20', 2027: '2027-03-21' }, pauseDays: 4, countries: ['IR', 'AF'] },
];

export interface FestivalOccurrence {
  festival: Festival;
  year: number;
  /** Epoch day of the first day. */
  firstDay: number;
}

const occurrences: FestivalOccurrence[] = FESTIVALS.flatMap((festival) =>
  Object.entries(festival.dates).flatMap(([year, date]) => {
    const firstDay = parseEpochDay(date);
    return firstDay === null ? [] : [{ festival, year: Number(year), firstDay }];
  }),
);

/** Festival occurrences whose first day lies in [fromDay, toDay] (epoch days). */
export function occurrencesBetween(fromDay: number, toDay: number): FestivalOccurrence[] {
  return occurrences.filter((o) => o.firstDay >= fromDay && o.firstDay <= toDay);
}

const pauses = new Map<string, Set<number>>();
for (const o of occurrences) {
  for (const country of o.festival.countries) {
    let days = pauses.get(country);
    if (days === undefined) pauses.set(country, (days = new Set()));
    for (let i = 0; i < o.festival.pauseDays; i++) days.add(o.firstDay + i);
  }
}

/** Whether routine follow-ups pause on a buyer-local day in a country (a festival day; not Ramadan's start). */
export function isFestivalPause(country: string, epochDay: number): boolean {
  return pauses.get(country.toUpperCase())?.has(epochDay) ?? false;
}

/** The countries that have at least one festival in the table. */
export const FESTIVAL_COUNTRIES: readonly string[] = [...new Set(FESTIVALS.flatMap((f) => f.countries))].sort();
