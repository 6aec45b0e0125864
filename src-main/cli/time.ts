/**
 * `tradebook time …`: the time engine from the command line, no book needed. Each call prints one JSON object on
 * stdout — `{"utc","local"}` (arrays for a series), or the country-year listing for `calendar`; bad input is one
 * line on stderr in --lang and exit code 1.
 *
 * The engine is imported when a time command runs, not when the CLI starts, so that the other commands do not
 * pay for date-holidays' data (0.1–0.2 s). (The esbuild bundle keeps npm packages external and hoists their
 * imports, so there date-holidays still loads at start.)
 */
import type { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError, type ApiError } from '../contract/errors';
import type { Language } from '../contract/messages';
import { isCalendarDate, isInstant } from '../domain/dates';
import { MAX_BUSINESS_HOURS, MAX_SERIES, parseClock, parseWindow } from '../domain/time/clock';
import { disambiguations } from '../domain/time/zones';
import type { BusinessCalendar } from '../domain/time';
import { toApiError } from '../handlers/dispatch';

export interface TimeCommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** The years the command line accepts: wide enough for any book, narrow enough for the holiday data. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

const inYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

const InstantText = z
  .string()
  .refine(isInstant, { message: 'tb.instant', abort: true })
  .transform((text) => Temporal.Instant.from(text))
  .refine((instant) => inYears(instant.toZonedDateTimeISO('UTC').year), 'tb.time_range');

const LocalDateTimeText = z
  .string()
  .transform((text, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'tb.local_datetime' });
      return z.NEVER;
    }
    try {
      return Temporal.PlainDateTime.from(text, { overflow: 'reject' });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'tb.local_datetime' });
      return z.NEVER;
    }
  })
  .refine((local) => inYears(local.year), 'tb.time_range');

const DateText = z
  .string()
  .refine(isCalendarDate, { message: 'tb.date', abort: true })
  .refine((text) => inYears(Number(text.slice(0, 4))), 'tb.time_range');

const ClockText = z.string().refine((text) => parseClock(text) !== null, 'tb.clock');

const WindowText = z
  .string()
  .refine((text) => /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/.test(text) && text.slice(6) <= '24:00', { message: 'tb.window', abort: true })
  .refine((text) => parseWindow(text) !== null, 'tb.window_order');

const HoursText = z
  .string()
  .refine((text) => /^(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) && Number(text) <= MAX_BUSINESS_HOURS, 'tb.hours')
  .transform(Number);

const CountText = z
  .string()
  .refine((text) => /^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SERIES, 'tb.count')
  .transform(Number);

const YearText = z
  .string()
  .refine((text) => /^\d{4}$/.test(text) && inYears(Number(text)), 'tb.year')
  .transform(Number);

const DisambiguationText = z.enum(disambiguations, { message: 'tb.disambiguation' });

const SlotOptions = z.object({ zone: z.string(), country: z.string(), after: InstantText, at: ClockText });
const HoursOptions = z.object({ zone: z.string(), country: z.string(), from: InstantText, hours: HoursText, window: WindowText });
const ToUtcOptions = z.object({ zone: z.string(), local: LocalDateTimeText, disambiguation: DisambiguationText });
const QuarterlyOptions = z.object({ zone: z.string(), country: z.string(), anchor: LocalDateTimeText, count: CountText });
const ExpiryOptions = z.object({ zone: z.string(), validThrough: DateText });
const CalendarOptions = z.object({ country: z.string(), year: YearText });

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Options checked where they enter; field keys (tb.clock…) are rendered in the user's language. */
function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `--${kebab(String(issue.path[0] ?? ''))} ${JSON.stringify(valueAt(raw, issue.path[0]))}: ${issue.message}`).join('; ');
  throw new AppError('invalid_input', { details });
}

function valueAt(raw: unknown, key: PropertyKey | undefined): string {
  if (typeof raw !== 'object' || raw === null || key === undefined || !(key in raw)) return '';
  return String((raw as Record<PropertyKey, unknown>)[key]).slice(0, 60);
}

type Engine = typeof import('../domain/time');
type CalendarOverride = import('../domain/time').CalendarOverride;

const moment = (engine: Engine, zoned: Temporal.ZonedDateTime) => ({ utc: engine.formatUtc(zoned), local: engine.formatLocal(zoned) });

