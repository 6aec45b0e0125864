/**
 * The scheduler's wall-clock ticker in the main process (issue 6: "in the app it runs on a 30–60 s wall-clock tick
 * and on resume/unlock"), shared by the desktop shell (src-main/main.ts: also powerMonitor 'resume' and
 * 'unlock-screen') and web mode (`tradebook serve`).
 *
 * - Every `intervalMs` (60 s) and on `trigger(reason)` it runs one scheduler tick at the wall-clock instant.
 * - Runs never overlap: a trigger during a run is remembered and runs once when it ends.
 * - The window runs the scheduler itself too (src-renderer/hooks/use-scheduler-tick.ts); while it does — a
 *   `schedule.run` from it within `foregroundGraceMs` — interval ticks stand aside, and what background ticks
 *   changed is added to the window's next `schedule.run` result (`withTickerReports`), so its board reloads.
 * - A clock jump — more than `jumpMs` (5 min) of wall time since the ticker last looked, either way: the laptop
 *   slept, or the clock was set — always runs, then gives one summary (the to-dos that fell due in the gap and the
 *   overdue ones) to `onSummary`, never one per task.
 * - Otherwise, with `dueBetween` and `onDue` (the desktop shell), the open to-dos whose due instant passed since the
 *   ticker last looked get one batched "due now" notice — also while it stands aside for the window, whose Web
 *   Notifications the desktop window cannot show (window.ts denies every permission request).
 * - After each tick it ran, `afterTick` does the deferred work (the scores' background refresh, issue 7).
 * - Errors are logged, never thrown: a failing tick leaves the next one to try again.
 * Time comes from `clock` (default `Date.now`) and the global timers, so tests drive it with fake timers.
 */
import type { Result } from '../contract/errors';
import { notificationMessages, type Language } from '../contract/messages';
import { pluralForm } from '../contract/plurals';
import type { ScheduleRun } from '../contract/models';
import { dueNoticeBody } from '../domain/schedule/due-notice';

export type TickReason = 'interval' | 'resume' | 'unlock' | 'manual';

export interface AwayCounts {
  /** Open to-dos whose due instant fell in the gap. */
  dueWhileAway: number;
  /** Open to-dos overdue at the end of the gap. */
  overdue: number;
}

export interface JumpSummary extends AwayCounts {
  /** The instants the ticker last looked and looks now (YYYY-MM-DDTHH:MM:SSZ). */
  from: string;
  to: string;
  run: ScheduleRun;
}

/** The to-dos that fell due in a span of time: how many, and the first few (due order) for the notice's body. */
export interface DueNow {
  count: number;
  first: { title: string; accountName: string | null }[];
}

export interface TickerOptions {
  /** One scheduler tick at an instant. */
  run(now: string): Promise<ScheduleRun>;
  /** After a jump: what fell due between two instants, and what is overdue at the second. */
  summarise(from: string, to: string): Promise<AwayCounts> | AwayCounts;
  /** The one summary after a jump (only when something fell due or is overdue). */
  onSummary?(summary: JumpSummary): Promise<void> | void;
  /** Without a jump: the open to-dos due after `from`, up to and including `to`. */
  dueBetween?(from: string, to: string): Promise<DueNow> | DueNow;
  /** One batched notice for them (only when there are some). */
  onDue?(due: DueNow): Promise<void> | void;
  /** Deferred work after a tick this ticker ran, at the same instant. */
  afterTick?(now: string): Promise<void> | void;
  log?(message: string, error: unknown): void;
  clock?(): number;
  intervalMs?: number;
  jumpMs?: number;
  foregroundGraceMs?: number;
}

export interface Ticker {
  start(): void;
  /** Stops the interval; resolves when a tick in flight has finished. */
  stop(): Promise<void>;
  /** Runs a tick now (unless one is running: then once after it). Resolves to its counts, or null when none ran. */
  trigger(reason: TickReason): Promise<ScheduleRun | null>;
  /** The window ran the scheduler itself: interval ticks stand aside for a while; returns and forgets the counts of
   * the background ticks it has not been told about. */
  foregroundRan(): ScheduleRun;
}

export const TICK_INTERVAL_MS = 60_000;
export const CLOCK_JUMP_MS = 5 * 60_000;

const zero = (): ScheduleRun => ({ created: 0, updated: 0, overdue: 0 });

