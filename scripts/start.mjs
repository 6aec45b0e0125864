// `npm start`: the desktop app where Electron's binary is installed; otherwise one line saying why, then web
// mode (`tradebook serve`, which prints {"url":…,"token":…}). Builds the renderer first when it is stale.
// Electron availability is read from its files: requiring `electron` from Node would try to download it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureRenderer() {
  const index = path.join(root, 'dist/renderer/index.html');
  const sources = Math.max(newestMtime(path.join(root, 'src-renderer')), newestMtime(path.join(root, 'src-main/contract')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function electronBinary() {
  const dir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile) || !fs.existsSync(path.join(dir, 'dist'))) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

ensureRenderer();
const electron = electronBinary();
let child;
if (electron) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-desktop.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  child = spawn(electron, [path.join(root, 'dist/main/main.mjs'), ...args], { cwd: root, stdio: 'inherit' });
} else {
  process.stderr.write('Electron is not installed on this machine (its binary could not be downloaded): starting web mode instead.\n');
  child = spawn(process.execPath, [path.join(root, 'bin/tradebook.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
