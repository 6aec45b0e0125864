/**
 * The cell-by-cell check of an incoming share file, run by the merge inside its transaction before its first
 * write, on exactly the records it will read: those this book lacks and those whose stamps differ from its own
 * (`temp.share_work_<table>`; a record both books hold with the same stamps is never read, so a re-merge checks
 * almost nothing). Every cell's type and shape (ids, instants, dates, ranges, enums, JSON, countries, zones,
 * currencies, sizes), the stamps (well-formed, consistent, none more than a day ahead), duplicate ids and live keys.
 * Every name and literal in the SQL comes from SHARED_TABLE_SPECS, never from the file.
 */
import { AppError } from '../../contract/errors';
import type { Sqlite } from '../../db/connection';
import { isKnownCountry } from '../../domain/countries';
import { isKnownCurrency } from '../../domain/money';
import { mergedFields, type SharedColumn, type SharedTableSpec } from '../../domain/sharing/tables';
import { isKnownTimeZone } from '../../domain/zones';
import { SITES_TABLE } from './format';

const INSTANT_GLOB = "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'";
const DATE_GLOB = "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'";
/**
 * A character outside an id's alphabet (letters, digits, `_`, `-`). GLOB stops at a NUL, which every text cell is
 * checked for on its own (below); otherwise it says the same as `trim(x, <alphabet>) <> ''`, at a third of the cost.
 */
const NOT_ID_CHAR = "'*[^0-9A-Za-z_-]*'";
/** A to-do's key: a rule, a source table, ids, dates and instants joined by colons (src-main/services/scheduler/). */
const NOT_TASK_KEY_CHAR = "'*[^0-9A-Za-z_:.-]*'";
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The SQL condition that is true when a cell of column `i.<name>` is not acceptable. */
function badCell(col: SharedColumn): string {
  const n = `i.${col.name}`;
  const types = col.type === 'REAL' ? "('real', 'integer')" : col.type === 'INTEGER' ? "('integer')" : "('text')";
  const typeBad = col.nullable ? `(typeof(${n}) NOT IN ${types} AND ${n} IS NOT NULL)` : `typeof(${n}) NOT IN ${types}`;
  const k = col.check;
  let shape: string;
  switch (k.kind) {
    case 'id':
    case 'ref':
      shape = `length(${n}) NOT BETWEEN 1 AND 64 OR ${n} GLOB ${NOT_ID_CHAR}`;
      break;
    case 'task_key':
      shape = `length(${n}) NOT BETWEEN 4 AND 300 OR ${n} NOT GLOB 'R[0-9]*:[a-z]*:?*' OR ${n} GLOB ${NOT_TASK_KEY_CHAR}`;
      break;
    case 'text':
      shape = k.min > 0 ? `length(${n}) NOT BETWEEN ${k.min} AND ${k.max}` : `length(${n}) > ${k.max}`;
      break;
    case 'instant':
      shape = `${n} NOT GLOB ${INSTANT_GLOB} OR strftime('%Y-%m-%dT%H:%M:%SZ', ${n}) IS NOT ${n}`;
      break;
    case 'date':
      shape = `${n} NOT GLOB ${DATE_GLOB} OR date(${n}) IS NOT ${n}`;
      break;
    case 'int':
      shape = `${n} NOT BETWEEN ${k.min} AND ${k.max}`;
      break;
    case 'real':
      shape = k.above ? `${n} <= ${k.min} OR ${n} > ${k.max}` : `${n} NOT BETWEEN ${k.min} AND ${k.max}`;
      break;
    case 'bool':
      shape = `${n} NOT IN (0, 1)`;
      break;
    case 'enum':
      shape = `${n} NOT IN (${k.values.map(quote).join(', ')})`;
      break;
    case 'json':
      shape = `length(${n}) > 20000 OR NOT json_valid(${n}) OR json_type(${n}) <> '${k.shape === 'records' ? 'array' : k.shape}'`;
      // The book's JSON arrays (e-mails, phones, products) hold text only.
      if (k.shape === 'array') shape += ` OR EXISTS (SELECT 1 FROM json_each(${n}) e WHERE e.type <> 'text' OR length(e.value) > 1000)`;
      // Records (R9's loss facts): flat objects of text and numbers, each no longer than 1000 characters.
      if (k.shape === 'records') {
        shape += ` OR EXISTS (SELECT 1 FROM json_each(${n}) e WHERE e.type <> 'object' OR length(e.value) > 1000
          OR EXISTS (SELECT 1 FROM json_each(e.value) f WHERE f.type NOT IN ('text', 'integer', 'real')))`;
      }
      break;
    case 'country':
      shape = `${n} NOT GLOB '[A-Z][A-Z]'`;
      break;
    case 'currency':
      shape = `${n} NOT GLOB '[A-Z][A-Z][A-Z]'`;
      break;
    case 'zone':
      shape = `length(${n}) NOT BETWEEN 1 AND 64`;
      break;
  }
  // No text may hide anything behind a NUL (SQLite's length() stops there).
  if (col.type === 'TEXT') shape = `(${shape}) OR instr(${n}, char(0)) > 0 OR length(CAST(${n} AS BLOB)) > ${k.kind === 'text' ? k.max * 4 : 80_000}`;
  const shapeBad = col.nullable ? `(${n} IS NOT NULL AND (${shape}))` : `(${shape})`;
  return `${typeBad} OR ${shapeBad}`;
}

