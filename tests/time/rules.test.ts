/**
 * The time rules on named examples (R2, R3, R7, R13; PRODUCT Defaults → Time). Expected values come from the
 * Python fixture (tests/time/fixtures/generate.py), never from the code under test.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors';
import {
  addBusinessHours,
  businessSlotsLater,
  createBusinessCalendar,
  formatLocal,
  formatUtc,
  nextBusinessDate,
  nextBusinessSlot,
  quarterlySeries,
  quoteExpiry,
  SHIPPED_CALENDAR_VERSION,
  zonedFromLocal,
  type CalendarOverride,
} from '../../src-main/domain/time';
import { fixture, isMoment } from './fixture';

const moment = (zoned: Temporal.ZonedDateTime) => ({ utc: formatUtc(zoned), local: formatLocal(zoned) });
const calendar = createBusinessCalendar();

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

describe('the fixture', () => {
  it('records both tzdata versions and where its values come from', () => {
    expect(fixture.tzdata.debian).toMatch(/^\d{4}[a-z]$/);
    expect(fixture.tzdata.node).toMatch(/^\d{4}[a-z]$/);
    expect(fixture.generator).toContain('generate.py');
    // The cases stay on dates both tzdata versions agree on; a newer Node only adds rules for later years.
    expect(typeof process.versions.tz).toBe('string');
  });
});

describe('next business slot', () => {
  for (const c of fixture.cases.slot) {
    it(`${c.rule}: ${c.name}`, () => {
      const overrides: CalendarOverride[] = c.overrides;
      const cal = overrides.length > 0 ? createBusinessCalendar(overrides) : calendar;
      const slot = nextBusinessSlot(cal, { zone: c.zone, country: c.country, after: Temporal.Instant.from(c.after), at: c.at });
      expect(moment(slot)).toEqual(c.expected);
    });
  }

  it('R2: follow-ups N business days later land at the buyer\'s morning (3 business days after Friday → Wednesday)', () => {
    // 2025-04-04 is a Friday in Madrid: Mon 7, Tue 8, Wed 9.
    const due = businessSlotsLater(calendar, { zone: 'Europe/Madrid', country: 'ES', after: Temporal.Instant.from('2025-04-04T10:00:00Z'), days: 3 });
    expect(formatLocal(due)).toBe('2025-04-09T08:15:00+02:00[Europe/Madrid]');
  });
});

describe('adding business hours', () => {
  for (const c of fixture.cases.addBusinessHours) {
    it(`${c.rule}: ${c.name}`, () => {
      const end = addBusinessHours(calendar, { zone: c.zone, country: c.country, from: Temporal.Instant.from(c.from), hours: c.hours, window: c.window });
      expect(moment(end)).toEqual(c.expected);
    });
  }

  it('R2: negative hours and a window that does not end after it starts are refused', () => {
    const from = Temporal.Instant.from('2025-04-01T07:00:00Z');
    expect(errorCode(() => addBusinessHours(calendar, { zone: 'Europe/Madrid', country: 'ES', from, hours: -1 }))).toBe('invalid_input');
    expect(errorCode(() => addBusinessHours(calendar, { zone: 'Europe/Madrid', country: 'ES', from, hours: 1, window: '18:00-09:00' }))).toBe('invalid_input');
    expect(errorCode(() => addBusinessHours(calendar, { zone: 'Europe/Madrid', country: 'ES', from, hours: 1, window: '09:00-09:00' }))).toBe('invalid_input');
  });
});

describe('local time → instant', () => {
  for (const c of fixture.cases.toUtc) {
    it(`${c.rule}: ${c.name}`, () => {
      const local = Temporal.PlainDateTime.from(c.local);
      if (isMoment(c.expected)) expect(moment(zonedFromLocal(c.zone, local, c.disambiguation))).toEqual(c.expected);
      else expect(errorCode(() => zonedFromLocal(c.zone, local, c.disambiguation))).toBe(c.expected.error);
    });
  }

  it('R2: unknown zones are refused by name', () => {
    expect(errorCode(() => zonedFromLocal('Mars/Olympus_Mons', Temporal.PlainDateTime.from('2025-01-01T00:00')))).toBe('unknown_zone');
    expect(errorCode(() => zonedFromLocal('+02:00', Temporal.PlainDateTime.from('2025-01-01T00:00')))).toBe('unknown_zone');
  });
});

describe('quote expiry', () => {
  for (const c of fixture.cases.expiry) {
    it(`${c.rule}: ${c.name}`, () => {
      expect(moment(quoteExpiry(c.zone, c.validThrough))).toEqual(c.expected);
    });
  }
});

describe('R7 for FX-sensitive quotes', () => {
  it('R7: validity cut to the end of the buyer\'s next business day: Thursday in Riyadh → Sunday ends at Monday 00:00 +03:00', () => {
    // 2025-01-09 is a Thursday; Friday and Saturday are the weekend in Saudi Arabia since 2013-06-29.
    const next = nextBusinessDate(calendar, 'Asia/Riyadh', 'SA', Temporal.Instant.from('2025-01-09T12:00:00Z'));
    expect(next.toString()).toBe('2025-01-12');
    expect(formatLocal(quoteExpiry('Asia/Riyadh', next))).toBe('2025-01-13T00:00:00+03:00[Asia/Riyadh]');
  });
});

describe('quarterly series', () => {
  for (const c of fixture.cases.quarterly) {
    it(`${c.rule}: ${c.name}`, () => {
      const series = quarterlySeries(calendar, { zone: c.zone, country: c.country, anchor: Temporal.PlainDateTime.from(c.anchor), count: c.count });
      expect({ utc: series.map(formatUtc), local: series.map(formatLocal) }).toEqual(c.expected);
    });
  }
});

describe('business calendars', () => {
  for (const c of fixture.cases.calendars) {
    it(`${c.rule}: ${c.country} ${c.year} follows the official schedule exactly (holidays and make-up workdays 调休), replacing date-holidays`, () => {
      const listing = calendar.yearCalendar(c.country, c.year);
      expect(listing.holidays.map((h) => h.date)).toEqual(c.holidays);
      expect(listing.workdays.map((w) => w.date)).toEqual(c.workdays);
      expect(new Set([...listing.holidays, ...listing.workdays].map((d) => d.source))).toEqual(new Set(['shipped']));
      expect(listing.approximate).toBe(false);
      for (const day of c.workdays) expect(calendar.isBusinessDay(c.country, day)).toBe(true);
      for (const day of c.holidays) expect(calendar.isBusinessDay(c.country, day)).toBe(false);
    });
  }

  it('R3: without an official schedule, China falls back to date-holidays minus the partial-group days (8 Mar, 4 May, 1 Jun, 1 Aug)', () => {
    const listing = calendar.yearCalendar('CN', 2024);
    const dates = listing.holidays.map((h) => h.date);
    expect(dates).toContain('2024-10-01');
    for (const partial of ['2024-03-08', '2024-05-04', '2024-06-01', '2024-08-01']) expect(dates).not.toContain(partial);
    expect(listing.holidays.every((h) => h.source === 'date-holidays')).toBe(true);
  });

  it('R3: a day is a holiday when a holiday covers its local noon (Saudi Eid al-Fitr starts at 18:00 the evening before)', () => {
    const dates = calendar.yearCalendar('SA', 2025).holidays.filter((h) => /Fitr/.test(h.name)).map((h) => h.date);
    // date-holidays: 2025-03-29 18:00 → 2025-04-02 18:00 in Riyadh: the noons of 30 Mar … 2 Apr.
    expect(dates).toEqual(['2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02']);
  });

  it('R3: the UAE has no Isra and Mi\'raj nor first day of Ramadan since 2019, and 1–3 December off', () => {
    const listing = calendar.yearCalendar('AE', 2024);
    const names = listing.holidays.map((h) => h.name).join('|');
    expect(names).not.toMatch(/Mi'raj|First day of Ramadan/);
    const december = listing.holidays.filter((h) => h.date >= '2024-12-01').map((h) => h.date);
    expect(december).toEqual(['2024-12-01', '2024-12-02', '2024-12-03']);
    expect(listing.weekend).toEqual([{ from: '2024-01-01', to: '2024-12-31', days: [6, 7] }]);
  });

  it('R3: the weekend listing shows Saudi Arabia\'s change inside 2013 and the UAE\'s in 2006', () => {
    expect(calendar.yearCalendar('SA', 2013).weekend).toEqual([
      { from: '2013-01-01', to: '2013-06-28', days: [4, 5] },
      { from: '2013-06-29', to: '2013-12-31', days: [5, 6] },
    ]);
    expect(calendar.yearCalendar('AE', 2006).weekend).toEqual([
      { from: '2006-01-01', to: '2006-08-31', days: [4, 5] },
      { from: '2006-09-01', to: '2006-12-31', days: [5, 6] },
    ]);
    expect(calendar.yearCalendar('AE', 2022).weekend).toEqual([{ from: '2022-01-01', to: '2022-12-31', days: [6, 7] }]);
  });

  it('R3: weekends CLDR gets wrong are corrected (Bangladesh, Maldives Fri–Sat; Nepal Sat; Brunei Fri+Sun)', () => {
    const days = (country: string) => calendar.yearCalendar(country, 2025).weekend.map((w) => w.days);
    expect(days('BD')).toEqual([[5, 6]]);
    expect(days('MV')).toEqual([[5, 6]]);
    expect(days('NP')).toEqual([[6]]);
    expect(days('BN')).toEqual([[5, 7]]);
    expect(days('IR')).toEqual([[5]]);
    expect(days('ES')).toEqual([[6, 7]]);
  });

  it('R3: countries without date-holidays data get stand-in Eids and national days, marked approximate', () => {
    for (const country of ['KW', 'QA', 'OM', 'IQ', 'JO', 'YE', 'LB', 'NP', 'MV', 'AF', 'MM', 'KH', 'LA']) {
      const listing = calendar.yearCalendar(country, 2025);
      expect(listing.approximate, country).toBe(true);
      const fitr = listing.holidays.filter((h) => h.name === 'Eid al-Fitr');
      const adha = listing.holidays.filter((h) => h.name === 'Arafat Day and Eid al-Adha');
      expect(fitr, country).toHaveLength(3);
      expect(adha, country).toHaveLength(4);
      expect(listing.holidays.every((h) => h.source === 'shipped'), country).toBe(true);
      expect(listing.holidays.length, country).toBeGreaterThan(7);
    }
    expect(calendar.yearCalendar('KW', 2025).holidays.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2025-02-25', '2025-02-26', '2025-03-30', '2025-03-31', '2025-04-01', '2025-06-05', '2025-06-08']),
    );
    expect(calendar.yearCalendar('ES', 2025).approximate).toBe(false);
  });

  it('R3: the user\'s overrides beat everything (a holiday worked, a weekday off) and are listed with source user', () => {
    const overrides: CalendarOverride[] = [
      { country: 'CN', day: '2025-10-08', kind: 'workday', name: '公司上班' },
      { country: 'ES', day: '2025-06-09', kind: 'holiday' },
    ];
    const mine = createBusinessCalendar(overrides);
    expect(mine.isBusinessDay('CN', '2025-10-08')).toBe(true);
    expect(calendar.isBusinessDay('CN', '2025-10-08')).toBe(false);
    expect(mine.isBusinessDay('ES', '2025-06-09')).toBe(false);
    const cn = mine.yearCalendar('CN', 2025, 'zh-CN');
    expect(cn.workdays).toContainEqual({ date: '2025-10-08', name: '公司上班', source: 'user' });
    expect(cn.holidays.map((h) => h.date)).not.toContain('2025-10-08');
    expect(mine.yearCalendar('ES', 2025).holidays).toContainEqual({ date: '2025-06-09', name: 'Holiday (your calendar)', source: 'user' });
  });

  it('R3: names follow the language; unknown countries are refused', () => {
    expect(calendar.yearCalendar('CN', 2025, 'zh-CN').holidays[1]).toEqual({ date: '2025-01-28', name: '春节', source: 'shipped' });
    expect(calendar.yearCalendar('CN', 2024, 'zh-CN').holidays.find((h) => h.date === '2024-10-01')?.name).toBe('国庆节');
    expect(errorCode(() => calendar.yearCalendar('XX', 2025))).toBe('unknown_country');
    expect(errorCode(() => calendar.isBusinessDay('ES', '2025-02-30'))).toBe('invalid_input');
    expect(SHIPPED_CALENDAR_VERSION).toMatch(/^\d{4}\.\d+$/);
  });
});
