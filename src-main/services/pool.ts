/**
 * The public pool (公海): live accounts nobody owns, or whose owner has not followed them up for `poolDays` days
 * (a message sent, a quote sent or an inquiry answered; an account never followed up counts from its creation).
 * Any colleague may claim one: the new owner is a field change like any other and travels in the next export.
 */
import { invalidState } from '../contract/errors';
import type { Account } from '../contract/models';
import type { PoolAccount } from '../contract/sharing';
import { stampFields } from '../db/change-stamps';
import type { AccountRow } from '../db/schema';
import { requireAccount, toAccount } from './accounts';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

const DAY_MS = 86_400_000;

/** The latest follow-up of account `a` (each term an indexed look-up). */
const LAST_FOLLOW_UP = `max(
  coalesce((SELECT max(x.occurred_at) FROM interactions x WHERE x.account_id = a.id AND x.direction = 'out' AND x.deleted_at IS NULL), ''),
  coalesce((SELECT max(q.sent_at) FROM quotes q WHERE q.account_id = a.id AND q.deleted_at IS NULL), ''),
  coalesce((SELECT max(i.first_reply_at) FROM inquiries i WHERE i.account_id = a.id AND i.deleted_at IS NULL), ''))`;

const POOL = `SELECT a.*, nullif(${LAST_FOLLOW_UP}, '') AS last_follow_up FROM accounts a WHERE a.deleted_at IS NULL`;
const IN_POOL = `(owner IS NULL OR owner = '' OR coalesce(last_follow_up, created_at) < @cutoff)`;

type PoolRow = AccountRow & { last_follow_up: string | null };

function cutoffOf(now: string, days: number): string {
  return new Date(Date.parse(now) - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function listPool(ctx: ServiceContext, input: { limit: number; offset: number }): Promise<{ days: number; total: number; accounts: PoolAccount[] }> {
  const days = await settingValue<number>(ctx, 'poolDays');
  if (days === 0) return { days, total: 0, accounts: [] };
  const now = ctx.now();
  const cutoff = cutoffOf(now, days);
  const sqlite = ctx.book.sqlite;
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM (${POOL}) WHERE ${IN_POOL}`).get({ cutoff }) as { n: number }).n;
  const rows = sqlite
    .prepare(`SELECT * FROM (${POOL}) WHERE ${IN_POOL} ORDER BY coalesce(last_follow_up, created_at), id LIMIT @limit OFFSET @offset`)
    .all({ cutoff, limit: input.limit, offset: input.offset }) as PoolRow[];
  return {
    days,
    total,
    accounts: rows.map((row) => ({
      ...toAccount(row),
      score: null,
      lastFollowUp: row.last_follow_up,
      idleDays: Math.floor((Date.parse(now) - Date.parse(row.last_follow_up ?? row.created_at)) / DAY_MS),
    })),
  };
}

export async function claimAccount(ctx: ServiceContext, input: { id: string; owner: string }): Promise<Account> {
  const days = await settingValue<number>(ctx, 'poolDays');
  if (days === 0) throw invalidState('pool_off');
  const row = await requireAccount(ctx.book.db, input.id);
  const now = ctx.now();
  const pool = ctx.book.sqlite.prepare(`SELECT * FROM (${POOL} AND a.id = @id) WHERE ${IN_POOL}`).get({ id: input.id, cutoff: cutoffOf(now, days) }) as PoolRow | undefined;
  if (!pool) {
    const last = (ctx.book.sqlite.prepare(`SELECT nullif(${LAST_FOLLOW_UP}, '') AS l FROM accounts a WHERE a.id = ?`).get(input.id) as { l: string | null }).l;
    const idle = Math.floor((Date.parse(now) - Date.parse(last ?? row.created_at)) / DAY_MS);
    throw invalidState('account_not_in_pool', { id: input.id, owner: row.owner ?? '', days: idle });
  }
  const changes = { owner: input.owner, updated_at: now };
  await ctx.book.db.updateTable('accounts').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', input.id).execute();
  return toAccount({ ...row, ...changes });
}
