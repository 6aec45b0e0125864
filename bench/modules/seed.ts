/**
 * Seeds the benchmark book through the real CLI (a subprocess, as a user would run it) and reports what is
 * really in it. The order count depends on the seed's trajectory mix, so --orders-per-account is derived
 * from it (see ordersPerAccountFor) and the real count is checked to be within ±5 % of the goal.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { info, target, type BenchModule, type Row } from '../lib/types';
import { lastJson, runProcess } from '../lib/proc';
import { round } from '../lib/stats';

/**
 * services/seed.ts gives an account, by trajectory (weights growing 18, stable 30, ushape 10, declining 14,
 * new 8, dormant 10, none 10 of 100), on average ordersPerAccount × (1.2 | 1.2 | 1.2 | 1.2 | 0.15 | 0.5 | 0)
 * orders (then × U(0.5, 1.5), rounded, at least 1). Expected orders per account per unit of M:
 * (72 × 1.2 + 8 × 0.15 + 10 × 0.5) / 100 = 0.926.
 */
export const ORDERS_PER_UNIT_M = (72 * 1.2 + 8 * 0.15 + 10 * 0.5) / 100;

/** The --orders-per-account that makes accounts × M × 0.926 ≈ totalOrders (one decimal). */
export function ordersPerAccountFor(accounts: number, totalOrders: number): number {
  return Math.round((totalOrders / accounts / ORDERS_PER_UNIT_M) * 10) / 10;
}

export const ORDER_GOAL = 1_000_000;

interface SeedOutput {
  accounts: number;
  contacts: number;
  orders: number;
  seconds: number;
}

function isSeedOutput(value: unknown): value is SeedOutput {
  const v = value as Partial<Record<keyof SeedOutput, unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.orders === 'number' && typeof v.seconds === 'number';
}

function fileMb(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size / 1024 / 1024 : 0;
}

export const seed: BenchModule = {
  name: 'seed',
  async run(ctx) {
    const rows: Row[] = [];
    const args = [
      'bin/tradebook.js', '--db', ctx.bookFile, 'seed',
      '--accounts', String(ctx.accounts), '--orders-per-account', String(ctx.ordersPerAccount), '--json',
    ];
    if (ctx.keepBook && fs.existsSync(ctx.bookFile)) {
      ctx.log(`seed: --keep-book, reusing ${ctx.bookFile}`);
      rows.push(info('seed (skipped: --keep-book)', '-', ''));
    } else {
      ctx.log(`seed: node ${args.join(' ')}`);
      const res = await runProcess(process.execPath, args, { cwd: ctx.root, timeoutMs: 15 * 60_000 });
      if (res.code !== 0) throw new Error(`seed CLI exited ${res.code ?? res.signal}: ${res.stderr.trim() || res.stdout.trim()}`);
      const out = lastJson(res.stdout);
      if (!isSeedOutput(out)) throw new Error(`unexpected seed output: ${res.stdout.slice(0, 300)}`);
      rows.push(
        target(
          `seed ${ctx.accounts.toLocaleString('en')} accounts / ~1M orders (CLI wall)`,
          round(res.ms / 1000), 's', { max: 60 },
          'seed: wall time of `node bin/tradebook.js seed …` incl. node/tsx start-up and the final commit',
        ),
        info('seed: time reported by the seed itself', out.seconds, 's'),
      );
      ctx.detail('seed', [`command: node ${args.join(' ')}`, `output:  ${res.stdout.trim()}`]);
    }

    const db = new Database(ctx.bookFile, { readonly: true, fileMustExist: true });
    try {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const accounts = count('accounts');
      const orders = count('orders');
      rows.push(
        info('accounts in the book', accounts),
        target(`orders in the book (goal ${ORDER_GOAL.toLocaleString('en')} ±5 %)`, orders, '', {
          min: ORDER_GOAL * 0.95,
          max: ORDER_GOAL * 1.05,
        }, `orders: --orders-per-account ${ctx.ordersPerAccount} = ${ORDER_GOAL} / ${ctx.accounts} accounts / ${ORDERS_PER_UNIT_M.toFixed(3)} (the seed's mean orders per account per unit)`),
        info('contacts in the book', count('contacts')),
      );
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      ctx.detail('book', [`page_size ${pageSize}, page_count ${String(db.pragma('page_count', { simple: true }))}`]);
    } finally {
      db.close();
    }
    const wal = fileMb(`${ctx.bookFile}-wal`);
    rows.push(info('book file size', round(fileMb(ctx.bookFile)), 'MB', wal > 0 ? `plus ${round(wal)} MB -wal` : undefined));
    return rows;
  },
};
