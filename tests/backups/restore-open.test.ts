/**
 * `backups.restore`: restoring a backup from inside the running app (web mode, desktop), where the process has the
 * book open and locked. The book becomes the backup's content, the book as it was is a `restore` backup, the
 * context goes on with the restored book (the next calls read and write it), and a refused file leaves the open book
 * untouched and usable. Also through real HTTP (`tradebook serve`'s server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { listBackups } from '../../src-main/services/backups';
import { startWebServer } from '../../src-main/web/server';
import { errorOf, removeDir, tempDir, valueOf } from '../db/temp-book';
import { accountNames, clockBook, fileSnapshot, integrity, type ClockBook } from './helpers';

let b: ClockBook;
let good: string;
let work: string;

beforeEach(async () => {
  b = await clockBook('2025-03-15T09:00:00Z');
  good = valueOf(await call(b.ctx, 'backups.create', {})).file;
  work = tempDir('tradebook-restore-open-');
  b.at('2025-03-16T09:00:00Z');
  valueOf(await call(b.ctx, 'accounts.add', { name: 'Added After The Backup Ltd', country: 'GB' }));
});

afterEach(async () => {
  await b.ctx.book.close();
  removeDir(b.dir);
  removeDir(work);
});

const names = () => accountNames(b.ctx.book.sqlite);

describe('backups.restore in the running app', () => {
  it('the open book becomes the backup; the book as it was is kept; the app goes on with the restored book', async () => {
    const before = b.ctx.book;
    expect(names()).toContain('Added After The Backup Ltd');
    b.at('2025-03-17T09:00:00Z');
    const report = valueOf(await call(b.ctx, 'backups.restore', { file: good }));
    expect(report).toMatchObject({ book: b.file, restoredFrom: good, accounts: 6, damaged: null });
    expect(report.previous?.reason).toBe('restore');

    expect(b.ctx.book).not.toBe(before);
    expect(before.sqlite.open).toBe(false);
    expect(names()).not.toContain('Added After The Backup Ltd');
    expect(names()).toHaveLength(6);
    expect(integrity(b.file)).toBe('ok');
    // The book as it was, before the restore, is in the backups folder with the account added after the backup.
    const kept = fileSnapshot(report.previous!.file);
    expect(kept.accounts!.some((row) => row.includes('Added After The Backup Ltd'))).toBe(true);
    expect(listBackups(b.ctx).map((e) => e.file)).toContain(report.previous!.file);

    // The next calls read and write the restored book.
    const added = valueOf(await call(b.ctx, 'accounts.add', { name: 'After The Restore GmbH', country: 'DE' })) as Account;
    expect(valueOf(await call(b.ctx, 'accounts.get', { id: added.id })).name).toBe('After The Restore GmbH');
    expect(valueOf(await call(b.ctx, 'accounts.count', {}))).toBe(7);
  });

  it('a refused file: a readable error in the chosen language, the open book unchanged and still the same', async () => {
    const before = b.ctx.book;
    const snapshot = fileSnapshot(b.file);
    const notABackup = path.join(work, 'notes.txt');
    fs.writeFileSync(notABackup, 'not a database at all, just some text that is long enough to be read');
    expect(errorOf(await call(b.ctx, 'backups.restore', { file: notABackup })).code).toBe('restore_not_sqlite');
    expect(errorOf(await call(b.ctx, 'backups.restore', { file: path.join(work, 'missing.bak') }, 'zh-CN')).message).toMatch(/没有可恢复的文件/);
    expect(errorOf(await call(b.ctx, 'backups.restore', { file: b.file })).code).toBe('restore_same_file');
    expect(errorOf(await call(b.ctx, 'backups.restore', { file: '' })).code).toBe('invalid_input');
    expect(b.ctx.book).toBe(before);
    expect(before.sqlite.open).toBe(true);
    expect(fileSnapshot(b.file)).toEqual(snapshot);
    expect(listBackups(b.ctx).filter((e) => e.reason === 'restore')).toEqual([]);
    expect(names()).toContain('Added After The Backup Ltd');
  });

  it('over real HTTP: the server answers from the restored book', async () => {
    const server = await startWebServer(b.ctx, { port: 0 });
    try {
      const post = async (name: string, input: unknown) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/call`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: JSON.stringify({ name, input }),
        });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
      };
      const restored = await post('backups.restore', { file: good });
      expect(restored.ok).toBe(true);
      const count = await post('accounts.count', {});
      expect(count).toEqual({ ok: true, value: 6 });
    } finally {
      await server.close();
    }
  });
});
