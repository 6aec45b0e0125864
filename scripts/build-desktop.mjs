// Bundles the desktop shell for Electron: dist/main/main.mjs (ESM, packages external), dist/main/rescore-worker.mjs
// (the background rescore's utility process) and dist/main/preload.cjs (one CommonJS file, as a sandboxed preload
// must be; only `electron` external).
import { build } from 'esbuild';

/** The main process and its utility-process worker: ESM, npm packages loaded from node_modules. */
const mainSide = { bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' };

await build({ ...mainSide, entryPoints: ['src-main/main.ts'], outfile: 'dist/main/main.mjs' });
// The background rescore's worker, run in Electron's utility process (services/rescoring.ts finds it beside main.mjs).
await build({ ...mainSide, entryPoints: ['src-main/workers/rescore.ts'], outfile: 'dist/main/rescore-worker.mjs' });
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
