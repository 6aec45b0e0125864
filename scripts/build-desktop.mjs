// Bundles the desktop shell for Electron: dist/main/main.mjs (ESM, packages external) and
// dist/main/preload.cjs (one CommonJS file, as a sandboxed preload must be; only `electron` external).
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/main.ts'],
  outfile: 'dist/main/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
});
await build({
  entryPoints: ['src-main/preload/index.ts'],
  outfile: 'dist/main/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
