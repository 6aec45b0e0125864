/** Dates, times, numbers and country names for the UI language, through Intl (no host-locale guessing). */
import type { Language } from './resources';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A country's name in the UI language (ES → Spain / 西班牙); the code itself when Intl does not know it. */
export function countryName(code: string, language: Language): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An instant (`YYYY-MM-DDTHH:MM:SSZ`) as a date and time in the user's own zone. */
export function formatInstant(instant: string, language: Language, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
  } catch {
    return instant;
  }
}

/** The wall-clock time now in a buyer's zone, e.g. "Mon, 08:15 (GMT+2)" / "周一 08:15 (GMT+2)"; null for an unknown zone. */
export function localTimeIn(timeZone: string, now: Date, language: Language): string | null {
  try {
    const parts = dateTimeFormat(language, {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).formatToParts(now);
    const offset = parts.find((part) => part.type === 'timeZoneName')?.value;
    const time = parts
      .filter((part) => part.type !== 'timeZoneName')
      .map((part) => part.value)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return offset ? `${time} (${offset})` : time;
  } catch {
    return null;
  }
}

/**
 * An instant as a weekday and time in a zone, e.g. "Mon 08:15" / "周一 08:15"; without the weekday ("14:15") when
 * `sameDayAs` is given and falls on the same local day. Null for an unknown zone.
 */
export function weekdayTimeIn(instant: Date, timeZone: string, language: Language, sameDayAs?: { instant: Date; timeZone: string }): string | null {
  try {
    const day = (date: Date, zone: string) => dateTimeFormat('en', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
    const withWeekday = !sameDayAs || day(instant, timeZone) !== day(sameDayAs.instant, sameDayAs.timeZone);
    const time = dateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    return withWeekday ? `${dateTimeFormat(language, { timeZone, weekday: 'short' }).format(instant)} ${time}` : time;
  } catch {
    return null;
  }
}
