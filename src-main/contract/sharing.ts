/**
 * Team sharing (issue 11): share files out and in, a user's merge of two duplicate accounts, removing an account
 * (a tombstone that travels), and the public pool (公海) of accounts nobody followed up. Spread into ./index.ts.
 */
import { z } from 'zod';
import { Account, AccountListItem } from './models';
import { CalendarDate, Id, Limit, Offset, ShortText } from './primitives';
import { jobField } from './progress';

/** A path on this computer's disk, as typed or picked. */
const FilePath = z.string().trim().min(1).max(4096);

const Cell = z.union([z.string(), z.number(), z.null()]);

export const ShareExportSummary = z.object({
  file: z.string(),
  kind: z.enum(['full', 'changes']),
  since: z.string().nullable(),
  records: z.record(z.string(), z.number()),
  total: z.number(),
  bytes: z.number(),
  seconds: z.number(),
});
export type ShareExportSummary = z.infer<typeof ShareExportSummary>;

export const ShareConflict = z.object({
  table: z.string(),
  id: z.string(),
  field: z.string(),
  mine: Cell,
  theirs: Cell,
  kept: z.enum(['mine', 'theirs']),
});
export type ShareConflict = z.infer<typeof ShareConflict>;

const Counts = z.object({ added: z.number(), updated: z.number(), unchanged: z.number() });

export const ShareMergeReport = z.object({
  file: z.string(),
  dryRun: z.boolean(),
  from: z.object({ site: z.string(), kind: z.enum(['full', 'changes']), since: z.string().nullable(), createdAt: z.string() }),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  tables: z.record(z.string(), Counts),
  conflicts: z.array(ShareConflict),
  /** The conflicts beyond the first 1,000 are counted, not listed. */
  moreConflicts: z.number(),
  backup: z.string().nullable(),
  seconds: z.number(),
});
export type ShareMergeReport = z.infer<typeof ShareMergeReport>;

export const PoolAccount = AccountListItem.extend({ lastFollowUp: z.string().nullable(), idleDays: z.number().nullable() });
export type PoolAccount = z.infer<typeof PoolAccount>;

export const sharingContract = {
  'share.export': {
    input: z.strictObject({ out: FilePath, since: CalendarDate.optional(), ...jobField }),
    output: ShareExportSummary,
  },
  'share.merge': {
    input: z.strictObject({ file: FilePath, dryRun: z.boolean().default(false), ...jobField }),
    output: ShareMergeReport,
  },
  /** The user's merge of a duplicate: `id` points to the survivor `into` from now on and its records follow. */
  'accounts.merge': { input: z.strictObject({ id: Id, into: Id }), output: Account },
  'accounts.remove': { input: z.strictObject({ id: Id }), output: Account },
  /** 公海: accounts whose owner has not followed them up for `poolDays` days (setting; 0 = off). */
  'accounts.pool': { input: z.strictObject({ limit: Limit, offset: Offset }), output: z.object({ days: z.number(), total: z.number(), accounts: z.array(PoolAccount) }) },
  'accounts.claim': { input: z.strictObject({ id: Id, owner: ShortText.pipe(z.string().min(1)) }), output: Account },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
