/**
 * Not part of `npm run bench`: compares the SQL accounts.list sends for a search with two rewrites, on a copy
 * of the bench book (run `npm run bench` first). Results are checked to be identical to the current query.
 *
 *   npx tsx bench/diagnostics/search-variants.ts [BOOK]
 *
 * current   — accounts.id IN (search_docs.account_id WHERE doc IN (FTS MATCH)), as in services/accounts.ts
 * join      — the same as joins: FTS ⋈ search_docs ⋈ accounts (no schema change)
 * docsName  — search_docs carries the account name: sort the FTS matches by it, then fetch 50 accounts
 *             (needs a migration adding search_docs.name, kept by reindexAccount and the seed)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { toSearchQuery } from '../../src-main/domain/search-text';
import { median, percentile, round, timeSync } from '../lib/stats';
import { sampleQueries } from '../modules/search';

const VARIANTS: Record<string, string> = {
  current: `SELECT accounts.* FROM accounts WHERE accounts.deleted_at IS NULL AND accounts.id IN (
      SELECT search_docs.account_id FROM search_docs WHERE search_docs.doc IN (SELECT rowid FROM search_index WHERE search_index MATCH ?))
    ORDER BY accounts.name COLLATE NOCASE, accounts.id LIMIT 50`,
  join: `SELECT a.* FROM search_index s JOIN search_docs d ON d.doc = s.rowid JOIN accounts a ON a.id = d.account_id
    WHERE s.search_index MATCH ? AND a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE, a.id LIMIT 50`,
  docsName: `SELECT a.* FROM (
      SELECT d.account_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE s.search_index MATCH ?
      ORDER BY d.name COLLATE NOCASE, d.account_id LIMIT 50) k
    JOIN accounts a ON a.id = k.account_id WHERE a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE, a.id`,
};

const source = path.resolve(process.argv[2] ?? 'bench/.work/book.db');
const copy = path.join(path.dirname(source), 'diag-search.db');
fs.copyFileSync(source, copy);
const db = new Database(copy);
try {
  db.exec("ALTER TABLE search_docs ADD COLUMN name TEXT NOT NULL DEFAULT ''");
  db.exec('UPDATE search_docs SET name = (SELECT name FROM accounts WHERE accounts.id = search_docs.account_id)');
  const statements = Object.entries(VARIANTS).map(([name, sql]) => ({ name, stmt: db.prepare(sql) }));
  const matches = [...new Set(sampleQueries(source).map((q) => toSearchQuery(q.text)).filter((m): m is string => m !== null))];
  const times = new Map<string, number[]>(statements.map((s) => [s.name, []]));
  const worst: { match: string; ms: Record<string, number> }[] = [];
  for (const match of matches) {
    const expected = JSON.stringify(statements[0]!.stmt.all(match));
    const ms: Record<string, number> = {};
    for (const { name, stmt } of statements) {
      if (JSON.stringify(stmt.all(match)) !== expected) throw new Error(`${name} differs from current for ${match}`);
      ms[name] = median(timeSync(3, () => stmt.all(match)));
      times.get(name)!.push(ms[name]);
    }
    worst.push({ match, ms });
  }
  console.log(`${matches.length} distinct queries from the bench mix; raw SQL, median of 3 each`);
  for (const [name, t] of times) console.log(`${name.padEnd(9)} p50 ${round(percentile(t, 50))} ms  p95 ${round(percentile(t, 95))} ms  max ${round(Math.max(...t))} ms`);
  console.log('slowest for current:');
  for (const w of worst.sort((a, b) => b.ms.current! - a.ms.current!).slice(0, 8)) {
    console.log(`  ${w.match.padEnd(12)} ${Object.entries(w.ms).map(([k, v]) => `${k} ${round(v)}`).join('  ')}`);
  }
} finally {
  db.close();
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
}
