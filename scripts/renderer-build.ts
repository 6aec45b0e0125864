/** Builds the renderer bundle (dist/renderer) when it is missing or older than the code it is built from. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureRendererBuilt(root = repoRoot): void {
  const index = path.join(root, 'dist/renderer/index.html');
  const sources = Math.max(...['src-renderer', 'src-main/contract', 'src-main/domain'].map((d) => newestMtime(path.join(root, d))));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    // Always a production build: under vitest NODE_ENV is "test", which would give React's slow development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}`);
}
