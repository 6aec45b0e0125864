/**
 * Writing change stamps (migrations/0011): every service that writes a shared record takes one stamp for its
 * transaction from the book's clock and passes it here — `rowStamps` for a new row, `stampFields` for an update —
 * so the stamps are written in the same statement as the edit, whatever the path (CLI, `call`, web mode, desktop).
 */
import { sql, type RawBuilder } from 'kysely';
import { HybridClock, isSiteId, isStamp, maxStamp } from '../domain/sharing/hlc';
import type { Sqlite } from './connection';

/** The tables a colleague's file carries (their stamp columns and `last_stamp` index come from 0011). */
export const SHARED_TABLES = [
  'accounts',
  'contacts',
  'interactions',
  'inquiries',
  'quotes',
  'quote_versions',
  'quote_items',
  'quote_stages',
  'quote_questions',
  'fx_rates',
  'orders',
  'order_lines',
  'payments',
  'complaints',
  'calendar_overrides',
  'task_states',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

export interface ChangeStamps {
  row_stamp: string;
  field_stamps: string;
  last_stamp: string;
}

/** The stamps of a row created in the transaction stamped `stamp`: every field carries the row's stamp. */
export function rowStamps(stamp: string): ChangeStamps {
  return { row_stamp: stamp, field_stamps: '{}', last_stamp: stamp };
}

/**
 * Columns of shared tables that each book derives for itself and never ships: the scheduler's R7 FX flag on a quote
 * (every book recomputes it from the shared rates and quote) and an order's payment totals (0014: triggers keep them
 * from the shared payments). They carry no stamps.
 */
export const LOCAL_COLUMNS: ReadonlySet<string> = new Set([
  'fx_flagged_at',
  'fx_flag_rate',
  'fx_moved_percent',
  'fx_cut_through',
  'paid_amount',
  'last_paid_on',
  'paid_in_full_on',
  'settled_on',
]);
const NOT_FIELDS = new Set(['id', 'row_stamp', 'field_stamps', 'last_stamp', ...LOCAL_COLUMNS]);

const COLUMN = /^[a-z][a-z0-9_]*$/;

function fieldList(fields: readonly string[]): string[] {
  const list = [...new Set(fields)].filter((f) => !NOT_FIELDS.has(f));
  for (const f of list) if (!COLUMN.test(f)) throw new Error(`not a column name: ${f}`);
  return list.sort();
}

/** A stamp as a SQL literal, for bulk statements that write one stamp into many rows (checked: hex digits only). */
export function stampLiteral(stamp: string): string {
  if (!isStamp(stamp)) throw new Error(`not a change stamp: ${stamp}`);
  return `'${stamp}'`;
}

/**
 * The SQL text of `field_stamps = …, last_stamp = …` for an UPDATE of `fields` with the stamp bound as `param`
 * (a named placeholder such as `@stamp`: it appears twice). Field names come from code, never
 * from input (checked). Keys stay in alphabetical order and a field stamped like its row is left out, so two books
 * that hold the same stamps hold the same text.
 */
export function fieldStampsSql(fields: readonly string[], param: string): string {
  const list = fieldList(fields);
  if (list.length === 0) throw new Error('an update must name the fields it writes');
  const paths = list.map((f) => `'$.${f}', ${param}`).join(', ');
  return `field_stamps = (SELECT coalesce(json_group_object(key, value), '{}') FROM (SELECT key, value FROM json_each(json_set(field_stamps, ${paths})) WHERE value <> row_stamp ORDER BY key)), last_stamp = max(last_stamp, ${param})`;
}

/** The same for a Kysely `.set(…)`: the changes plus their stamps. */
export function stampFields<T extends Record<string, unknown>>(
  stamp: string,
  changes: T,
): T & { field_stamps: RawBuilder<string>; last_stamp: RawBuilder<string> } {
  const list = fieldList(Object.keys(changes).filter((k) => changes[k] !== undefined));
  if (list.length === 0) throw new Error('an update must name the fields it writes');
  const paths = sql.join(list.map((f) => sql`${sql.lit(`$.${f}`)}, ${stamp}`));
  return {
    ...changes,
    field_stamps: sql<string>`(SELECT coalesce(json_group_object(key, value), '{}') FROM (SELECT key, value FROM json_each(json_set(field_stamps, ${paths})) WHERE value <> row_stamp ORDER BY key))`,
    last_stamp: sql<string>`max(last_stamp, ${stamp})`,
  };
}

/** This book's site id (made by 0011 at `init` or on upgrade). */
export function readSiteId(sqlite: Sqlite): string {
  const row = sqlite.prepare('SELECT site FROM sync_sites WHERE self = 1').get() as { site: string } | undefined;
  if (!row || !isSiteId(row.site)) throw new Error('the book has no site id');
  return row.site;
}

/** The latest stamp in the book (one index look-up per shared table) and the sites' knowledge. */
export function latestStamp(sqlite: Sqlite): string {
  let latest = '';
  for (const table of SHARED_TABLES) {
    const row = sqlite.prepare(`SELECT max(last_stamp) AS s FROM ${table}`).get() as { s: string | null };
    if (row.s) latest = maxStamp(latest, row.s);
  }
  const seen = sqlite.prepare('SELECT max(last_stamp) AS s FROM sync_sites').get() as { s: string | null };
  if (seen.s) latest = maxStamp(latest, seen.s);
  return latest;
}

/** The book's clock: its site id, started past every stamp already in the book. */
export function openClock(sqlite: Sqlite, wallMs: () => number = Date.now): HybridClock {
  const latest = latestStamp(sqlite);
  return new HybridClock(readSiteId(sqlite), wallMs, latest === '' ? undefined : latest);
}
