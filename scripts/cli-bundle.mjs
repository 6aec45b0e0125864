// The CLI as one ESM file (dist/cli/tradebook.mjs, npm packages external), rebuilt with esbuild whenever
// src-main is newer: starting it takes a fraction of running the TypeScript through tsx, which matters for
// `serve` start-up and for scripts that call the CLI many times. Written to a temp file and renamed, so
// processes starting at the same moment never load a half-written bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = path.join(root, 'dist/cli/tradebook.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The bundle's path, built first when missing or stale; null when it cannot be built (then use tsx). */
export async function freshCliBundle() {
  try {
    const built = fs.existsSync(bundlePath) ? fs.statSync(bundlePath).mtimeMs : 0;
    if (built >= newestSource(path.join(root, 'src-main'))) return bundlePath;
    const { build } = await import('esbuild');
    const temp = `${bundlePath}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
    await build({
      entryPoints: [path.join(root, 'src-main/cli/bin.ts')],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    fs.renameSync(temp, bundlePath);
    return bundlePath;
  } catch {
    return null;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!(await freshCliBundle())) process.exit(1);
}
