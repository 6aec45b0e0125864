/**
 * The Inquiries page's pure logic: where an inquiry stands against its R1 deadline at a moment (time left, overdue,
 * replied within or after the SLA), durations in days / hours / minutes, days in a zone. Wall times typed in a zone
 * are src-renderer/time/wall-time.ts.
 */
import { Temporal } from 'temporal-polyfill';
import type { InboxRow } from '../../../src-main/contract/inquiries';

const MINUTE_MS = 60_000;

export type InboxState =
  | { kind: 'left'; minutes: number }
  | { kind: 'overdue'; minutes: number }
  | { kind: 'replied'; minutes: number; met: boolean };

/** Where an inbox row stands at `nowMs`: minutes left (rounded down), overdue by, or how long the reply took. */
export function inboxState(row: Pick<InboxRow, 'receivedAt' | 'firstReplyAt' | 'deadline'>, nowMs: number): InboxState {
  const due = Date.parse(row.deadline.replyBy);
  if (row.firstReplyAt !== null) {
    const replied = Date.parse(row.firstReplyAt);
    return { kind: 'replied', minutes: Math.max(0, Math.round((replied - Date.parse(row.receivedAt)) / MINUTE_MS)), met: replied <= due };
  }
  const left = Math.floor((due - nowMs) / MINUTE_MS);
  return left >= 0 ? { kind: 'left', minutes: left } : { kind: 'overdue', minutes: Math.ceil((nowMs - due) / MINUTE_MS) };
}

/** Minutes as the two largest units: 2 days 3 h, 3 h 12 min, 45 min. */
export function durationParts(totalMinutes: number): { unit: 'days' | 'hours' | 'minutes'; count: number }[] {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? [{ unit: 'days', count: days }, { unit: 'hours', count: hours }] : [{ unit: 'days', count: days }];
  if (hours > 0) return rest > 0 ? [{ unit: 'hours', count: hours }, { unit: 'minutes', count: rest }] : [{ unit: 'hours', count: hours }];
  return [{ unit: 'minutes', count: rest }];
}

/** The zone of a Temporal string such as `2025-03-31T08:15:00+02:00[Europe/Madrid]`. */
export function zoneOfLocal(local: string): string | null {
  return /\[([^\]]+)\]$/.exec(local)?.[1] ?? null;
}

/** A calendar day `days` before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  return Temporal.PlainDate.from(day).subtract({ days }).toString();
}

/** Today's date in `zone`. */
export function todayIn(zone: string, nowMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}
