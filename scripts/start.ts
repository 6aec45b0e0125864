// `npm start`: the desktop app where Electron's binary is installed; otherwise one line saying why, then web
// mode (`tradebook serve`, which prints {"url":…,"token":…}). Builds the renderer first when it is stale.
// Electron's availability is read from its files: requiring `electron` from Node would try to download it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureRendererBuilt, repoRoot as root } from './renderer-build';

export function electronBinary(rootDir = root): string | null {
  const dir = path.join(rootDir, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile) || !fs.existsSync(path.join(dir, 'dist'))) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function main(): void {
  const args = process.argv.slice(2);
  ensureRendererBuilt();
  const electron = electronBinary();
  let child: ChildProcess;
  if (electron) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-desktop.mjs')], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
    child = spawn(electron, [path.join(root, 'dist/main/main.mjs'), ...args], { cwd: root, stdio: 'inherit' });
  } else {
    process.stderr.write('Electron is not installed on this machine (its binary could not be downloaded): starting web mode instead.\n');
    child = spawn(process.execPath, [path.join(root, 'bin/tradebook.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts/start.ts')) main();
