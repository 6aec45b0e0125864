/**
 * The desktop app's lifecycle: one instance (a second one focuses the first), the book's lock file, the IPC
 * channel onto the API map, and a clean close. Everything else lives in the services.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, utilityProcess, type IpcMainInvokeEvent } from 'electron';
import { openBook } from './db/book';
import { ensureBookDir } from './db/connection';
import { acquireBookLock } from './db/lock';
import { AppError } from './contract/errors';
import { dispatch, toApiError } from './handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from './services/context';
import { awayCounts, dueBetween, tick } from './services/scheduler';
import { ensureDailyBackup } from './services/backups';
import { rescoreIfWanted, useWorkerLauncher, withRescoreAfter, type LaunchWorker } from './services/rescoring';
import { STALE_SETTLE_MS } from './services/scoring';
import { settingValue, storeHostDefaults } from './services/settings';
import { awayNotice, createTicker, dueNotice, withTickerReports, type Ticker } from './services/ticker';
import type { Language } from './contract/messages';
import { createMainWindow, hardenSession } from './window';
import { COMMAND_CHANNEL, INVOKE_CHANNEL, type AppCommand } from './preload/channel';
import { backupNoticeTitle, menuTemplate } from './menu';

/**
 * Long work runs in Electron's utility process (Node's fork would need the RunAsNode fuse, which the packaged app
 * has off): the background rescore (services/rescoring.ts) talks to it over its parent port.
 */
const utilityLauncher: LaunchWorker = (entry) => {
  const child = utilityProcess.fork(entry.file, [], { execArgv: entry.execArgv, serviceName: 'Tradebook rescore', stdio: 'inherit' });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code: number | null) => listener(code, null)),
    kill: () => void child.kill(),
  };
};

const here = path.dirname(fileURLToPath(import.meta.url));

let mainWindow: BrowserWindow | null = null;
/** The context the API calls run in; its book is swapped by a restore (backups.restore). */
let context: ServiceContext | null = null;
let releaseLock: (() => void) | null = null;
let ticker: Ticker | null = null;

/** Only our own window, showing our own file, may call the API. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, indexUrl: string): boolean {
  return window !== null && event.sender === window.webContents && (event.senderFrame?.url ?? '').startsWith(indexUrl.split('#')[0]!);
}

async function start(): Promise<void> {
  const file = process.env.TRADEBOOK_DB ?? path.join(app.getPath('userData'), 'tradebook.db');
  try {
    ensureBookDir(file);
    releaseLock = acquireBookLock(file, 'desktop');
    // The packaged app carries better-sqlite3 built for Electron's ABI apart from the Node build.
    const nativeBinding = app.isPackaged ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined;
    context = { book: openBook(file, { create: true, ...(nativeBinding ? { nativeBinding } : {}) }), now: systemClock, host: hostFacts() };
  } catch (error) {
    dialog.showErrorBox('Tradebook', toApiError(error, 'en').message);
    app.exit(1);
    return;
  }
  const ctx = context;
  // A damaged book is not opened for work (the window writes as it runs); a read-only one is shown, unchanged (issue 15).
  if (ctx.book.damage !== null) {
    dialog.showErrorBox('Tradebook', toApiError(new AppError('book_damaged', { path: ctx.book.file, problem: ctx.book.damage }), 'en').message);
    await ctx.book.close();
    app.exit(1);
    return;
  }
  if (!ctx.book.readOnly) await storeHostDefaults(ctx);
  hardenSession();
  // The scheduler ticks here too (every minute, on resume and unlock), so a hidden or sleeping window misses
  // nothing. System notifications come from here (the window may not show any): one batched "due now" for the
  // to-dos that fell due since the last look, and after the clock jumped one summary of what fell due meanwhile.
  const notify = async (notice: (language: Language) => { title: string; body: string }) => {
    if (!Notification.isSupported()) return;
    const language = await settingValue<Language>(ctx, 'language').catch(() => 'en' as const);
    new Notification(notice(language)).show();
  };
  useWorkerLauncher(utilityLauncher);
  ticker = createTicker({
    run: (now) => tick(ctx, now),
    summarise: (from, to) => awayCounts(ctx, from, to),
    onSummary: (summary) => notify((language) => awayNotice(language, summary)),
    dueBetween: (from, to) => dueBetween(ctx, from, to),
    onDue: (due) => notify((language) => dueNotice(language, due)),
    // An order that moved the quintile bounds: the book is rescored in the background once things settle.
    afterTick: () => {
      rescoreIfWanted(ctx, STALE_SETTLE_MS);
      ensureDailyBackup(ctx);
    },
  });
  const running = ticker;
  // A read-only book: no scheduler ticks (each would be refused); every change the window asks for says why.
  if (!ctx.book.readOnly) {
    running.start();
    // A book never scored (freshly seeded or imported, or from an older version): scored now, in the background.
    rescoreIfWanted(ctx, STALE_SETTLE_MS);
    powerMonitor.on('resume', () => void running.trigger('resume'));
    powerMonitor.on('unlock-screen', () => void running.trigger('unlock'));
  }
  const send = withRescoreAfter(withTickerReports(running, dispatch));
  // The menu, in the book's language (built again when a setting changes: the language may have).
  const command = (name: AppCommand) => mainWindow?.webContents.send(COMMAND_CHANNEL, name);
  const applyMenu = async () => {
    const language = await settingValue<Language>(ctx, 'language').catch(() => 'en' as const);
    const menu = menuTemplate(language, process.platform, {
      newLead: () => command('newLead'),
      shortcuts: () => command('shortcuts'),
      backupNow: () => {
        void send(ctx, 'backups.create', {}, language).then((result) => {
          if (!Notification.isSupported()) return;
          const body = result.ok ? (result.value as { file: string }).file : result.error.message;
          new Notification({ title: backupNoticeTitle(language, result.ok), body }).show();
        });
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
  };
  await applyMenu();
  const indexHtml = path.join(here, '..', 'renderer', 'index.html');
  const indexUrl = `file://${indexHtml}`;
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    const language = await settingValue<Language>(ctx, 'language').catch(() => 'en' as const);
    if (!isTrustedSender(event, mainWindow, indexUrl) || typeof name !== 'string') {
      return { ok: false, error: { code: 'forbidden_origin', message: 'Refused.' } };
    }
    const result = await send(ctx, name, input, language);
    if (name === 'settings.set' && result.ok) void applyMenu();
    return result;
  });
  mainWindow = createMainWindow({ preloadPath: path.join(here, 'preload.cjs'), indexHtml, title: 'Tradebook' });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.enableSandbox();
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void ticker?.stop();
    void context?.book.close();
    releaseLock?.();
  });
}
