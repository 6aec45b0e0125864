import { sql } from 'kysely';
import { AppError, notFound } from '../contract/errors';
import type { ParsedInputOf } from '../contract';
import type { Account, AccountListItem, AccountScoreSummary } from '../contract/models';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { AccountRow, ScoreSnapshotRow } from '../db/schema';
import { suggestedZone, zonesOfCountry } from '../domain/countries';
import { toSearchQuery } from '../domain/search-text';
import { searchDocumentOfRows } from '../db/search-index';
import { resolveTimeZone } from '../domain/zones';
import type { ServiceContext } from './context';
import { rescoreAccount } from './scoring';

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
    tags: JSON.parse(row.tags) as string[],
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
  const account = await db.selectFrom('accounts').select(['name', 'notes', 'tags', 'country', 'deleted_at']).where('id', '=', accountId).executeTakeFirst();
  const existing = await db.selectFrom('search_docs').select('doc').where('account_id', '=', accountId).executeTakeFirst();
  if (existing) await db.deleteFrom('search_index').where('rowid', '=', existing.doc).execute();
  if (!account || account.deleted_at !== null) return;
  const contacts = await db
    .selectFrom('contacts')
    .select(['name', 'emails', 'phones', 'whatsapp', 'notes'])
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .execute();
  const { doc } = await db
    .insertInto('search_docs')
    .values({ account_id: accountId, name: account.name })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ name: account.name }))
    .returning('doc')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('search_index')
    .values({
      rowid: doc,
      ...searchDocumentOfRows(account, contacts),
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
    merged_into: null,
    tags: JSON.stringify(input.tags ?? []),
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...rowStamps(ctx.book.clock.next()),
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
    // An emptied city or owner is none (an account without an owner is the pool's).
    if (input.city !== undefined) changes.city = input.city === '' ? null : input.city;
    if (input.language !== undefined) changes.language = input.language;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.source !== undefined) changes.source = input.source;
    if (input.owner !== undefined) changes.owner = input.owner === '' ? null : input.owner;
    if (input.strategicFit !== undefined) changes.strategic_fit = input.strategicFit;
    if (input.reputation !== undefined) changes.reputation = input.reputation;
    if (input.priorityChannel !== undefined) changes.priority_channel = input.priorityChannel ? 1 : 0;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.reviewAnchor !== undefined) changes.review_anchor = input.reviewAnchor;
    if (input.tags !== undefined) changes.tags = JSON.stringify(input.tags);
    await trx.updateTable('accounts').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', input.id).execute();
    if (input.name !== undefined || input.notes !== undefined || input.tags !== undefined) await reindexAccount(trx, input.id);
    // R11: the user's ratings are two of the value score's parts — today's scores follow them at once.
    const rated = (changes.strategic_fit ?? current.strategic_fit) !== current.strategic_fit || (changes.reputation ?? current.reputation) !== current.reputation;
    if (rated) rescoreAccount(ctx.book.sqlite, ctx.host, ctx.now(), input.id);
    return toAccount({ ...current, ...changes });
  });
}

interface AccountFilter {
  query?: string | undefined;
  country?: string | undefined;
  owner?: string | undefined;
  tier?: string | undefined;
  quadrant?: string | undefined;
  loyalty?: string | undefined;
  churn?: boolean | undefined;
}

/** The FTS5 expression for what was typed: null for no search, false when only punctuation was typed. */
function searchExpression(query: string | undefined): string | null | false {
  if (query === undefined || query.trim() === '') return null;
  return toSearchQuery(query) ?? false;
}

/** Accounts without a search, with the country/owner filters (the name index gives the order). */
function plainFiltered(db: BookDb, input: AccountFilter) {
  let q = db.selectFrom('accounts').where('accounts.deleted_at', 'is', null);
  if (input.country !== undefined) q = q.where('accounts.country', '=', input.country);
  if (input.owner !== undefined) q = q.where('accounts.owner', '=', input.owner);
  return q;
}