function instant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function createTicker(options: TickerOptions): Ticker {
  const clock = options.clock ?? (() => Date.now());
  const intervalMs = options.intervalMs ?? TICK_INTERVAL_MS;
  const jumpMs = options.jumpMs ?? CLOCK_JUMP_MS;
  const graceMs = options.foregroundGraceMs ?? 2 * intervalMs;
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastSeenMs: number | null = null;
  let lastForegroundMs: number | null = null;
  let running: Promise<ScheduleRun | null> | null = null;
  let again: TickReason | null = null;
  let unreported = zero();

  async function runOnce(reason: TickReason): Promise<ScheduleRun | null> {
    const nowMs = clock();
    const previous = lastSeenMs;
    lastSeenMs = nowMs;
    const jumped = previous !== null && Math.abs(nowMs - previous) > jumpMs;
    const windowBusy = lastForegroundMs !== null && nowMs - lastForegroundMs >= 0 && nowMs - lastForegroundMs < graceMs;
    const standAside = reason === 'interval' && !jumped && windowBusy;
    try {
      const result = standAside ? null : await options.run(instant(nowMs));
      if (result !== null) {
        unreported = { created: unreported.created + result.created, updated: unreported.updated + result.updated, overdue: unreported.overdue + result.overdue };
      }
      if (jumped && previous !== null && result !== null) {
        const counts = await options.summarise(instant(Math.min(previous, nowMs)), instant(nowMs));
        if (counts.dueWhileAway + counts.overdue > 0) await options.onSummary?.({ ...counts, from: instant(previous), to: instant(nowMs), run: result });
      } else if (previous !== null && nowMs > previous && options.dueBetween && options.onDue) {
        const due = await options.dueBetween(instant(previous), instant(nowMs));
        if (due.count > 0) await options.onDue(due);
      }
      if (result !== null) await options.afterTick?.(instant(nowMs));
      return result;
    } catch (error) {
      log(`scheduler tick (${reason}) failed`, error);
      return null;
    }
  }

  function trigger(reason: TickReason): Promise<ScheduleRun | null> {
    if (running !== null) {
      if (again === null || reason !== 'interval') again = reason;
      return running.then(() => null);
    }
    const current = runOnce(reason).finally(() => {
      running = null;
      const next = again;
      again = null;
      if (next !== null) void trigger(next);
    });
    running = current;
    return current;
  }

  return {
    start() {
      if (timer !== null) return;
      lastSeenMs ??= clock();
      timer = setInterval(() => void trigger('interval'), intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      again = null;
      await running;
    },
    trigger,
    foregroundRan() {
      lastForegroundMs = clock();
      const counts = unreported;
      unreported = zero();
      return counts;
    },
  };
}

type Dispatch<C> = (ctx: C, name: unknown, input: unknown, language?: Language) => Promise<Result<unknown>>;

/**
 * A dispatcher whose `schedule.run` (the window's own tick) also reports what the ticker's background ticks changed
 * since the window's previous call — so the window reloads its board and, after a sleep, sums it up.
 */
export function withTickerReports<C>(ticker: Ticker, dispatch: Dispatch<C>): Dispatch<C> {
  return async (ctx, name, input, language) => {
    const result = await dispatch(ctx, name, input, language);
    if (name !== 'schedule.run' || !result.ok) return result;
    const own = result.value as ScheduleRun;
    const background = ticker.foregroundRan();
    return { ok: true, value: { created: own.created + background.created, updated: own.updated + background.updated, overdue: own.overdue + background.overdue } };
  };
}

const messagesOf = (language: Language) => notificationMessages[language] ?? notificationMessages.en;

/** The summary notification's title and body in the user's language. */
export function awayNotice(language: Language, summary: AwayCounts): { title: string; body: string } {
  const table = messagesOf(language);
  const template = pluralForm(table, 'away_body', language, summary.dueWhileAway) ?? '';
  const body = template.replace('{{due}}', String(summary.dueWhileAway)).replace('{{overdue}}', String(summary.overdue));
  return { title: table.away_title, body };
}

/** The "due now" notification: how many, then the first three ("Account: title"), then how many more. */
export function dueNotice(language: Language, due: DueNow, shown = 3): { title: string; body: string } {
  const table = messagesOf(language);
  const title = (pluralForm(table, 'due_title', language, due.count) ?? '').replace('{{count}}', String(due.count));
  return { title, body: dueNoticeBody(due.first, due.count, (more) => table.due_more.replace('{{count}}', String(more)), shown) };
}
