/**
 * Receivables (回款, issue 12) as pure arithmetic: how late an open order is, its aging bucket, and when its
 * payment reminders are due. No database, no clock: the service passes today and the order's dates in.
 */
import type { Buyer, RuleSettings } from '../schedule/rules';
import { morningMinutes } from '../schedule/rules';
import type { BusinessCalendar } from '../time/business-calendar';
import { parseEpochDay } from '../time/civil-days';
import { wallClockEpochMs } from '../time/zones';

/** The aged list's buckets, in order: not yet due (due today counts here), 1–30, 31–60, 61–90 and over 90 days late. */
export const AGING_BUCKETS = ['not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'no_due_date'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days from the due date to today: positive when late, 0 on the day, negative before (null: no due date). */
export function daysOverdue(dueOn: string | null, today: string): number | null {
  if (dueOn === null) return null;
  const due = parseEpochDay(dueOn);
  const now = parseEpochDay(today);
  if (due === null || now === null) return null;
  return now - due;
}

export function agingBucket(days: number | null): AgingBucket {
  if (days === null) return 'no_due_date';
  if (days <= 0) return 'not_due';
  if (days <= 30) return 'days_1_30';
  if (days <= 60) return 'days_31_60';
  if (days <= 90) return 'days_61_90';
  return 'days_over_90';
}

export interface PaymentReminder {
  /** `before`: `daysBefore` days ahead (moved back to a business day of the buyer's); `due`: the due day itself. */
  when: 'before' | 'due';
  dueMs: number;
  daysBefore: number;
}

/**
 * The reminders of a payment due on `dueOn`: `daysBefore` days ahead (setting `paymentReminderDays`; 0: none) on
 * the buyer's business day on or before that day, and on the due day — both at the buyer's morning, in their zone.
 */
export function paymentReminders(calendar: BusinessCalendar, settings: RuleSettings, buyer: Buyer, dueOn: string, daysBefore: number): PaymentReminder[] {
  const due = parseEpochDay(dueOn);
  if (due === null) return [];
  const morning = morningMinutes(settings);
  const out: PaymentReminder[] = [];
  if (daysBefore > 0) {
    let day = due - daysBefore;
    for (let guard = 0; guard < 14 && !calendar.isBusinessEpochDay(buyer.country, day); guard++) day--;
    out.push({ when: 'before', dueMs: wallClockEpochMs(buyer.zone, day, morning), daysBefore });
  }
  out.push({ when: 'due', dueMs: wallClockEpochMs(buyer.zone, due, morning), daysBefore: 0 });
  return out;
}
