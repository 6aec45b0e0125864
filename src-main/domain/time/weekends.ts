/**
 * Which days of the week are the weekend in a country, on a given date (R3; PRODUCT Defaults, "Weekend
 * history"). Days are ISO weekdays: 1 = Monday … 7 = Sunday, so Fri–Sat is [5, 6].
 *
 * Sources, first match wins: the dated history below (Saudi Arabia, the UAE), the corrections where CLDR is
 * wrong (TOOLCHAIN: Node 20 says Sat–Sun for Bangladesh, the Maldives, Nepal and Brunei), then CLDR week data
 * from the runtime (`new Intl.Locale('und-XX').weekInfo`).
 */
import { formatEpochDay, parseEpochDay } from './civil-days';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekend rule in force from one date to another (inclusive; null = open-ended). */
export interface WeekendRule {
  from: string | null;
  to: string | null;
  days: readonly IsoWeekday[];
}

const THU_FRI: readonly IsoWeekday[] = [4, 5];
const FRI_SAT: readonly IsoWeekday[] = [5, 6];
const SAT_SUN: readonly IsoWeekday[] = [6, 7];

/** Countries whose weekend changed; rules in date order, covering all time. */
export const weekendHistory: Readonly<Record<string, readonly WeekendRule[]>> = {
  SA: [
    { from: null, to: '2013-06-28', days: THU_FRI },
    { from: '2013-06-29', to: null, days: FRI_SAT },
  ],
  AE: [
    { from: null, to: '2006-08-31', days: THU_FRI },
    { from: '2006-09-01', to: '2021-12-31', days: FRI_SAT },
    { from: '2022-01-01', to: null, days: SAT_SUN },
  ],
};

/** Where the runtime's CLDR week data is wrong (TOOLCHAIN). */
export const cldrWeekendCorrections: Readonly<Record<string, readonly IsoWeekday[]>> = {
  BD: FRI_SAT,
  MV: FRI_SAT,
  NP: [6],
  BN: [5, 7],
};

interface WeekInfo {
  weekend?: number[];
}

type LocaleWithWeekInfo = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };

function isIsoWeekday(day: number): day is IsoWeekday {
  return Number.isInteger(day) && day >= 1 && day <= 7;
}

/** CLDR's weekend for a region (Node 20: the `weekInfo` getter; newer engines: `getWeekInfo()`). */
export function cldrWeekend(country: string): readonly IsoWeekday[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as LocaleWithWeekInfo;
    const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
    const days = (info?.weekend ?? []).filter(isIsoWeekday);
    return days.length > 0 ? [...days].sort((a, b) => a - b) : SAT_SUN;
  } catch {
    return SAT_SUN;
  }
}

interface CompiledRule {
  fromDay: number;
  toDay: number;
  days: readonly IsoWeekday[];
  /** Bit n set when ISO weekday n is a weekend day. */
  mask: number;
}

const compiled = new Map<string, CompiledRule[]>();

function maskOf(days: readonly IsoWeekday[]): number {
  return days.reduce((mask, day) => mask | (1 << day), 0);
}

function rulesOf(country: string): CompiledRule[] {
  let rules = compiled.get(country);
  if (rules === undefined) {
    const history = weekendHistory[country] ?? [{ from: null, to: null, days: cldrWeekendCorrections[country] ?? cldrWeekend(country) }];
    rules = history.map((rule) => ({
      fromDay: rule.from === null ? -Infinity : (parseEpochDay(rule.from) ?? -Infinity),
      toDay: rule.to === null ? Infinity : (parseEpochDay(rule.to) ?? Infinity),
      days: rule.days,
      mask: maskOf(rule.days),
    }));
    compiled.set(country, rules);
  }
  return rules;
}

/** Bit mask of the weekend days in force on a day (bit n = ISO weekday n). */
export function weekendMaskOn(country: string, epochDay: number): number {
  const rules = rulesOf(country);
  for (const rule of rules) if (epochDay >= rule.fromDay && epochDay <= rule.toDay) return rule.mask;
  return rules[rules.length - 1]?.mask ?? maskOf(SAT_SUN);
}

/** The weekend rules in force between two days (inclusive), clipped to them: for a calendar year's listing. */
export function weekendRulesBetween(country: string, fromDay: number, toDay: number): WeekendRule[] {
  const out: WeekendRule[] = [];
  for (const rule of rulesOf(country)) {
    const start = Math.max(rule.fromDay, fromDay);
    const end = Math.min(rule.toDay, toDay);
    if (start <= end) out.push({ from: formatEpochDay(start), to: formatEpochDay(end), days: rule.days });
  }
  return out;
}