/** Adds `time slot|add-business-hours|to-utc|quarterly|expiry|calendar` to the program. */
export function registerTimeCommands(
  program: Command,
  io: TimeCommandIo,
  fail: (error: ApiError) => void,
  lang: () => Language,
  /** The user's own holidays and workdays, from the book when there is one. */
  userOverrides: () => Promise<CalendarOverride[]> = () => Promise.resolve([]),
): Command {
  let shared: BusinessCalendar | null = null;

  /** Runs one command: loads the engine, computes, prints one JSON object — or fails with one line. */
  const print = async (compute: (engine: Engine, calendar: () => BusinessCalendar) => unknown) => {
    try {
      const engine = await import('../domain/time');
      const overrides = await userOverrides();
      const calendar = () => (shared ??= engine.createBusinessCalendar(overrides));
      io.out(JSON.stringify(compute(engine, calendar)));
    } catch (error) {
      fail(toApiError(error, lang()));
    }
  };

  const time = program
    .command('time')
    .description("time-zone arithmetic and business calendars (the buyer's zone and country; the book's own holidays when it exists)");

  time
    .command('slot')
    .description("the buyer's next business day at a local time, strictly after an instant (R2)")
    .requiredOption('--zone <iana>', 'the buyer’s IANA time zone, e.g. Europe/Madrid')
    .requiredOption('--country <cc>', 'the buyer’s country, e.g. ES')
    .requiredOption('--after <instant>', 'an instant with its offset, e.g. 2025-03-28T10:00:00Z')
    .option('--at <HH:MM>', 'local time of day', '08:15')
    .action((raw: Record<string, string>) =>
      print((engine, calendar) => {
        const o = parseOptions(SlotOptions, raw);
        const zone = engine.requireTimeZone(o.zone);
        return moment(engine, engine.nextBusinessSlot(calendar(), { zone, country: engine.requireCountry(o.country), after: o.after, at: o.at }));
      }),
    );

  time
    .command('add-business-hours')
    .description('add (fractional) business hours inside a daily window on business days')
    .requiredOption('--zone <iana>')
    .requiredOption('--country <cc>')
    .requiredOption('--from <instant>', 'an instant with its offset')
    .requiredOption('--hours <n>', 'hours to add, 0 or more (fractions allowed)')
    .option('--window <HH:MM-HH:MM>', 'the daily window, buyer-local', '09:00-18:00')
    .action((raw: Record<string, string>) =>
      print((engine, calendar) => {
        const o = parseOptions(HoursOptions, raw);
        const zone = engine.requireTimeZone(o.zone);
        const country = engine.requireCountry(o.country);
        return moment(engine, engine.addBusinessHours(calendar(), { zone, country, from: o.from, hours: o.hours, window: o.window }));
      }),
    );

  time
    .command('to-utc')
    .description('a buyer-local time as an instant')
    .requiredOption('--zone <iana>')
    .requiredOption('--local <YYYY-MM-DDTHH:MM>')
    .option('--disambiguation <how>', 'for times that happen twice or never: compatible | earlier | later | reject', 'compatible')
    .action((raw: Record<string, string>) =>
      print((engine) => {
        const o = parseOptions(ToUtcOptions, raw);
        return moment(engine, engine.zonedFromLocal(engine.requireTimeZone(o.zone), o.local, o.disambiguation));
      }),
    );

  time
    .command('quarterly')
    .description('the next N quarterly reviews after an anchor, without drift, each on a business day (R13)')
    .requiredOption('--zone <iana>')
    .requiredOption('--country <cc>')
    .requiredOption('--anchor <YYYY-MM-DDTHH:MM>', 'buyer-local anchor date and time')
    .requiredOption('--count <n>', `how many reviews (1–${MAX_SERIES})`)
    .action((raw: Record<string, string>) =>
      print((engine, calendar) => {
        const o = parseOptions(QuarterlyOptions, raw);
        const zone = engine.requireTimeZone(o.zone);
        const series = engine.quarterlySeries(calendar(), { zone, country: engine.requireCountry(o.country), anchor: o.anchor, count: o.count });
        return { utc: series.map(engine.formatUtc), local: series.map(engine.formatLocal) };
      }),
    );

  time
    .command('expiry')
    .description('the instant a quote valid through a day stops being valid, buyer-local (R7)')
    .requiredOption('--zone <iana>')
    .requiredOption('--valid-through <YYYY-MM-DD>', 'the last valid day')
    .action((raw: Record<string, string>) =>
      print((engine) => {
        const o = parseOptions(ExpiryOptions, raw);
        return moment(engine, engine.quoteExpiry(engine.requireTimeZone(o.zone), o.validThrough));
      }),
    );

  time
    .command('calendar')
    .description("a country's weekend, holidays and make-up workdays for a year, with their sources (R3)")
    .requiredOption('--country <cc>')
    .requiredOption('--year <yyyy>')
    .action((raw: Record<string, string>) =>
      print((engine, calendar) => {
        const o = parseOptions(CalendarOptions, raw);
        return calendar().yearCalendar(engine.requireCountry(o.country), o.year, lang());
      }),
    );

  return time;
}
