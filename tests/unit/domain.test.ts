import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { allCountries, countryOfZone, isKnownCountry, suggestedZone, zonesOfCountry } from '../../src-main/domain/countries';
import { addDays, daysBetween, formatInstant, instantFromEpochMs, isCalendarDate, isInstant } from '../../src-main/domain/dates';
import { isKnownCurrency, minorDigits, roundMoney, toBase } from '../../src-main/domain/money';
import { healthIndicators, inquirySources, parseSettingText, scoreParts, settingDefinitions } from '../../src-main/domain/settings';
import { isKnownTimeZone, resolveTimeZone } from '../../src-main/domain/zones';

describe('countries → time zones (PRODUCT, Defaults: each country\'s main zone)', () => {
  it('suggests the main zone, not the alphabetically first one', () => {
    expect(suggestedZone('ES')).toBe('Europe/Madrid');
    expect(suggestedZone('ES')).not.toBe('Africa/Ceuta');
    expect(suggestedZone('US')).toBe('America/New_York');
    expect(suggestedZone('AU')).toBe('Australia/Sydney');
    expect(suggestedZone('CN')).toBe('Asia/Shanghai');
    expect(suggestedZone('BR')).toBe('America/Sao_Paulo');
    expect(suggestedZone('CA')).toBe('America/Toronto');
    expect(suggestedZone('RU')).toBe('Europe/Moscow');
    expect(suggestedZone('SA')).toBe('Asia/Riyadh');
  });

  it('unknown or badly written country codes get no zone', () => {
    expect(suggestedZone('XX')).toBeNull();
    expect(suggestedZone('es')).toBeNull();
    expect(suggestedZone('ESP')).toBeNull();
    expect(suggestedZone('')).toBeNull();
    expect(isKnownCountry('ES')).toBe(true);
    expect(isKnownCountry('__proto__')).toBe(false);
    expect(isKnownCountry('toString')).toBe(false);
  });

  it('multi-zone countries list every zone, the main one first and none twice', () => {
    expect(zonesOfCountry('ES')).toEqual(['Europe/Madrid', 'Africa/Ceuta', 'Atlantic/Canary']);
    const us = zonesOfCountry('US');
    expect(us[0]).toBe('America/New_York');
    expect(us).toContain('America/Los_Angeles');
    expect(us).toContain('America/Chicago');
    expect(new Set(us).size).toBe(us.length);
    expect(zonesOfCountry('AU')[0]).toBe('Australia/Sydney');
    expect(zonesOfCountry('AU')).toContain('Australia/Perth');
    expect(zonesOfCountry('XX')).toEqual([]);
  });

  it('every country in the table has a main zone the runtime knows, listed first', () => {
    const countries = allCountries();
    expect(countries.length).toBeGreaterThan(240);
    for (const country of countries) {
      const main = suggestedZone(country);
      expect(main, country).not.toBeNull();
      expect(isKnownTimeZone(main!), `${country} ${main}`).toBe(true);
      const zones = zonesOfCountry(country);
      expect(zones[0]).toBe(main);
      expect(new Set(zones).size, country).toBe(zones.length);
    }
  });

  it('the country of a zone (for the user\'s own country)', () => {
    expect(countryOfZone('Europe/Madrid')).toBe('ES');
    expect(countryOfZone('Asia/Shanghai')).toBe('CN');
    expect(countryOfZone('America/Los_Angeles')).toBe('US');
    expect(countryOfZone('Australia/Perth')).toBe('AU');
    expect(countryOfZone('Mars/Olympus')).toBeNull();
  });
});

