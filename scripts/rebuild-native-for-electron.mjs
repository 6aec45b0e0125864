// Builds better-sqlite3 for Electron's ABI into dist/native/better_sqlite3.node, from a copy of the package,
// so the Node build in node_modules (tests, CLI, web mode) stays untouched. Needs network access to Electron's
// headers: part of `npm run package`, never of install or test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-native-'));
fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), path.join(work, 'better-sqlite3'), { recursive: true });
execFileSync('npx', ['--yes', '@electron/rebuild', '--version', electronVersion, '--module-dir', path.join(work, 'better-sqlite3'), '--force'], {
  stdio: 'inherit',
});
fs.mkdirSync(path.join(root, 'dist/native'), { recursive: true });
fs.copyFileSync(path.join(work, 'better-sqlite3/build/Release/better_sqlite3.node'), path.join(root, 'dist/native/better_sqlite3.node'));
console.log('dist/native/better_sqlite3.node built for Electron', electronVersion);
