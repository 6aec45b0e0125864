/**
 * Read-only statements ("jobs") run on worker threads and on the calling thread together, their rows taken
 * synchronously one job at a time (a full rescore runs inside one synchronous write transaction and scores each job's
 * rows as soon as they are in). Each worker opens the book file read-only on its own connection — WAL readers run
 * side by side — claims jobs front to back and hands their rows back column by column.
 *
 * The caller must have committed everything the statements read: a worker sees the book as last committed. A full
 * rescore qualifies (it writes nothing before reading its facts, and its write lock keeps everyone else from
 * committing meanwhile); a rescore inside another write transaction (`orders.add`) does not and reads in-process.
 *
 * The worker is a small CommonJS script evaluated from this string, so it runs the same under tsx, vitest, the
 * bundled CLI and the Electron main bundle, with no extra entry point to build. It loads better-sqlite3 from the path
 * this module resolves. Any failure (the worker cannot start, load the library, open the file or run a statement)
 * leaves the jobs concerned to the calling thread; `startReaders` gives null when no worker can be started at all.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flags, claims, worker, workers, library, file, nativeBinding, jobs, medianColumn } = workerData;
// flags: [1 + w] worker w's state (1 ready, 2 failed), [1 + workers + k] job k done; claims[k]: 1 once job k is taken.
const started = (state) => {
  Atomics.store(flags, 1 + worker, state);
  Atomics.notify(flags, 1 + worker);
};
// As listMedian in db/scoring-facts.ts: SQLite's median() of a comma-separated list.
function listMedian(list) {
  if (typeof list !== 'string' || list === '') return null;
  const values = list.split(',').map(Number).sort((a, b) => a - b);
  const ix = (values.length - 1) * 0.5;
  const i1 = Math.floor(ix);
  const v1 = values[i1];
  if (ix === i1) return v1;
  return v1 + (values[i1 + 1] - v1) * (ix - i1);
}
// Column by column: a column of numbers only is a Float64Array (handed over without a copy), any other an array.
function columnsOf(statement, params, capacity) {
  let n = 0;
  let cap = Math.max(16, capacity);
  let columns = null;
  for (const row of statement.raw().iterate(params)) {
    if (columns === null) columns = row.map(() => new Float64Array(cap));
    if (n === cap) {
      cap *= 2;
      columns = columns.map((c) => {
        if (!(c instanceof Float64Array)) return c;
        const grown = new Float64Array(cap);
        grown.set(c);
        return grown;
      });
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let column = columns[c];
      if (column instanceof Float64Array) {
        if (typeof v === 'number') {
          column[n] = v;
          continue;
        }
        column = Array.from(column.subarray(0, n));
        columns[c] = column;
      }
      column[n] = v;
    }
    n++;
  }
  columns = (columns || []).map((c) => (c instanceof Float64Array ? c.slice(0, n) : c));
  if (columns.length > medianColumn) columns[medianColumn] = Array.from(columns[medianColumn], listMedian);
  return { n, columns };
}
let db = null;
try {
  const Database = require(library);
  db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
} catch (error) {
  port.postMessage({ index: -1, error: String((error && error.stack) || error) });
  started(2);
}
if (db !== null) {
  started(1);
  const statements = new Map();
  for (let index = 0; index < jobs.length; index++) {
    if (Atomics.compareExchange(claims, index, 0, 1) !== 0) continue;
    const job = jobs[index];
    let message;
    let transfer = [];
    try {
      let statement = statements.get(job.sql);
      if (!statement) {
        statement = db.prepare(job.sql);
        statements.set(job.sql, statement);
      }
      const part = columnsOf(statement, job.params, job.capacity);
      transfer = part.columns.filter((c) => c instanceof Float64Array).map((c) => c.buffer);
      message = { index, n: part.n, columns: part.columns };
    } catch (error) {
      message = { index, error: String((error && error.stack) || error) };
      transfer = [];
    }
    port.postMessage(message, transfer);
    Atomics.store(flags, 1 + workers + index, 1);
    Atomics.notify(flags, 1 + workers + index);
  }
  db.close();
}
port.close();
`;

/**
 * A small young generation: a worker's garbage is one short-lived array per row, and the rescoring process's peak
 * memory counts the workers' heaps too (issue 7: ≤ 400 MB).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** How long the caller waits for a worker before giving up on it (then it reads in-process). */
const WAIT_MS = 120_000;

export interface ReaderJob {
  sql: string;
  params: Record<string, unknown>;
  /** About how many rows to expect. */
  capacity: number;
}

/** A statement's rows column by column: a column of numbers only is a Float64Array, any other an array. */
export interface Columns {
  n: number;
  columns: (Float64Array | unknown[])[];
}

