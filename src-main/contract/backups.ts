/** The backups calls of the API (spread into the one contract map in ./index.ts). */
import { z } from 'zod';
import { backupReasons, cloudSyncServices } from '../domain/backups';

/** One backup file of the book: where it is, when it was taken and why. */
export const BackupEntry = z.object({
  file: z.string(),
  takenAt: z.string(),
  reason: z.enum(backupReasons),
  bytes: z.number(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** A risk to the book that does not stop it from opening (book.info `warnings`). */
export const BookWarning = z.object({
  code: z.literal('cloud_sync'),
  folder: z.enum(cloudSyncServices),
  message: z.string(),
});
export type BookWarning = z.infer<typeof BookWarning>;

/** What a restore did: the book is now the backup's content (upgraded when older); the book as it was is a backup. */
export const RestoreReport = z.object({
  book: z.string(),
  restoredFrom: z.string(),
  backupSchemaVersion: z.number(),
  schemaVersion: z.number(),
  accounts: z.number(),
  previous: BackupEntry.nullable(),
  damaged: z.string().nullable(),
});
export type RestoreReport = z.infer<typeof RestoreReport>;

export const backupsContract = {
  /** The book's backups, newest first. */
  'backups.list': { input: z.strictObject({}), output: z.array(BackupEntry) },
  /** Backs the book up now (reason `manual`) and rotates the folder. */
  'backups.create': { input: z.strictObject({}), output: BackupEntry },
  /**
   * Puts a backup file back in place of the open book: the file is checked like an incoming file first (nothing
   * changes when it is refused), the book as it is is backed up (reason `restore`), then the book is swapped for the
   * backup's content and reopened — the app keeps running on the restored book.
   */
  'backups.restore': { input: z.strictObject({ file: z.string().trim().min(1).max(4096) }), output: RestoreReport },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
