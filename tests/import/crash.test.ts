/**
 * SIGKILL during an import (issue 11, items 4 and 8): pass 1 only reads the file (into a temporary spill), then the
 * backup is taken, then pass 2 writes everything in one transaction, so a kill at any moment must leave the book
 * either exactly as it was or fully imported — never in between, never damaged. The merge half is
 * tests/sharing/crash.test.ts; this file follows its shape.
 *
 * The starting book holds 40 seeded accounts (with orders, quotes, tasks…). The CSV (written deterministically) has
 * 1,500 new companies × 2 contacts, each with an order, and 30 rows naming companies the book already has (skipped
 * as duplicates; the rest is still imported). Reference imports of it through the real CLI, run to the end, give the
 * "fully imported" state, the typical duration T, and W, how long the import runs on once the pre-import backup has
 * appeared (the write transaction and the exit). Then, cycle after cycle (fixed-seed pseudo-random delays), a fresh
 * copy of the book is imported into by `node bin/tradebook.js --db BOOK import FILE --json` and killed with SIGKILL:
 * half the cycles after a delay in [0, T] from the start, half after a delay in [0, 1.5 W] from the backup's
 * appearance (in the transaction, or just after its commit). Then the book is opened: the integrity check must pass,
 * and the book must be exactly (every row of every table) the book before, or the reference import's book up to what
 * no two imports share — new records' ids, the clock's instants and change stamps (see canonicalHash) — with the
 * same row count in every table. Both outcomes must have occurred. A backup the killed import completed must be
 * exactly the book before; a half-written one left behind must not stop the next import.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCliBundle } from '../../scripts/cli-bundle.mjs';
import { openBook, type Book } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { bin, root } from '../cli/run-cli';
import { removeDir, tempDir, valueOf } from '../db/temp-book';

/** Bounded for `npm test`; TRADEBOOK_CRASH_CYCLES=400 runs the heavy version (README, Tests). */
const CYCLES = Number(process.env.TRADEBOOK_CRASH_CYCLES ?? 16);
const SEED = 20250316;
const NOW = '2025-03-15T09:00:00Z';
const COMPANIES = 1500;
const PER_COMPANY = 2;
const BOOK_DUPLICATES = 30;

interface ImportReportJson {
  written: boolean;
  rows: number;
  imported: { accounts: number; contacts: number; orders: number };
  skipped: number;
  duplicateCount: number;
  errorCount: number;
}

interface State {
  /** sha256 of every row of every table (FTS shadow tables included), in primary-key order. */
  exact: string;
  /** sha256 of the same rows with new ids, instants and change stamps replaced, sorted (see canonicalState). */
  canonical: string;
  /** Row counts of every table (derived data included). */
  counts: Record<string, number>;
}

let work: string;
let csvFile: string;
let startFile: string;
/** Ids in the starting book: kept as they are by canonicalState (everything else is a new record's). */
let knownIds: Set<string>;
let before: State;
let after: State;
/** The reference runs' durations. */
let referenceMs: number[];
/** How long, in the reference runs, the import ran on once the pre-import backup had appeared (the write transaction). */
let writeMs: number;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ctxOf = (book: Book): ServiceContext => ({ book, now: () => NOW, host: { timeZone: 'Asia/Shanghai', country: 'CN' } });