/**
 * Not a stamp: 32 lower-case hex digits. 32 characters in 32 bytes leave no room for a NUL (where GLOB stops) or a
 * multi-byte character, so this says the same as `trim(x, '0123456789abcdef') <> ''` on the full bytes, faster.
 */
const STAMP_BAD = (n: string) => `typeof(${n}) <> 'text' OR length(${n}) <> 32 OR length(CAST(${n} AS BLOB)) <> 32 OR ${n} GLOB '*[^0-9a-f]*'`;
/** A stamp written by a site the file does not list (a book lists every site it holds stamps of). */
const UNKNOWN_SITE = (n: string) => `substr(${n}, 17) NOT IN (SELECT site FROM incoming.${SITES_TABLE})`;

/** Kinds whose check is costly enough to skip when a cell repeats an earlier one (`strftime`, `date`). */
const REPEATABLE = new Set(['instant', 'date']);

/**
 * A cell's check, skipped when the cell holds exactly (`IS`: same type, same bytes) what an earlier column of the
 * record with the same check holds (an order's `updated_at` is mostly its `created_at`): that column's check, which
 * comes first and so is the one named, already tells. Those columns must be at least as strict about NULL.
 */
function cellCheck(spec: SharedTableSpec, col: SharedColumn): string {
  const bad = badCell(col);
  if (!REPEATABLE.has(col.check.kind)) return bad;
  const check = JSON.stringify(col.check);
  const earlier = spec.columns
    .slice(0, spec.columns.indexOf(col))
    .filter((e) => e.type === col.type && JSON.stringify(e.check) === check && (!e.nullable || col.nullable));
  return earlier.length === 0 ? bad : `${earlier.map((e) => `i.${col.name} IS NOT i.${e.name}`).join(' AND ')} AND (${bad})`;
}

/** Conditions of a bad record, each with the column it names. */
function rowChecks(spec: SharedTableSpec): { column: string; sql: string }[] {
  const fields = mergedFields(spec).map(quote).join(', ');
  return [
    ...spec.columns.map((col) => ({ column: col.name, sql: cellCheck(spec, col) })),
    // A pair set together or not at all names the one that is missing.
    ...(spec.together ?? []).flatMap(([a, b]) => [
      { column: b, sql: `i.${a} IS NOT NULL AND i.${b} IS NULL` },
      { column: a, sql: `i.${a} IS NULL AND i.${b} IS NOT NULL` },
    ]),
    { column: 'row_stamp', sql: `${STAMP_BAD('i.row_stamp')} OR ${UNKNOWN_SITE('i.row_stamp')}` },
    // The same as the row stamp (most records): the row stamp's check, just before, already tells.
    {
      column: 'last_stamp',
      sql: `i.last_stamp IS NOT i.row_stamp AND (${STAMP_BAD('i.last_stamp')} OR i.last_stamp < i.row_stamp OR ${UNKNOWN_SITE('i.last_stamp')})`,
    },
    {
      column: 'field_stamps',
      sql: `typeof(i.field_stamps) <> 'text' OR length(i.field_stamps) > 8000 OR NOT json_valid(i.field_stamps) OR json_type(i.field_stamps) <> 'object'
        OR (i.field_stamps <> '{}' AND EXISTS (SELECT 1 FROM json_each(i.field_stamps) j WHERE j.key NOT IN (${fields})
          OR typeof(j.value) <> 'text' OR length(j.value) <> 32 OR trim(j.value, '0123456789abcdef') <> '' OR j.value > i.last_stamp
          OR ${UNKNOWN_SITE('j.value')}))`,
    },
  ];
}

export const workTable = (table: string) => `temp.share_work_${table}`;

/**
 * Builds `temp.share_work_<table>`: the rowids of the file's records this merge will read, and whether each is new
 * here. Returns how many records both books hold with the same stamps (unchanged, never read).
 *
 * A book made from a colleague's file holds its records in the file's order (./merge.ts insertNew), mostly under the
 * same rowids, so the book's record of the same rowid is looked at first: with the same id and stamps the record is
 * unchanged, found by walking both tables in step instead of one id-index look-up (a random page) per record. Only
 * the others are looked up by id (SQLite tests the first condition before the second join). Ids are unique in the
 * book, so the record found either way is the same one; a NULL anywhere leaves the record to the look-up by id.
 */