describe('time zones (resolveTimeZone)', () => {
  it('accepts IANA names and fixes their case', () => {
    expect(resolveTimeZone('Europe/Madrid')).toBe('Europe/Madrid');
    expect(resolveTimeZone('europe/madrid')).toBe('Europe/Madrid');
    expect(resolveTimeZone('AMERICA/NEW_YORK')).toBe('America/New_York');
    expect(resolveTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(resolveTimeZone('UTC')).toBe('UTC');
  });

  it('keeps the current name of a renamed zone (the runtime may know it by its old alias)', () => {
    expect(resolveTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
  });

  it('fixes the case of a renamed zone too (asia/kolkata → Asia/Kolkata)', () => {
    expect(resolveTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('europe/kyiv')).toBe('Europe/Kyiv');
  });

  it('refuses what is not a zone', () => {
    for (const bad of ['Mars/Olympus', '', 'Madrid', 'EST5EDT; DROP', '../../etc/passwd', 'Europe/Madrid ', '+02:00', 'GMT+8']) {
      expect(resolveTimeZone(bad), bad).toBeNull();
      expect(isKnownTimeZone(bad), bad).toBe(false);
    }
  });
});

describe('money (PRODUCT, Defaults: Money)', () => {
  it('rounds to the currency\'s minor unit: JPY 0 digits, KWD 3, USD/EUR/CNY 2', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('CNY')).toBe(2);
    expect(roundMoney(1234.5, 'JPY')).toBe(1235);
    expect(roundMoney(1234.4, 'JPY')).toBe(1234);
    expect(roundMoney(12.3456, 'KWD')).toBe(12.346);
    expect(roundMoney(12.3454, 'KWD')).toBe(12.345);
    expect(roundMoney(19.999, 'EUR')).toBe(20);
  });

  it('half-cents round up despite binary floating point (1.005 → 1.01)', () => {
    expect(roundMoney(1.005, 'USD')).toBe(1.01);
    expect(roundMoney(8.675, 'EUR')).toBe(8.68);
    expect(roundMoney(0.125, 'CNY')).toBe(0.13);
  });

  it('toBase: a rate is base units per foreign unit (EUR → CNY 7.80), rounded in the base currency', () => {
    expect(toBase(1000, 7.8, 'CNY')).toBe(7800);
    expect(toBase(1234.56, 7.8, 'CNY')).toBe(9629.57);
    expect(toBase(0.1, 0.2, 'CNY')).toBe(0.02);
    expect(toBase(10, 151.237, 'JPY')).toBe(1512);
    expect(toBase(100, 0.30712, 'KWD')).toBe(30.712);
  });

  it('knows ISO 4217 codes, upper case only', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('CNY')).toBe(true);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(isKnownCurrency('EURO')).toBe(false);
    expect(isKnownCurrency('XYZ')).toBe(false);
  });
});

describe('dates and instants', () => {
  it('isCalendarDate: real dates written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2025-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-2-3', '20250203', '2025-02-03T00:00:00Z', '+002025-02-03', '', ' 2025-02-03']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it('isInstant: a date-time with Z or an offset', () => {
    for (const good of ['2025-03-28T10:00:00Z', '2025-03-28T10:00:00+02:00', '2025-03-28T10:00:00.123456-05:30', '2025-03-28T10:00Z']) {
      expect(isInstant(good), good).toBe(true);
    }
    for (const bad of ['2025-03-28T10:00:00', '2025-03-28', '2025-02-30T10:00:00Z', '2025-03-28T25:00:00Z', '2025-03-28 10:00:00Z', 'yesterday', '']) {
      expect(isInstant(bad), bad).toBe(false);
    }
  });

  it('formatInstant normalises offsets and fractional seconds to YYYY-MM-DDTHH:MM:SSZ', () => {
    expect(formatInstant('2025-03-28T10:00:00+02:00')).toBe('2025-03-28T08:00:00Z');
    expect(formatInstant('2025-03-28T10:00:00.123Z')).toBe('2025-03-28T10:00:00Z');
    expect(formatInstant('2025-03-28T10:00:00.5Z')).toBe('2025-03-28T10:00:01Z');
    expect(formatInstant('2025-12-31T23:59:59.9-00:30')).toBe('2026-01-01T00:30:00Z');
    expect(formatInstant('2025-03-28T10:00Z')).toBe('2025-03-28T10:00:00Z');
    expect(formatInstant(Temporal.Instant.from('2023-08-14T08:15:00+02:00[Europe/Madrid]'))).toBe('2023-08-14T06:15:00Z');
    expect(instantFromEpochMs(Date.UTC(2025, 2, 28, 10, 0, 0, 400))).toBe('2025-03-28T10:00:00Z');
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-10', -7)).toBe('2025-03-03');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-03-01', '2025-03-10')).toBe(9);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
  });
});

