/** Money, calendar dates, scores and language names on the account page, for the UI language (through Intl). */
import type { Language } from '../../i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** 12500 EUR → "€12,500.00" (en) / "€12,500.00" (zh-CN); the code and the number when Intl does not know the currency. */
export function formatMoney(amount: number, currency: string, language: Language): string {
  try {
    return cached(`money|${language}|${currency}`, () => new Intl.NumberFormat(language, { style: 'currency', currency })).format(amount);
  } catch {
    return `${currency} ${amount}`;
  }
}

/** A score or a quantity: at most one decimal. */
export function formatDecimal(value: number, language: Language, digits = 1): string {
  return cached(`decimal|${language}|${digits}`, () => new Intl.NumberFormat(language, { maximumFractionDigits: digits })).format(value);
}

/** A calendar date `YYYY-MM-DD` as the locale writes it (30 Jun 2025 / 2025年6月30日), never shifted by a zone. */
export function formatCalendarDate(date: string, language: Language): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return cached(`date|${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })).format(parsed);
}

/** A short axis label for a calendar date (Jun 2025 / 2025年6月). */
export function formatMonth(date: string, language: Language): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return cached(`month|${language}`, () => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(parsed);
}

/** A language tag's name in the UI language (es → Spanish / 西班牙语); the tag itself when unknown. */
export function languageName(tag: string, language: Language): string {
  try {
    return cached(`lang|${language}`, () => new Intl.DisplayNames([language], { type: 'language', fallback: 'code' })).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The currency codes the order form offers: Intl's list, with the preferred ones first. */
export function currencyOptions(preferred: readonly string[]): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const first = [...new Set(preferred.filter((code) => /^[A-Z]{3}$/.test(code)))];
  return [...first, ...all.filter((code) => !first.includes(code))];
}

/** Today's date in the user's own zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A colour for a 0–100 score: red below 40, orange below 70, teal above. */
export function scoreColor(score: number): string {
  if (score < 40) return 'red';
  if (score < 70) return 'orange';
  return 'teal';
}
