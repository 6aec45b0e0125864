/** Due times on the board: weekday, date and time in a given zone ("Mon, Apr 7, 08:15" / "4月7日周一 08:15"). */
import type { Language } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDue(instant: string, language: Language, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return instant;
    }
    formats.set(key, format);
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : format.format(date);
}
