import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, ipcMain, Menu, Notification, powerMonitor } from '../fakes/electron';
import { COMMAND_CHANNEL, INVOKE_CHANNEL } from '../../src-main/preload/channel';

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

    // The menu is set in the book's language; New lead sends the window its command; a new language rebuilds it.
    type Item = { id?: string; label?: string; click?: () => void; submenu?: Item[] };
    const menuItems = () => (Menu.applied!.template as Item[]).flatMap((item) => [item, ...(item.submenu ?? [])]);
    expect((Menu.applied!.template as Item[]).map((item) => item.label)).toContain('File');
    menuItems().find((item) => item.id === 'newLead')!.click!();
    expect(window.webContents.sent.at(-1)).toEqual([COMMAND_CHANNEL, 'newLead']);
    expect(await handler(trusted, 'settings.set', { key: 'language', value: 'zh-CN' })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(menuItems().find((item) => item.id === 'newLead')!.label).toBe('新线索');
    expect(await handler(trusted, 'settings.set', { key: 'language', value: 'en' })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stranger = { sender: {}, senderFrame: { url: 'https://evil.example/' } };
    expect(await handler(stranger, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    const otherFrame = { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } };
    expect(await handler(otherFrame, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
  });

  it('ticks the scheduler on resume and unlock; after the laptop slept, one system notification sums it up', async () => {
    expect(powerMonitor.listeners.get('resume')).toHaveLength(1);
    expect(powerMonitor.listeners.get('unlock-screen')).toHaveLength(1);
    const window = BrowserWindow.created.at(-1)!;
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const trusted = { sender: window.webContents, senderFrame: { url: `file://${window.loaded}` } };
    const buyer = (await handler(trusted, 'accounts.add', { name: 'María García', country: 'ES' })) as { value: { id: string } };
    const received = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
    expect(await handler(trusted, 'inquiries.add', { accountId: buyer.value.id, source: 'website', receivedAt: received })).toMatchObject({ ok: true });

    // Unlocked a minute later: a tick, no summary.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      powerMonitor.emit('unlock-screen');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Notification.shown).toEqual([]);
      // Three days asleep: the inquiry's 2 h reply-by fell due in the gap; resume → one tick, one notification.
      vi.setSystemTime(Date.now() + 3 * 86_400_000);
      powerMonitor.emit('resume');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Notification.shown).toEqual([
        { title: 'Tradebook: while you were away', body: '1 to-do fell due while the computer was asleep; 1 overdue in all.' },
      ]);
      // The window's own tick hears of what the background ticks did (its board reloads): the R1 task created and
      // marked overdue (and whatever else today's date brings, such as a greeting before a festival).
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const reported = (await handler(trusted, 'schedule.run', { now })) as { ok: true; value: { created: number; overdue: number } };
      expect(reported.value.overdue).toBe(1);
      expect(reported.value.created).toBeGreaterThanOrEqual(1);
      expect(await handler(trusted, 'schedule.run', { now })).toEqual({ ok: true, value: { created: 0, updated: 0, overdue: 0 } });

      // Snoozed to 30 s from now, the reply falls due while the app is open: one "due now" notification from the main
      // process (the window may not show notifications: window.ts denies the permission).
      const todos = (await handler(trusted, 'todos.list', {})) as { value: { id: string; title: string; rule: string | null }[] };
      const reply = todos.value.find((todo) => todo.rule === 'R1')!;
      const until = new Date(Math.floor(Date.now() / 1000) * 1000 + 30_000).toISOString().replace(/\.000Z$/, 'Z');
      expect(await handler(trusted, 'tasks.snooze', { id: reply.id, until })).toMatchObject({ ok: true });
      vi.setSystemTime(Date.now() + 60_000);
      powerMonitor.emit('unlock-screen');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Notification.shown.at(-1)).toEqual({ title: 'Tradebook: 1 to-do is due', body: `María García: ${reply.title}` });
      expect(Notification.shown).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
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
