import type { TaskTitleKey } from '../../contract/messages';
import type { Buyer } from '../../domain/schedule/rules';

/** A task a rule wants for a source record. */
export interface WantedTask {
  key: string;
  rule: string;
  kind: string;
  titleKey: TaskTitleKey;
  titleParams: Record<string, string | number>;
  dueMs: number;
  details: Record<string, unknown>;
}

/** What a rule says about one source record. */
export interface Verdict {
  sourceTable: string;
  sourceId: string;
  accountId: string;
  /** The rules whose tasks this source owns (open tasks of these rules that are not wanted get closed). */
  rules: readonly string[];
  /** The instant the record happened; after `now` it is left for a later tick. */
  eventMs: number;
  /** null: the source is resolved; its open tasks that are not wanted close, as done at `resolvedAt`. */
  wanted: WantedTask[] | null;
  resolvedAt?: string | null;
  /** The source's wall-clock stamp, for the watermark of records left for later. */
  updatedAt: string;
  /** Whether any task points at the source (when not, there is nothing to look up, move or close). */
  hasTasks: boolean;
  /** Open tasks no longer wanted stay open (R5: a greeting whose festival left the window is not "done"). */
  keepUnwanted?: boolean;
  /**
   * How an open task that is no longer wanted closes (default: done at `resolvedAt`). `dismissed` is for a task
   * whose reason went away without the work being done (R14: the warning cleared; R7: a reminder the FX cut
   * overtook) — one the source wants again later is reopened.
   */
  closeAs?: (task: ExistingTask) => { status: 'done' | 'dismissed'; at: string | null };
}

export interface ExistingTask {
  id: string;
  rule: string | null;
  dedupe_key: string | null;
  due_at: string;
  status: string;
  snoozed_until: string | null;
  title: string;
  details: string;
}

export interface AccountFacts {
  account_id: string;
  name: string;
  country: string;
  time_zone: string;
}

export function buyerOf(row: AccountFacts): Buyer {
  return { zone: row.time_zone, country: row.country };
}
