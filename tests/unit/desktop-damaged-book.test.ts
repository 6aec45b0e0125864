/**
 * Issue 15 in the desktop shell (a fake electron, as in desktop-main.test.ts): a damaged book is not opened for work
 * — the window would write as it runs — the user gets an error box naming the book and the way out, the app exits,
 * and the book is byte-identical afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { app, BrowserWindow, dialog } from '../fakes/electron';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import { damageOrders, removeDir, tempDir, valueOf } from '../db/temp-book';

const dir = tempDir('tradebook-desktop-damaged-');
const book = path.join(dir, 'book.db');
afterAll(() => removeDir(dir));
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('desktop shell: a damaged book (issue 15)', () => {
  it('shows an error box naming the book and the way out, opens no window, exits 1; the file is unchanged', async () => {
    const ctx = { book: openBook(book, { create: true }), now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
    valueOf(await call(ctx, 'book.seed', { accounts: 40, seed: 3, asOf: '2025-06-30' }));
    await ctx.book.close();
    damageOrders(book);
    const before = sha256(book);
    process.env.TRADEBOOK_DB = book;
    await import('../../src-main/main');
    app.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 500));
    delete process.env.TRADEBOOK_DB;
    expect(app.exitCode).toBe(1);
    expect(BrowserWindow.created).toHaveLength(0);
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]![1]).toContain(`${book} is damaged (`);
    expect(dialog.errors[0]![1]).toContain('`tradebook backups list`');
    app.emit('will-quit');
    expect(sha256(book)).toBe(before);
    expect(fs.existsSync(`${book}.lock`)).toBe(false);
  });
});
