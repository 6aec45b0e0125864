/** The backups calls of the API (spread into the one contract map in ./index.ts). Restore is CLI-only: it replaces the open book. */
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

export const backupsContract = {
  /** The book's backups, newest first. */
  'backups.list': { input: z.strictObject({}), output: z.array(BackupEntry) },
  /** Backs the book up now (reason `manual`) and rotates the folder. */
  'backups.create': { input: z.strictObject({}), output: BackupEntry },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
