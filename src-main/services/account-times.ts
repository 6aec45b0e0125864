/**
 * The buyer's clock for the account page (PRODUCT, "Account page"): their local time now and their next business
 * morning (R2: `buyerMorning` on their next business day, their zone and country, the book's own holidays and
 * workdays included — the calendar the time commands use).
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import type { AccountTimes } from '../contract/models';
import { createBusinessCalendar, formatLocal, formatUtc, nextBusinessSlot } from '../domain/time';
import { requireAccount } from './accounts';
import { calendarOverrides } from './calendar';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

export async function accountTimes(ctx: ServiceContext, input: ParsedInputOf<'accounts.times'>): Promise<AccountTimes> {
  const account = await requireAccount(ctx.book.db, input.id);
  const at = Temporal.Instant.from(input.at ?? ctx.now());
  const calendar = createBusinessCalendar(await calendarOverrides(ctx.book.db));
  const morning = nextBusinessSlot(calendar, {
    zone: account.time_zone,
    country: account.country,
    after: at,
    at: await settingValue<string>(ctx, 'buyerMorning'),
  });
  return {
    localNow: formatLocal(at.toZonedDateTimeISO(account.time_zone)),
    nextMorning: { utc: formatUtc(morning), local: formatLocal(morning) },
  };
}
