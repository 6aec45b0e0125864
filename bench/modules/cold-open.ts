/**
 * Cold open + first page: each run is a fresh child process, so no statement, page or module state is shared
 * with the runner or earlier runs (the OS page cache is still warm from the seed — this is process-cold).
 */
import path from 'node:path';
import { info, target, type BenchModule } from '../lib/types';
import { lastJson, runProcess, tsxArgs } from '../lib/proc';
import { median, round } from '../lib/stats';

const RUNS = 5;

interface ChildTiming {
  openMs: number;
  listMs: number;
  totalMs: number;
  secondListMs: number;
  rows: number;
}

function isChildTiming(value: unknown): value is ChildTiming {
  const v = value as Partial<Record<keyof ChildTiming, unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.totalMs === 'number' && typeof v.openMs === 'number';
}

export const coldOpen: BenchModule = {
  name: 'cold-open',
  async run(ctx) {
    const script = path.join(ctx.root, 'bench', 'children', 'cold-open.ts');
    const runs: ChildTiming[] = [];
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const res = await runProcess(process.execPath, tsxArgs(script, [ctx.bookFile]), { cwd: ctx.root, timeoutMs: 60_000 });
      if (res.code !== 0) throw new Error(`cold-open child exited ${res.code ?? res.signal}: ${res.stderr.trim()}`);
      const out = lastJson(res.stdout);
      if (!isChildTiming(out)) throw new Error(`unexpected child output: ${res.stdout.slice(0, 200)}`);
      if (out.rows !== 50) throw new Error(`accounts.list returned ${out.rows} rows, expected 50`);
      runs.push(out);
      walls.push(res.ms);
    }
    ctx.detail(
      'cold open (per child: open / list / total ms)',
      runs.map((r, i) => `#${i + 1}: ${round(r.openMs)} / ${round(r.listMs)} / ${round(r.totalMs)}   (child wall ${round(walls[i]!)} ms)`),
    );
    return [
      target(`cold open + accounts.list {limit:50} (median of ${RUNS} children)`, round(median(runs.map((r) => r.totalMs))), 'ms', { max: 300 },
        'cold open: openBook(file) + dispatch(accounts.list) timed inside a fresh child with performance.now(); module loading excluded'),
      info('  of which openBook', round(median(runs.map((r) => r.openMs))), 'ms'),
      info('  of which accounts.list', round(median(runs.map((r) => r.listMs))), 'ms'),
      info('  (same accounts.list again, warm)', round(median(runs.map((r) => r.secondListMs))), 'ms'),
      info('  child wall incl. node + tsx start-up', round(median(walls)), 'ms'),
    ];
  },
};
