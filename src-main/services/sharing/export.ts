/**
 * `share.export`: the whole book (`full`) or the records changed since a day (`changes`: every record whose latest
 * stamp is on or after the start of that day in the user's zone) written to one share file. The file is built
 * beside its destination under a temporary name from one read of the book (a single transaction: a consistent
 * snapshot while others keep writing), synced to disk, then renamed into place — a crash never leaves half a file
 * under the chosen name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../contract/errors';
import type { ShareExportSummary } from '../../contract/sharing';
import type { Sqlite } from '../../db/connection';
import { createShareFile } from '../../db/share-file';
import { stampFloor } from '../../domain/sharing/hlc';
import { SHARED_TABLE_SPECS } from '../../domain/sharing/tables';
import type { ServiceContext } from '../context';
import { settingValue } from '../settings';
import { columnsOf, META_TABLE, SHARE_APPLICATION_ID, SHARE_FORMAT, SHARE_SCHEMA_VERSION, shareSchemaSql, SITES_TABLE, type ShareMeta } from './format';

export interface ShareProgress {
  phase: 'export' | 'validate' | 'merge' | 'derive';
  done: number;
  total: number;
}

export type ProgressListener = (progress: ShareProgress) => void;

const APP_VERSION = '0.1.0';
/**
 * A large file's page size (SQLite's largest; any SQLite reads any page size): a sixth of the pages to copy, check
 * (quick_check) and scan when it is merged, for ~2 % less space. A small file (a delta, a small book) keeps SQLite's
 * 4 KiB pages, or its every table would take at least 64 KiB.
 */
const LARGE_PAGE_SIZE = 65_536;
/** From this many records on, a file is written with LARGE_PAGE_SIZE. */
const LARGE_FILE_RECORDS = 50_000;

/** How many records the export will write (index counts; only to choose the page size). */
function recordsToWrite(sqlite: Sqlite, floor: string | null): number {
  let total = 0;
  for (const spec of SHARED_TABLE_SPECS) {
    const count = sqlite.prepare(`SELECT count(*) AS n FROM main.${spec.name}${floor === null ? '' : ' WHERE last_stamp >= ?'}`);
    total += ((floor === null ? count.get() : count.get(floor)) as { n: number }).n;
  }
  return total;
}

/** The first instant of a day in a zone, in ms. */
function dayStartMs(day: string, zone: string): number {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

function checkedDestination(out: string): string {
  const file = path.resolve(out);
  const dir = path.dirname(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new AppError('share_out_dir', { path: dir });
  }
  if (!stat.isDirectory()) throw new AppError('share_out_dir', { path: dir });
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new AppError('share_out_dir', { path: file });
  return file;
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export async function exportShare(
  ctx: ServiceContext,
  input: { out: string; since?: string | undefined },
  onProgress?: ProgressListener,
): Promise<ShareExportSummary> {
  const started = performance.now();
  const file = checkedDestination(input.out);
  const zone = await settingValue<string>(ctx, 'myTimeZone');
  const baseCurrency = await settingValue<string>(ctx, 'baseCurrency');
  const floor = input.since === undefined ? null : stampFloor(dayStartMs(input.since, zone));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`);
  const sqlite = ctx.book.sqlite;
  const records: Record<string, number> = {};
  try {
    createShareFile(temp, shareSchemaSql(), SHARE_APPLICATION_ID);
    sqlite.prepare('ATTACH DATABASE ? AS share').run(temp);
    try {
      if (recordsToWrite(sqlite, floor) >= LARGE_FILE_RECORDS) {
        // The file has only its empty tables yet: rewriting it with the new page size takes nothing.
        sqlite.pragma(`share.page_size = ${LARGE_PAGE_SIZE}`);
        sqlite.exec('VACUUM share');
      }
      // Its pages are written once and never read back: a small cache (the default 16 MB of 64 KiB pages held ~200 MB
      // more memory through the export).
      sqlite.pragma('share.cache_size = -2000');
      sqlite.pragma('share.journal_mode = OFF');
      sqlite.pragma('share.synchronous = OFF');
      sqlite.transaction(() => {
        SHARED_TABLE_SPECS.forEach((spec, index) => {
          const cols = columnsOf(spec).join(', ');
          const where = floor === null ? '' : ' WHERE last_stamp >= ?';
          const insert = sqlite.prepare(`INSERT INTO share.${spec.name} (${cols}) SELECT ${cols} FROM main.${spec.name}${where}`);
          records[spec.name] = (floor === null ? insert.run() : insert.run(floor)).changes;
          onProgress?.({ phase: 'export', done: index + 1, total: SHARED_TABLE_SPECS.length });
        });
        const meta: ShareMeta = {
          format: SHARE_FORMAT,
          schemaVersion: SHARE_SCHEMA_VERSION,
          site: ctx.book.clock.site,
          createdAt: ctx.now(),
          kind: floor === null ? 'full' : 'changes',
          since: input.since ?? null,
          baseCurrency,
          appVersion: APP_VERSION,
        };
        const putMeta = sqlite.prepare(`INSERT INTO share.${META_TABLE} (key, value) VALUES (?, ?)`);
        for (const [key, value] of Object.entries(meta)) putMeta.run(key, JSON.stringify(value));
        sqlite.prepare(`INSERT INTO share.${SITES_TABLE} (site, last_stamp) SELECT site, last_stamp FROM main.sync_sites WHERE self = 0`).run();
        sqlite.prepare(`INSERT INTO share.${SITES_TABLE} (site, last_stamp) VALUES (?, ?)`).run(ctx.book.clock.site, ctx.book.clock.current());
      })();
    } finally {
      sqlite.prepare('DETACH DATABASE share').run();
    }
    syncFile(temp);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const total = Object.values(records).reduce((a, b) => a + b, 0);
  return {
    file,
    kind: floor === null ? 'full' : 'changes',
    since: input.since ?? null,
    records,
    total,
    bytes: fs.statSync(file).size,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
