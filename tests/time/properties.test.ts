/**
 * Properties of the time engine over every zone the runtime knows (Intl.supportedValuesOf('timeZone')), with
 * fast-check and fixed seeds: round trips, DST gaps and overlaps, slots on a business day at the asked local
 * time strictly after the input (and none earlier), business-hour sums additive, expiry at the first instant of
 * the next day, quarterly reviews on business days. The results must not depend on the host's zone: CI runs
 * this file under TZ=UTC and TZ=Pacific/Auckland.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors';
import { dateInZone } from '../../src-main/domain/dates';
import {
  addBusinessHours,
  classifyLocalTime,
  createBusinessCalendar,
  epochDayOf,
  formatEpochDay,
  nextBusinessSlot,
  quarterlySeries,
  quoteExpiry,
  zonedFromInstant,
  zonedFromLocal,
} from '../../src-main/domain/time';
import { wallClockEpochMs } from '../../src-main/domain/time/zones';

const SEED = 20_250_331;
const zones = Intl.supportedValuesOf('timeZone');
const calendar = createBusinessCalendar();
/** Countries with every weekend pattern and calendar source: history, corrections, CLDR, shipped, stand-in. */
const COUNTRIES = ['ES', 'CN', 'SA', 'AE', 'NP', 'BN', 'BD', 'IR', 'IL', 'US', 'KW', 'MV', 'AU', 'CL'] as const;

const DAY_MS = 86_400_000;
const ms = (year: number) => Date.UTC(year, 0, 1);

/** Runs a property once per zone, each with its own fixed seed. */
function forEveryZone<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, check: (zone: string, value: T) => void): void {
  zones.forEach((zone, index) => {
    fc.assert(
      fc.property(arbitrary, (value) => check(zone, value)),
      { seed: SEED + index, numRuns },
    );
  });
}

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
}

const instantIn = (from: number, to: number) => fc.integer({ min: ms(from), max: ms(to) }).map((t) => Temporal.Instant.fromEpochMilliseconds(t));

const plainAt = (epochDay: number, minute: number) => Temporal.PlainDate.from(formatEpochDay(epochDay)).toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });

describe(`round trips over all ${zones.length} zones`, () => {
  it('instant → buyer-local → instant gives the instant back (both readings of an overlap, never a gap)', () => {
    forEveryZone(instantIn(1900, 2100), 40, (zone, instant) => {
      const local = zonedFromInstant(instant, zone).toPlainDateTime();
      const kind = classifyLocalTime(zone, local);
      const at = (how: 'compatible' | 'earlier' | 'later' | 'reject') => zonedFromLocal(zone, local, how).epochMilliseconds;
      expect(kind, `${zone} ${instant}`).not.toBe('gap');
      if (kind === 'unique') {
        for (const how of ['compatible', 'earlier', 'later', 'reject'] as const) expect(at(how), `${zone} ${instant} ${how}`).toBe(instant.epochMilliseconds);
      } else {
        expect([at('earlier'), at('later')], `${zone} ${instant}`).toContain(instant.epochMilliseconds);
        expect(at('earlier')).toBeLessThan(at('later'));
        expect(at('compatible')).toBe(at('earlier'));
        expect(errorCode(() => at('reject'))).toBe('time_ambiguous');
      }
    });
  });

  it("an instant's local date (dateInZone, the scorer's cached Intl reading) is Temporal's", () => {
    forEveryZone(instantIn(1900, 2100), 20, (zone, instant) => {
      expect(dateInZone(instant.toString(), zone), `${zone} ${instant}`).toBe(instant.toZonedDateTimeISO(zone).toPlainDate().toString());
    });
  });

  it('buyer-local → instant → buyer-local, and the per-zone-day cache agrees with Temporal', () => {
    const local = fc.record({ day: fc.integer({ min: epochDayOf(1900, 1, 1), max: epochDayOf(2100, 1, 1) }), minute: fc.integer({ min: 0, max: 1439 }) });
    forEveryZone(local, 40, (zone, { day, minute }) => {
      const wall = plainAt(day, minute);
      const compatible = zonedFromLocal(zone, wall, 'compatible');
      expect(wallClockEpochMs(zone, day, minute), `${zone} ${wall}`).toBe(compatible.epochMilliseconds);
      const earlier = zonedFromLocal(zone, wall, 'earlier');
      const later = zonedFromLocal(zone, wall, 'later');
      switch (classifyLocalTime(zone, wall)) {
        case 'unique':
          expect(compatible.toPlainDateTime().equals(wall), `${zone} ${wall}`).toBe(true);
          expect(zonedFromLocal(zone, wall, 'reject').epochMilliseconds).toBe(compatible.epochMilliseconds);
          break;
        case 'gap':
          expect(compatible.epochMilliseconds).toBe(later.epochMilliseconds);
          expect(Temporal.PlainDateTime.compare(later.toPlainDateTime(), wall)).toBe(1);
          expect(Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall)).toBe(-1);
          expect(errorCode(() => zonedFromLocal(zone, wall, 'reject'))).toBe('time_nonexistent');
          break;
        case 'overlap':
          expect(earlier.epochMilliseconds).toBeLessThan(later.epochMilliseconds);
          expect(earlier.toPlainDateTime().equals(wall) && later.toPlainDateTime().equals(wall)).toBe(true);
          expect(compatible.epochMilliseconds).toBe(earlier.epochMilliseconds);
          expect(errorCode(() => zonedFromLocal(zone, wall, 'reject'))).toBe('time_ambiguous');
          break;
      }
    });
  });
});

