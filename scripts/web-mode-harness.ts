/**
 * Web mode driven from outside, for the end-to-end tests and the benchmark: `tradebook serve` as a subprocess and
 * Debian's Chromium through playwright-core (Playwright's own browser download does not work here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser } from 'playwright-core';

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
