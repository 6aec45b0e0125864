import type { Language } from '../../i18n';

const formats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) in the UI language, e.g. "Jun 30, 2025" / "2025年6月30日"; the day itself if malformed. */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format.format(date);
}

/** A share of a total as a whole percentage (0 when the total is 0). */
export function percentOf(part: number, total: number): number {
  return total > 0 ? Math.round((100 * part) / total) : 0;
}
