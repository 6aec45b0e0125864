/**
 * Backups of the open book (issue 11, item 5): a consistent snapshot made by SQLite (`VACUUM INTO`, never a copy
 * of the live file) into a temp name in the backups folder, synced, then renamed to
 * `<book>.<YYYYMMDDTHHMMSSZ>.<reason>.bak`; after each one the folder is rotated (7 daily + 4 weekly, see
 * src-main/domain/backups.ts). Restoring a file is in ./restore.ts.
 *
 * For callers that are about to change the book (import, merge): `await backupBook(ctx, 'import')` first, outside
 * any transaction (SQLite cannot VACUUM inside one). The desktop and `serve` tickers call `ensureDailyBackup(ctx)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors';
import { warningMessages, type Language } from '../contract/messages';
import type { BackupEntry, BookWarning } from '../contract/backups';
import { mapSqliteError, type Sqlite } from '../db/connection';
import { backupsFolderOf } from '../db/migrator';
import {
  backupFileName,
  cloudSyncFolder,
  parseBackupFileName,
  planRotation,
  type BackupReason,
} from '../domain/backups';
import type { ServiceContext } from './context';

export type { BackupEntry };

const DAY_MS = 24 * 60 * 60 * 1000;
/** A temp file left by a backup that was killed half-way is removed at the next rotation once it is this old. */
const STALE_TEMP_MS = DAY_MS;
const TEMP = /\.\d+\.tmp$/;

/** The folder this book's backups go to (the `backupFolder` setting, else `backups/` beside the book). */
export function backupsFolder(ctx: ServiceContext): string {
  return backupsFolderOf(ctx.book.sqlite, ctx.book.file);
}

/** Makes the folder when missing; a setting that names a file (or a parent that is one) is a clear error. */
export function ensureBackupsFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    if (fs.statSync(folder).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new AppError('backup_folder', { path: folder });
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a directory for syncing; its renames are journalled by NTFS. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A consistent snapshot of `sqlite` at `target`: `VACUUM INTO` a temp name beside it, fsync (SQLite does not sync
 * what VACUUM INTO writes), rename. A failure leaves no file behind and `target` as it was.
 */
export function snapshotInto(sqlite: Sqlite, target: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
    fsyncFile(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw mapSqliteError(error, target);
  }
  fsyncDir(path.dirname(target));
}

/** The backups of the book named `bookName` in `folder`, newest first (other files there are left alone). */
export function listBackupFiles(folder: string, bookName: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed || parsed.book !== bookName) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) entries.push({ file, takenAt: parsed.takenAt, reason: parsed.reason, bytes: stat.size });
    } catch {
      // removed while we looked
    }
  }
  return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

export function listBackups(ctx: ServiceContext): BackupEntry[] {
  return listBackupFiles(backupsFolder(ctx), path.basename(ctx.book.file));
}

/** Deletes what the rotation drops and the temp files of backups killed long ago; returns the files removed. */
export function rotateBackups(folder: string, bookName: string, now: string): string[] {
  const entries = listBackupFiles(folder, bookName).map((e) => ({ ...e, name: path.basename(e.file) }));
  const removed: string[] = [];
  for (const entry of planRotation(entries, now).remove) {
    try {
      fs.rmSync(entry.file, { force: true });
      removed.push(entry.file);
    } catch {
      // kept for the next rotation (a file held open on Windows, say)
    }
  }
  const nowMs = Date.parse(now);
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(`${bookName}.`) || !TEMP.test(name)) continue;
    const file = path.join(folder, name);
    try {
      if (nowMs - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
  return removed;
}

/** Backs the open book up now (for `reason`), then rotates the folder. Call it outside any transaction. */
export function backupBook(ctx: ServiceContext, reason: BackupReason): BackupEntry {
  const folder = backupsFolder(ctx);
  ensureBackupsFolder(folder);
  const bookName = path.basename(ctx.book.file);
  const name = backupFileName(bookName, ctx.now(), reason);
  const file = path.join(folder, name);
  snapshotInto(ctx.book.sqlite, file);
  const takenAt = parseBackupFileName(name)!.takenAt;
  try {
    rotateBackups(folder, bookName, ctx.now());
  } catch {
    // A folder that cannot be tidied still holds the new backup.
  }
  return { file, takenAt, reason, bytes: fs.statSync(file).size };
}

/**
 * The automatic daily backup: makes one (reason `daily`) when the newest backup of the book is 24 hours old or
 * older, or there is none; returns it, or null when a recent one exists. Backups dated in the future (a clock
 * that was wrong) do not count as recent.
 */
export function ensureDailyBackup(ctx: ServiceContext): BackupEntry | null {
  const nowMs = Date.parse(ctx.now());
  const newest = listBackups(ctx).find((e) => Date.parse(e.takenAt) <= nowMs);
  if (newest && nowMs - Date.parse(newest.takenAt) < DAY_MS) return null;
  return backupBook(ctx, 'daily');
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
}

/** The cloud-sync folder holding the book, by its path as given and as resolved through links. */
export function bookCloudFolder(file: string, platform: string = process.platform): ReturnType<typeof cloudSyncFolder> {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const absolute = paths.resolve(file);
  const found = cloudSyncFolder(absolute, platform);
  if (found || platform !== process.platform) return found;
  try {
    return cloudSyncFolder(paths.join(fs.realpathSync(paths.dirname(absolute)), paths.basename(absolute)), platform);
  } catch {
    return null;
  }
}

/** What `book.info` warns about: a book inside a cloud-sync folder (the sync tool can corrupt a live SQLite file). */
export function bookWarnings(file: string, language: Language, platform: string = process.platform): BookWarning[] {
  if (file === ':memory:') return [];
  const folder = bookCloudFolder(file, platform);
  if (!folder) return [];
  const messages = warningMessages[language] ?? warningMessages.en;
  const shown = (platform === 'win32' ? path.win32 : path.posix).resolve(file);
  return [{ code: 'cloud_sync', folder, message: fill(messages.cloud_sync, { path: shown, folder }) }];
}
