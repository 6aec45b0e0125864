/**
 * Raw better-sqlite3 on the same book, no Kysely, no zod, no dispatch: what the disk/CPU give today, so a
 * slow app row can be told apart from a slow machine.
 */
import Database from 'better-sqlite3';
import { baseline, type BenchModule } from '../lib/types';
import { median, round, timeSync } from '../lib/stats';

export const sqliteBaselines: BenchModule = {
  name: 'sqlite-baselines',
  async run(ctx) {
    const db = new Database(ctx.bookFile, { readonly: true, fileMustExist: true });
    try {
      const count = db.prepare('SELECT count(*) AS n FROM orders');
      const sum = db.prepare('SELECT sum(amount_base) AS s FROM orders');
      const byName = db.prepare('SELECT * FROM accounts ORDER BY name LIMIT 50');
      const byIndex = db.prepare('SELECT * FROM accounts WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 50');
      const fts = db.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH '\"Tech\"*'");
      const openClose = () => new Database(ctx.bookFile, { readonly: true, fileMustExist: true }).close();
      return [
        baseline('raw: SELECT count(*) FROM orders (median of 3)', round(median(timeSync(3, () => count.get()))), 'ms'),
        baseline('raw: full scan SELECT sum(amount_base) FROM orders (median of 3)', round(median(timeSync(3, () => sum.get()))), 'ms'),
        baseline('raw: SELECT * FROM accounts ORDER BY name LIMIT 50 (median of 5)', round(median(timeSync(5, () => byName.all()))), 'ms'),
        baseline('raw: same via accounts_by_name index (median of 5)', round(median(timeSync(5, () => byIndex.all()))), 'ms'),
        baseline('raw: FTS count MATCH "Tech"* (median of 5)', round(median(timeSync(5, () => fts.get()))), 'ms'),
        baseline('raw: open + close a connection (median of 5)', round(median(timeSync(5, openClose))), 'ms'),
      ];
    } finally {
      db.close();
    }
  },
};
