import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests of the desktop shell import its main module, a singleton (one app, one window): each file gets a fresh one. */
const desktopShell = ['tests/unit/desktop-main.test.ts', 'tests/unit/desktop-damaged-book.test.ts'];
/**
 * Files that time themselves (a sanity bound on wall time, or a user-facing time such as a lead taken in under 10 s):
 * they run alone, after the rest, with both cores free. Beside two busy workers Playwright's keystrokes alone took
 * three times as long (a 3 s lead measured 11 s).
 */
const timed = ['tests/import/scale.test.ts', 'tests/e2e/quick-add.test.ts'];

export default defineConfig({
  resolve: {
    // Electron's binary cannot run here and requiring it from Node would try to download it: unit tests of
    // the desktop shell get a recording fake with the same shape.
    alias: { electron: fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker, yet most files wait on a child process (the CLI, Chromium,
    // a crash cycle's victim) for much of their time: two workers use both cores.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // The rest share a worker's loaded modules from file to file (no per-file re-import of the services: about
        // a quarter of npm test's time). Every test builds its own book, server and browser, so nothing else is shared.
        test: { name: 'book', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: [...desktopShell, ...timed], isolate: false },
      },
      { extends: true, test: { name: 'desktop-shell', include: desktopShell, isolate: true } },
      { extends: true, test: { name: 'timed', include: timed, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
