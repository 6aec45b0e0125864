/**
 * The background rescore on the 50k book (issue 14 item 1): `scores.start` runs the full rescore in its own process
 * while this one keeps answering `accounts.list` (50 rows at spread offsets, every 10 ms). Baseline in the same run:
 * the same calls with nothing running beside them. Also: how long the rescore takes there, process start included.
 */
import { openBook } from '../../src-main/db/book';
import { dispatch } from '../../src-main/handlers/dispatch';
import type { RescoreJob } from '../../src-main/contract/rescoring';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { rescoreJob, rescoreSettled } from '../../src-main/services/rescoring';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { percentile, round } from '../lib/stats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const backgroundRescore: BenchModule = {
  name: 'background-rescore',
  async run(ctx) {
    const book = openBook(ctx.bookFile);
    const svc: ServiceContext = { book, now: systemClock, host: hostFacts() };
    const rows: Row[] = [];
    try {
      let offset = 0;
      const list = async () => {
        offset = (offset + 4_999) % 49_000;
        const t0 = performance.now();
        const result = await dispatch(svc, 'accounts.list', { limit: 50, offset });
        if (!result.ok) throw new Error(`accounts.list failed: ${result.error.message}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < 20; i++) await list(); // warm-up
      const idle: number[] = [];
      for (let i = 0; i < 150; i++) {
        idle.push(await list());
        await sleep(10);
      }
      const started = await dispatch(svc, 'scores.start', {});
      if (!started.ok) throw new Error(`scores.start failed: ${started.error.message}`);
      const during: number[] = [];
      while (rescoreJob(svc)?.state === 'running') {
        during.push(await list());
        await sleep(10);
      }
      const job = (await rescoreSettled(svc)) as RescoreJob;
      if (job.state !== 'done') throw new Error(`the background rescore ended ${job.state}: ${job.error?.message ?? ''}`);
      const seconds = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt)) / 1000;
      rows.push(
        target(`accounts.list p95 while a 50k rescore runs in the background (${during.length} calls)`, round(percentile(during, 95)), 'ms', { max: 50 },
          'background-rescore: dispatch(accounts.list {limit: 50, offset}) every 10 ms in-process while scores.start’s worker process rescores the book'),
        info('  accounts.list p50 meanwhile', round(percentile(during, 50)), 'ms'),
        baseline('  accounts.list p95 with nothing beside it', round(percentile(idle, 95)), 'ms'),
        info(`  the background rescore of ${job.summary!.accounts.toLocaleString('en')} accounts, process start included`, round(seconds), 's'),
      );
    } finally {
      await book.close();
    }
    return rows;
  },
};
