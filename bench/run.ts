/**
 * Tradebook benchmark: `npm run bench` (tsx bench/run.ts).
 *
 * Recreates bench/.work/, seeds a 50,000-account / ~1,000,000-order book through the real CLI and runs every
 * module in MODULES in order. Each module returns rows; the table marks targets PASS/FAIL and the run exits 1
 * when any target is missed or a module fails. Add a benchmark by writing a BenchModule and listing it below.
 *
 * Options: --keep-book   reuse bench/.work/book.db when it exists (development only; the seed is not timed)
 *          --only a,b    run only these modules (plus seed, which the others need)
 *          --json        also print the rows as JSON on the last line
 * Env:     TRADEBOOK_BENCH_DIR  the work folder (default bench/.work), so two developers can bench side by side
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseline, passes, type BenchContext, type BenchModule, type Row } from './lib/types';
import { round } from './lib/stats';
import { machine } from './modules/machine';
import { ORDER_GOAL, ordersPerAccountFor, seed } from './modules/seed';
import { coldOpen } from './modules/cold-open';
import { search } from './modules/search';
import { scoring } from './modules/scoring';
import { sqliteBaselines } from './modules/sqlite-baselines';
import { webMode } from './modules/web-mode';
import { webUi } from './modules/web-ui';
import { timeSlots } from './modules/time-slots';
import { scheduler } from './modules/scheduler';
import { sharing } from './modules/sharing';
import { leads } from './modules/leads';
import { todoBoard } from './modules/todo-board';
import { backgroundRescore } from './modules/background-rescore';

/**
 * Run order matters: seed before anything that reads the book; the machine is measured at both ends of the run so
 * a reader can see whether it was busy. New benchmarks (web mode, time engine, scheduler) go before machine('end').
 */
export const MODULES: BenchModule[] = [machine('start'), seed, coldOpen, search, webMode, timeSlots, scheduler, scoring, sharing, leads, todoBoard, webUi, backgroundRescore, sqliteBaselines, machine('end')];

const ACCOUNTS = 50_000;

interface Options {
  keepBook: boolean;
  only: string[] | null;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { keepBook: false, only: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep-book') options.keepBook = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown option ${arg ?? ''}`);
  }
  return options;
}

function formatValue(row: Row): string {
  const value = typeof row.value === 'number' ? row.value.toLocaleString('en') : row.value;
  return row.unit ? `${value} ${row.unit}` : value;
}

function formatTarget(row: Row): string {
  if (row.kind === 'baseline') return 'baseline';
  if (!row.target) return '';
  const { min, max } = row.target;
  const unit = row.unit ? ` ${row.unit}` : '';
  if (min !== undefined && max !== undefined) return `${min.toLocaleString('en')}–${max.toLocaleString('en')}${unit}`;
  if (max !== undefined) return `≤ ${max.toLocaleString('en')}${unit}`;
  return `≥ ${(min ?? 0).toLocaleString('en')}${unit}`;
}

function verdict(row: Row): string {
  const pass = passes(row);
  return pass === null ? (row.kind === 'baseline' ? 'baseline' : 'info') : pass ? 'PASS' : 'FAIL';
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

function table(rows: Row[]): string {
  const cells = [['name', 'value', 'target', 'result'], ...rows.map((r) => [r.name, formatValue(r), formatTarget(r), verdict(r)])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...cells.map((line) => width(line[c]!))));
  const pad = (text: string, c: number) => (c === 1 ? ' '.repeat(widths[c]! - width(text)) + text : text + ' '.repeat(widths[c]! - width(text)));
  const lines = cells.map((line) => `| ${line.map(pad).join(' | ')} |`);
  lines.splice(1, 0, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const workDir = process.env.TRADEBOOK_BENCH_DIR ? path.resolve(process.env.TRADEBOOK_BENCH_DIR) : path.join(root, 'bench', '.work');
  const bookFile = path.join(workDir, 'book.db');
  if (options.keepBook && fs.existsSync(bookFile)) {
    for (const entry of fs.readdirSync(workDir)) if (!entry.startsWith('book.db')) fs.rmSync(path.join(workDir, entry), { recursive: true, force: true });
  } else {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  fs.mkdirSync(workDir, { recursive: true });

  const details: { section: string; lines: string[] }[] = [];
  const started = performance.now();
  const ctx: BenchContext = {
    root,
    workDir,
    bookFile,
    accounts: ACCOUNTS,
    ordersPerAccount: ordersPerAccountFor(ACCOUNTS, ORDER_GOAL),
    keepBook: options.keepBook,
    log: (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`),
    detail: (section, lines) => details.push({ section, lines }),
  };

  const rows: Row[] = [];
  for (const mod of MODULES) {
    if (options.only && mod.name !== 'seed' && !options.only.includes(mod.name)) continue;
    ctx.log(`${mod.name}…`);
    // Sample the 1-min load average while the module runs: the box is shared, and a busy neighbour shows here.
    let maxLoad = os.loadavg()[0] ?? 0;
    const sampler = setInterval(() => (maxLoad = Math.max(maxLoad, os.loadavg()[0] ?? 0)), 1000);
    const moduleStart = performance.now();
    try {
      rows.push(...(await mod.run(ctx)));
      const seconds = (performance.now() - moduleStart) / 1000;
      if (seconds >= 3) rows.push(baseline(`[load] max 1-min load average during ${mod.name} (${Math.round(seconds)} s)`, round(maxLoad), ''));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`${mod.name} failed: ${message}`);
      rows.push({ name: `${mod.name}: module failed`, value: message.slice(0, 120), kind: 'target', target: { max: 0 } });
      if (mod.name === 'seed') break; // nothing else can run without the book
    } finally {
      clearInterval(sampler);
    }
  }

  const out: string[] = ['', `Tradebook benchmark — ${new Date().toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`, ''];
  out.push(table(rows), '');
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.note}`);
  if (notes.length) out.push('Notes:', ...notes, '');
  for (const d of details) out.push(`## ${d.section}`, ...d.lines.map((l) => `  ${l}`), '');
  const failed = rows.filter((r) => passes(r) === false);
  out.push(failed.length === 0 ? 'All targets met.' : `${failed.length} target(s) missed: ${failed.map((r) => r.name).join('; ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
  fs.writeFileSync(path.join(workDir, 'results.json'), `${JSON.stringify({ at: new Date().toISOString(), rows, details }, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
