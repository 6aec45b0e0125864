/**
 * A book Tradebook may read but not write (issue 15): the file, or the folder it is in, is not writable by this
 * user (a shared drive, a read-only volume, a file attribute). Reads must work, writes must say the book is
 * read-only and name it, and nothing may be left beside it.
 *
 * SQLite cannot do that by itself for a book in WAL mode (every Tradebook book is): a reader needs the -shm
 * wal-index beside the file and creates it, with an empty -wal, when it is missing — leaving both behind, because
 * a read-only connection cannot remove them — and fails in a read-only folder (SQLITE_READONLY_DIRECTORY).
 * better-sqlite3 is built without URI file names, so `immutable=1` is not available either. So:
 * - no -shm beside the book: no connection has it open (the last one to close removes it), so the file is at
 *   rest. It is copied — with a -wal waiting to be replayed, if any — into a private temp folder and read there;
 *   a file that changed while it was copied is copied again (then `book_busy`). SQLite never opens the original.
 * - a -shm beside the book: someone has it open (or left it open at a crash), so it is not copied; it is opened
 *   read-only in place, using the files already there, and nothing new is created.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/errors';

/** Whether this process can write the book and make files beside it (root can always). */
export function canWriteBook(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK | fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ReadOnlyCopy {
  /** The file SQLite opens: the private copy, or the book itself when it is open elsewhere. */
  file: string;
  /** Removes the private copy (nothing for a book read in place). */
  dispose(): void;
}

const sameStat = (a: fs.Stats, b: fs.Stats) => a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The file to open read-only for a book this process cannot write (see above). */
export function readableCopy(book: string): ReadOnlyCopy {
  if (fs.existsSync(`${book}-shm`)) return { file: book, dispose: () => undefined };
  for (let attempt = 0; attempt < 2; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-readonly-'));
    const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      const copy = path.join(dir, path.basename(book));
      const before = fs.statSync(book);
      fs.copyFileSync(book, copy);
      if (fs.existsSync(`${book}-wal`)) fs.copyFileSync(`${book}-wal`, `${copy}-wal`);
      if (sameStat(before, fs.statSync(book)) && !fs.existsSync(`${book}-shm`)) return { file: copy, dispose };
      dispose();
    } catch (error) {
      dispose();
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('disk_full', {});
      if ((error as NodeJS.ErrnoException).code === 'EACCES') throw new AppError('book_cannot_open', { path: book });
      throw error;
    }
  }
  throw new AppError('book_busy', {});
}
