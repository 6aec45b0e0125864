import { randomBytes } from 'node:crypto';
import type { Language } from '../../contract/messages';
import type { Sqlite } from '../../db/connection';
import { applyTaskStates } from '../task-states';
import { formatMs } from './instants';
import { renderTaskTitle } from './titles';
import type { ExistingTask, Verdict } from './verdict';

interface Counts {
  created: number;
  updated: number;
  overdue: number;
}

function closedBySource(task: ExistingTask): boolean {
  return (JSON.parse(task.details) as { closedBy?: unknown }).closedBy === 'source';
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * ULIDs for the tasks of one tick: the millisecond, then 80 random bits drawn once and incremented for every id —
 * unique, and sorted in creation order (ulid's monotonic factory draws new random bits every millisecond, 16 calls
 * to the system's random source each).
 */
function taskIdFactory(): () => string {
  const bytes = randomBytes(16);
  const digits = Array.from({ length: 16 }, (_, i) => bytes[i]! & 31);
  digits[0] = digits[0]! & 15; // room to count up without overflowing 80 bits
  return () => {
    for (let i = 15; i >= 0; i--) {
      digits[i] = (digits[i]! + 1) & 31;
      if (digits[i] !== 0) break;
    }
    let time = Date.now();
    let head = '';
    for (let i = 0; i < 10; i++) {
      head = CROCKFORD[time % 32]! + head;
      time = Math.floor(time / 32);
    }
    let tail = '';
    for (const d of digits) tail += CROCKFORD[d];
    return head + tail;
  };
}

/** Applies rule verdicts to the tasks table. */
export class Reconciler {
  private readonly bySource;
  /** Task ids: ULIDs (a rebuild makes 100k of them). */
  private readonly newId = taskIdFactory();
  private readonly insert;
  private readonly move;
  private readonly close;
  readonly counts: Counts = { created: 0, updated: 0, overdue: 0 };
  /** The oldest stamp of a record left for a later tick (it must be looked at again). */
  pendingSince: string | null = null;
  /** The earliest due instant of a task created or moved in this tick (for the overdue scan). */
  earliestTouched: string | null = null;

  private touched(due: string): void {
    if (this.earliestTouched === null || due < this.earliestTouched) this.earliestTouched = due;
  }

  /** The keys with a user-set state shared by a colleague (task_states): a task made for one takes it at once. */
  private readonly stateKeys: ReadonlySet<string>;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly nowMs: number,
    private readonly floorMs: number,
    private readonly stamp: string,
    private readonly language: Language,
  ) {
    this.bySource = sqlite.prepare(
      'SELECT id, rule, dedupe_key, due_at, status, snoozed_until, title, details FROM tasks WHERE source_table = ? AND source_id = ? AND deleted_at IS NULL',
    );
    this.stateKeys = new Set((sqlite.prepare('SELECT id FROM task_states WHERE deleted_at IS NULL').pluck().all() as string[]));
    this.insert = sqlite.prepare(
      `INSERT INTO tasks (id, account_id, kind, rule, source_table, source_id, dedupe_key, title, details, due_at, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    );
    this.move = sqlite.prepare("UPDATE tasks SET due_at = ?, title = ?, details = ?, updated_at = ? WHERE id = ? AND status = 'open'");
    this.close = sqlite.prepare(
      "UPDATE tasks SET status = 'done', done_at = ?, details = json_set(details, '$.closedBy', 'source'), updated_at = ? WHERE id = ? AND status = 'open'",
    );
    this.dismiss = sqlite.prepare(
      "UPDATE tasks SET status = 'dismissed', done_at = ?, details = json_set(details, '$.closedBy', 'source'), updated_at = ? WHERE id = ? AND status = 'open'",
    );
    this.reopen = sqlite.prepare(
      "UPDATE tasks SET status = 'open', done_at = NULL, due_at = ?, title = ?, details = ?, updated_at = ? WHERE id = ? AND status = 'dismissed'",
    );
  }

  private readonly dismiss;
  private readonly reopen;

  private closeUnwanted(verdict: Verdict, task: ExistingTask): void {
    const how = verdict.closeAs?.(task) ?? { status: 'done', at: verdict.resolvedAt ?? null };
    const statement = how.status === 'dismissed' ? this.dismiss : this.close;
    this.counts.updated += statement.run(how.at ?? this.stamp, this.stamp, task.id).changes;
  }

  apply(verdict: Verdict): void {
    if (verdict.wanted === null && !verdict.hasTasks) return;
    const existing = verdict.hasTasks ? (this.bySource.all(verdict.sourceTable, verdict.sourceId) as ExistingTask[]) : [];
    const mine = existing.filter((t) => t.rule !== null && verdict.rules.includes(t.rule));
    if (verdict.wanted === null) {
      for (const task of mine) {
        if (task.status === 'open') this.closeUnwanted(verdict, task);
      }
      return;
    }
    if (verdict.eventMs > this.nowMs) {
      if (this.pendingSince === null || verdict.updatedAt < this.pendingSince) this.pendingSince = verdict.updatedAt;
      return;
    }
    const wantedKeys = new Set(verdict.wanted.map((w) => w.key));
    for (const task of verdict.keepUnwanted === true ? [] : mine) {
      if (task.status === 'open' && task.dedupe_key !== null && !wantedKeys.has(task.dedupe_key)) this.closeUnwanted(verdict, task);
    }
    for (const want of verdict.wanted) {
      const task = existing.find((t) => t.dedupe_key === want.key);
      // Too old to create (more than the horizon before now): nothing to render.
      if (task === undefined && want.dueMs < this.floorMs) continue;
      const title = renderTaskTitle(this.language, want.titleKey, want.titleParams);
      const details = JSON.stringify({ titleKey: want.titleKey, titleParams: want.titleParams, ...want.details });
      const due = formatMs(want.dueMs);
      if (task === undefined) {
        this.insert.run(this.newId(), verdict.accountId, want.kind, want.rule, verdict.sourceTable, verdict.sourceId, want.key, title, details, due, this.stamp, this.stamp);
        this.counts.created++;
        this.touched(due);
        if (this.stateKeys.has(want.key)) {
          const moved = applyTaskStates(this.sqlite, this.stamp, [want.key]);
          if (moved !== null) this.touched(moved);
        }
      } else if (task.status === 'dismissed' && closedBySource(task)) {
        // Wanted again (R7: re-confirmed after an FX cut): back on the board, unless its time has long passed.
        if (want.dueMs < this.floorMs) continue;
        this.counts.updated += this.reopen.run(due, title, details, this.stamp, task.id).changes;
        this.touched(due);
      } else if (task.status === 'open' && task.snoozed_until === null && (task.due_at !== due || task.title !== title)) {
        // A moved task is due afresh: it is marked overdue again if its new due instant has passed.
        this.counts.updated += this.move.run(due, title, details, this.stamp, task.id).changes;
        this.touched(due);
      }
    }
  }
}
