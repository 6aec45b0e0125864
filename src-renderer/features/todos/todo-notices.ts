/**
 * What one scheduler tick tells the user (pure): after a clock jump (the laptop slept, more than 5 minutes since
 * the previous tick) one summary of what happened meanwhile — never one notice per task; otherwise one "due now"
 * notice for the to-dos that fell due since the previous tick, batched.
 */
import type { ScheduleRun, Todo } from '../../../src-main/contract/models';
import { dueNoticeBody } from '../../../src-main/domain/schedule/due-notice';

export const TICK_MS = 60_000;
export const JUMP_MS = 5 * 60_000;

export type TickNotice = { kind: 'summary'; created: number; overdue: number } | { kind: 'due'; tasks: readonly Todo[] } | null;

export function noticeFor(gapMs: number, run: ScheduleRun, newlyDue: readonly Todo[]): TickNotice {
  if (gapMs > JUMP_MS) return run.created + run.overdue > 0 ? { kind: 'summary', created: run.created, overdue: run.overdue } : null;
  return newlyDue.length > 0 ? { kind: 'due', tasks: newlyDue } : null;
}

/** The body of a "due now" notice: the first few titles, then how many more. */
export function dueBody(tasks: readonly Todo[], more: (count: number) => string, shown = 3): string {
  return dueNoticeBody(tasks, tasks.length, more, shown);
}

/** The summary's wording: both counts, or only the one that is not zero (so no "0 new"). */
export function summaryKey(created: number, overdue: number): { key: 'summary' | 'summaryOverdue' | 'summaryNew'; count?: number } {
  if (created === 0) return { key: 'summaryOverdue', count: overdue };
  if (overdue === 0) return { key: 'summaryNew', count: created };
  return { key: 'summary' };
}
