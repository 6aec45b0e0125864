/**
 * Backups of a book (issue 11, item 5), the pure part: how a backup file is named, how names are read back,
 * which backups the rotation keeps (7 daily + 4 weekly) and whether a path lies inside a cloud-sync folder.
 * No Node imports: the services layer lists the folder, writes the files and deletes what this drops.
 */
import { Temporal } from 'temporal-polyfill';

export const backupReasons = ['daily', 'manual', 'migration', 'import', 'merge', 'restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

/** A backup file as read from its name: `takenAt` is an instant `YYYY-MM-DDTHH:MM:SSZ`. */
export interface BackupName {
  name: string;
  /** The file name of the book it is a copy of (`book.db`). */
  book: string;
  takenAt: string;
  reason: BackupReason;
}

/** How many days (the newest backup of each) and then ISO weeks (the newest of each) the rotation keeps. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** Every backup younger than this is kept, so the copy made before an import survives the merge that follows it. */
export const KEEP_ALL_MS = 24 * 60 * 60 * 1000;

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const NAME = new RegExp(`^(.+)\\.(\\d{8}T\\d{6}Z)\\.(${backupReasons.join('|')})\\.bak$`);
/** The migrator's copies before issue 11: `<book>.schema-N.<stamp>.bak`. */
const LEGACY_MIGRATION_NAME = /^(.+)\.schema-\d+\.(\d{8}T\d{6}Z)\.bak$/;

function isReason(text: string): text is BackupReason {
  return (backupReasons as readonly string[]).includes(text);
}

/** `2025-03-15T09:00:00Z` (any ISO instant) → `20250315T090000Z`. */
export function backupStamp(takenAt: string): string {
  const instant = Temporal.Instant.from(takenAt).round({ smallestUnit: 'second', roundingMode: 'floor' });
  return instant.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
}

function instantOfStamp(stamp: string): string | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const text = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  try {
    return Temporal.Instant.from(text).toString({ smallestUnit: 'second' }) === text ? text : null;
  } catch {
    return null;
  }
}

/** `<book-basename>.<YYYYMMDDTHHMMSSZ>.<reason>.bak`, e.g. `book.db.20250315T090000Z.daily.bak`. */
export function backupFileName(bookName: string, takenAt: string, reason: BackupReason): string {
  if (!isReason(reason)) throw new Error(`unknown backup reason: ${String(reason)}`);
  return `${bookName}.${backupStamp(takenAt)}.${reason}.bak`;
}

/** Reads a backup file's name back; null for anything else (temp files, other files in the folder). */
export function parseBackupFileName(name: string): BackupName | null {
  const current = NAME.exec(name);
  if (current) {
    const takenAt = instantOfStamp(current[2]!);
    const reason = current[3]!;
    return takenAt && isReason(reason) ? { name, book: current[1]!, takenAt, reason } : null;
  }
  const legacy = LEGACY_MIGRATION_NAME.exec(name);
  if (legacy) {
    const takenAt = instantOfStamp(legacy[2]!);
    return takenAt ? { name, book: legacy[1]!, takenAt, reason: 'migration' } : null;
  }
  return null;
}

/** The UTC day of an instant, and the ISO week it falls in (`2025-W11`). */
function dayOf(takenAt: string): string {
  return takenAt.slice(0, 10);
}

function isoWeekOf(takenAt: string): string {
  const date = Temporal.PlainDate.from(dayOf(takenAt));
  return `${date.yearOfWeek}-W${String(date.weekOfYear).padStart(2, '0')}`;
}

export interface RotationEntry {
  name: string;
  takenAt: string;
  reason: BackupReason;
}

export interface RotationPlan<T extends RotationEntry> {
  keep: T[];
  remove: T[];
}

/**
 * Which backups to keep: the newest of each of the 7 most recent (UTC) days that have a backup, then the newest
 * of each of the 4 most recent ISO weeks among the older ones. Every reason counts alike: a copy taken before a
 * migration, import, merge or restore is a backup of its day. The newest backup is always kept, and so is every
 * backup of the last 24 hours and any dated after `now` (a clock that was wrong must not make real backups look
 * old). Both lists are newest first.
 */
