import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/renderer-build';
import { electronBinary } from '../../scripts/start';

describe('npm start', () => {
  it('finds Electron only where its binary is really installed', () => {
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-electron-'));
    const dir = path.join(fake, 'node_modules/electron');
    fs.mkdirSync(dir, { recursive: true });
    expect(electronBinary(fake)).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronBinary(fake)).toBeNull();
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronBinary(fake)).toBe(path.join(dir, 'dist', 'electron'));
    fs.rmSync(fake, { recursive: true, force: true });
  });

  it.skipIf(electronBinary(repoRoot) !== null)('without Electron says why in one line and starts web mode, printing the URL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--db', path.join(dir, 'book.db'), '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
    });
    const { url, token } = JSON.parse(line) as { url: string; token: string };
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
    expect(stderr.trim().split('\n')).toEqual(['Electron is not installed on this machine (its binary could not be downloaded): starting web mode instead.']);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    expect(fs.existsSync(path.join(dir, 'book.db.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
