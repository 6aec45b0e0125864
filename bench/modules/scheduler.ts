/**
 * The scheduler on the 50,000-account book (issue 6), on a copy of the seeded book (the others keep theirs):
 * 1. rebuild every schedule: one `tick` with `rebuild: true` at the seed's as-of instant (all rules, all records),
 *    from no tasks — every task created. (The shared book may hold tasks already: the web-mode module's page ticks
 *    it at today's real date, so what a rebuild at the as-of instant would close depended on the day the bench ran.);
 * 2. top up the tasks table to 200,000 open tasks (future-due synthetic tasks, one INSERT … SELECT);
 * 3. a tick with nothing due: the median of 7 ticks one minute apart after a settling tick (nothing changed since).
 * Each time is shown beside a same-run `SELECT count(*) FROM tasks`, which says how fast this machine reads the table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBook } from '../../src-main/db/book';
import { hostFacts, type ServiceContext } from '../../src-main/services/context';
import { tick } from '../../src-main/services/scheduler';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { median, round } from '../lib/stats';

const OPEN_TASKS = 200_000;
const AS_OF = '2025-06-30T09:00:00Z';
const QUIET_TICK_MS = 50;
const REBUILD_MS = 5_000;

function minutesAfter(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const scheduler: BenchModule = {
  name: 'scheduler',
  async run(ctx) {
    const file = path.join(ctx.workDir, 'scheduler.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(ctx.bookFile, file);
    const book = openBook(file);
    book.sqlite.exec("DELETE FROM tasks; DELETE FROM settings WHERE key = 'scheduler.state'");
    let wall = '2025-06-30T09:00:00Z';
    const service: ServiceContext = { book, now: () => wall, host: hostFacts() };
    const rows: Row[] = [];
    try {
      const countTasks = () => {
        const t0 = performance.now();
        const n = (book.sqlite.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
        return { n, ms: performance.now() - t0 };
      };

      ctx.log('scheduler: rebuilding every schedule');
      const t0 = performance.now();
      const rebuilt = await tick(service, AS_OF, { rebuild: true });
      const rebuildMs = performance.now() - t0;
      const afterRebuild = countTasks();
      rows.push(target('scheduler: rebuild every schedule', round(rebuildMs), 'ms', { max: REBUILD_MS }, `created ${rebuilt.created}, updated ${rebuilt.updated}, overdue ${rebuilt.overdue}`));
      rows.push(baseline('scheduler: SELECT count(*) FROM tasks (after rebuild)', round(afterRebuild.ms), 'ms', `${afterRebuild.n.toLocaleString('en')} tasks`));

      const open = (book.sqlite.prepare("SELECT count(*) AS n FROM tasks WHERE status = 'open' AND deleted_at IS NULL").get() as { n: number }).n;
      const topUp = Math.max(0, OPEN_TASKS - open);
      ctx.log(`scheduler: adding ${topUp.toLocaleString('en')} open tasks (future due) to reach ${OPEN_TASKS.toLocaleString('en')}`);
      book.sqlite
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count),
             a AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM accounts),
             total AS (SELECT count(*) AS c FROM accounts)
           INSERT INTO tasks (id, account_id, kind, rule, dedupe_key, title, details, due_at, status, created_at, updated_at)
           SELECT printf('BENCH%021d', i), a.id, 'manual', NULL, 'bench:' || i, 'Call back', '{}',
                  strftime('%Y-%m-%dT%H:%M:%SZ', '2025-07-01T08:00:00Z', '+' || (i % 180) || ' days'), 'open', @wall, @wall
           FROM n JOIN a ON a.k = 1 + (i % (SELECT c FROM total))`,
        )
        .run({ count: topUp, wall });
      const openNow = (book.sqlite.prepare("SELECT count(*) AS n FROM tasks WHERE status = 'open' AND deleted_at IS NULL").get() as { n: number }).n;

      wall = '2025-06-30T09:01:00Z';
      await tick(service, minutesAfter(AS_OF, 1));
      const times: number[] = [];
      const changes: number[] = [];
      for (let i = 2; i <= 8; i++) {
        wall = minutesAfter('2025-06-30T09:00:00Z', i);
        const start = performance.now();
        const run = await tick(service, minutesAfter(AS_OF, i));
        times.push(performance.now() - start);
        changes.push(run.created + run.updated + run.overdue);
      }
      const quiet = countTasks();
      rows.push(
        target('scheduler: tick with nothing due', round(median(times)), 'ms', { max: QUIET_TICK_MS }, `median of 7; ${openNow.toLocaleString('en')} open tasks; changes ${changes.join(',')}`),
      );
      rows.push(baseline('scheduler: SELECT count(*) FROM tasks (same run)', round(quiet.ms), 'ms', `${quiet.n.toLocaleString('en')} tasks`));
      rows.push(info('scheduler: open tasks', openNow));
    } finally {
      await book.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
    return rows;
  },
};
