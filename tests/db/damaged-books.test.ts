/**
 * Issue 15: the book refuses to be damaged further. A book whose pages were overwritten behind Tradebook's back
 * is opened for reading only: every write (through the CLI, `call` or in process) is refused with a message that
 * names the book, the problem and what to do, `init` refuses it, reads still work, and the file stays
 * byte-identical. A damaged book that needs a migration is refused before anything is written; a book from a newer
 * Tradebook makes `check` fail naming both versions. Real books in temp dirs, the real CLI.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { openSqlite } from '../../src-main/db/connection';
import { latestSchemaVersion, migrate } from '../../src-main/db/migrator';
import { leftAsVerified, recordVerified, verifiedFile } from '../../src-main/db/verified';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { runTradebook } from '../cli/run-cli';
import { damageOrders, errorOf, removeDir, tempDir, valueOf } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const NOW = '2025-06-30T10:00:00Z';
const ctxOf = (file: string, options: Parameters<typeof openBook>[1] = {}): ServiceContext => ({
  book: openBook(file, options),
  now: () => NOW,
  host: { timeZone: 'Asia/Shanghai', country: 'CN' },
});

/** A book with 40 seeded accounts and their orders, closed cleanly (so it is recorded as verified). */
async function seededBook(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  dirs.push(dir);
  const file = path.join(dir, 'book.db');
  const ctx = ctxOf(file, { create: true });
  valueOf(await call(ctx, 'book.seed', { accounts: 40, seed: 3, asOf: '2025-06-30' }));
  await ctx.book.close();
  return file;
}

describe('a damaged book (issue 15)', () => {
  it('every write is refused, naming the book and the way out; reads work; init refuses; the file is byte-identical', async () => {
    const file = await seededBook('tradebook-damaged-');
    damageOrders(file);
    const before = sha256(file);
    const add = await runTradebook(['--db', file, 'accounts', 'add', '--name', 'Nueva Óptica S.L.', '--country', 'ES']);
    expect(add.status).toBe(1);
    expect(add.stderr).toContain(`${file} is damaged (`);
    expect(add.stderr).toContain('Tradebook opened it for reading only, so nothing was written');
    expect(add.stderr).toContain('`tradebook check`');
    expect(add.stderr).toContain('`tradebook backups list`');
    const zh = await runTradebook(['--db', file, '--lang', 'zh-CN', '--json', 'call', 'accounts.add', '--input', '{"name":"Nueva Óptica S.L.","country":"ES"}']);
    expect(zh.status).toBe(1);
    expect(JSON.parse(zh.stdout)).toMatchObject({ ok: false, error: { code: 'book_damaged' } });
    expect(zh.stderr).toContain('已损坏');
    const init = await runTradebook(['--db', file, 'init']);
    expect([init.status, init.stderr.includes('is damaged (')]).toEqual([1, true]);
    // Reading the accounts still works: the user can get their data out.
    const list = await runTradebook(['--db', file, '--json', 'accounts', 'list', '--limit', '5']);
    expect(list.status, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(5);
    const check = await runTradebook(['--db', file, 'check']);
    expect(check.status).toBe(1);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(verifiedFile(file))).toBe(false);
  });

  it('in process: a write call gets book_damaged in the user’s language, the scheduler cannot write either', async () => {
    const file = await seededBook('tradebook-damaged-call-');
    damageOrders(file);
    const before = sha256(file);
    const ctx = ctxOf(file);
    try {
      expect(ctx.book.damage).not.toBeNull();
      const error = errorOf(await call(ctx, 'settings.set', { key: 'language', value: 'zh-CN' }, 'zh-CN'));
      expect(error.code).toBe('book_damaged');
      expect(error.message).toContain(`${file} 已损坏（`);
      expect(errorOf(await call(ctx, 'schedule.run', { now: NOW })).code).toBe('book_damaged');
      expect(valueOf(await call(ctx, 'accounts.count', {}))).toBe(40);
    } finally {
      await ctx.book.close();
    }
    expect(sha256(file)).toBe(before);
  });

  it('a damaged book that needs a migration is refused before anything is written (no half-migrated book)', async () => {
    const dir = tempDir('tradebook-damaged-old-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file, { create: true });
    migrate(db, { file, target: latestSchemaVersion() - 1 });
    db.exec("INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES ('01JNA0000000000000000000A1', 'Iluminación Castilla S.L.', 'ES', 'Europe/Madrid', '2025-06-02T08:00:00Z', '2025-06-02T08:00:00Z')");
    db.close();
    const pageSize = 4096;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, 2 * pageSize);
    fs.closeSync(fd);
    const before = sha256(file);
    const run = await runTradebook(['--db', file, 'accounts', 'list']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is damaged|damaged or is not a SQLite database/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-migration') || f.endsWith('.bak'))).toEqual([]);
  });

  it('a book is checked at open only when it is not as Tradebook left it', async () => {
    const file = await seededBook('tradebook-verified-');
    expect(leftAsVerified(file)).toBe(true);
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(leftAsVerified(file)).toBe(false);
    const ctx = ctxOf(file);
    expect(ctx.book.damage).toBeNull();
    await ctx.book.close();
    expect(leftAsVerified(file)).toBe(true);
    fs.rmSync(verifiedFile(file));
    expect(leftAsVerified(file)).toBe(false);
  });

  it('a book left as verified is opened without its quick check (a large book opens at once), and checked again once it is touched', async () => {
    const file = await seededBook('tradebook-skip-check-');
    damageOrders(file);
    // Damage that the record does not see (recorded after it) is not looked for: the proof that the check was skipped.
    recordVerified(file);
    expect(leftAsVerified(file)).toBe(true);
    const skipped = ctxOf(file);
    expect(skipped.book.damage).toBeNull();
    skipped.book.sqlite.close();
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const checked = ctxOf(file);
    expect(checked.book.damage).not.toBeNull();
    await checked.book.close();
  });
});

describe('a book from a newer Tradebook (issue 15)', () => {
  it('`check` says it is newer, naming both versions, and exits non-zero; the file is unchanged', async () => {
    const file = await seededBook('tradebook-newer-');
    const known = latestSchemaVersion();
    const db = openSqlite(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, 'future', '2027-01-01T00:00:00Z', '9.0.0')").run(known + 1);
    db.close();
    const before = sha256(file);
    const check = await runTradebook(['--db', file, 'check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`schema ${known + 1}; this version knows up to ${known}`);
    const json = await runTradebook(['--db', file, '--json', 'check']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'book_newer' } });
    expect(sha256(file)).toBe(before);
  });
});
