import { sql } from 'kysely';
import { AppError, notFound } from '../contract/errors';
import type { ParsedInputOf } from '../contract';
import type { Account } from '../contract/models';
import type { BookDb } from '../db/book';
import { newId } from '../db/ids';
import type { AccountRow } from '../db/schema';
import { suggestedZone, zonesOfCountry } from '../domain/countries';
import { accountSearchDocument, toSearchQuery } from '../domain/search-text';
import { resolveTimeZone } from '../domain/zones';
import type { ServiceContext } from './context';

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    timeZone: row.time_zone,
    city: row.city,
    language: row.language,
    currency: row.currency,
    source: row.source,
    owner: row.owner,
    strategicFit: row.strategic_fit,
    reputation: row.reputation,
    priorityChannel: row.priority_channel === 1,
    notes: row.notes,
    reviewAnchor: row.review_anchor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function zoneFor(country: string, zone: string | undefined): string {
  if (zone !== undefined) {
    const resolved = resolveTimeZone(zone);
    if (!resolved) throw new AppError('unknown_zone', { zone });
    return resolved;
  }
  const suggested = suggestedZone(country);
  if (!suggested) throw new AppError('unknown_country', { country });
  return suggested;
}

export async function requireAccount(db: BookDb, id: string): Promise<AccountRow> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('account', id);
  return row;
}

/** Rewrites an account's search document from its name, notes and live contacts. */
export async function reindexAccount(db: BookDb, accountId: string): Promise<void> {
  const account = await db.selectFrom('accounts').select(['name', 'notes', 'deleted_at']).where('id', '=', accountId).executeTakeFirst();
  const existing = await db.selectFrom('search_docs').select('doc').where('account_id', '=', accountId).executeTakeFirst();
  if (existing) await db.deleteFrom('search_index').where('rowid', '=', existing.doc).execute();
  if (!account || account.deleted_at !== null) return;
  const contacts = await db
    .selectFrom('contacts')
    .select(['name', 'emails', 'notes'])
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .execute();
  const doc =
    existing?.doc ??
    (await db.insertInto('search_docs').values({ account_id: accountId }).returning('doc').executeTakeFirstOrThrow()).doc;
  await db
    .insertInto('search_index')
    .values({
      rowid: doc,
      ...accountSearchDocument(
        account,
        contacts.map((c) => ({ name: c.name, emails: JSON.parse(c.emails) as string[], notes: c.notes })),
      ),
    })
    .execute();
}

export async function addAccount(ctx: ServiceContext, input: ParsedInputOf<'accounts.add'>): Promise<Account> {
  const now = ctx.now();
  const row: AccountRow = {
    id: newId(),
    name: input.name,
    country: input.country,
    time_zone: zoneFor(input.country, input.timeZone),
    city: input.city ?? null,
    language: input.language ?? null,
    currency: input.currency ?? null,
    source: input.source ?? null,
    owner: input.owner ?? null,
    strategic_fit: input.strategicFit ?? 3,
    reputation: input.reputation ?? 3,
    priority_channel: input.priorityChannel ? 1 : 0,
    notes: input.notes ?? '',
    review_anchor: input.reviewAnchor ?? null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await ctx.book.db.transaction().execute(async (trx) => {
    await trx.insertInto('accounts').values(row).execute();
    await reindexAccount(trx, row.id);
  });
  return toAccount(row);
}

export async function getAccount(ctx: ServiceContext, id: string): Promise<Account> {
  return toAccount(await requireAccount(ctx.book.db, id));
}

export async function updateAccount(ctx: ServiceContext, input: ParsedInputOf<'accounts.update'>): Promise<Account> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const current = await requireAccount(trx, input.id);
    const country = input.country ?? current.country;
    const changes: Partial<AccountRow> = { updated_at: ctx.now() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.country !== undefined) changes.country = input.country;
    if (input.timeZone !== undefined) changes.time_zone = zoneFor(country, input.timeZone);
    else if (input.country !== undefined && !zonesOfCountry(country).includes(current.time_zone)) {
      // A buyer who moved countries gets the new country's main zone unless their zone is used there too.
      changes.time_zone = zoneFor(country, undefined);
    }
    if (input.city !== undefined) changes.city = input.city;
    if (input.language !== undefined) changes.language = input.language;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.source !== undefined) changes.source = input.source;
    if (input.owner !== undefined) changes.owner = input.owner;
    if (input.strategicFit !== undefined) changes.strategic_fit = input.strategicFit;
    if (input.reputation !== undefined) changes.reputation = input.reputation;
    if (input.priorityChannel !== undefined) changes.priority_channel = input.priorityChannel ? 1 : 0;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.reviewAnchor !== undefined) changes.review_anchor = input.reviewAnchor;
    await trx.updateTable('accounts').set(changes).where('id', '=', input.id).execute();
    if (input.name !== undefined || input.notes !== undefined) await reindexAccount(trx, input.id);
    return toAccount({ ...current, ...changes });
  });
}

function filtered(db: BookDb, input: { query?: string | undefined; country?: string | undefined; owner?: string | undefined }) {
  let q = db.selectFrom('accounts').where('accounts.deleted_at', 'is', null);
  const match = input.query === undefined || input.query.trim() === '' ? null : toSearchQuery(input.query);
  if (input.query !== undefined && input.query.trim() !== '' && match === null) {
    // Only punctuation typed: nothing can match it.
    q = q.where(sql<boolean>`0`);
  } else if (match !== null) {
    q = q.where(
      'accounts.id',
      'in',
      db
        .selectFrom('search_docs')
        .select('search_docs.account_id')
        .where('search_docs.doc', 'in', sql<number>`(SELECT rowid FROM search_index WHERE search_index MATCH ${match})`),
    );
  }
  if (input.country !== undefined) q = q.where('accounts.country', '=', input.country);
  if (input.owner !== undefined) q = q.where('accounts.owner', '=', input.owner);
  return q;
}

/** Accounts by name; `query` searches names, contacts, e-mails and notes (CJK by any part, Latin by prefix). */
export async function listAccounts(ctx: ServiceContext, input: ParsedInputOf<'accounts.list'>): Promise<Account[]> {
  const rows = await filtered(ctx.book.db, input)
    .selectAll('accounts')
    .orderBy(sql`accounts.name COLLATE NOCASE`)
    .orderBy('accounts.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return rows.map(toAccount);
}

export async function countAccounts(ctx: ServiceContext, input: ParsedInputOf<'accounts.count'>): Promise<number> {
  const row = await filtered(ctx.book.db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
