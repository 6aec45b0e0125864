/**
 * An incoming share file is untrusted. Before the live book is touched it is copied to a private temp folder and
 * the copy is opened read-only with its schema untrusted; then, in this order: SQLite's quick_check, our application
 * id, the format and schema version (a newer one is refused naming both), the exact list of tables and their exact
 * definitions (no triggers, views, indexes or extra objects), every cell's type and shape (ids, instants, dates,
 * ranges, enums, JSON, countries, zones, currencies, sizes), the stamps (well-formed, consistent, none more than 24 h
 * in the future), duplicate ids and live keys. Nothing in the file is ever executed: only SELECTs of our own
 * making read it, and every name in them comes from SHARED_TABLE_SPECS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import type { ErrorCode } from '../../contract/messages';
import { APPLICATION_ID, hasSqliteHeader, isCorruptionError, type Sqlite } from '../../db/connection';
import { openIncomingFile } from '../../db/share-file';
import { isInstant } from '../../domain/dates';
import { isKnownCurrency } from '../../domain/money';
import { isSiteId, isStamp, maxStamp, stampFloor } from '../../domain/sharing/hlc';
import { SHARED_TABLE_SPECS } from '../../domain/sharing/tables';
import { sharePhase } from './phases';
import { META_KEYS, META_TABLE, SHARE_APPLICATION_ID, SHARE_FORMAT, SHARE_SCHEMA_VERSION, shareSchemaSql, SITES_TABLE, type ShareMeta } from './format';

export interface IncomingLimits {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The most records across all tables. */
  maxRecords: number;
}

export const DEFAULT_LIMITS: IncomingLimits = { maxBytes: 2 * 1024 ** 3, maxRecords: 10_000_000 };
/** Stamps may run ahead of this laptop's clock by at most this much (another laptop's clock may be a little fast). */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000;

export interface ValidatedShare {
  /** Stamps at or after this are more than FUTURE_TOLERANCE_MS ahead of this laptop's clock. */
  futureFloor: string;
  /** The private, validated copy (read by the merge through ATTACH). */
  copy: string;
  meta: ShareMeta;
  /** The latest stamp the sending book had from each site. */
  sites: Map<string, string>;
  records: Record<string, number>;
  latestStamp: string;
  /** Removes the private copy. */
  discard(): void;
}

type ShareError = Extract<ErrorCode, `share_${string}`>;

/** The app version a file was written by: `1.2.3`, optionally with a pre-release or build suffix. */
const APP_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}(?:[-+][0-9A-Za-z.+-]{1,40})?$/;

function refuse(code: ShareError, params: Record<string, string | number> = {}): never {
  throw new AppError(code, params);
}

function checkSchema(db: Sqlite, file: string): void {
  const expected = new Map<string, string>();
  for (const statement of shareSchemaSql().split('\n')) {
    const name = /^CREATE TABLE (\w+) /.exec(statement)![1]!;
    expected.set(name, statement.replace(/;$/, ''));
  }
  const objects = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const seen = new Set<string>();
  for (const o of objects) {
    if (o.type === 'table' && expected.has(o.name)) {
      if (o.sql !== expected.get(o.name)) refuse('share_bad_schema', { path: file, object: o.name });
      seen.add(o.name);
    } else if (o.type === 'index' && o.sql === null && (o.name === `sqlite_autoindex_${META_TABLE}_1` || o.name === `sqlite_autoindex_${SITES_TABLE}_1`)) {
      continue;
    } else {
      refuse('share_bad_schema', { path: file, object: `${o.type} ${o.name.slice(0, 80)}` });
    }
  }
  for (const name of expected.keys()) if (!seen.has(name)) refuse('share_bad_schema', { path: file, object: name });
}

/** share_meta, read before the table definitions so a newer file is told apart from a damaged one. */
function readMeta(db: Sqlite, file: string): ShareMeta {
  let rows: { key: unknown; value: unknown }[];
  try {
    rows = db.prepare(`SELECT key, value FROM ${META_TABLE} LIMIT 100`).all() as { key: unknown; value: unknown }[];
  } catch {
    return refuse('share_bad_meta', { path: file });
  }
  const meta: Record<string, unknown> = {};
  for (const row of rows) {
    if (typeof row.key !== 'string' || typeof row.value !== 'string' || row.value.length > 1000) refuse('share_bad_meta', { path: file });
    try {
      meta[row.key] = JSON.parse(row.value) as unknown;
    } catch {
      refuse('share_bad_meta', { path: file });
    }
  }
  if (meta.format !== SHARE_FORMAT) refuse('share_bad_meta', { path: file });
  const version = meta.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) refuse('share_bad_meta', { path: file });
  if (version > SHARE_SCHEMA_VERSION) refuse('share_newer', { found: version, known: SHARE_SCHEMA_VERSION });
  if (version < SHARE_SCHEMA_VERSION) refuse('share_older', { found: version, known: SHARE_SCHEMA_VERSION });
  const keys = Object.keys(meta).sort();
  if (keys.join() !== [...META_KEYS].sort().join()) refuse('share_bad_meta', { path: file });
  const ok =
    isSiteId(meta.site) &&
    typeof meta.createdAt === 'string' &&
    isInstant(meta.createdAt) &&
    (meta.kind === 'full' || meta.kind === 'changes') &&
    (meta.since === null || (typeof meta.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meta.since))) &&
    typeof meta.baseCurrency === 'string' &&
    isKnownCurrency(meta.baseCurrency) &&
    typeof meta.appVersion === 'string' &&
    APP_VERSION.test(meta.appVersion);
  if (!ok) refuse('share_bad_meta', { path: file });
  return meta as unknown as ShareMeta;
}

