/**
 * The shipped override table (R3; PRODUCT Defaults, "Holiday data beyond date-holidays"), versioned: what
 * date-holidays gets wrong or does not have.
 *
 * - Official schedules: where a country published its year (China: holidays and the make-up workdays 调休),
 *   the schedule replaces date-holidays for that year.
 * - Patches: corrections applied on top of date-holidays from a year on (the UAE).
 * - Stand-ins: countries date-holidays has no data for get Eid al-Fitr (3 days) and Eid al-Adha (Arafat + 3
 *   days) as date-holidays computes them for Saudi Arabia, plus their national days. Approximate: the
 *   calendar says so, and the user corrects it with their own overrides.
 *
 * Bump SHIPPED_CALENDAR_VERSION with every change to this file.
 */

export const SHIPPED_CALENDAR_VERSION = '2025.1';

export interface ShippedName {
  en: string;
  zh: string;
}

/** A run of days off, inclusive. */
export interface ShippedHolidayRange extends ShippedName {
  from: string;
  to: string;
}

/** A weekend day worked instead (调休). */
export interface ShippedWorkday extends ShippedName {
  date: string;
}

export interface OfficialSchedule {
  holidays: readonly ShippedHolidayRange[];
  workdays: readonly ShippedWorkday[];
}

/** A day every year, by month and day, within an optional span of years. */
export interface YearlyDay extends ShippedName {
  monthDay: string;
  fromYear?: number;
  toYear?: number;
}

export interface CalendarPatch {
  fromYear: number;
  toYear?: number;
  /** date-holidays rules dropped in those years (their `rule` text, e.g. "27 Rajab"). */
  removeRules: readonly string[];
  /** Days added in those years (where date-holidays has no holiday on that date yet). */
  addDays: readonly YearlyDay[];
}

export interface StandIn {
  nationalDays: readonly YearlyDay[];
}

const NEW_YEAR = { en: "New Year's Day", zh: '元旦' };
const SPRING = { en: 'Spring Festival', zh: '春节' };
const QINGMING = { en: 'Qingming Festival', zh: '清明节' };
const LABOUR = { en: 'Labour Day', zh: '劳动节' };
const DRAGON_BOAT = { en: 'Dragon Boat Festival', zh: '端午节' };
const MID_AUTUMN = { en: 'Mid-Autumn Festival', zh: '中秋节' };
const NATIONAL = { en: 'National Day', zh: '国庆节' };
const NATIONAL_MID_AUTUMN = { en: 'National Day and Mid-Autumn Festival', zh: '国庆节、中秋节' };
const MAKE_UP = (holiday: ShippedName): ShippedName => ({ en: `Make-up workday (${holiday.en})`, zh: `调休上班（${holiday.zh}）` });

/** Official schedules, by country and year (PRODUCT R3: the State Council's notices for 2025 and 2026). */
export const officialSchedules: Readonly<Record<string, Readonly<Record<number, OfficialSchedule>>>> = {
  CN: {
    2025: {
      holidays: [
        { from: '2025-01-01', to: '2025-01-01', ...NEW_YEAR },
        { from: '2025-01-28', to: '2025-02-04', ...SPRING },
        { from: '2025-04-04', to: '2025-04-06', ...QINGMING },
        { from: '2025-05-01', to: '2025-05-05', ...LABOUR },
        { from: '2025-05-31', to: '2025-06-02', ...DRAGON_BOAT },
        { from: '2025-10-01', to: '2025-10-08', ...NATIONAL_MID_AUTUMN },
      ],
      workdays: [
        { date: '2025-01-26', ...MAKE_UP(SPRING) },
        { date: '2025-02-08', ...MAKE_UP(SPRING) },
        { date: '2025-04-27', ...MAKE_UP(LABOUR) },
        { date: '2025-09-28', ...MAKE_UP(NATIONAL_MID_AUTUMN) },
        { date: '2025-10-11', ...MAKE_UP(NATIONAL_MID_AUTUMN) },
      ],
    },
    2026: {
      holidays: [
        { from: '2026-01-01', to: '2026-01-03', ...NEW_YEAR },
        { from: '2026-02-15', to: '2026-02-23', ...SPRING },
        { from: '2026-04-04', to: '2026-04-06', ...QINGMING },
        { from: '2026-05-01', to: '2026-05-05', ...LABOUR },
        { from: '2026-06-19', to: '2026-06-21', ...DRAGON_BOAT },
        { from: '2026-09-25', to: '2026-09-27', ...MID_AUTUMN },
        { from: '2026-10-01', to: '2026-10-07', ...NATIONAL },
      ],
      workdays: [
        { date: '2026-01-04', ...MAKE_UP(NEW_YEAR) },
        { date: '2026-02-14', ...MAKE_UP(SPRING) },
        { date: '2026-02-28', ...MAKE_UP(SPRING) },
        { date: '2026-05-09', ...MAKE_UP(LABOUR) },
        { date: '2026-09-20', ...MAKE_UP(MID_AUTUMN) },
        { date: '2026-10-10', ...MAKE_UP(NATIONAL) },
      ],
    },
  },
};

