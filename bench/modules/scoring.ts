/**
 * Account scoring on the 50,000-account / 1M-order book (issue 7), on a copy of the seeded book:
 * 1. the raw baselines in this run: `SELECT account_id, count(*), sum(amount), max(ordered_at) FROM orders NOT INDEXED
 *    GROUP BY account_id` (a sequential scan and sort) and the plain `SELECT count(*), sum(amount) FROM orders` scan;
 * 2. a full rescore as of the seed's last day (every score, every snapshot written), each in a fresh child process that
 *    only rescores — its time and its peak resident memory;
 * 3. one new order (`orders.add`, which stores it, refreshes its account's monthly aggregates and rescores it).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import { hostFacts, type ServiceContext } from '../../src-main/services/context';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { lastJson, runProcess, tsxArgs } from '../lib/proc';
import { median, round, timeSync } from '../lib/stats';

const AS_OF = '2025-06-30';
const MID_MONTH = '2025-06-15';
const RUNS = 3;
const FULL_MS = 3_000;
const RATIO = 5;
const ONE_ORDER_MS = 20;
const PEAK_RSS_MB = 400;
const NEW_ORDERS = 25;

interface ChildResult {
  ms: number;
  /** Where the time went (services/scoring.ts prints it under TRADEBOOK_SCORING_PHASES). */
  phases?: string;
  peakRssMb: number;
  summary: { accounts: number; withOrders: number; churnWarnings: number; rebuiltAggregates: boolean };
}

function isChildResult(value: unknown): value is ChildResult {
  const v = value as Partial<ChildResult> | null;
  return typeof v === 'object' && v !== null && typeof v.ms === 'number' && typeof v.peakRssMb === 'number';
}

async function rescoreInChild(root: string, file: string, asOf: string): Promise<ChildResult> {
  const script = path.join(root, 'bench', 'children', 'rescore.ts');
  const env = { ...process.env, TRADEBOOK_SCORING_PHASES: '1' };
  const res = await runProcess(process.execPath, tsxArgs(script, [file, asOf]), { cwd: root, timeoutMs: 5 * 60_000, env });
  if (res.code !== 0) throw new Error(`rescore child exited ${res.code ?? res.signal}: ${res.stderr.trim()}`);
  const out = lastJson(res.stdout);
  if (!isChildResult(out)) throw new Error(`unexpected child output: ${res.stdout.slice(0, 200)}`);
  const phases = /scoring phases \(ms\): (.*)/.exec(res.stderr)?.[1];
  return phases ? { ...out, phases } : out;
}

/**
 * Removes the day's snapshots, so the next rescore writes every one of them (a rescore leaves unchanged snapshots of
 * the same day alone; a daily rescore in real use writes a new day's snapshots). Health reviews stay: a rerun of the
 * same review window records none again either way.
 */
