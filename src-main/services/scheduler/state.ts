import type { Sqlite } from '../../db/connection';

/** Where the scheduler keeps its watermark and fingerprint: a settings row that is not a user setting. */
export const SCHEDULER_STATE_KEY = 'scheduler.state';

export interface SchedulerState {
  fingerprint: string;
  watermark: string;
  /** When the next full pass of R13 is needed (a review slips more than the horizon into the past); null: never. */
  healthPassAt: string | null;
  /** The latest `now` a tick has run at: open tasks due before it are marked overdue already… */
  overdueMarkedTo: string;
  /** …except tasks moved since (snoozed, rescheduled) to a due instant before it: the earliest such instant. */
  overdueFrom: string | null;
  /** The festival occurrences (R5) the last greeting pass covered. */
  festivals: string;
  /** R7: the user's local date of the last FX pass over every FX-sensitive quote (a new day can bring a new rate). */
  fxDay: string;
  /** R6/R14: the stamp of the last full rescore the scheduler has seen (scores: tiers and churn warnings). */
  scoredAt: string;
}

export function readState(sqlite: Sqlite): SchedulerState | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(SCHEDULER_STATE_KEY) as { value: string } | undefined;
  if (!row) return null;
  const parsed = JSON.parse(row.value) as Partial<SchedulerState>;
  if (typeof parsed.fingerprint !== 'string' || typeof parsed.watermark !== 'string') return null;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    fingerprint: parsed.fingerprint,
    watermark: parsed.watermark,
    healthPassAt: text(parsed.healthPassAt),
    overdueMarkedTo: text(parsed.overdueMarkedTo) ?? '',
    overdueFrom: text(parsed.overdueFrom),
    festivals: text(parsed.festivals) ?? '',
    fxDay: text(parsed.fxDay) ?? '',
    scoredAt: text(parsed.scoredAt) ?? '',
  };
}

export function writeState(sqlite: Sqlite, state: SchedulerState, stamp: string): void {
  sqlite
    .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(SCHEDULER_STATE_KEY, JSON.stringify(state), stamp);
}

/**
 * After a snooze or a reschedule (outside a tick) to `due`: the next tick's overdue scan must reach back to it.
 * Nothing to do before the first tick (which scans every open task).
 */
export function noteTaskMoved(sqlite: Sqlite, due: string): void {
  sqlite
    .prepare(
      `UPDATE settings SET value = json_set(value, '$.overdueFrom', @due)
       WHERE key = @key AND (json_extract(value, '$.overdueFrom') IS NULL OR json_extract(value, '$.overdueFrom') > @due)`,
    )
    .run({ key: SCHEDULER_STATE_KEY, due });
}
