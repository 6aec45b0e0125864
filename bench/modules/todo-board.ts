/**
 * The to-do board on the 50k book (issue 13 item 3): `todos.board` windows of 100 rows — what the virtual board
 * reads as it scrolls — at the top, the middle and the end of every open to-do (the scheduler module ran before, so
 * the book holds its ~66k). Baseline in the same run: the raw index read of the same 100 ids at the same offset
 * (no groups, no rendering); for comparison, the one-query way — sort the whole board by group, priority, due, id
 * and take a page — which costs what the board no longer does.
 */
import { openBook } from '../../src-main/db/book';
import { dispatch } from '../../src-main/handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { median, percentile, round, timeSync } from '../lib/stats';

const PAGE = 100;
const RUNS = 25;

export const todoBoard: BenchModule = {
  name: 'todo-board',
  async run(ctx) {
    const book = openBook(ctx.bookFile);
    const svc: ServiceContext = { book, now: systemClock, host: hostFacts() };
    const rows: Row[] = [];
    try {
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const open = book.sqlite.prepare("SELECT count(*) FROM tasks WHERE status = 'open' AND deleted_at IS NULL").pluck().get() as number;
      const read = async (offset: number) => {
        const result = await dispatch(svc, 'todos.board', { at, offset, limit: PAGE });
        if (!result.ok) throw new Error(`todos.board failed: ${result.error.message}`);
        return result.value as { rows: unknown[] };
      };
      const raw = book.sqlite.prepare("SELECT t.id FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL ORDER BY t.due_at, t.id LIMIT @limit OFFSET @offset").pluck();
      const sortAll = book.sqlite.prepare(
        `SELECT t.id FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id WHERE t.status = 'open' AND t.deleted_at IS NULL
         ORDER BY CASE WHEN t.due_at < @at THEN 0 ELSE 1 END, coalesce(a.priority_channel, 0) DESC, t.due_at, t.id LIMIT @limit OFFSET @offset`,
      ).pluck();
      rows.push(info('open to-dos on the board', open));
      for (const [label, offset] of [['top', 0], ['middle', Math.floor(open / 2)], ['end', Math.max(0, open - PAGE)]] as const) {
        await read(offset); // warm-up
        const times: number[] = [];
        let got = 0;
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          got = (await read(offset)).rows.length;
          times.push(performance.now() - t0);
        }
        const rawTimes = timeSync(RUNS, () => raw.all({ limit: PAGE, offset }));
        rows.push(
          target(`todos.board ${PAGE} rows at the ${label} p95 (${got} rows)`, round(percentile(times, 95)), 'ms', { max: 50 },
            offset === 0 ? 'todo-board: dispatch(todos.board {at, offset, limit: 100}) in-process, warm; what the virtual board reads per page as it scrolls' : undefined),
          info(`  todos.board at the ${label} p50`, round(percentile(times, 50)), 'ms'),
          baseline(`  raw index read of the same ${PAGE} ids p50`, round(median(rawTimes)), 'ms'),
        );
      }
      const sorted = timeSync(3, () => sortAll.all({ at, limit: PAGE, offset: Math.floor(open / 2) }));
      rows.push(info('  for comparison: one query sorting the whole board, middle page', round(median(sorted)), 'ms'));
    } finally {
      await book.close();
    }
    return rows;
  },
};
