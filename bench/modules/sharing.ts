/**
 * Team sharing on the 50,000-account / ~1,000,000-order book (issue 11, item 9), each phase in its own child
 * process (its peak RSS is its own), on copies of the seeded book:
 *   full export ≤ 5 s · re-merging the same file ≤ 2 s · a delta with 1,000 edits merged ≤ 3 s ·
 *   a full snapshot merged into an empty book ≤ 15 s · a 100,000-row CSV import ≤ 10 s · peak RSS ≤ 400 MB —
 * each beside a same-run `VACUUM INTO` of the book (how fast this machine copies the whole book), as a ratio.
 * The CSV (accounts and their contacts, bench/children/sharing.ts writeCsv) is imported into the seeded book (its
 * duplicate checks then run against 50,000 accounts) and, for comparison, into an empty one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { lastJson, runProcess, tsxArgs } from '../lib/proc';
import { round } from '../lib/stats';

interface ChildOut {
  ms: number;
  rss: number;
  [key: string]: unknown;
}

/** Issue 11 item 9: a 100,000-row CSV import ≤ 10 s. */
const CSV_ROWS = 100_000;

async function child(root: string, args: string[]): Promise<ChildOut> {
  const script = path.join(root, 'bench', 'children', 'sharing.ts');
  const res = await runProcess(process.execPath, tsxArgs(script, args), { cwd: root, timeoutMs: 10 * 60_000 });
  if (res.code !== 0) throw new Error(`sharing child ${args[0]} exited ${res.code ?? res.signal}: ${res.stderr.trim().slice(0, 500)}`);
  return lastJson(res.stdout) as ChildOut;
}

function remove(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export const sharing: BenchModule = {
  name: 'sharing',
  async run(ctx) {
    const dir = path.join(ctx.workDir, 'sharing');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const a = path.join(dir, 'a.db');
    const b = path.join(dir, 'b.db');
    const full = path.join(dir, 'full.tbshare');
    const delta = path.join(dir, 'delta.tbshare');
    const csv = path.join(dir, 'people.csv');
    const rows: Row[] = [];
    try {
      fs.copyFileSync(ctx.bookFile, a);
      ctx.log('sharing: VACUUM INTO baseline');
      const vacuum = await child(ctx.root, ['vacuum', a, path.join(dir, 'vacuum.db')]);
      fs.rmSync(path.join(dir, 'vacuum.db'), { force: true });
      rows.push(baseline('sharing: VACUUM INTO of the book (same run)', vacuum.ms, 'ms'));
      const ratio = (ms: number) => `${(ms / vacuum.ms).toFixed(2)}× VACUUM INTO`;
      /** The target row, then its ratio to the same run's VACUUM INTO (a row of its own, so the table shows both). */
      const timed = (name: string, ms: number, max: number, note: string) =>
        rows.push(
          target(name, ms, 'ms', { max }, `${name}: ${note}; ${ratio(ms)} (the target is ${round(max / vacuum.ms)}× this run's VACUUM INTO)`),
          info(`${name} ÷ VACUUM INTO`, round(ms / vacuum.ms), '×'),
        );

      ctx.log('sharing: full export');
      const exported = await child(ctx.root, ['export', a, full]);
      timed('sharing: full export', exported.ms, 5000, `${Number(exported.total).toLocaleString('en')} records, ${round(fs.statSync(full).size / 1024 / 1024)} MB`);

      ctx.log('sharing: full snapshot into an empty book');
      const into = await child(ctx.root, ['merge', b, full]);
      timed('sharing: full snapshot merged into an empty book', into.ms, 15_000, `added ${Number(into.added).toLocaleString('en')}`);

      ctx.log('sharing: the same file again');
      const again = await child(ctx.root, ['merge', b, full]);
      timed('sharing: re-merging the same file', again.ms, 2000, `added ${String(again.added)}, updated ${String(again.updated)}`);

      ctx.log('sharing: 1,000 edits, their delta merged');
      await child(ctx.root, ['edit', a, '1000']);
      const since = await child(ctx.root, ['since', a, delta]);
      const merged = await child(ctx.root, ['merge', b, delta]);
      timed('sharing: a delta with 1,000 edits merged', merged.ms, 3000, `${String(since.total)} records in the delta, updated ${String(merged.updated)}`);

      ctx.log(`sharing: a ${CSV_ROWS.toLocaleString('en')}-row CSV import`);
      await child(ctx.root, ['csv', csv, String(CSV_ROWS)]);
      const imported = await child(ctx.root, ['import', a, csv]);
      const importCounts = (r: ChildOut) => {
        const n = r.imported as { accounts: number; contacts: number } | undefined;
        return `${String(r.rows)} rows, ${String(r.errors)} errors, ${String(r.duplicates)} duplicates; imported ${n?.accounts ?? '?'} accounts, ${n?.contacts ?? '?'} contacts`;
      };
      if (imported.written !== true || imported.rows !== CSV_ROWS) throw new Error(`the CSV import wrote nothing: ${importCounts(imported)}`);
      timed(`import: ${CSV_ROWS.toLocaleString('en')}-row CSV into the seeded book`, imported.ms, 10_000, importCounts(imported));
      const intoEmpty = await child(ctx.root, ['import', path.join(dir, 'empty.db'), csv]);
      rows.push(info(`import: the same CSV into an empty book`, intoEmpty.ms, 'ms', `import into an empty book: ${ratio(intoEmpty.ms)}, peak RSS ${intoEmpty.rss} MB`));

      const phases = { export: exported, 'into empty': into, again, delta: merged, since, import: imported, 'import (empty)': intoEmpty };
      const peak = Math.max(...Object.values(phases).map((p) => p.rss));
      rows.push(target('sharing: peak RSS of any phase', peak, 'MB', { max: 400 }, `peak RSS (MB): ${Object.entries(phases).map(([k, p]) => `${k} ${p.rss}`).join(', ')}`));
      rows.push(info('sharing: share file size', round(fs.statSync(full).size / 1024 / 1024), 'MB'));
    } finally {
      for (const f of [a, b, path.join(dir, 'empty.db')]) remove(f);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
