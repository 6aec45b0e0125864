/**
 * Web mode driven from outside, for the end-to-end tests and the benchmark: `tradebook serve` as a subprocess and
 * Debian's Chromium through playwright-core (Playwright's own browser download does not work here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

import { repoRoot as root } from './renderer-build';

export { ensureRendererBuilt } from './renderer-build';

export interface Served {
  url: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `tradebook serve --port 0` on a book and waits for its one JSON line. */
export async function serveBook(db: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [path.join(root, 'bin/tradebook.js'), '--db', db, 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, CI: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const { url, token } = JSON.parse(line) as { url: string; token: string };
  return {
    url,
    token,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Waits until no animation or transition runs: a few frames first (Mantine starts a dialog's transition a frame or
 * two after it mounts, so none may be running yet), then every running one to its end, until none is left. Kept as
 * source text: tsx's name-keeping helpers do not exist in the page.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 20; round++) {
      await frame();
      await frame();
      const running = document.getAnimations();
      if (running.length === 0) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  })()`);
}

/**
 * axe's serious and critical violations inside `include`, as "rule: targets" lines, once every running animation
 * and transition of the page has finished: a dialog axe reads while it fades in blends its text into the page
 * behind it and reads as low contrast that no user ever sees. The page stays in front.
 */
export async function seriousAxeViolations(page: Page, include = 'body'): Promise<string[]> {
  await settleAnimations(page);
  // Legacy mode: axe runs whole inside the page (the app has no frames). The default finishes in a blank page of its
  // own, which leaves this one in the background: its animation frames stop, and with them Playwright's waiting for
  // the next locator (account-editing's next click timed out).
  const results = await new AxeBuilder({ page }).setLegacyMode().include(include).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