const hasScoreFilters = (input: AccountFilter) =>
  input.tier !== undefined || input.quadrant !== undefined || input.loyalty !== undefined || input.churn !== undefined;

/** The tier/quadrant/loyalty/churn filters on a score snapshot `s` (values are bound parameters). */
function snapshotFilters(input: AccountFilter) {
  const conditions = [sql`s.deleted_at IS NULL`];
  if (input.tier !== undefined) conditions.push(sql`s.tier = ${input.tier}`);
  if (input.quadrant !== undefined) conditions.push(sql`s.quadrant = ${input.quadrant}`);
  if (input.loyalty !== undefined) conditions.push(sql`s.loyalty = ${input.loyalty}`);
  if (input.churn !== undefined) conditions.push(sql`s.churn_warning = ${input.churn ? 1 : 0}`);
  return sql.join(conditions, sql` AND `);
}

/**
 * The account `a`'s latest score snapshot matches the filters. Without a search (`set`), SQLite builds the set of
 * matching accounts once from the snapshots (a latest one has no newer row on the unique (account_id, as_of) index),
 * several times faster on a 50,000-account book than looking each account up in name order; with a search
 * (`each`), every match looks up its own latest snapshot — the set would make SQLite run the search per account.
 */
function scoreCondition(input: AccountFilter, mode: 'set' | 'each') {
  if (mode === 'set') {
    return sql`a.id IN (SELECT s.account_id FROM score_snapshots s WHERE ${snapshotFilters(input)}
      AND NOT EXISTS (SELECT 1 FROM score_snapshots n WHERE n.account_id = s.account_id AND n.deleted_at IS NULL AND n.as_of > s.as_of))`;
  }
  return sql`EXISTS (SELECT 1 FROM score_snapshots s WHERE s.account_id = a.id AND ${snapshotFilters(input)}
    AND s.as_of = (SELECT max(l.as_of) FROM score_snapshots l WHERE l.account_id = a.id AND l.deleted_at IS NULL))`;
}

/** Conditions on the account row `a` for a list with filters (values are bound parameters). */
function accountConditions(input: AccountFilter, mode: 'set' | 'each') {
  const conditions = [sql`a.deleted_at IS NULL`];
  if (input.country !== undefined) conditions.push(sql`a.country = ${input.country}`);
  if (input.owner !== undefined) conditions.push(sql`a.owner = ${input.owner}`);
  if (hasScoreFilters(input)) conditions.push(scoreCondition(input, mode));
  return sql.join(conditions, sql` AND `);
}

const hasFilters = (input: AccountFilter) => input.country !== undefined || input.owner !== undefined || hasScoreFilters(input);

type ScoreRow = Pick<
  ScoreSnapshotRow,
  'account_id' | 'as_of' | 'tier' | 'recency' | 'frequency' | 'monetary' | 'value_score' | 'quadrant' | 'loyalty' | 'health' | 'churn_warning'
>;

function toScoreSummary(row: ScoreRow): AccountScoreSummary {
  return {
    asOf: row.as_of,
    tier: row.tier as AccountScoreSummary['tier'],
    r: row.recency,
    f: row.frequency,
    m: row.monetary,
    value: row.value_score,
    quadrant: row.quadrant as AccountScoreSummary['quadrant'],
    loyalty: row.loyalty as AccountScoreSummary['loyalty'],
    health: row.health,
    churnWarning: row.churn_warning === 1,
  };
}