describe(`DST gaps and overlaps over all ${zones.length} zones`, () => {
  it('a wall time inside a transition is a gap (compatible = the offset before) or an overlap (earlier = the offset before)', () => {
    const probe = fc.record({ from: fc.integer({ min: ms(1900), max: ms(2090) }), fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) });
    let transitions = 0;
    forEveryZone(probe, 12, (zone, { from, fraction }) => {
      const next = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
      if (next === null || next.year > 2100) return;
      const t = next.epochMilliseconds;
      const before = Temporal.Instant.fromEpochMilliseconds(t - 1).toZonedDateTimeISO(zone);
      const previous = before.getTimeZoneTransition('previous');
      const following = next.getTimeZoneTransition('next');
      // Only lone transitions: with two inside two days, "the offset before" is not one number.
      if ((previous && t - previous.epochMilliseconds < 2 * DAY_MS) || (following && following.epochMilliseconds - t < 2 * DAY_MS)) return;
      const offsetBefore = before.offsetNanoseconds / 1e6;
      const offsetAfter = next.offsetNanoseconds / 1e6;
      if (offsetBefore === offsetAfter) return;
      const low = t + Math.min(offsetBefore, offsetAfter);
      const size = Math.abs(offsetAfter - offsetBefore);
      const wallMs = low + Math.floor(fraction * size);
      const wall = Temporal.Instant.fromEpochMilliseconds(wallMs).toZonedDateTimeISO('UTC').toPlainDateTime();
      const at = (how: 'compatible' | 'earlier' | 'later') => zonedFromLocal(zone, wall, how).epochMilliseconds;
      transitions++;
      if (offsetAfter > offsetBefore) {
        expect(classifyLocalTime(zone, wall), `${zone} ${wall}`).toBe('gap');
        expect(at('compatible'), `${zone} ${wall}`).toBe(wallMs - offsetBefore);
        expect(at('later')).toBe(wallMs - offsetBefore);
        expect(at('earlier')).toBe(wallMs - offsetAfter);
      } else {
        expect(classifyLocalTime(zone, wall), `${zone} ${wall}`).toBe('overlap');
        expect(at('compatible'), `${zone} ${wall}`).toBe(wallMs - offsetBefore);
        expect(at('earlier')).toBe(wallMs - offsetBefore);
        expect(at('later')).toBe(wallMs - offsetAfter);
      }
    });
    expect(transitions).toBeGreaterThan(1000);
  });
});

describe(`business slots over all ${zones.length} zones`, () => {
  it('R2: a slot is strictly after the input, on a business day, at the asked local time (or just after its gap), and no business day before it qualifies', () => {
    const input = fc.record({
      base: instantIn(2000, 2040),
      minute: fc.integer({ min: 0, max: 1439 }),
      country: fc.constantFrom(...COUNTRIES),
      /** Half the time the input is exactly a slot instant: "after" must mean strictly after. */
      exact: fc.boolean(),
    });
    forEveryZone(input, 25, (zone, { base, minute, country, exact }) => {
      const at = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const after = exact
        ? zonedFromLocal(zone, zonedFromInstant(base, zone).toPlainDate().toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })).toInstant()
        : base;
      const slot = nextBusinessSlot(calendar, { zone, country, after, at });
      const context = `${zone} ${country} after ${after} at ${at} → ${slot}`;
      expect(slot.epochMilliseconds, context).toBeGreaterThan(after.epochMilliseconds);
      // The day the slot was planned on: its own date, or the day before when the asked time fell in a gap
      // that crossed midnight.
      let planned = slot.toPlainDate();
      if (slot.hour * 60 + slot.minute !== minute || slot.second !== 0) {
        const sameDay = planned.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
        if (classifyLocalTime(zone, sameDay) !== 'gap') planned = planned.subtract({ days: 1 });
        expect(classifyLocalTime(zone, planned.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })), context).toBe('gap');
      }
      expect(calendar.isBusinessDay(country, planned.toString()), context).toBe(true);
      // Minimal: every business day from the input's local day up to the planned one has its slot at or before the input.
      let day = zonedFromInstant(after, zone).toPlainDate().subtract({ days: 1 });
      for (; Temporal.PlainDate.compare(day, planned) < 0; day = day.add({ days: 1 })) {
        if (!calendar.isBusinessDay(country, day.toString())) continue;
        const earlier = zonedFromLocal(zone, day.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 }));
        expect(earlier.epochMilliseconds, `${context}: ${day} qualifies`).toBeLessThanOrEqual(after.epochMilliseconds);
      }
    });
  });
});

