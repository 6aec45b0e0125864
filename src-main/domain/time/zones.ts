/**
 * Local time ↔ instant in an IANA zone, on temporal-polyfill and never on the host's zone. A local time can
 * exist once, not at all (a gap: the clocks jump over it) or twice (an overlap: the clocks go back); the
 * caller says what to do with the last two (`compatible` by default: the time after a gap, the earlier of
 * an overlap — as RFC 5545 and the legacy Date do).
 *
 * The wall-clock → instant answers the schedulers ask for again and again (this zone, this day, 08:15) are
 * cached per zone-day: the Temporal conversion costs ~10 µs, a cached answer a Map lookup.
 */
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../contract/errors';
import { MINUTES_PER_DAY } from './clock';
import { civilOfEpochDay, epochDayOf, MS_PER_DAY, MS_PER_MINUTE, utcEpochDayOf } from './civil-days';

export const disambiguations = ['compatible', 'earlier', 'later', 'reject'] as const;
export type Disambiguation = (typeof disambiguations)[number];

/** `unique`: the local time happens once; `gap`: never (clocks jump over it); `overlap`: twice. */
export type LocalTimeKind = 'unique' | 'gap' | 'overlap';

/** A zone's UTC offsets over one UTC year (± 2 days): offsets[i] holds from starts[i] until starts[i + 1]. */
interface OffsetYear {
  starts: number[];
  offsets: number[];
}

interface ZoneState {
  id: string;
  /** (epochDay × 1441 + minuteOfDay) → epoch ms of that wall-clock time, `compatible`. */
  walls: Map<number, number>;
  /** UTC year → the offsets in force, from the zone's transitions. */
  offsetYears: Map<number, OffsetYear>;
}

const zoneIds = new Map<string, string | null>();
const zoneStates = new Map<string, ZoneState>();

/**
 * The zone as Temporal names it ("asia/calcutta" → "Asia/Calcutta"), or null when it is not an IANA zone the
 * runtime knows. Offsets such as "+02:00" are refused: an account lives in a place, not in an offset.
 */
export function timeZoneIdOf(zone: string): string | null {
  const cached = zoneIds.get(zone);
  if (cached !== undefined) return cached;
  let id: string | null = null;
  if (zone.length <= 64 && /^[A-Za-z][A-Za-z0-9_/+-]*$/.test(zone)) {
    try {
      id = new Temporal.ZonedDateTime(0n, zone).timeZoneId;
    } catch {
      id = null;
    }
  }
  if (zoneIds.size > 10_000) zoneIds.clear();
  zoneIds.set(zone, id);
  return id;
}

/** The zone's Temporal id; unknown zones raise `unknown_zone`. */
export function requireTimeZone(zone: string): string {
  const id = timeZoneIdOf(zone);
  if (id === null) throw new AppError('unknown_zone', { zone: zone.slice(0, 80) });
  return id;
}

function zoneState(zone: string): ZoneState {
  let state = zoneStates.get(zone);
  if (state === undefined) {
    const id = requireTimeZone(zone);
    state = zoneStates.get(id) ?? { id, walls: new Map(), offsetYears: new Map() };
    zoneStates.set(zone, state);
    zoneStates.set(id, state);
  }
  return state;
}

function offsetYearOf(state: ZoneState, year: number): OffsetYear {
  let table = state.offsetYears.get(year);
  if (table !== undefined) return table;
  const from = epochDayOf(year, 1, 1) * MS_PER_DAY - 2 * MS_PER_DAY;
  const to = epochDayOf(year + 1, 1, 1) * MS_PER_DAY + 2 * MS_PER_DAY;
  let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(state.id);
  table = { starts: [from], offsets: [zoned.offsetNanoseconds / 1e6] };
  for (let guard = 0; guard < 100; guard++) {
    const next = zoned.getTimeZoneTransition('next');
    if (next === null || next.epochMilliseconds >= to) break;
    table.starts.push(next.epochMilliseconds);
    table.offsets.push(next.offsetNanoseconds / 1e6);
    zoned = next;
  }
  state.offsetYears.set(year, table);
  return table;
}

/** The zone's UTC offset (ms) at an instant, from its cached transitions. */
function offsetAt(state: ZoneState, epochMs: number): number {
  const table = offsetYearOf(state, civilOfEpochDay(utcEpochDayOf(epochMs)).year);
  let i = table.starts.length - 1;
  while (i > 0 && table.starts[i]! > epochMs) i--;
  return table.offsets[i]!;
}

