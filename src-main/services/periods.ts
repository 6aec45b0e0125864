/** A report's period: calendar days in the user's zone (`myTimeZone`), and the instants that bound them. */
import { Temporal } from 'temporal-polyfill';
import { invalidState } from '../contract/errors';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

export interface DayPeriod {
  from: string;
  to: string;
  zone: string;
  /** The start of `from` in the zone, `YYYY-MM-DDTHH:MM:SSZ` (instants in the period are ≥ it). */
  startAt: string;
  /** The start of the day after `to` (instants in the period are < it). */
  endBefore: string;
}

/**
 * `from` through `to` (both included); `to` defaults to the user's today, `from` to the day that makes the period
 * `back` long (`{ days: 90 }`: the 90 days ending on `to`). A period that ends before it starts is refused.
 */
export async function dayPeriod(ctx: ServiceContext, from: string | undefined, to: string | undefined, back: Temporal.DurationLike): Promise<DayPeriod> {
  const zone = await settingValue<string>(ctx, 'myTimeZone');
  const last = to ?? Temporal.Instant.from(ctx.now()).toZonedDateTimeISO(zone).toPlainDate().toString();
  const first = from ?? Temporal.PlainDate.from(last).subtract(back).add({ days: 1 }).toString();
  if (first > last) throw invalidState('period_reversed', { from: first, to: last });
  const startOf = (day: Temporal.PlainDate) => day.toZonedDateTime({ timeZone: zone }).toInstant().toString({ smallestUnit: 'second' });
  return { from: first, to: last, zone, startAt: startOf(Temporal.PlainDate.from(first)), endBefore: startOf(Temporal.PlainDate.from(last).add({ days: 1 })) };
}
