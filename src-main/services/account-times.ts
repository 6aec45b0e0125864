/**
 * The buyer's clock for the account page (PRODUCT, "Account page"): their local time now and their next business
 * morning (R2: `buyerMorning` on their next business day, their zone and country, the book's own holidays and
 * workdays included — the calendar the time commands use), and whether their today is a business day, a weekend
 * or which holiday.
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import type { Language } from '../contract/messages';
import type { AccountTimes } from '../contract/models';
import { createBusinessCalendar, formatLocal, formatUtc, nextBusinessSlot } from '../domain/time';
import { requireAccount } from './accounts';
import { calendarOverrides } from './calendar';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

export async function accountTimes(ctx: ServiceContext, input: ParsedInputOf<'accounts.times'>, language: Language = 'en'): Promise<AccountTimes> {
  const account = await requireAccount(ctx.book.db, input.id);
  const at = Temporal.Instant.from(input.at ?? ctx.now());
  const calendar = createBusinessCalendar(await calendarOverrides(ctx.book.db));
  const morning = nextBusinessSlot(calendar, {
    zone: account.time_zone,
    country: account.country,
    after: at,
    at: await settingValue<string>(ctx, 'buyerMorning'),
  });
  // Their today (issue 13 item 2: "whether today is their weekend or holiday, and which").
  const local = at.toZonedDateTimeISO(account.time_zone).toPlainDate();
  const date = local.toString();
  const business = calendar.isBusinessDay(account.country, date);
  const holiday = business ? null : (calendar.yearCalendar(account.country, local.year, language).holidays.find((day) => day.date === date)?.name ?? null);
  return {
    localNow: formatLocal(at.toZonedDateTimeISO(account.time_zone)),
    today: { date, business, holiday },
    nextMorning: { utc: formatUtc(morning), local: formatLocal(morning) },
  };
}