describe(`business hours over all ${zones.length} zones`, () => {
  it('R2: adding a then b business hours equals adding a + b; the result lies in a window on a business day', () => {
    const input = fc.record({
      from: fc.integer({ min: ms(2000), max: ms(2040) }).map((t) => Temporal.Instant.fromEpochMilliseconds(Math.floor(t / 1000) * 1000)),
      a: fc.integer({ min: 1, max: 30 * 3600 }),
      b: fc.integer({ min: 1, max: 30 * 3600 }),
      start: fc.integer({ min: 0, max: 14 * 4 }).map((q) => q * 15),
      length: fc.integer({ min: 8, max: 40 }).map((q) => q * 15),
      country: fc.constantFrom(...COUNTRIES),
    });
    forEveryZone(input, 12, (zone, { from, a, b, start, length, country }) => {
      const end = Math.min(start + length, 1440);
      const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const window = `${clock(start)}-${clock(end)}`;
      const add = (at: Temporal.Instant, seconds: number) => addBusinessHours(calendar, { zone, country, from: at, hours: seconds / 3600, window });
      const once = add(from, a + b);
      const twice = add(add(from, a).toInstant(), b);
      const context = `${zone} ${country} ${from} + ${a}s + ${b}s in ${window}`;
      expect(twice.epochMilliseconds, context).toBe(once.epochMilliseconds);
      expect(once.epochMilliseconds, context).toBeGreaterThan(from.epochMilliseconds);
      // Where it ends: inside (or at the end of) the window of a business day — that day or the one before.
      const local = once.toPlainDate();
      const inWindow = [local.subtract({ days: 1 }), local].some((day) => {
        if (!calendar.isBusinessDay(country, day.toString())) return false;
        const open = zonedFromLocal(zone, day.toPlainDateTime({ hour: Math.floor(start / 60), minute: start % 60 })).epochMilliseconds;
        const close = zonedFromLocal(zone, end === 1440 ? day.add({ days: 1 }).toPlainDateTime() : day.toPlainDateTime({ hour: Math.floor(end / 60), minute: end % 60 })).epochMilliseconds;
        return open <= once.epochMilliseconds && once.epochMilliseconds <= close;
      });
      expect(inWindow, context).toBe(true);
    });
  });
});

describe(`quote expiry and quarterly reviews over all ${zones.length} zones`, () => {
  it('R7: a quote valid through D expires at the first instant of D + 1, buyer-local', () => {
    forEveryZone(fc.integer({ min: epochDayOf(1950, 1, 1), max: epochDayOf(2090, 1, 1) }), 20, (zone, day) => {
      const validThrough = formatEpochDay(day);
      const expiry = quoteExpiry(zone, validThrough);
      const context = `${zone} ${validThrough} → ${expiry}`;
      expect(expiry.toPlainDate().toString(), context).toBe(formatEpochDay(day + 1));
      const justBefore = Temporal.Instant.fromEpochMilliseconds(expiry.epochMilliseconds - 1).toZonedDateTimeISO(zone);
      expect(Temporal.PlainDate.compare(justBefore.toPlainDate(), expiry.toPlainDate()), context).toBe(-1);
    });
  });

  it('R13: each review is anchor + 3n months (from the anchor, no drift), rolled forward to the first business day', () => {
    const input = fc.record({
      anchor: fc.record({ day: fc.integer({ min: epochDayOf(2000, 1, 1), max: epochDayOf(2035, 1, 1) }), minute: fc.integer({ min: 0, max: 1439 }) }),
      count: fc.integer({ min: 1, max: 6 }),
      country: fc.constantFrom(...COUNTRIES),
    });
    forEveryZone(input, 4, (zone, { anchor, count, country }) => {
      const wall = plainAt(anchor.day, anchor.minute);
      const series = quarterlySeries(calendar, { zone, country, anchor: wall, count });
      expect(series).toHaveLength(count);
      series.forEach((review, index) => {
        const due = wall.toPlainDate().add({ months: 3 * (index + 1) });
        let day = due;
        while (!calendar.isBusinessDay(country, day.toString())) day = day.add({ days: 1 });
        const expected = zonedFromLocal(zone, day.toPlainDateTime(wall.toPlainTime()));
        expect(review.epochMilliseconds, `${zone} ${country} ${wall} #${index + 1}`).toBe(expected.epochMilliseconds);
      });
    });
  });
});
