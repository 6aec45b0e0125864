/** Due times on the board: weekday, date and time in a given zone ("Mon, Jun 23, 20:15" / "6月23日周一 20:15"); the year only when it is not this year. */
import type { Language } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(language: Language, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withYear}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

/** `thisYear`: the user's current year (the year is printed only for other years). */
export function formatDue(instant: string, language: Language, timeZone: string, thisYear: number = new Date().getFullYear()): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    const year = Number(formatOf('en', timeZone, true).formatToParts(date).find((part) => part.type === 'year')?.value);
    return formatOf(language, timeZone, year !== thisYear).format(date);
  } catch {
    return instant;
  }
}
