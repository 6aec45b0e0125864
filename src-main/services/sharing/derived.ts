/**
 * What a merge (or a user's merge of two accounts) changed, and the data each book derives for itself from it —
 * never shipped in a share file: the search index and the monthly order aggregates are recomputed for the accounts
 * that changed (or rebuilt after a big merge), the scores are marked for the background rescore, and the scheduler
 * rebuilds its to-dos at its next tick; what colleagues did to to-dos (task_states) is applied to this book's own
 * to-dos with the same keys. Nothing is written when nothing changed (re-merging a file is a no-op).
 */
import { accountMonthsFresh, rebuildAccountMonths, refreshAccountMonths, storeCurrentWatermark } from '../../db/account-months';
import type { Sqlite } from '../../db/connection';
import { rebuildSearchIndex, reindexAccounts } from '../../db/search-index';
import type { Value } from '../../domain/sharing/merge-rows';
import type { ServiceContext } from '../context';
import { noteTaskMoved, SCHEDULER_STATE_KEY } from '../scheduler';
import { markScoresStale } from '../scoring';
import { applyTaskStates } from '../task-states';
import { sharePhase } from './phases';

/** More accounts than this changed: rebuild the derived data instead of refreshing account by account. */
export const BULK = 2000;

export class Touched {
  readonly searchAccounts = new Set<string>();
  readonly orderAccounts = new Set<string>();
  /** Orders whose payments changed: their accounts' monthly aggregates follow (a payment has no account of its own). */
  readonly paymentOrders = new Set<string>();
  anything = false;
  bulk = false;
  /** A to-do's shared state changed or arrived. */
  taskStates = false;
  private readonly monthsWereFresh: boolean;

  constructor(sqlite: Sqlite) {
    this.monthsWereFresh = accountMonthsFresh(sqlite);
  }

  get accountMonthsWereFresh(): boolean {
    return this.monthsWereFresh;
  }

  /** New records of `table` for these accounts (an empty list: records without an account). */
  added(table: string, accountIds: readonly string[]): void {
    this.anything = true;
    if (table === 'task_states') this.taskStates = true;
    if (accountIds.length > BULK) this.bulk = true;
    if (this.bulk) return;
    if (table === 'accounts' || table === 'contacts') for (const id of accountIds) this.searchAccounts.add(id);
    if (table === 'orders') for (const id of accountIds) this.orderAccounts.add(id);
  }

  /** A record changed from `before` (null: it is new) to `after`. */
  note(table: string, id: string, before: Record<string, Value> | null, after: Record<string, Value>): void {
    this.anything = true;
    if (table === 'task_states') this.taskStates = true;
    if (this.bulk) return;
    const accounts = [before?.account_id, after.account_id].filter((a): a is string => typeof a === 'string');
    if (table === 'accounts') this.searchAccounts.add(id);
    if (table === 'contacts') for (const a of accounts) this.searchAccounts.add(a);
    if (table === 'orders') for (const a of accounts) this.orderAccounts.add(a);
    if (table === 'payments') for (const o of [before?.order_id, after.order_id]) if (typeof o === 'string') this.paymentOrders.add(o);
    if (this.searchAccounts.size > BULK || this.orderAccounts.size > BULK || this.paymentOrders.size > BULK) this.bulk = true;
  }
}

export function refreshDerived(ctx: ServiceContext, touched: Touched, now: string): void {
  if (!touched.anything) return;
  const sqlite = ctx.book.sqlite;
  if (touched.bulk) {
    sharePhase('derived: search index', () => rebuildSearchIndex(sqlite));
    sharePhase('derived: account months', () => rebuildAccountMonths(sqlite, now));
  } else {
    reindexAccounts(sqlite, [...touched.searchAccounts]);
    if (touched.paymentOrders.size > 0) {
      const accounts = sqlite.prepare('SELECT DISTINCT account_id FROM orders WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...touched.paymentOrders])) as string[];
      for (const accountId of accounts) touched.orderAccounts.add(accountId);
    }
    for (const accountId of touched.orderAccounts) refreshAccountMonths(sqlite, accountId, now, null);
    if (touched.accountMonthsWereFresh) storeCurrentWatermark(sqlite, now);
  }
  if (touched.taskStates) {
    // Every state, not only the changed ones: a few per to-do the team touched, each one index lookup.
    const moved = sharePhase('derived: to-do states', () => applyTaskStates(sqlite, now));
    if (moved !== null) noteTaskMoved(sqlite, moved);
  }
  markScoresStale(sqlite, now);
  // The next tick rebuilds every schedule (merged records may carry update times older than its watermark).
  sqlite.prepare(`UPDATE settings SET value = json_set(value, '$.fingerprint', 'merged') WHERE key = ?`).run(SCHEDULER_STATE_KEY);
}