export function markWork(sqlite: Sqlite, spec: SharedTableSpec): number {
  const t = spec.name;
  const work = workTable(t);
  sqlite.exec(`DROP TABLE IF EXISTS ${work}; CREATE TABLE ${work} (r INTEGER PRIMARY KEY, fresh INTEGER NOT NULL)`);
  sqlite
    .prepare(
      `INSERT INTO ${work} (r, fresh) SELECT i.rowid, m.id IS NULL
       FROM incoming.${t} i LEFT JOIN main.${t} s ON s.rowid = i.rowid LEFT JOIN main.${t} m ON m.id = i.id
       WHERE NOT coalesce(s.id = i.id AND s.last_stamp = i.last_stamp AND s.row_stamp = i.row_stamp AND s.field_stamps = i.field_stamps, 0)
         AND (m.id IS NULL OR m.last_stamp IS NOT i.last_stamp OR m.row_stamp IS NOT i.row_stamp OR m.field_stamps IS NOT i.field_stamps)`,
    )
    .run();
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM incoming.${t}`).get() as { n: number }).n;
  const work_ = (sqlite.prepare(`SELECT count(*) AS n FROM ${work}`).get() as { n: number }).n;
  return total - work_;
}

/** The file's records of a table that this merge reads (alias `i`). */
export const workRows = (t: string) => `${workTable(t)} w CROSS JOIN incoming.${t} i ON i.rowid = w.r`;

function refuseCell(table: string, id: unknown, column: string): never {
  const shownId = (typeof id === 'string' ? id : String(id)).slice(0, 64);
  throw new AppError('share_bad_cell', { table, id: shownId, column });
}

export function validateWorkRows(sqlite: Sqlite, spec: SharedTableSpec, futureFloor: string): void {
  const t = spec.name;
  const from = workRows(t);
  const checks = rowChecks(spec);
  const which = checks.map((c, i) => `WHEN ${c.sql} THEN ${i}`).join(' ');
  const anyBad = checks.map((c) => `(${c.sql})`).join(' OR ');
  // One pass for the cells and the stamps from the future. A bad cell anywhere is what is reported, so when the first
  // record found only has a stamp from the future, the cells of all the others are checked before it is reported (as
  // the first such record: no record before it matched at all).
  const found = sqlite
    .prepare(`SELECT i.id AS id, i.last_stamp AS s, CASE ${which} END AS failed FROM ${from} WHERE ${anyBad} OR i.last_stamp >= ? LIMIT 1`)
    .get(futureFloor) as { id: unknown; s: string; failed: number | null } | undefined;
  if (found && found.failed !== null) refuseCell(t, found.id, checks[found.failed]?.column ?? '?');
  const bad = found && (sqlite.prepare(`SELECT i.id AS id, CASE ${which} END AS failed FROM ${from} WHERE ${anyBad} LIMIT 1`).get() as { id: unknown; failed: number } | undefined);
  if (bad) refuseCell(t, bad.id, checks[bad.failed]?.column ?? '?');
  const future = found as { id: string; s: string } | undefined;
  if (future) {
    const at = new Date(parseInt(future.s.slice(0, 12), 16)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    throw new AppError('share_future', { table: t, id: future.id, at });
  }
  const dup = sqlite.prepare(`SELECT i.id AS id FROM ${from} GROUP BY i.id HAVING count(*) > 1 LIMIT 1`).get() as { id: string } | undefined;
  if (dup) throw new AppError('share_duplicate', { table: t, id: dup.id });
  if (spec.liveKey) {
    const key = spec.liveKey.map((k) => `i.${k}`).join(', ');
    const twice = sqlite.prepare(`SELECT min(i.id) AS id FROM ${from} WHERE i.deleted_at IS NULL GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`).get() as
      | { id: string }
      | undefined;
    if (twice) throw new AppError('share_duplicate', { table: t, id: twice.id });
  }
  for (const col of spec.columns) {
    const known = col.check.kind === 'country' ? isKnownCountry : col.check.kind === 'zone' ? isKnownTimeZone : col.check.kind === 'currency' ? isKnownCurrency : null;
    if (!known) continue;
    const values = sqlite.prepare(`SELECT DISTINCT i.${col.name} AS v FROM ${from} WHERE i.${col.name} IS NOT NULL LIMIT 10000`).all() as { v: string }[];
    const unknown = values.find((r) => !known(r.v));
    if (unknown) {
      const row = sqlite.prepare(`SELECT i.id AS id FROM ${from} WHERE i.${col.name} = ? LIMIT 1`).get(unknown.v) as { id: string };
      refuseCell(t, row.id, col.name);
    }
  }
}