/**
 * The instant (epoch ms) of a wall-clock time on a local calendar day, `compatible` disambiguation, cached per
 * zone-day. `minuteOfDay` runs 0…1440 (1440 = the next day's 00:00).
 *
 * On an ordinary day (one offset all around) the answer is wall time − offset, from the zone's cached
 * transitions; on the days around a transition Temporal itself decides.
 */
export function wallClockEpochMs(zone: string, epochDay: number, minuteOfDay: number): number {
  const state = zoneState(zone);
  const key = epochDay * (MINUTES_PER_DAY + 1) + minuteOfDay;
  const cached = state.walls.get(key);
  if (cached !== undefined) return cached;
  const wall = epochDay * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const before = offsetAt(state, wall - MS_PER_DAY);
  const after = offsetAt(state, wall + MS_PER_DAY);
  let ms: number;
  if (before === after && offsetAt(state, wall - before) === before) {
    ms = wall - before;
  } else {
    const day = minuteOfDay >= MINUTES_PER_DAY ? epochDay + 1 : epochDay;
    const minute = minuteOfDay % MINUTES_PER_DAY;
    const { year, month, day: dayOfMonth } = civilOfEpochDay(day);
    ms = new Temporal.PlainDateTime(year, month, dayOfMonth, Math.floor(minute / 60), minute % 60).toZonedDateTime(state.id).epochMilliseconds;
  }
  state.walls.set(key, ms);
  return ms;
}

/** Forgets every cached wall-clock answer (benchmarks measure a cold start with it). */
export function clearZoneCaches(): void {
  zoneStates.clear();
}

/** How often a local time happens in a zone: once, never (gap) or twice (overlap). */
export function classifyLocalTime(zone: string, local: Temporal.PlainDateTime): LocalTimeKind {
  const id = requireTimeZone(zone);
  const earlier = local.toZonedDateTime(id, { disambiguation: 'earlier' });
  const later = local.toZonedDateTime(id, { disambiguation: 'later' });
  if (earlier.epochNanoseconds === later.epochNanoseconds) return 'unique';
  return earlier.toPlainDateTime().equals(local) ? 'overlap' : 'gap';
}

/**
 * A buyer-local time as a zoned instant. Under `reject`, a time in a gap raises `time_nonexistent` and a time in
 * an overlap `time_ambiguous`; the other choices always answer.
 */
export function zonedFromLocal(
  zone: string,
  local: Temporal.PlainDateTime,
  disambiguation: Disambiguation = 'compatible',
): Temporal.ZonedDateTime {
  const id = requireTimeZone(zone);
  if (disambiguation !== 'reject') return local.toZonedDateTime(id, { disambiguation });
  const kind = classifyLocalTime(id, local);
  if (kind === 'gap') throw new AppError('time_nonexistent', { local: local.toString(), zone: id });
  if (kind === 'overlap') throw new AppError('time_ambiguous', { local: local.toString(), zone: id });
  return local.toZonedDateTime(id);
}

/** An instant seen in a zone. */
export function zonedFromInstant(instant: Temporal.Instant, zone: string): Temporal.ZonedDateTime {
  return instant.toZonedDateTimeISO(requireTimeZone(zone));
}

/** Epoch ms rounded to whole seconds, halves away from zero (PRODUCT: results rounded to whole seconds). */
export function roundToSecondMs(epochMs: number): number {
  const seconds = epochMs / 1000;
  const rounded = seconds < 0 ? -Math.round(-seconds) : Math.round(seconds);
  return rounded * 1000;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, whole seconds. */
export function formatUtc(instant: Temporal.Instant | Temporal.ZonedDateTime): string {
  const ms = roundToSecondMs(instant.epochMilliseconds);
  return Temporal.Instant.fromEpochMilliseconds(ms).toString({ smallestUnit: 'second' });
}

/** The buyer-local time as Temporal prints a ZonedDateTime, whole seconds: `2025-03-31T08:15:00+02:00[Europe/Madrid]`. */
export function formatLocal(zoned: Temporal.ZonedDateTime): string {
  const ms = roundToSecondMs(zoned.epochMilliseconds);
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zoned.timeZoneId).toString({ smallestUnit: 'second' });
}

/** The calendar day (epoch day) an instant falls on in a zone. */
export function localEpochDayOf(zone: string, epochMs: number): number {
  const date = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(requireTimeZone(zone)).toPlainDate();
  return epochDayOf(date.year, date.month, date.day);
}