export function planRotation<T extends RotationEntry>(entries: readonly T[], now: string): RotationPlan<T> {
  const nowMs = Temporal.Instant.from(now).epochMilliseconds;
  const ms = (e: T) => Temporal.Instant.from(e.takenAt).epochMilliseconds;
  const sorted = [...entries].sort((a, b) => ms(b) - ms(a) || b.name.localeCompare(a.name));
  const kept = new Set<T>();
  const past: T[] = [];
  for (const entry of sorted) {
    if (ms(entry) > nowMs) kept.add(entry);
    else past.push(entry);
  }
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const entry of past) {
    const day = dayOf(entry.takenAt);
    if (nowMs - ms(entry) < KEEP_ALL_MS) kept.add(entry);
    if (days.has(day)) continue;
    if (days.size < KEEP_DAILY) {
      days.add(day);
      kept.add(entry);
      continue;
    }
    // Beyond the daily ones: the first (newest) backup met in each of the next four weeks.
    const week = isoWeekOf(entry.takenAt);
    if (weeks.has(week) || weeks.size >= KEEP_WEEKLY) continue;
    weeks.add(week);
    kept.add(entry);
  }
  if (sorted[0]) kept.add(sorted[0]);
  return { keep: sorted.filter((e) => kept.has(e)), remove: sorted.filter((e) => !kept.has(e)) };
}

export const cloudSyncServices = ['Dropbox', 'OneDrive', 'iCloud Drive', 'Google Drive'] as const;
export type CloudSyncService = (typeof cloudSyncServices)[number];

function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(path) || path.startsWith('\\\\');
}

/**
 * The cloud-sync tool whose folder holds `absPath` (a book's absolute path), read from the path's folder names:
 *   Dropbox       …/Dropbox/…, …/Dropbox (Personal)/…, ~/Library/CloudStorage/Dropbox(-Team)/…
 *   OneDrive      …/OneDrive/…, C:\Users\x\OneDrive - Contoso\…, ~/Library/CloudStorage/OneDrive-Personal/…
 *   iCloud Drive  ~/Library/Mobile Documents/…(com~apple~CloudDocs and app folders), C:\Users\x\iCloudDrive\…
 *   Google Drive  …/Google Drive/…, ~/Library/CloudStorage/GoogleDrive-x@y/…, G:\My Drive\…, …/Shared drives/…,
 *                 /Volumes/GoogleDrive/…
 * Names compare without case (the file systems of Windows and macOS ignore it). `platform` 'win32' splits on both
 * slashes; elsewhere only on '/', unless the path is plainly a Windows one (`C:\…`, `\\server\…`).
 */
export function cloudSyncFolder(absPath: string, platform?: string): CloudSyncService | null {
  const windows = platform === 'win32' || (platform === undefined && isWindowsPath(absPath));
  const segments = absPath
    .split(windows ? /[\\/]+/ : /\/+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  for (const [i, segment] of segments.entries()) {
    const parent = segments[i - 1];
    // macOS File Provider folders: ~/Library/CloudStorage/Dropbox, OneDrive-Personal, GoogleDrive-x@y…
    if (parent === 'cloudstorage') {
      if (/^dropbox($|-)/.test(segment)) return 'Dropbox';
      if (/^onedrive($|-)/.test(segment)) return 'OneDrive';
      if (/^googledrive($|-)/.test(segment)) return 'Google Drive';
    }
    if (segment === 'dropbox' || /^dropbox \(.+\)$/.test(segment)) return 'Dropbox';
    if (segment === 'onedrive' || segment.startsWith('onedrive - ')) return 'OneDrive';
    if (segment === 'icloud drive' || segment === 'iclouddrive' || segment === 'com~apple~clouddocs') return 'iCloud Drive';
    if (segment === 'mobile documents' && parent === 'library') return 'iCloud Drive';
    if (segment === 'google drive' || segment === 'googledrive' || segment === 'my drive' || segment === 'shared drives') return 'Google Drive';
  }
  return null;
}
