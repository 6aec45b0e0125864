/** Runs the CLI as a user does — `node bin/tradebook.js …` in a subprocess — and collects its output. Not a test file. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(root, 'bin', 'tradebook.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Who a command runs as: a uid and gid (a test running as root runs the CLI as `nobody`, for whom permissions hold). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Runs a command in the repository root with extra environment variables (undefined removes one). */
export function runCommand(command: string, args: string[], env: Record<string, string | undefined> = {}, as?: RunAs): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, TRADEBOOK_BUSY_MS: undefined, ...env }, ...(as ?? {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function runTradebook(args: string[], env: Record<string, string | undefined> = {}, as?: RunAs): Promise<Run> {
  return runCommand(process.execPath, [bin, ...args], env, as);
}