/** Book.close() leaves the connection open when Kysely was never used: close it for good (checkpoints the WAL). */
async function closeBook(book: Book): Promise<void> {
  await book.close();
  if (book.sqlite.open) book.sqlite.close();
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The import file: COMPANIES new companies × PER_COMPANY contacts with one order each, then rows naming book companies. */
function writeCsv(target: string, bookCompanies: readonly { name: string; country: string }[]): void {
  const countries = ['DE', 'ES', 'FR', 'US', 'BR', 'IN', 'AE', 'JP'];
  const lines = ['Company name,Country/Region,First Name,Last Name,Email,Phone Number,Order number,Order date,Amount,Currency'];
  const row = (company: string, country: string, i: number) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return [company, country, 'Person', String(i), `p${i}@crash${i % COMPANIES}.example`, i % 4 === 0 ? `+44 20 7${String(i).padStart(7, '0')}` : '', `CR-${i}`, `2025-02-${day}`,
      `${1000 + (i % 9000)}.50`, 'CNY'].map(cell).join(',');
  };
  let i = 0;
  for (let c = 0; c < COMPANIES; c++) {
    for (let k = 0; k < PER_COMPANY; k++, i++) lines.push(row(`Crash Test Trading ${c} Ltd`, countries[c % countries.length]!, i));
  }
  for (const company of bookCompanies) lines.push(row(company.name, company.country, i++));
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`, 'utf8');
}

function tablesOf(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** ORDER BY the primary key; every column when there is none (VACUUM INTO, as the backups are made, renumbers rowids). */
function orderOf(db: Database.Database, table: string): string {
  const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as { name: string; pk: number }[];
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (pk.length > 0 ? pk : columns).map((c) => `"${c.name}"`).join(', ');
}

const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g;
const STAMP = /\b[0-9a-f]{32}\b/g;

/**
 * What two complete imports of the same file into the same book have in common: ids not in the starting book are
 * named by what they identify (an account by its name, a contact by its e-mails, an order by its number), instants
 * (created_at, updated_at, the scoring watermark) and change stamps are blanked, and rows are sorted as text.
 */
function canonicalHash(db: Database.Database, tables: readonly string[]): string {
  const labels = new Map<string, string>();
  const label = (sql: string, prefix: string) => {
    for (const r of db.prepare(sql).raw().iterate() as IterableIterator<[string, string]>) if (!knownIds.has(r[0])) labels.set(r[0], `${prefix}:${r[1]}`);
  };
  label('SELECT id, name FROM accounts', 'account');
  label('SELECT id, emails FROM contacts', 'contact');
  label('SELECT id, number FROM orders', 'order');
  const text = (value: string) =>
    value
      .replace(ULID, (id) => (knownIds.has(id) ? id : (labels.get(id) ?? 'new-id')))
      .replace(INSTANT, '<instant>')
      .replace(STAMP, '<stamp>');
  const hash = crypto.createHash('sha256');
  for (const table of tables) {
    const rows: string[] = [];
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
      rows.push(JSON.stringify(row.map((v) => (typeof v === 'string' ? text(v) : Buffer.isBuffer(v) ? v.toString('base64') : v))));
    }
    rows.sort();
    hash.update(`\n#${table}\n`).update(rows.join('\n'));
  }
  return hash.digest('hex');
}

function stateOf(db: Database.Database): State {
  const tables = tablesOf(db);
  const hash = crypto.createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of tables) {
    hash.update(`\n#${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY ${orderOf(db, table)}`).raw().iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))).update('\n');
    }
    counts[table] = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  }
  const exact = hash.digest('hex');
  // The book before is recognised by its exact hash; the canonical one is only needed for any other.
  const canonical = before !== undefined && exact === before.exact ? before.canonical : canonicalHash(db, tables);
  return { exact, canonical, counts };
}

/** Opens a book file as it was left (a hot WAL is recovered), checks it and reads its state. */
function inspect(file: string): { integrity: string; foreignKeys: unknown[]; state: State } {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    return { integrity, foreignKeys, state: stateOf(db) };
  } finally {
    db.close();
  }
}

interface Run {
  ms: number;
  exit: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killed: boolean;
  /** When a complete backup was first seen in the book's backups folder (when watched), ms after the start. */
  backupSeenMs: number | null;
}

const backupsOf = (file: string) => path.join(path.dirname(file), 'backups');
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/**
 * When to kill: `afterMs` after the start, or `afterBackupMs` after the pre-import backup appears (the write
 * transaction begins right after it), or not at all.
 */
type Kill = { afterMs: number } | { afterBackupMs: number } | null;

/** The real CLI importing the CSV into `file`; killed with SIGKILL as `kill` says unless it ends first. */
function cliImport(file: string, kill: Kill, watchBackups = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, '--db', file, 'import', csvFile, '--json'], {
      cwd: root,
      env: { ...process.env, TRADEBOOK_BUSY_MS: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let backupSeenMs: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const killAfter = (ms: number) => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (kill && 'afterMs' in kill) killAfter(kill.afterMs);
    // Polled: the folder is made by the import itself, and the backup is renamed into place when complete.
    const watch =
      watchBackups || (kill && 'afterBackupMs' in kill)
        ? setInterval(() => {
            if (backupSeenMs !== null || !filesIn(backupsOf(file)).some((n) => n.endsWith('.bak'))) return;
            backupSeenMs = performance.now() - started;
            if (kill && 'afterBackupMs' in kill) killAfter(kill.afterBackupMs);
          }, 2)
        : null;
    child.on('error', reject);
    child.on('exit', (exit, signal) => {
      if (timer) clearTimeout(timer);
      if (watch) clearInterval(watch);
      resolve({ ms: performance.now() - started, exit, signal, stdout, stderr, killed: killed && signal === 'SIGKILL', backupSeenMs });
    });
  });
}

