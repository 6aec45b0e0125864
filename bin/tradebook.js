#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx tradebook` works right after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/bin.ts');