describe('settings definitions (PRODUCT, Settings: keys exact, defaults)', () => {
  const host = { timeZone: 'Europe/Madrid', country: 'ES' };
  const defs = settingDefinitions(host);

  it('every key of PRODUCT "Settings" exists with its default', () => {
    const expected: Record<string, unknown> = {
      language: 'en',
      myTimeZone: 'Europe/Madrid',
      myCountry: 'ES',
      baseCurrency: 'CNY',
      buyerMorning: '08:15',
      businessWindow: '09:00-18:00',
      'slaHours.website': 2,
      'slaHours.email': 4,
      'slaHours.marketplace': 1,
      'slaHours.fair': 24,
      'slaHours.referral': 4,
      'slaHours.phone': 1,
      slaCountsBusinessHours: false,
      followUpBusinessDays: 3,
      expiryReminderBusinessDays: [3, 1],
      fxMaxAgeDays: 7,
      fxThresholdPercent: 3,
      scheduleHorizonDays: 7,
      'scoreWeights.purchase': 25,
      'scoreWeights.margin': 25,
      'scoreWeights.growth': 20,
      'scoreWeights.strategic': 15,
      'scoreWeights.reputation': 15,
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(Object.hasOwn(defs, key), key).toBe(true);
      expect(defs[key]!.default, key).toEqual(value);
    }
    expect(inquirySources).toEqual(['website', 'email', 'marketplace', 'fair', 'referral', 'phone']);
    expect(scoreParts).toEqual(['purchase', 'margin', 'growth', 'strategic', 'reputation']);
  });

  it('health weights: one per indicator (ids exact), equal by default', () => {
    expect(healthIndicators).toEqual([
      'volume_trend',
      'order_rhythm',
      'recency',
      'margin_trend',
      'on_time_payment',
      'overdue_receivables',
      'open_complaints',
      'complaint_resolution',
      'reply_latency',
      'quote_win_rate',
      'inquiry_activity',
      'contact_recency',
    ]);
    const weights = healthIndicators.map((id) => defs[`healthWeights.${id}`]?.default);
    expect(weights.every((w) => typeof w === 'number' && w > 0)).toBe(true);
    expect(new Set(weights).size).toBe(1);
  });

  it('the user\'s zone and country default to the host\'s', () => {
    const shanghai = settingDefinitions({ timeZone: 'Asia/Shanghai', country: 'CN' });
    expect(shanghai.myTimeZone!.default).toBe('Asia/Shanghai');
    expect(shanghai.myCountry!.default).toBe('CN');
  });

  it('every default passes its own schema', () => {
    for (const [key, def] of Object.entries(defs)) expect(def.schema.safeParse(def.default).success, key).toBe(true);
  });

  it('schemas refuse wrong values', () => {
    const refused: [string, unknown][] = [
      ['language', 'fr'],
      ['myTimeZone', 'Mars/Olympus'],
      ['myCountry', 'XX'],
      ['baseCurrency', 'EURO'],
      ['buyerMorning', '8:15'],
      ['buyerMorning', '24:00'],
      ['businessWindow', '18:00-09:00'],
      ['businessWindow', '09:00'],
      ['slaCountsBusinessHours', 'yes'],
      ['followUpBusinessDays', 0],
      ['followUpBusinessDays', 2.5],
      ['followUpBusinessDays', '3'],
      ['expiryReminderBusinessDays', [3, 3]],
      ['expiryReminderBusinessDays', 3],
      ['fxMaxAgeDays', -1],
      ['fxThresholdPercent', 0],
      ['slaHours.website', 0],
      ['scoreWeights.margin', 101],
    ];
    for (const [key, value] of refused) expect(defs[key]!.schema.safeParse(value).success, `${key} = ${JSON.stringify(value)}`).toBe(false);
    expect(defs.businessWindow!.schema.safeParse('08:30-17:30').success).toBe(true);
    expect(defs.slaCountsBusinessHours!.schema.safeParse(true).success).toBe(true);
  });

  it('parseSettingText: JSON when it parses, else the text itself', () => {
    expect(parseSettingText('5')).toBe(5);
    expect(parseSettingText(' 5 ')).toBe(5);
    expect(parseSettingText('false')).toBe(false);
    expect(parseSettingText('[3,1]')).toEqual([3, 1]);
    expect(parseSettingText('"CNY"')).toBe('CNY');
    expect(parseSettingText('08:15')).toBe('08:15');
    expect(parseSettingText('09:00-18:00')).toBe('09:00-18:00');
    expect(parseSettingText('Europe/Madrid')).toBe('Europe/Madrid');
    expect(parseSettingText('')).toBe('');
  });
});