/**
 * date-holidays holidays that close no business, dropped in years without an official schedule: in China
 * Women's Day, Youth Day, Children's Day and Army Day apply to some groups only (matched on the rule's date).
 */
export const partialGroupRules: Readonly<Record<string, readonly string[]>> = {
  CN: ['03-08', '05-04', '06-01', '08-01'],
};

/** Corrections on top of date-holidays. */
export const calendarPatches: Readonly<Record<string, readonly CalendarPatch[]>> = {
  AE: [
    {
      // Since 2019 Isra and Mi'raj and the first day of Ramadan are no public holidays; Commemoration Day is
      // on 1 December and National Day takes 2–3 December.
      fromYear: 2019,
      removeRules: ['27 Rajab', '1 Ramadan'],
      addDays: [
        { monthDay: '12-01', en: 'Commemoration Day', zh: '纪念日' },
        { monthDay: '12-02', en: 'National Day', zh: '国庆日' },
        { monthDay: '12-03', en: 'National Day', zh: '国庆日' },
      ],
    },
  ],
};

const EID_AL_FITR = { en: 'Eid al-Fitr', zh: '开斋节' };
const EID_AL_ADHA = { en: 'Arafat Day and Eid al-Adha', zh: '阿拉法特日和宰牲节' };
export const standInEidNames = { fitr: EID_AL_FITR, adha: EID_AL_ADHA } as const;

/** Eid al-Fitr lasts 3 days; Eid al-Adha is Arafat Day + 3 days (PRODUCT Defaults). */
export const standInEidLengths = { fitr: 3, adha: 4 } as const;

/** Countries without date-holidays data: national days (their Eid days come from Saudi Arabia's calendar). */
export const standIns: Readonly<Record<string, StandIn>> = {
  KW: {
    nationalDays: [
      { monthDay: '02-25', en: 'National Day', zh: '国庆日' },
      { monthDay: '02-26', en: 'Liberation Day', zh: '解放日' },
    ],
  },
  QA: { nationalDays: [{ monthDay: '12-18', en: 'National Day', zh: '国庆日' }] },
  OM: {
    nationalDays: [
      { monthDay: '11-18', en: 'National Day', zh: '国庆日', toYear: 2023 },
      { monthDay: '11-19', en: 'National Day', zh: '国庆日', toYear: 2023 },
      { monthDay: '11-20', en: 'National Day', zh: '国庆日', fromYear: 2024 },
      { monthDay: '11-21', en: 'National Day', zh: '国庆日', fromYear: 2024 },
    ],
  },
  IQ: {
    nationalDays: [
      { monthDay: '07-14', en: 'Republic Day', zh: '共和国日' },
      { monthDay: '10-03', en: 'National Day', zh: '国庆日', fromYear: 2020 },
    ],
  },
  JO: { nationalDays: [{ monthDay: '05-25', en: 'Independence Day', zh: '独立日' }] },
  YE: {
    nationalDays: [
      { monthDay: '05-22', en: 'Unity Day', zh: '统一日' },
      { monthDay: '09-26', en: 'Revolution Day', zh: '革命日' },
      { monthDay: '10-14', en: 'Liberation Day', zh: '解放日' },
      { monthDay: '11-30', en: 'Independence Day', zh: '独立日' },
    ],
  },
  LB: { nationalDays: [{ monthDay: '11-22', en: 'Independence Day', zh: '独立日' }] },
  NP: {
    nationalDays: [
      { monthDay: '05-28', en: 'Republic Day', zh: '共和国日' },
      { monthDay: '09-19', en: 'Constitution Day', zh: '宪法日' },
    ],
  },
  MV: {
    nationalDays: [
      { monthDay: '07-26', en: 'Independence Day', zh: '独立日' },
      { monthDay: '11-03', en: 'Victory Day', zh: '胜利日' },
      { monthDay: '11-11', en: 'Republic Day', zh: '共和国日' },
    ],
  },
  AF: { nationalDays: [{ monthDay: '08-19', en: 'Independence Day', zh: '独立日' }] },
  MM: {
    nationalDays: [
      { monthDay: '01-04', en: 'Independence Day', zh: '独立日' },
      { monthDay: '02-12', en: 'Union Day', zh: '联邦日' },
    ],
  },
  KH: {
    nationalDays: [
      { monthDay: '09-24', en: 'Constitution Day', zh: '宪法日' },
      { monthDay: '11-09', en: 'Independence Day', zh: '独立日' },
    ],
  },
  LA: { nationalDays: [{ monthDay: '12-02', en: 'National Day', zh: '国庆日' }] },
};

export function appliesIn(day: { fromYear?: number; toYear?: number }, year: number): boolean {
  return (day.fromYear === undefined || year >= day.fromYear) && (day.toYear === undefined || year <= day.toYear);
}
