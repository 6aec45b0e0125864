/**
 * Team sharing on the 50,000-account / ~1,000,000-order book (issue 11, item 9), each phase in its own child
 * process (its peak RSS is its own), on copies of the seeded book:
 *   full export ≤ 5 s · re-merging the same file ≤ 2 s · a delta with 1,000 edits merged ≤ 3 s ·
 *   a full snapshot merged into an empty book ≤ 15 s · peak RSS ≤ 400 MB —
 * each beside a same-run `VACUUM INTO` of the book (how fast this machine copies the whole book), as a ratio.
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
    const rows: Row[] = [];
    try {
      fs.copyFileSync(ctx.bookFile, a);
      ctx.log('sharing: VACUUM INTO baseline');
      const vacuum = await child(ctx.root, ['vacuum', a, path.join(dir, 'vacuum.db')]);
      fs.rmSync(path.join(dir, 'vacuum.db'), { force: true });
      rows.push(baseline('sharing: VACUUM INTO of the book (same run)', vacuum.ms, 'ms'));
      const ratio = (ms: number) => `${(ms / vacuum.ms).toFixed(2)}× VACUUM INTO`;

      ctx.log('sharing: full export');
      const exported = await child(ctx.root, ['export', a, full]);
      rows.push(target('sharing: full export', exported.ms, 'ms', { max: 5000 }, `${ratio(exported.ms)}; ${Number(exported.total).toLocaleString('en')} records, ${round(fs.statSync(full).size / 1024 / 1024)} MB`));

      ctx.log('sharing: full snapshot into an empty book');
      const into = await child(ctx.root, ['merge', b, full]);
      rows.push(target('sharing: full snapshot merged into an empty book', into.ms, 'ms', { max: 15_000 }, `${ratio(into.ms)}; added ${Number(into.added).toLocaleString('en')}`));

      ctx.log('sharing: the same file again');
      const again = await child(ctx.root, ['merge', b, full]);
      rows.push(target('sharing: re-merging the same file', again.ms, 'ms', { max: 2000 }, `${ratio(again.ms)}; added ${String(again.added)}, updated ${String(again.updated)}`));

      ctx.log('sharing: 1,000 edits, their delta merged');
      await child(ctx.root, ['edit', a, '1000']);
      const since = await child(ctx.root, ['since', a, delta]);
      const merged = await child(ctx.root, ['merge', b, delta]);
      rows.push(target('sharing: a delta with 1,000 edits merged', merged.ms, 'ms', { max: 3000 }, `${ratio(merged.ms)}; ${String(since.total)} records in the delta, updated ${String(merged.updated)}`));
      const peak = Math.max(exported.rss, into.rss, again.rss, merged.rss, since.rss);
      rows.push(target('sharing: peak RSS of any phase', peak, 'MB', { max: 400 }, `export ${exported.rss}, into empty ${into.rss}, again ${again.rss}, delta ${merged.rss}`));
      rows.push(info('sharing: share file size', round(fs.statSync(full).size / 1024 / 1024), 'MB'));
    } finally {
      for (const f of [a, b]) remove(f);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
