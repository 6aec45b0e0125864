/**
 * The set-up every end-to-end test shares: a book in a temp folder (built by the test), `tradebook serve` on it,
 * Debian's Chromium with one page opened at the served address (en-US, the user in Asia/Shanghai), page errors
 * collected, and the same HTTP API the page uses for checking the server's side.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Result } from '../../src-main/contract/errors';
import { ensureRendererBuilt, launchChromium, serveBook, type Served } from '../../scripts/web-mode-harness';

export { seriousAxeViolations } from '../../scripts/web-mode-harness';

/** Chinese characters: the page switched to 中文. */
export const CJK = /[\u4e00-\u9fff]/;

/** The browser context every page starts from; a test adds its own viewport, permissions, … */
export const PAGE_DEFAULTS: BrowserContextOptions = { locale: 'en-US', timezoneId: 'Asia/Shanghai' };

export interface E2eOptions {
  /** The temp folder's name prefix. */
  prefix: string;
  /** Writes the book at `file` before it is served; without it, `serve` creates an empty book. */
  buildBook?: (file: string) => Promise<void>;
  /** Extra environment for `tradebook serve`. */
  env?: NodeJS.ProcessEnv;
  /** Added to PAGE_DEFAULTS. */
  context?: BrowserContextOptions;
  /** The page's default timeout (Playwright's is 30 s). */
  timeout?: number;
  /** Runs before the page first loads (init scripts, Playwright's clock). */
  beforeLoad?: (page: Page, context: BrowserContext) => Promise<void>;
}

export interface E2e {
  dir: string;
  file: string;
  served: Served;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every uncaught error of the page (and of any page the test adds with `watch`). */
  pageErrors: string[];
  /** Collects `page`'s uncaught errors into pageErrors. */
  watch(page: Page): void;
  /** One call over the HTTP API the page uses; throws on an error result. */
  api<T>(name: string, input: unknown): Promise<T>;
  /** Closes the browser, stops the server and removes the temp folder. */
  close(): Promise<void>;
}

/** Seeds, serves and opens the book; whatever was started is stopped again when a step fails. */
export async function openE2e(options: E2eOptions): Promise<E2e> {
  ensureRendererBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const file = path.join(dir, 'book.db');
  const pageErrors: string[] = [];
  let served: Served | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await served?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (options.buildBook) await options.buildBook(file);
    served = await serveBook(file, options.env);
    browser = await launchChromium();
    const context = await browser.newContext({ ...PAGE_DEFAULTS, ...options.context });
    const page = await context.newPage();
    if (options.timeout) page.setDefaultTimeout(options.timeout);
    const watch = (p: Page) => p.on('pageerror', (error) => pageErrors.push(error.message));
    watch(page);
    await options.beforeLoad?.(page, context);
    await page.goto(served.url);
    const server = served;
    return {
      dir,
      file,
      served,
      browser,
      context,
      page,
      pageErrors,
      watch,
      api: async <T>(name: string, input: unknown): Promise<T> => {
        const response = await fetch(new URL('/api/call', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: JSON.stringify({ name, input }),
        });
        const result = (await response.json()) as Result<T>;
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        return result.value;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * With TRADEBOOK_E2E_SHOTS set to a folder, `shot(name)` keeps a screenshot of the page as it is, with the window as
 * tall as the page's content (the page scrolls inside the shell); without it, shots are skipped.
 */
export function pageShots(page: Page): (name: string) => Promise<void> {
  const folder = process.env.TRADEBOOK_E2E_SHOTS;
  if (folder) fs.mkdirSync(folder, { recursive: true });
  return async (name) => {
    if (!folder) return;
    const viewport = page.viewportSize()!;
    const height = await page.locator('main > :last-child').evaluate((el) => el.scrollHeight + 120);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 4000)) });
    await page.screenshot({ path: path.join(folder, `${name}.png`) });
    await page.setViewportSize(viewport);
  };
}


