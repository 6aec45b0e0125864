/** Test helpers: real books in temp directories, a fixed clock, and Result unwrapping. Not a test file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiError, Result } from '../../src-main/contract/errors';
import { openBook, type Book } from '../../src-main/db/book';
import { openSqlite, type Sqlite } from '../../src-main/db/connection';
import type { ServiceContext } from '../../src-main/services/context';

export function tempDir(prefix = 'tradebook-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface TestBook {
  dir: string;
  file: string;
  book: Book;
  ctx: ServiceContext;
  close(): Promise<void>;
}

/** A new book in its own temp dir, opened like the CLI does (`openBook(file, { create: true })`). */
export function openTestBook(now = '2025-03-15T09:00:00Z'): TestBook {
  const dir = tempDir();
  const file = path.join(dir, 'book.db');
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => now, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  return {
    dir,
    file,
    // The context's book: a restore (backups.restore) swaps it for the restored one.
    get book() {
      return ctx.book;
    },
    ctx,
    async close() {
      await ctx.book.close();
      removeDir(dir);
    },
  };
}

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf<T>(result: Result<T>): ApiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Names of the ordinary tables (FTS5 shadow tables included, the virtual table itself left out). */
export function tableNames(sqlite: Sqlite): string[] {
  const rows = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** Every row of every table: compare before and after to prove that nothing changed. */
export function snapshot(sqlite: Sqlite): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of tableNames(sqlite)) {
    out[name] = sqlite
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return out;
}

export function rowCount(sqlite: Sqlite, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** Overwrites two leaf pages of the orders table with a fixed pattern, as a sync tool or a bad disk might. */
export function damageOrders(file: string): void {
  const db = openSqlite(file);
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'orders' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  if (pages.length <= 4) throw new Error(`the book has only ${pages.length} order pages: seed more orders`);
  const fd = fs.openSync(file, 'r+');
  for (const { pageno } of pages.slice(2, 4)) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageno - 1) * pageSize);
  fs.closeSync(fd);
}
