/**
 * Read-only statements run on worker threads while the calling thread carries on, then collected synchronously (a
 * full rescore runs inside one synchronous write transaction). Each worker opens the book file read-only on its own
 * connection — WAL readers run side by side — runs one statement and hands its raw rows back.
 *
 * The caller must have committed everything the statements read: a worker sees the book as last committed. A full
 * rescore qualifies (it writes nothing before reading its facts, and its write lock keeps everyone else from
 * committing meanwhile); a rescore inside another write transaction (`orders.add`) does not and reads in-process.
 *
 * The worker is a small CommonJS script evaluated from this string, so it runs the same under tsx, vitest, the
 * bundled CLI and the Electron main bundle, with no extra entry point to build. It loads better-sqlite3 from the path
 * this module resolves. Any failure (the worker cannot start, load the library, open the file or run the statement)
 * gives `null`, and the caller reads in-process instead.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flags, index, library, file, nativeBinding, sql, params, capacity, medianColumn } = workerData;
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
let message;
let transfer = [];
try {
  const Database = require(library);
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 5000');
    // Column by column: a column of numbers only is a Float64Array (handed over without a copy), any other an array.
    let n = 0;
    let cap = Math.max(16, capacity);
    let columns = null;
    for (const row of db.prepare(sql).raw().iterate(params)) {
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
    transfer = columns.filter((c) => c instanceof Float64Array).map((c) => c.buffer);
    message = { n, columns };
  } finally {
    db.close();
  }
} catch (error) {
  message = { error: String((error && error.stack) || error) };
  transfer = [];
}
port.postMessage(message, transfer);
port.close();
Atomics.store(flags, index, 1);
Atomics.notify(flags, index);
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
  /** A column of comma-separated numbers to replace by their median (see listMedian in db/scoring-facts.ts). */
  medianColumn: number;
}

/** A statement's rows column by column: a column of numbers only is a Float64Array, any other an array. */
export interface Columns {
  n: number;
  columns: (Float64Array | unknown[])[];
}

export interface ReaderOptions {
  /** The module to load as better-sqlite3 in the workers (default: the one this module resolves). */
  library?: string;
}

/** The rows of each job in job order, or null when any worker failed. */
export interface Readers {
  collect(): Columns[] | null;
}

/** The packaged desktop app loads better-sqlite3's Electron build from its resources (as src-main/main.ts does). */
function electronBinding(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!process.versions.electron || !resources) return undefined;
  const file = path.join(resources, 'native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/** Starts one worker per job on the book file; null when they cannot be started (the caller reads in-process). */
export function startReaders(file: string, jobs: ReaderJob[], options: ReaderOptions = {}): Readers | null {
  let library: string;
  try {
    library = options.library ?? createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
  const flags = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
  const nativeBinding = electronBinding();
  const started: { worker: Worker; port: MessagePort }[] = [];
  try {
    jobs.forEach((job, index) => {
      const { port1, port2 } = new MessageChannel();
      const workerData = { port: port2, flags, index, library, file, nativeBinding, sql: job.sql, params: job.params, capacity: job.capacity, medianColumn: job.medianColumn };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [port2], resourceLimits: WORKER_LIMITS });
      worker.unref();
      // A worker that fails is seen through its message (or its silence); keep its error from reaching the process.
      worker.on('error', () => undefined);
      started.push({ worker, port: port1 });
    });
  } catch {
    for (const { worker } of started) void worker.terminate();
    return null;
  }
  return {
    collect() {
      const deadline = performance.now() + WAIT_MS;
      const results: Columns[] = [];
      let failed = false;
      started.forEach(({ worker, port }, index) => {
        if (!failed) {
          const left = deadline - performance.now();
          const message = left > 0 && Atomics.wait(flags, index, 0, left) !== 'timed-out' ? receiveMessageOnPort(port)?.message : undefined;
          const part = message as Partial<Columns> | undefined;
          if (part?.columns) results.push(part as Columns);
          else failed = true;
        }
        port.close();
        void worker.terminate();
      });
      return failed ? null : results;
    },
  };
}
