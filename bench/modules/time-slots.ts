/**
 * The time engine under the scheduler's load (issue 5): 200,000 next-slot computations — the buyer's next
 * business day at 08:15, strictly after an instant — across 50 zones and their countries, through the same call
 * the scheduler makes (`nextBusinessSlot`, a ZonedDateTime out). Instants are spread over 2025–2026 by a fixed
 * seed. Timed from cold engine caches (zone-day and country-year, date-holidays included), then again warm.
 * Needs no book.
 */
import { Temporal } from 'temporal-polyfill';
import {
  clearCalendarCaches,
  clearZoneCaches,
  createBusinessCalendar,
  nextBusinessSlot,
  nextBusinessSlotEpochMs,
  requireTimeZone,
} from '../../src-main/domain/time';
import { info, target, type BenchModule } from '../lib/types';
import { rng, round } from '../lib/stats';

/** 50 buyer zones with their countries: every weekend pattern, Southern and Northern DST, half-hour offsets. */
export const SLOT_ZONES: readonly (readonly [zone: string, country: string])[] = [
  ['Europe/Madrid', 'ES'], ['Asia/Shanghai', 'CN'], ['America/New_York', 'US'], ['America/Los_Angeles', 'US'],
  ['Europe/Berlin', 'DE'], ['Europe/London', 'GB'], ['Europe/Paris', 'FR'], ['Europe/Rome', 'IT'],
  ['Asia/Tokyo', 'JP'], ['Asia/Seoul', 'KR'], ['Asia/Kolkata', 'IN'], ['America/Sao_Paulo', 'BR'],
  ['America/Mexico_City', 'MX'], ['Asia/Riyadh', 'SA'], ['Asia/Dubai', 'AE'], ['Europe/Istanbul', 'TR'],
  ['Europe/Moscow', 'RU'], ['Europe/Warsaw', 'PL'], ['Europe/Amsterdam', 'NL'], ['Australia/Sydney', 'AU'],
  ['Australia/Lord_Howe', 'AU'], ['Pacific/Auckland', 'NZ'], ['America/Santiago', 'CL'], ['America/Argentina/Buenos_Aires', 'AR'],
  ['Africa/Johannesburg', 'ZA'], ['Africa/Cairo', 'EG'], ['Africa/Lagos', 'NG'], ['Africa/Nairobi', 'KE'],
  ['Asia/Jakarta', 'ID'], ['Asia/Ho_Chi_Minh', 'VN'], ['Asia/Bangkok', 'TH'], ['Asia/Kuala_Lumpur', 'MY'],
  ['Asia/Singapore', 'SG'], ['Asia/Manila', 'PH'], ['Asia/Karachi', 'PK'], ['Asia/Dhaka', 'BD'],
  ['Asia/Tehran', 'IR'], ['Asia/Jerusalem', 'IL'], ['America/Toronto', 'CA'], ['America/Bogota', 'CO'],
  ['America/Lima', 'PE'], ['Europe/Kyiv', 'UA'], ['Europe/Stockholm', 'SE'], ['Asia/Kuwait', 'KW'],
  ['Asia/Qatar', 'QA'], ['Asia/Kathmandu', 'NP'], ['Asia/Brunei', 'BN'], ['Indian/Maldives', 'MV'],
  ['Africa/Casablanca', 'MA'], ['America/St_Johns', 'CA'],
];

export const SLOT_CALLS = 200_000;
export const SLOT_TARGET_MS = 2_000;

interface SlotCase {
  zone: string;
  country: string;
  after: Temporal.Instant;
}

/** The same 200,000 (zone, country, instant) triples every run. */
export function slotCases(count = SLOT_CALLS, seed = 20250331): SlotCase[] {
  const rand = rng(seed);
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 0, 1) - from;
  const cases: SlotCase[] = [];
  for (let i = 0; i < count; i++) {
    const [zone, country] = SLOT_ZONES[i % SLOT_ZONES.length]!;
    cases.push({ zone, country, after: Temporal.Instant.fromEpochMilliseconds(from + Math.floor(rand() * span)) });
  }
  return cases;
}

/** Runs every case once; returns the elapsed ms and a checksum so the work cannot be skipped. */
function runSlots(cases: readonly SlotCase[], calendar = createBusinessCalendar()): { ms: number; checksum: number } {
  let checksum = 0;
  const t0 = performance.now();
  for (const c of cases) checksum = (checksum + nextBusinessSlot(calendar, { zone: c.zone, country: c.country, after: c.after, at: "08:15" }).epochMilliseconds) % 1_000_003;
  return { ms: performance.now() - t0, checksum };
}

export const timeSlots: BenchModule = {
  name: 'time-slots',
  async run(ctx) {
    for (const [zone] of SLOT_ZONES) requireTimeZone(zone);
    const cases = slotCases();
    clearZoneCaches();
    clearCalendarCaches();
    ctx.log(`time-slots: ${SLOT_CALLS.toLocaleString('en')} next-slot computations across ${SLOT_ZONES.length} zones`);
    const cold = runSlots(cases);
    const warm = runSlots(cases);
    if (cold.checksum !== warm.checksum) throw new Error('time-slots: the warm run disagrees with the cold run');
    const fastCalendar = createBusinessCalendar();
    const t0 = performance.now();
    for (const c of cases) nextBusinessSlotEpochMs(fastCalendar, c.zone, c.country, c.after.epochMilliseconds, 8 * 60 + 15);
    const fastMs = performance.now() - t0;
    ctx.detail('time-slots', [
      `${SLOT_CALLS.toLocaleString('en')} calls of nextBusinessSlot(calendar, { zone, country, after, at: '08:15' }) → ZonedDateTime,`,
      `instants spread over 2025–2026 (seed 20250331), ${SLOT_ZONES.length} zones; cold = engine caches cleared first`,
      `(date-holidays country-years and zone-days computed inside the timed loop).`,
    ]);
    return [
      target(`time: ${SLOT_CALLS.toLocaleString('en')} next business slots, 50 zones, cold caches`, round(cold.ms), 'ms', { max: SLOT_TARGET_MS }),
      info('time: same, warm caches', round(warm.ms), 'ms'),
      info('time: same, epoch-ms fast path (no Temporal objects), warm', round(fastMs), 'ms'),
    ];
  },
};
