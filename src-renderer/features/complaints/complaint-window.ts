/**
 * R15 arithmetic for the complaints page: the response deadline by grade (A 2 h, B 24 h, C 48 h), the 72 h
 * remediation window, the complaint's state, the page's order and the countdown texts' numbers. Pure: no clock.
 *
 * The same hours as `COMPLAINT_RESPONSE_HOURS` / `COMPLAINT_REMEDIATION_HOURS` in src-main/domain/schedule/rules.ts.
 * That module is not imported here: its `complaintDeadlines` needs the business calendar (holiday tables), which
 * the renderer does not load. The deadlines here are elapsed clock hours, the default (PRODUCT, Defaults: "Time").
 */
import type { Complaint } from '../../../src-main/contract/models';

export type ComplaintGrade = Complaint['grade'];
export const COMPLAINT_GRADES: readonly ComplaintGrade[] = ['A', 'B', 'C'];
export const RESPONSE_HOURS: Readonly<Record<ComplaintGrade, number>> = { A: 2, B: 24, C: 48 };
export const REMEDIATION_HOURS = 72;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

export type ComplaintState = 'awaiting' | 'responded' | 'resolved';

type Facts = Pick<Complaint, 'grade' | 'openedAt' | 'respondedAt' | 'resolvedAt'>;

export interface ComplaintWindow {
  /** The response is due at this instant (epoch ms). */
  responseDueMs: number;
  /** The remediation window ends at this instant (epoch ms). */
  remediationDueMs: number;
}

/** R15: the response deadline and the end of the 72 h remediation window, counted from the opening. */
export function complaintWindow(complaint: Pick<Complaint, 'grade' | 'openedAt'>): ComplaintWindow {
  const opened = Date.parse(complaint.openedAt);
  return { responseDueMs: opened + RESPONSE_HOURS[complaint.grade] * MS_PER_HOUR, remediationDueMs: opened + REMEDIATION_HOURS * MS_PER_HOUR };
}

export function complaintState(complaint: Facts): ComplaintState {
  if (complaint.resolvedAt !== null) return 'resolved';
  return complaint.respondedAt !== null ? 'responded' : 'awaiting';
}

/** The deadline that matters now: the response until responded, then the end of the remediation window. */
export function nextDeadlineMs(complaint: Facts): number {
  const deadlines = complaintWindow(complaint);
  return complaintState(complaint) === 'awaiting' ? deadlines.responseDueMs : deadlines.remediationDueMs;
}

const GRADE_RANK: Readonly<Record<ComplaintGrade, number>> = { A: 0, B: 1, C: 2 };

/** The page's order: grade A first, then the nearest deadline, then the oldest opening; a new array. */
export function sortComplaints<T extends Facts & { id: string }>(complaints: readonly T[]): T[] {
  return [...complaints].sort(
    (a, b) =>
      GRADE_RANK[a.grade] - GRADE_RANK[b.grade] ||
      nextDeadlineMs(a) - nextDeadlineMs(b) ||
      a.openedAt.localeCompare(b.openedAt) ||
      a.id.localeCompare(b.id),
  );
}

export interface Countdown {
  overdue: boolean;
  /** Whole hours, or whole minutes under an hour. */
  unit: 'h' | 'min';
  value: number;
}

/**
 * How far a deadline is from now: "31 h left" / "overdue by 5 h" in whole hours (rounded down, so "1 h left" is
 * never less than an hour), in minutes below an hour. Exactly at the deadline it is 0 min left.
 */
export function countdown(dueMs: number, nowMs: number): Countdown {
  const overdue = nowMs > dueMs;
  const ms = Math.abs(dueMs - nowMs);
  if (ms < MS_PER_HOUR) return { overdue, unit: 'min', value: Math.floor(ms / MS_PER_MINUTE) };
  return { overdue, unit: 'h', value: Math.floor(ms / MS_PER_HOUR) };
}

/** Whether a complaint's response came (or its resolution came) after the deadline; null while still open. */
export function metDeadline(dueMs: number, doneAt: string | null): boolean | null {
  return doneAt === null ? null : Date.parse(doneAt) <= dueMs;
}

/** The user's own zone (the browser's). */
export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
