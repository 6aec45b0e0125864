#!/usr/bin/env node
// Runs the CLI from its esbuild build (made when src-main changes), or through tsx when no build can be made,
// so `npx tradebook` works right after `npm ci` without a separate build step.
import { freshCliBundle } from '../scripts/cli-bundle.mjs';

const bundle = await freshCliBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/bin.ts');
}
