import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { app, BrowserWindow, ipcMain } from '../fakes/electron';
import { INVOKE_CHANNEL } from '../../src-main/preload/channel';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-desktop-'));
const book = path.join(dir, 'book.db');

afterAll(() => {
  app.emit('will-quit');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('desktop shell: lifecycle', () => {
  it('starts with the sandbox, a single-instance lock, the book locked, and IPC on the API map', async () => {
    process.env.TRADEBOOK_DB = book;
    await import('../../src-main/main');
    expect(app.sandboxEnabled).toBe(true);
    app.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 300));
    delete process.env.TRADEBOOK_DB;

    expect(fs.existsSync(`${book}.lock`)).toBe(true);
    const window = BrowserWindow.created.at(-1)!;
    expect(window.loaded).toMatch(/renderer[/\\]index\.html$/);
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const trusted = { sender: window.webContents, senderFrame: { url: `file://${window.loaded}` } };
    const added = (await handler(trusted, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' })) as {
      ok: boolean;
      value: { timeZone: string };
    };
    expect(added).toMatchObject({ ok: true, value: { timeZone: 'Europe/Madrid' } });
    expect(await handler(trusted, 'accounts.add', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handler(trusted, 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_handler' } });

    const stranger = { sender: {}, senderFrame: { url: 'https://evil.example/' } };
    expect(await handler(stranger, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    const otherFrame = { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } };
    expect(await handler(otherFrame, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
  });

  it('a second instance focuses the first window', () => {
    const window = BrowserWindow.created.at(-1)!;
    let focused = false;
    window.focus = () => {
      focused = true;
    };
    app.emit('second-instance');
    expect(focused).toBe(true);
  });

  it('closing releases the book lock', async () => {
    app.emit('will-quit');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(`${book}.lock`)).toBe(false);
  });
});
