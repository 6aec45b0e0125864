/**
 * A country's business calendar for one year as the Settings page shows it (issue 13 item 5): the weekend rules in
 * force, its public holidays and make-up workdays, with the user's own overrides (R3) applied and marked. Spread
 * into the contract map in ./index.ts; the overrides themselves are `calendar.overrides.*` there.
 */
import { z } from 'zod';
import { CountryCode } from './primitives';

const CalendarDayView = z.object({
  date: z.string(),
  name: z.string(),
  /** Where the day comes from: the date-holidays data, the calendars Tradebook ships (CN, …) or the user's override. */
  source: z.enum(['date-holidays', 'shipped', 'user']),
});

export const YearCalendarView = z.object({
  country: z.string(),
  year: z.number().int(),
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are the weekend, per period of the year. */
  weekend: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable(), days: z.array(z.number().int().min(1).max(7)) })),
  holidays: z.array(CalendarDayView),
  workdays: z.array(CalendarDayView),
  /** True where the holidays are a stand-in (no data for the country). */
  approximate: z.boolean(),
});
export type YearCalendarView = z.infer<typeof YearCalendarView>;

export const calendarContract = {
  'calendar.year': {
    input: z.strictObject({ country: CountryCode, year: z.number().int().min(1990).max(2100) }),
    output: YearCalendarView,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