export interface ReaderOptions {
  /** How many worker threads (default 1: with the calling thread, the machine's two cores). */
  workers?: number;
  /** The module to load as better-sqlite3 in the workers (default: the one this module resolves). */
  library?: string;
  /** A column of comma-separated numbers to replace by their median (see listMedian in db/scoring-facts.ts). */
  medianColumn: number;
}

export interface Readers {
  /**
   * Job `index`'s rows (each job is taken once, in any order): from the worker that ran it, or run on this thread by
   * `runHere` — when no worker has claimed it, when its worker failed, and, while a worker still runs it, this thread
   * claims and runs the next unclaimed jobs (kept for their own `take`) instead of waiting idle.
   */
  take(index: number, runHere: (job: ReaderJob) => Columns): Columns;
  /** Stops the workers; true when one of them failed (its jobs then ran here). */
  close(): boolean;
}

/** The packaged desktop app loads better-sqlite3's Electron build from its resources (as src-main/main.ts does). */
function electronBinding(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!process.versions.electron || !resources) return undefined;
  const file = path.join(resources, 'native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/** The better-sqlite3 module this process loads, for a worker to load too (null: it cannot be resolved). */
function betterSqliteLibrary(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

/**
 * Starts worker threads on the book file that claim the jobs one at a time, front to back; the calling thread claims
 * the job it needs when no worker has, and while a worker runs it, the next unclaimed one (work sharing, see `take`).
 * Null when no worker can be started (the caller reads in-process).
 */
export function startReaders(file: string, jobs: ReaderJob[], options: ReaderOptions): Readers | null {
  const library = options.library ?? betterSqliteLibrary();
  if (library === null) return null;
  const workers = Math.max(1, options.workers ?? 1);
  const flags = new Int32Array(new SharedArrayBuffer(4 * (1 + workers + jobs.length)));
  const claims = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  const nativeBinding = electronBinding();
  const started: { worker: Worker; port: MessagePort }[] = [];
  try {
    for (let w = 0; w < workers; w++) {
      const { port1, port2 } = new MessageChannel();
      const workerData = { port: port2, flags, claims, worker: w, workers, library, file, nativeBinding, jobs, medianColumn: options.medianColumn };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2], resourceLimits: WORKER_LIMITS });
      worker.unref();
      // A worker that fails is seen through its message (or its silence); keep its error from reaching the process.
      worker.on('error', () => undefined);
      started.push({ worker, port: port1 });
    }
  } catch {
    for (const { worker } of started) void worker.terminate();
    return null;
  }
  const deadline = performance.now() + WAIT_MS;
  const doneFlag = (index: number) => 1 + workers + index;
  /** Rows of jobs run here ahead of their `take`, and the workers' messages not yet taken. */
  const ranHere = new Map<number, Columns>();
  const received = new Map<number, Partial<Columns>>();
  let workerFailed = false;
  const drain = () => {
    for (const { port } of started) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
        const message = m.message as Partial<Columns> & { index: number };
        received.set(message.index, message);
      }
    }
  };
  const claim = (index: number) => Atomics.compareExchange(claims, index, 0, 1) === 0;
  /** Claims and runs here the first unclaimed job after `after` (soon needed too); false when every one is claimed. */
  const helpOnce = (after: number, runHere: (job: ReaderJob) => Columns): boolean => {
    for (let index = after + 1; index < jobs.length; index++) {
      if (Atomics.load(claims, index) === 0 && claim(index)) {
        ranHere.set(index, runHere(jobs[index]!));
        return true;
      }
    }
    return false;
  };
  return {
    take(index, runHere) {
      for (;;) {
        const here = ranHere.get(index);
        if (here !== undefined) {
          ranHere.delete(index);
          return here;
        }
        if (claim(index)) return runHere(jobs[index]!);
        if (Atomics.load(flags, doneFlag(index)) === 1) {
          drain();
          const part = received.get(index);
          received.delete(index);
          if (part?.columns !== undefined && part.n !== undefined) return part as Columns;
          workerFailed = true;
          return runHere(jobs[index]!);
        }
        // A worker runs it: do a later job meanwhile, or wait for it.
        if (helpOnce(index, runHere)) continue;
        const left = deadline - performance.now();
        if (left <= 0 || Atomics.wait(flags, doneFlag(index), 0, left) === 'timed-out') {
          workerFailed = true;
          return runHere(jobs[index]!);
        }
      }
    },
    close() {
      // Every worker has started (or failed to): a failure is known even when this thread ran every job.
      started.forEach((_, w) => {
        const left = deadline - performance.now();
        if (left <= 0 || Atomics.wait(flags, 1 + w, 0, left) === 'timed-out' || Atomics.load(flags, 1 + w) === 2) workerFailed = true;
      });
      for (const { worker, port } of started) {
        port.close();
        void worker.terminate();
      }
      return workerFailed;
    },
  };
}