function copyAside(file: string, limits: IncomingLimits): { dir: string; copy: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse('share_missing', { path: file });
  }
  if (!stat.isFile()) refuse('share_not_file', { path: file });
  if (stat.size === 0) refuse('share_empty', { path: file });
  if (stat.size > limits.maxBytes) refuse('share_too_large', { path: file, size: stat.size, limit: limits.maxBytes });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-incoming-'));
  const copy = path.join(dir, 'incoming.tbshare');
  try {
    fs.copyFileSync(file, copy);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, copy };
}

/** Validates a share file on a private copy; throws an AppError naming what is wrong. */
export function validateIncomingShare(file: string, nowMs: number, limits: IncomingLimits = DEFAULT_LIMITS): ValidatedShare {
  const source = path.resolve(file);
  const { dir, copy } = sharePhase('copy', () => copyAside(source, limits));
  const discard = () => fs.rmSync(dir, { recursive: true, force: true });
  let db: Sqlite | undefined;
  try {
    // Without SQLite's magic string the file is not a database at all; with it, one SQLite cannot open or whose
    // schema it cannot read is a damaged database (cut short while copying, a bad disk).
    if (!hasSqliteHeader(copy)) refuse('share_not_sqlite', { path: source });
    try {
      db = openIncomingFile(copy);
      db.pragma('schema_version');
    } catch (error) {
      if (isCorruptionError(error)) return refuse('share_corrupt', { path: source });
      throw error;
    }
    let applicationId: number;
    let quick: unknown[];
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      quick = db.pragma('quick_check(1)', { simple: false }) as unknown[];
    } catch {
      return refuse('share_corrupt', { path: source });
    }
    // A live book copied without its -wal file may not show our id in its header yet: its tables tell.
    const looksLikeBook = () => {
      try {
        return db!.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
      } catch {
        return false;
      }
    };
    if (applicationId === APPLICATION_ID || (applicationId === 0 && looksLikeBook())) refuse('share_is_book', { path: source });
    if (applicationId !== SHARE_APPLICATION_ID) refuse('share_foreign', { path: source });
    const quickOk = quick.length === 1 && Object.values(quick[0] as Record<string, unknown>)[0] === 'ok';
    if (!quickOk) refuse('share_corrupt', { path: source });
    try {
      const meta = readMeta(db, source);
      // The cells of the records the merge will read are checked by ./incoming-rows.ts, inside the merge's
      // transaction and before its first write (records that both books hold with the same stamps are never read).
      checkSchema(db, source);
      const futureFloor = stampFloor(nowMs + FUTURE_TOLERANCE_MS);
      const sites = new Map<string, string>();
      const siteRows = db.prepare(`SELECT site, last_stamp FROM ${SITES_TABLE} LIMIT 10001`).all() as { site: unknown; last_stamp: unknown }[];
      if (siteRows.length > 10_000) refuse('share_bad_meta', { path: source });
      for (const row of siteRows) {
        if (!isSiteId(row.site) || !isStamp(row.last_stamp)) refuse('share_bad_meta', { path: source });
        if (row.last_stamp >= futureFloor) refuse('share_future', { table: SITES_TABLE, id: row.site, at: new Date(parseInt(row.last_stamp.slice(0, 12), 16)).toISOString() });
        sites.set(row.site, row.last_stamp);
      }
      const records: Record<string, number> = {};
      let total = 0;
      let latest = '';
      for (const spec of SHARED_TABLE_SPECS) {
        // One pass over the table for both.
        const table = db.prepare(`SELECT count(*) AS n, max(last_stamp) AS s FROM ${spec.name}`).get() as { n: number; s: string | null };
        records[spec.name] = table.n;
        total += table.n;
        if (total > limits.maxRecords) refuse('share_too_many', { path: source, limit: limits.maxRecords });
        if (table.s) latest = maxStamp(latest, table.s);
      }
      for (const stamp of sites.values()) latest = maxStamp(latest, stamp);
      return { copy, meta, sites, records, latestStamp: latest, futureFloor, discard };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) refuse('share_corrupt', { path: source });
      throw error;
    }
  } catch (error) {
    db?.close();
    db = undefined;
    discard();
    throw error;
  } finally {
    db?.close();
  }
}
