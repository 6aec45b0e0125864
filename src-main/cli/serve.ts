import { spawn } from 'node:child_process';
import { openBook } from '../db/book';
import { ensureBookDir } from '../db/connection';
import { acquireBookLock } from '../db/lock';
import { dispatch } from '../handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../services/context';
import { awayCounts, tick } from '../services/scheduler';
import { ensureDailyBackup } from '../services/backups';
import { refreshStaleScores, STALE_SETTLE_MS } from '../services/scoring';
import { storeHostDefaults } from '../services/settings';
import { createTicker, withTickerReports } from '../services/ticker';
import { startWebServer } from '../web/server';

export interface ServeArgs {
  file: string;
  port: number;
  open: boolean;
  rendererDir?: string;
  out(text: string): void;
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
  const release = acquireBookLock(args.file, 'serve');
  let opened: ServiceContext | undefined;
  try {
    // The context's book, not a copy of it: a restore (backups.restore) swaps it for the restored book.
    const ctx: ServiceContext = { book: openBook(args.file, { create: true }), now: systemClock, host: hostFacts() };
    opened = ctx;
    await storeHostDefaults(ctx);
    const ticker =
      args.env.TRADEBOOK_TICKER === 'off'
        ? null
        : createTicker({
            run: (now) => tick(ctx, now),
            summarise: (from, to) => awayCounts(ctx, from, to),
            // An order that moved the quintile bounds: the book is rescored once things settle (issue 7).
            afterTick: (now) => {
              refreshStaleScores(ctx.book.sqlite, ctx.host, now, STALE_SETTLE_MS);
              ensureDailyBackup(ctx);
            },
            log: (message, error) => process.stderr.write(`${message}: ${error instanceof Error ? error.message : String(error)}\n`),
          });
    const server = await startWebServer(ctx, {
      port: args.port,
      ...(args.rendererDir ? { rendererDir: args.rendererDir } : {}),
      ...(ticker ? { dispatch: withTickerReports(ticker, dispatch) } : {}),
    });
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
