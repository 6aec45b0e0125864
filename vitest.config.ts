import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests of the desktop shell import its main module, a singleton (one app, one window): each file gets a fresh one. */
const desktopShell = ['tests/unit/desktop-main.test.ts', 'tests/unit/desktop-damaged-book.test.ts'];

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
    projects: [
      {
        extends: true,
        // The rest share a worker's loaded modules from file to file (no per-file re-import of the services: about
        // a quarter of npm test's time). Every test builds its own book, server and browser, so nothing else is shared.
        test: { name: 'book', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: desktopShell, isolate: false },
      },
      { extends: true, test: { name: 'desktop-shell', include: desktopShell, isolate: true } },
    ],
  },
});
