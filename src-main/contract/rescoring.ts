/**
 * Rescoring the book in the background (issue 14 item 1): `scores.start` begins a full rescore in a process of its
 * own and answers at once; `scores.job` says how far it is; `scores.cancel` stops it with nothing changed. The app
 * starts one by itself when a book was never scored (freshly seeded or imported) or when something moved every
 * score (a merge, an import). `scores.run` still rescores within the call (the CLI's `tradebook score`).
 * Spread into the one contract map in ./index.ts.
 */
import { z } from 'zod';
import { ScoreRunSummary } from './models';
import { ScoreDate } from './primitives';

export const RescoreJob = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Why it started: the book was never scored, its scores went stale book-wide, or someone asked. */
  reason: z.enum(['first', 'stale', 'asked']),
  phase: z.enum(['read', 'score', 'write']),
  /** Accounts scored so far, of `total`. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: ScoreRunSummary.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type RescoreJob = z.infer<typeof RescoreJob>;

export const rescoringContract = {
  'scores.start': { input: z.strictObject({ asOf: ScoreDate.optional() }), output: RescoreJob },
  /** The book's latest background rescore, running or finished; null when none ran since the app started. */
  'scores.job': { input: z.strictObject({}), output: RescoreJob.nullable() },
  'scores.cancel': { input: z.strictObject({}), output: RescoreJob.nullable() },
} as const;
