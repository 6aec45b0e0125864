/**
 * The user's own clean-up of duplicates: `accounts.merge` makes one account point to the survivor (`merged_into`,
 * a tombstone) and moves its contacts, messages, inquiries, quotes, orders and complaints there; `accounts.remove`
 * leaves a tombstone. Both are field changes with this book's stamp, so they travel to colleagues in the next
 * export, and records a colleague adds meanwhile to the old account follow it when merged (./sharing/merged-accounts).
 */
import { invalidState } from '../contract/errors';
import type { Account } from '../contract/models';
import { fieldStampsSql } from '../db/change-stamps';
import { refreshAccountMonths } from '../db/account-months';
import { reindexAccounts } from '../db/search-index';
import { requireAccount, toAccount } from './accounts';
import type { ServiceContext } from './context';
import { SCHEDULER_STATE_KEY } from './scheduler';
import { markScoresStale } from './scoring';
import { followMergedAccounts } from './sharing/merged-accounts';

function afterAccountChange(ctx: ServiceContext, accountIds: readonly string[], now: string): void {
  const sqlite = ctx.book.sqlite;
  reindexAccounts(sqlite, accountIds);
  for (const id of accountIds) refreshAccountMonths(sqlite, id, now, null);
  markScoresStale(sqlite, now);
  sqlite.prepare(`UPDATE settings SET value = json_set(value, '$.fingerprint', 'accounts') WHERE key = ?`).run(SCHEDULER_STATE_KEY);
}

export async function mergeAccounts(ctx: ServiceContext, input: { id: string; into: string }): Promise<Account> {
  if (input.id === input.into) throw invalidState('merge_into_itself');
  const sqlite = ctx.book.sqlite;
  const now = ctx.now();
  const merged = await requireAccount(ctx.book.db, input.id);
  const survivor = await requireAccount(ctx.book.db, input.into);
  if (survivor.merged_into !== null) throw invalidState('merge_into_merged', { into: input.into });
  const stamp = ctx.book.clock.next();
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `UPDATE accounts SET merged_into = @into, deleted_at = @now, updated_at = @now,
         ${fieldStampsSql(['merged_into', 'deleted_at', 'updated_at'], '@stamp')} WHERE id = @id`,
      )
      .run({ id: merged.id, into: survivor.id, now, stamp });
    followMergedAccounts(sqlite, null);
    afterAccountChange(ctx, [merged.id, survivor.id], now);
  }).immediate();
  return toAccount({ ...survivor });
}

export async function removeAccount(ctx: ServiceContext, id: string): Promise<Account> {
  const row = await requireAccount(ctx.book.db, id);
  const now = ctx.now();
  const stamp = ctx.book.clock.next();
  const sqlite = ctx.book.sqlite;
  sqlite.transaction(() => {
    sqlite
      .prepare(`UPDATE accounts SET deleted_at = @now, updated_at = @now, ${fieldStampsSql(['deleted_at', 'updated_at'], '@stamp')} WHERE id = @id`)
      .run({ id, now, stamp });
    afterAccountChange(ctx, [id], now);
  }).immediate();
  return toAccount({ ...row, updated_at: now });
}
