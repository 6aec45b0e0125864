import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('desktop shell: build', () => {
  it('bundles the main process as ESM, the rescore worker beside it, and the preload as one CommonJS file that needs only electron', () => {
    execFileSync(process.execPath, ['scripts/build-desktop.mjs'], { cwd: root });
    const preload = fs.readFileSync(path.join(root, 'dist/main/preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("tradebook"');
    const main = fs.readFileSync(path.join(root, 'dist/main/main.mjs'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toContain('requestSingleInstanceLock');
    // The background rescore's worker is built beside main.mjs, where services/rescoring.ts looks for it.
    expect(main).toContain('rescore-worker.mjs');
    const worker = fs.readFileSync(path.join(root, 'dist/main/rescore-worker.mjs'), 'utf8');
    expect(worker).toContain('parentPort');
    expect(worker).not.toMatch(/from "electron"/);
  });
});
