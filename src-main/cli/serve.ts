import { spawn } from 'node:child_process';
import { AppError, renderMessage } from '../contract/errors';
import type { Language } from '../contract/messages';
import { openBook, type Book } from '../db/book';
import { ensureBookDir } from '../db/connection';
import { acquireBookLock } from '../db/lock';
import { dispatch } from '../handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../services/context';
import { awayCounts, tick } from '../services/scheduler';
import { ensureDailyBackup } from '../services/backups';
import { rescoreIfWanted, withRescoreAfter } from '../services/rescoring';
import { STALE_SETTLE_MS } from '../services/scoring';
import { storeHostDefaults } from '../services/settings';
import { createTicker, withTickerReports } from '../services/ticker';
import { startWebServer } from '../web/server';

/** The serve lock, taken after the book opened (a damaged or read-only book is told apart first); the book is closed when it is held. */
function lockOrClose(book: Book, file: string): () => void {
  try {
    return acquireBookLock(file, 'serve');
  } catch (error) {
    void book.close();
    throw error;
  }
}

export interface ServeArgs {
  file: string;
  port: number;
  open: boolean;
  rendererDir?: string;
  out(text: string): void;
  /** Notices for the person who started it (a read-only book). */
  err?(text: string): void;
  lang?: Language;
  env: NodeJS.ProcessEnv;
}

/** Whether a browser can be shown: not under CI, and on Linux only with a display. */
export function canOpenBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (env.CI) return false;
  if (platform === 'linux') return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * `tradebook serve`: locks the book, serves it until SIGINT/SIGTERM, prints one JSON line with the URL. The scheduler
 * ticks every minute in this process too (src-main/services/ticker.ts) — standing aside while the page ticks it
 * itself, and reporting its work to the page's next `schedule.run`, which shows the summary after a sleep (Web
 * Notifications). `TRADEBOOK_TICKER=off` turns it off (tests that move the page's clock).
 */
export async function serve(args: ServeArgs): Promise<void> {
  ensureBookDir(args.file);
  // A damaged book is not served: the page writes as it works (the scheduler, settings), and nothing may add to
  // the damage; `tradebook check` and the backups are the way out (issue 15).
  const book = openBook(args.file, { create: true });
  if (book.damage !== null) {
    await book.close();
    throw new AppError('book_damaged', { path: args.file, problem: book.damage });
  }
  // A read-only book is served for reading: no lock (it cannot be written, by this server or another), no
  // scheduler ticks, no settings or backups written; every change the page asks for is refused, naming the book.
  const release = book.readOnly ? () => undefined : lockOrClose(book, args.file);
  let opened: ServiceContext | undefined;
  try {
    // The context's book, not a copy of it: a restore (backups.restore) swaps it for the restored book.
    const ctx: ServiceContext = { book, now: systemClock, host: hostFacts() };
    opened = ctx;
    if (book.readOnly) args.err?.(renderMessage(args.lang ?? 'en', 'book_serving_readonly', { path: args.file }));
    else await storeHostDefaults(ctx);
    const ticker =
      args.env.TRADEBOOK_TICKER === 'off' || book.readOnly
        ? null
        : createTicker({
            run: (now) => tick(ctx, now),
            summarise: (from, to) => awayCounts(ctx, from, to),
            // An order that moved the quintile bounds: the book is rescored once things settle (issue 7).
            // An order that moved the quintile bounds: the book is rescored in the background once things settle.
            afterTick: () => {
              rescoreIfWanted(ctx, STALE_SETTLE_MS);
              ensureDailyBackup(ctx);
            },
            log: (message, error) => process.stderr.write(`${message}: ${error instanceof Error ? error.message : String(error)}\n`),
          });
    const server = await startWebServer(ctx, {
      port: args.port,
      ...(args.rendererDir ? { rendererDir: args.rendererDir } : {}),
      ...(ticker ? { dispatch: withRescoreAfter(withTickerReports(ticker, dispatch)) } : {}),
    });
    // A book never scored (freshly seeded or imported, or from an older version): scored now, in the background
    // (background work is the ticker's: TRADEBOOK_TICKER=off leaves the book to the test that moves the clock).
    if (ticker) rescoreIfWanted(ctx, STALE_SETTLE_MS);
    // A page is about to open and tick the scheduler itself: the server's first interval ticks give it two minutes.
    ticker?.foregroundRan();
    ticker?.start();
    args.out(JSON.stringify({ url: server.url, token: server.token }));
    if (args.open && canOpenBrowser(args.env)) openBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('SIGHUP', stop);
    });
    await ticker?.stop();
    await server.close();
  } finally {
    await opened?.book.close();
    release();
  }
}