/** The page's accounts with their latest score snapshots (one indexed look-up per account of the page). */
async function withScores(db: BookDb, rows: readonly AccountRow[]): Promise<AccountListItem[]> {
  if (rows.length === 0) return [];
  const scores = await db
    .selectFrom('score_snapshots as s')
    .select(['s.account_id', 's.as_of', 's.tier', 's.recency', 's.frequency', 's.monetary', 's.value_score', 's.quadrant', 's.loyalty', 's.health', 's.churn_warning'])
    .where('s.account_id', 'in', rows.map((r) => r.id))
    .where('s.deleted_at', 'is', null)
    .where('s.as_of', '=', (eb) =>
      eb
        .selectFrom('score_snapshots as l')
        .select((l) => l.fn.max('l.as_of').as('latest'))
        .whereRef('l.account_id', '=', 's.account_id')
        .where('l.deleted_at', 'is', null),
    )
    .execute();
  const byAccount = new Map(scores.map((row) => [row.account_id, toScoreSummary(row)]));
  return rows.map((row) => ({ ...toAccount(row), score: byAccount.get(row.id) ?? null }));
}

/**
 * Accounts by name, each with its latest scores; `query` searches names, contacts, e-mails and notes (CJK by any
 * part, Latin by prefix); `tier`, `quadrant`, `loyalty` and `churn` filter on the latest score snapshot. A plain
 * search sorts the matching documents by the name they carry and reads only the page's accounts, so a two-letter
 * prefix matching most of the book stays fast; with filters it joins the matches to the accounts.
 */
export async function listAccounts(ctx: ServiceContext, input: ParsedInputOf<'accounts.list'>): Promise<AccountListItem[]> {
  const db = ctx.book.db;
  const match = searchExpression(input.query);
  if (match === false) return [];
  if (match === null && !hasScoreFilters(input)) {
    const rows = await plainFiltered(db, input)
      .selectAll('accounts')
      .orderBy(sql`accounts.name COLLATE NOCASE`)
      .orderBy('accounts.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute();
    return withScores(db, rows);
  }
  const query =
    match === null
      ? sql<AccountRow>`
        SELECT a.* FROM accounts a
        WHERE ${accountConditions(input, 'set')}
        ORDER BY a.name COLLATE NOCASE, a.id LIMIT ${input.limit} OFFSET ${input.offset}`
      : hasFilters(input)
        ? sql<AccountRow>`
        SELECT a.* FROM search_index
        JOIN search_docs d ON d.doc = search_index.rowid
        JOIN accounts a ON a.id = d.account_id
        WHERE search_index MATCH ${match} AND ${accountConditions(input, 'each')}
        ORDER BY a.name COLLATE NOCASE, a.id LIMIT ${input.limit} OFFSET ${input.offset}`
        : sql<AccountRow>`
        SELECT a.* FROM (
          SELECT d.account_id, d.name FROM search_index
          JOIN search_docs d ON d.doc = search_index.rowid
          WHERE search_index MATCH ${match}
          ORDER BY d.name COLLATE NOCASE, d.account_id LIMIT ${input.limit} OFFSET ${input.offset}
        ) m
        JOIN accounts a ON a.id = m.account_id
        WHERE a.deleted_at IS NULL
        ORDER BY m.name COLLATE NOCASE, m.account_id`;
  const { rows } = await query.execute(db);
  return withScores(db, rows);
}

export async function countAccounts(ctx: ServiceContext, input: ParsedInputOf<'accounts.count'>): Promise<number> {
  const db = ctx.book.db;
  const match = searchExpression(input.query);
  if (match === false) return 0;
  if (match === null && !hasScoreFilters(input)) {
    const row = await plainFiltered(db, input)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  // Every document in the index belongs to a live account (deleting an account removes its document).
  const query =
    match === null
      ? sql<{ n: number }>`SELECT count(*) AS n FROM accounts a WHERE ${accountConditions(input, 'set')}`
      : hasFilters(input)
        ? sql<{ n: number }>`
        SELECT count(*) AS n FROM search_index
        JOIN search_docs d ON d.doc = search_index.rowid
        JOIN accounts a ON a.id = d.account_id
        WHERE search_index MATCH ${match} AND ${accountConditions(input, 'each')}`
        : sql<{ n: number }>`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ${match}`;
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}