function forgetSnapshots(file: string, asOf: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare('DELETE FROM score_snapshots WHERE as_of = ?').run(asOf);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export const scoring: BenchModule = {
  name: 'scoring',
  async run(ctx) {
    const file = path.join(ctx.workDir, 'scoring.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(ctx.bookFile, file);
    const rows: Row[] = [];
    try {
      // The baselines, measured now, on the same file.
      const raw = new Database(file, { readonly: true, fileMustExist: true });
      let groupMs: number;
      let floorMs: number;
      try {
        const group = raw.prepare('SELECT account_id, count(*), sum(amount), max(ordered_at) FROM orders NOT INDEXED GROUP BY account_id');
        const floor = raw.prepare('SELECT count(*), sum(amount) FROM orders');
        floor.get();
        groupMs = median(timeSync(3, () => group.all()));
        floorMs = median(timeSync(3, () => floor.get()));
      } finally {
        raw.close();
      }

      // Upgrade the copy (if it is older) before timing, so no run pays for it.
      (await openBook(file).close());

      ctx.log(`scoring: ${RUNS} full rescores as of ${AS_OF}, each in a fresh child process`);
      const runs: ChildResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        forgetSnapshots(file, AS_OF);
        runs.push(await rescoreInChild(ctx.root, file, AS_OF));
      }
      const fullMs = median(runs.map((r) => r.ms));
      const mid = await rescoreInChild(ctx.root, file, MID_MONTH);
      const summary = runs[0]!.summary;
      ctx.detail('scoring (per child: rescore ms / peak RSS MB)', [
        ...runs.map((r, i) => `#${i + 1} as of ${AS_OF} (snapshots new): ${round(r.ms)} ms / ${round(r.peakRssMb)} MB`),
        `as of ${MID_MONTH} (window edges inside months, snapshots new): ${round(mid.ms)} ms / ${round(mid.peakRssMb)} MB`,
        ...[...runs, mid].map((r, i) => `phases ${i < RUNS ? `#${i + 1}` : MID_MONTH}: ${r.phases ?? '-'}`),
        `summary: ${JSON.stringify(runs[0]!.summary)}`,
      ]);

      // One new order: orders.add stores it, refreshes the account's monthly aggregates and rescores the account.
      ctx.log(`scoring: ${NEW_ORDERS} new orders, each rescoring its account`);
      const book = openBook(file);
      const service: ServiceContext = { book, now: () => `${AS_OF}T12:00:00Z`, host: hostFacts() };
      const adds: number[] = [];
      try {
        const accounts = book.sqlite.prepare('SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT ?').all(NEW_ORDERS * 1000) as { id: string }[];
        for (let i = 0; i < NEW_ORDERS; i++) {
          const accountId = accounts[(i * 997) % accounts.length]!.id;
          const t0 = performance.now();
          const result = await call(service, 'orders.add', { accountId, orderedAt: AS_OF, amount: 1000 + i, currency: 'CNY', quantity: 1, unit: 't', dueOn: '2025-07-30' });
          adds.push(performance.now() - t0);
          if (!result.ok) throw new Error(`orders.add failed: ${result.error.message}`);
        }
      } finally {
        await book.close();
      }

      rows.push(
        target(`scoring: full rescore, 50k accounts / 1M orders (median of ${RUNS} children)`, round(fullMs), 'ms', { max: FULL_MS },
          'scoring: rescoreBook as of the seed\'s last day in a child that only rescores — SQL facts, scores, every snapshot written, one transaction; module loading excluded'),
        target('scoring: full rescore ÷ raw GROUP BY baseline', round(fullMs / groupMs), '×', { max: RATIO }),
        baseline('raw: SELECT account_id, count(*), sum(amount), max(ordered_at) FROM orders NOT INDEXED GROUP BY account_id (median of 3)', round(groupMs), 'ms'),
        baseline('raw: SELECT count(*), sum(amount) FROM orders — the floor (median of 3)', round(floorMs), 'ms'),
        info('  the first of those (cold page cache for the new process) / ÷ baseline', `${round(runs[0]!.ms)} ms / ${round(runs[0]!.ms / groupMs)} ×`),
        info(`  full rescore as of ${MID_MONTH} (edges inside months, every snapshot new)`, round(mid.ms), 'ms'),
        info('  accounts scored / with orders / churn warnings', `${summary.accounts} / ${summary.withOrders} / ${summary.churnWarnings}`),
        target(`scoring: one new order rescored (orders.add, median of ${NEW_ORDERS})`, round(median(adds)), 'ms', { max: ONE_ORDER_MS },
          'scoring: orders.add = insert + refresh the account\'s monthly aggregates + rescore it (R, F, M and purchase against the last full rescore\'s bounds) + store today\'s snapshot'),
        info('  slowest of those', round(Math.max(...adds)), 'ms'),
        target('scoring: peak RSS of a process that only rescores', round(Math.max(...runs.map((r) => r.peakRssMb), mid.peakRssMb)), 'MB', { max: PEAK_RSS_MB }),
      );
    } finally {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
    return rows;
  },
};
