// The CLI as ESM files built by esbuild (npm packages external, code split so that heavy parts such as the
// holiday data load only for the commands that need them), rebuilt whenever src-main is newer. Starting it
// takes a fraction of running the TypeScript through tsx, which matters for `serve` start-up and for scripts
// that call the CLI many times.
//
// Each build goes to its own directory, dist/cli-<newest source mtime>/, made complete under a temp name and
// then renamed into place: a process never loads a half-written build, and a running process's chunks are
// never replaced under it. The directory sits two levels below the repository, like src-main/<area>/, so the
// code's relative paths to migrations/ and dist/renderer/ hold in the bundle too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** Builds older than an hour are removed (a process still running from one has long loaded what it needs). */
function removeOldBuilds(current) {
  for (const name of fs.readdirSync(dist)) {
    if (!name.startsWith('cli-') || name === current) continue;
    const full = path.join(dist, name);
    if (Date.now() - fs.statSync(full).mtimeMs > 3_600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** Bundled into the CLI rather than loaded file by file from node_modules (see the build options). */
const BUNDLED = new Set(['kysely', 'zod', 'libphonenumber-js', 'date-holidays', 'temporal-polyfill']);

function externalPackages() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !BUNDLED.has(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

/** The entry file of a build that matches the sources, built first when needed; null when none can be built. */
export async function freshCliBundle() {
  try {
    const name = `cli-${Math.floor(newestMtime(path.join(root, 'src-main')))}`;
    const entry = path.join(dist, name, 'tradebook.mjs');
    if (fs.existsSync(entry)) return entry;
    const { build } = await import('esbuild');
    const temp = path.join(dist, `${name}.tmp-${process.pid}`);
    await build({
      // The background rescore's worker is its own entry, beside the chunks (services/rescoring.ts finds it there).
      entryPoints: { tradebook: path.join(root, 'src-main/cli/bin.ts'), 'rescore-worker': path.join(root, 'src-main/workers/rescore.ts') },
      outdir: temp,
      bundle: true,
      splitting: true,
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // npm packages stay external (loaded from node_modules), except those whose ESM builds are hundreds of small
      // files (kysely alone is 263): bundled, they load in a few reads instead of one module resolution per file —
      // most of a CLI start, which tests and scripts pay on every call. (date-holidays brings astronomia and its calendars.)
      external: externalPackages(),
      banner: { js: "import { createRequire as __tbCreateRequire } from 'node:module'; const require = __tbCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    try {
      fs.renameSync(temp, path.join(dist, name));
    } catch {
      fs.rmSync(temp, { recursive: true, force: true }); // another process finished the same build first
    }
    removeOldBuilds(name);
    return fs.existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!(await freshCliBundle())) process.exit(1);
}
