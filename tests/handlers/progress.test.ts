/**
 * Progress of long calls (progress.get): an import started with a job id can be asked how far it is while it runs,
 * over the same dispatch the web server and IPC use; the job ends finished with the phase it reached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src-main/contract/progress';
import { call, dispatch } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

let tb: TestBook | undefined;
afterEach(async () => {
  await tb?.close();
  tb = undefined;
});

function bigCsv(dir: string, rows: number): string {
  const lines = ['Company name,Country,Email'];
  for (let i = 0; i < rows; i++) lines.push(`Buyer ${i} GmbH,Germany,buyer${i}@example.de`);
  const file = path.join(dir, 'leads.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('progress.get', () => {
  it('reports an import’s read and write phases while it runs, then finished', async () => {
    tb = openTestBook('2025-04-01T09:00:00Z');
    const file = bigCsv(tb.dir, 6000);
    const job = 'import-job-0001';
    expect(valueOf(await call(tb.ctx, 'progress.get', { job }))).toBeNull();
    const seen: JobProgress[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const p = valueOf(await call(tb!.ctx, 'progress.get', { job }));
        if (p) seen.push(p);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const report = valueOf(await call(tb.ctx, 'import.run', { file, dryRun: false, job }));
    running = false;
    await poll;
    expect(report.imported.accounts).toBe(6000);
    expect(seen.some((p) => p.phase === 'read' && !p.finished && p.done > 0)).toBe(true);
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
    const last = valueOf(await call(tb.ctx, 'progress.get', { job }))!;
    expect(last).toMatchObject({ phase: 'write', done: 6000, total: 6000, finished: true });
  });

  it('a failed call still ends finished; a malformed job id is refused as invalid input', async () => {
    tb = openTestBook('2025-04-01T09:00:00Z');
    const job = 'missing-file-job';
    const failed = await call(tb.ctx, 'import.run', { file: path.join(tb.dir, 'nowhere.csv'), dryRun: true, job });
    expect(failed.ok).toBe(false);
    expect(valueOf(await call(tb.ctx, 'progress.get', { job }))).toMatchObject({ finished: true });
    const bad = await dispatch(tb.ctx, 'progress.get', { job: 'x; DROP TABLE' });
    expect(bad.ok ? '' : bad.error.code).toBe('invalid_input');
  });
});
