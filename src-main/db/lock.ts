import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../contract/errors';

interface LockInfo {
  pid: number;
  host: string;
  kind: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockFile: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps a second desktop app or `serve` off the same book: `<book>.lock` holds the owner's pid. A lock left by
 * a process that is gone (crash, power loss) is taken over. The CLI does not lock; SQLite's busy timeout
 * serialises its writes with the app's.
 */
export function acquireBookLock(bookFile: string, kind: 'desktop' | 'serve'): () => void {
  const lockFile = `${bookFile}.lock`;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), kind, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const current = readLock(lockFile);
        if (current?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new AppError('book_cannot_open', { path: lockFile });
      const holder = readLock(lockFile);
      if (holder && holder.host === mine.host && alive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError('book_locked', { path: bookFile, pid: holder.pid });
      }
      if (holder && holder.host !== mine.host) throw new AppError('book_locked', { path: bookFile, pid: `${holder.pid}@${holder.host}` });
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('book_locked', { path: bookFile, pid: '?' });
}
