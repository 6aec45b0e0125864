/**
 * The share file: one SQLite file (application id "TBS1", not a book) holding the shared tables with exactly the
 * columns of SHARED_TABLE_SPECS plus their stamps, `share_meta` (what it is, who made it, when, from which schema)
 * and `share_sites` (the latest stamp its book had from each site, for telling conflicts from plain updates).
 */
import { SHARED_TABLE_SPECS, STAMP_COLUMNS, type SharedTableSpec } from '../../domain/sharing/tables';

export const SHARE_APPLICATION_ID = 0x54425331;
/** The book schema whose shared columns this format carries; a file from a newer schema is refused. */
export const SHARE_SCHEMA_VERSION = 17;
export const SHARE_FORMAT = 'tradebook-share';

export const META_TABLE = 'share_meta';
export const SITES_TABLE = 'share_sites';

export interface ShareMeta {
  format: string;
  schemaVersion: number;
  site: string;
  createdAt: string;
  kind: 'full' | 'changes';
  since: string | null;
  baseCurrency: string;
  appVersion: string;
}

export const META_KEYS = ['format', 'schemaVersion', 'site', 'createdAt', 'kind', 'since', 'baseCurrency', 'appVersion'] as const;

export function columnsOf(spec: SharedTableSpec): string[] {
  return [...spec.columns.map((c) => c.name), ...STAMP_COLUMNS];
}

/** Every table of a share file with its columns and their types, in file order. */
export function shareTables(): { name: string; columns: { name: string; type: string; notNull: boolean }[] }[] {
  return [
    { name: META_TABLE, columns: [{ name: 'key', type: 'TEXT', notNull: true }, { name: 'value', type: 'TEXT', notNull: true }] },
    { name: SITES_TABLE, columns: [{ name: 'site', type: 'TEXT', notNull: true }, { name: 'last_stamp', type: 'TEXT', notNull: true }] },
    ...SHARED_TABLE_SPECS.map((spec) => ({
      name: spec.name,
      columns: [
        ...spec.columns.map((c) => ({ name: c.name, type: c.type, notNull: !c.nullable })),
        ...STAMP_COLUMNS.map((name) => ({ name, type: 'TEXT', notNull: true })),
      ],
    })),
  ];
}

/** The DDL of a new share file (names come from the spec in code, never from a file). */
export function shareSchemaSql(): string {
  return shareTables()
    .map((table) => {
      const cols = table.columns.map((c) => `${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
      if (table.name === META_TABLE) cols[0] = 'key TEXT NOT NULL PRIMARY KEY';
      if (table.name === SITES_TABLE) cols[0] = 'site TEXT NOT NULL PRIMARY KEY';
      return `CREATE TABLE ${table.name} (${cols.join(', ')}) STRICT;`;
    })
    .join('\n');
}
