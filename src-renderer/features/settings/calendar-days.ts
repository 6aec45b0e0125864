import type { YearCalendarView } from '../../../src-main/contract/calendar';

export interface DayStatus {
  kind: 'business' | 'weekend' | 'holiday' | 'workday';
  name: string;
  /** The user's own mark (R3 override). */
  own: boolean;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function weekendOn(calendar: YearCalendarView, date: string): readonly number[] {
  const rule = calendar.weekend.find((r) => (r.from === null || r.from <= date) && (r.to === null || date <= r.to));
  return rule?.days ?? [6, 7];
}

/** What a day is in a country's year: a named holiday or make-up workday (the user's own or not), a weekend or a business day. */
export function dayStatus(date: string, calendar: YearCalendarView | undefined): DayStatus {
  if (!calendar) return { kind: 'business', name: '', own: false };
  const holiday = calendar.holidays.find((d) => d.date === date);
  if (holiday) return { kind: 'holiday', name: holiday.name, own: holiday.source === 'user' };
  const workday = calendar.workdays.find((d) => d.date === date);
  if (workday) return { kind: 'workday', name: workday.name, own: workday.source === 'user' };
  return { kind: weekendOn(calendar, date).includes(isoWeekday(date)) ? 'weekend' : 'business', name: '', own: false };
}

/** The weekend of the month on screen as Mantine counts days (0 = Sunday … 6 = Saturday). */
export function weekendDaysOf(calendar: YearCalendarView | undefined, month: string): (0 | 1 | 2 | 3 | 4 | 5 | 6)[] {
  const days = calendar ? weekendOn(calendar, month) : [6, 7];
  return days.map((d) => (d % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6);
}