function copyBook(from: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'book.db');
  fs.copyFileSync(from, file);
  expect(fs.existsSync(`${from}-wal`)).toBe(false);
  return file;
}

function reportOf(run: Run): ImportReportJson {
  try {
    return JSON.parse(run.stdout) as ImportReportJson;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.exit}):\n${run.stdout.slice(0, 500)}\nstderr:\n${run.stderr.slice(0, 500)}`);
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

beforeAll(async () => {
  work = tempDir('tradebook-import-crash-');
  // The CLI builds itself on first use; build it now so that no cycle times (or kills) a build.
  expect(await freshCliBundle()).toBeTruthy();

  startFile = path.join(work, 'start.db');
  const b = openBook(startFile, { create: true });
  valueOf(await call(ctxOf(b), 'book.seed', { accounts: 40, ordersPerAccount: 3, seed: 2 }));
  const bookCompanies = b.sqlite
    .prepare('SELECT name, country FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT ?')
    .all(BOOK_DUPLICATES) as { name: string; country: string }[];
  expect(bookCompanies).toHaveLength(BOOK_DUPLICATES);
  await closeBook(b);
  csvFile = path.join(work, 'import.csv');
  writeCsv(csvFile, bookCompanies);

  const db = new Database(startFile, { readonly: true });
  knownIds = new Set<string>();
  for (const table of tablesOf(db)) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (!columns.includes('id')) continue;
    for (const id of db.prepare(`SELECT id FROM "${table}"`).pluck().iterate()) if (typeof id === 'string') knownIds.add(id);
  }
  db.close();
  before = inspect(startFile).state;

  // The reference imports, run to the end (three times): the imported state, T and when the backup appears.
  const durations: number[] = [];
  const backups: number[] = [];
  for (let round = 0; round < 3; round++) {
    const file = copyBook(startFile, path.join(work, `reference-${round}`));
    const run = await cliImport(file, null, true);
    expect(run.exit, run.stderr).toBe(0);
    expect(reportOf(run)).toMatchObject({
      written: true,
      errorCount: 0,
      rows: COMPANIES * PER_COMPANY + BOOK_DUPLICATES,
      imported: { accounts: COMPANIES, contacts: COMPANIES * PER_COMPANY, orders: COMPANIES * PER_COMPANY },
      skipped: BOOK_DUPLICATES,
      duplicateCount: BOOK_DUPLICATES,
    });
    const seen = inspect(file);
    expect(seen.integrity).toBe('ok');
    expect(seen.foreignKeys).toEqual([]);
    durations.push(run.ms);
    if (run.backupSeenMs !== null) backups.push(run.backupSeenMs);
    // The imported state is deterministic (up to ids, instants and stamps): every reference run ends like the first.
    if (round === 0) after = seen.state;
    else expect({ canonical: seen.state.canonical, counts: seen.state.counts }).toEqual({ canonical: after.canonical, counts: after.counts });
    removeDir(path.dirname(file));
  }
  expect(after.canonical).not.toBe(before.canonical);
  expect(after.counts.accounts).toBe(before.counts.accounts! + COMPANIES);
  expect(backups).toHaveLength(3);
  referenceMs = durations;
  writeMs = median(durations.map((ms, i) => ms - backups[i]!));
}, 120_000);

afterAll(() => {
  if (work) removeDir(work);
});

describe('SIGKILL during an import leaves the book as it was or fully imported', () => {
  it(`${CYCLES} killed imports, each ending in one of the two states`, async () => {
    const rnd = mulberry32(SEED);
    const plan = Array.from({ length: CYCLES }, (_, i) => {
      // Half the cycles anywhere in [0, T]; half in the write transaction: in [0, 1.5 W] after the backup appears,
      // timed from the backup so that a machine busier than during the reference runs still kills them there (a third
      // of them after the commit).
      const fraction = rnd();
      return { i, fraction, fromBackup: i % 2 === 1 };
    });
    // T follows the machine's load: the median of the latest durations seen (runs that ended by themselves, and the
    // backup's appearance + W in runs killed after it), the reference runs' to begin with.
    const seenMs = [...referenceMs];
    const currentT = () => median(seenMs.slice(-7));
    let cliMs = 0;
    const tally = { before: 0, imported: 0, finishedFirst: 0, killedAfterBackup: 0, killedInBackup: 0, backupsChecked: 0, rerunAfterPartialBackup: 0 };
    const problems: string[] = [];
    const started = performance.now();
    for (const cycle of plan) {
      await freshCliBundle(); // sources edited meanwhile: build here, not inside a child about to be killed
      const dir = path.join(work, `cycle-${cycle.i}`);
      const file = copyBook(startFile, dir);
      const kill = cycle.fromBackup ? { afterBackupMs: Math.round(1.5 * writeMs * cycle.fraction) } : { afterMs: Math.round(currentT() * cycle.fraction) };
      const run = await cliImport(file, kill, true);
      cliMs += run.ms;
      if (!run.killed) seenMs.push(run.ms);
      else if (run.backupSeenMs !== null) seenMs.push(run.backupSeenMs + writeMs);
      const when = 'afterMs' in kill ? `after ${kill.afterMs} ms` : `${kill.afterBackupMs} ms after the backup`;
      const label = `cycle ${cycle.i} (killed ${when}, ${run.killed ? 'killed' : `exited ${run.exit} first`})`;
      const left = filesIn(backupsOf(file));
      const complete = left.filter((n) => n.endsWith('.bak'));
      const partial = left.filter((n) => n.endsWith('.tmp'));
      const seen = inspect(file);
      if (!run.killed && run.exit !== 0) problems.push(`${label}: the import failed by itself: ${run.stderr.slice(0, 300)}`);
      if (seen.integrity !== 'ok') problems.push(`${label}: integrity_check ${seen.integrity}`);
      if (seen.foreignKeys.length > 0) problems.push(`${label}: foreign_key_check ${JSON.stringify(seen.foreignKeys.slice(0, 3))}`);
      if (seen.state.exact === before.exact) {
        tally.before += 1;
        if (complete.length > 0) tally.killedAfterBackup += 1;
        if (!run.killed) problems.push(`${label}: the import ended by itself and changed nothing`);
      } else if (seen.state.canonical === after.canonical && JSON.stringify(seen.state.counts) === JSON.stringify(after.counts)) {
        tally.imported += 1;
        if (!run.killed) tally.finishedFirst += 1;
        if (complete.length === 0) problems.push(`${label}: imported without a backup`);
      } else {
        const diff = Object.keys(after.counts).filter((t) => seen.state.counts[t] !== after.counts[t]);
        const counts = diff.map((t) => `${t} ${seen.state.counts[t]} (before ${before.counts[t]}, imported ${after.counts[t]})`).join(', ');
        problems.push(`${label}: neither the book before nor the imported book${counts ? `: ${counts}` : ''}`);
      }
      // A backup the import finished is the book as it was before.
      for (const name of complete) {
        const backup = inspect(path.join(backupsOf(file), name));
        tally.backupsChecked += 1;
        if (backup.integrity !== 'ok' || backup.state.exact !== before.exact) problems.push(`${label}: the backup ${name} is not the book before the import`);
      }
      // A half-written backup left by the kill stops nothing: the next import runs and ends fully imported.
      if (partial.length > 0) {
        tally.killedInBackup += 1;
        if (tally.rerunAfterPartialBackup < 2 && seen.state.exact === before.exact) {
          tally.rerunAfterPartialBackup += 1;
          const again = await cliImport(file, null);
          const now = inspect(file);
          if (again.exit !== 0 || now.integrity !== 'ok' || now.state.canonical !== after.canonical) {
            problems.push(`${label}: the import after a half-written backup (${partial.join(', ')}) did not end fully imported: exit ${again.exit} ${again.stderr.slice(0, 300)}`);
          }
        }
      }
      removeDir(dir);
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `import crash: ${CYCLES} cycles in ${seconds.toFixed(1)} s (${(cliMs / 1000).toFixed(1)} s in the CLI; T = ${referenceMs.map(Math.round).join('/')} → ` +
        `${Math.round(currentT())} ms, W = ${Math.round(writeMs)} ms): ` +
        `${tally.before} as before (${tally.killedAfterBackup} of them killed after the pre-import backup, i.e. at or in the transaction), ` +
        `${tally.imported} fully imported (${tally.finishedFirst} finished before the kill); ${tally.killedInBackup} killed while backing up ` +
        `(${tally.rerunAfterPartialBackup} re-imported over the half-written backup); ${tally.backupsChecked} backups checked`,
    );
    expect(problems).toEqual([]);
    expect(tally.before + tally.imported).toBe(CYCLES);
    expect(tally.before).toBeGreaterThanOrEqual(1);
    expect(tally.imported).toBeGreaterThanOrEqual(1);
    // Some kills landed after the pre-import backup, i.e. while the write transaction ran (or just before it began).
    expect(tally.killedAfterBackup).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
