/** Helpers for the backup tests: a book with some rows in it, a movable clock, file hashes. Not a test file. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openBook } from '../../src-main/db/book';
import type { Sqlite } from '../../src-main/db/connection';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { snapshot, tempDir, valueOf } from '../db/temp-book';

export interface ClockBook {
  dir: string;
  file: string;
  ctx: ServiceContext;
  /** Sets the clock every service reads. */
  at(instant: string): void;
  close(): Promise<void>;
}

/** A new book `<dir>/<name>` with a few accounts, contacts and orders, at a clock the test moves. */
export async function clockBook(now = '2025-03-15T09:00:00Z', dir = tempDir('tradebook-backups-'), name = 'book.db'): Promise<ClockBook> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const book = openBook(file, { create: true });
  let clock = now;
  const ctx: ServiceContext = { book, now: () => clock, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  valueOf(await call(ctx, 'book.seed', { accounts: 6, ordersPerAccount: 3, seed: 3 }));
  return {
    dir,
    file,
    ctx,
    at(instant) {
      clock = instant;
    },
    async close() {
      await book.close();
    },
  };
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every row of every table of a SQLite file, opened read-only. */
export function fileSnapshot(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Opens a copy read-write to make it hostile or broken. */
export function tamper(file: string, work: (db: Sqlite) => void): void {
  const db = new Database(file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

export function accountNames(db: Sqlite): string[] {
  return (db.prepare('SELECT name FROM accounts ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}
