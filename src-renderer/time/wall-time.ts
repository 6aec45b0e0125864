/**
 * Wall-clock times as the forms take them (a datetime-local input's `YYYY-MM-DDTHH:MM`) in a zone — the user's or
 * the buyer's — and back. One place for every form (inquiries, complaints, the lost-deal recovery, the board's
 * reschedule), so a time typed in the hour a clock change skips is refused everywhere alike, and an hour that
 * repeats (clocks going back) is read as the first of the two.
 */
import { Temporal } from 'temporal-polyfill';

/** A wall time `YYYY-MM-DDTHH:MM[:SS]` in `zone` as an instant (`…Z`); null when it is not a time or does not exist there. */
export function wallToInstant(wall: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(wall)) return null;
  try {
    const plain = Temporal.PlainDateTime.from(wall, { overflow: 'reject' });
    const zoned = plain.toZonedDateTime(zone, { disambiguation: 'earlier' });
    if (!zoned.toPlainDateTime().equals(plain)) return null;
    return zoned.toInstant().toString({ smallestUnit: 'second' });
  } catch {
    return null;
  }
}

/** An instant (`…Z`, or epoch milliseconds) as the wall time `YYYY-MM-DDTHH:MM` in `zone` (what a datetime-local input shows). */
export function instantToWall(instant: string | number, zone: string): string {
  const i = typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : Temporal.Instant.from(instant);
  return i.toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}
