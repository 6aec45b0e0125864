/**
 * Progress of a long call (an import, a merge, an export) for the page that started it. The caller names the work
 * with a `job` id of its own making and passes it with the call; while the call runs, `progress.get` with the same id
 * answers how far it is. Spread into the one contract map in ./index.ts.
 */
import { z } from 'zod';

/** A caller-made id (the renderer uses crypto.randomUUID()). */
export const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'tb.job_id');

export const jobPhases = ['read', 'write', 'validate', 'merge', 'derive', 'export'] as const;
export type JobPhase = (typeof jobPhases)[number];

export const JobProgress = z.object({
  phase: z.enum(jobPhases),
  done: z.number().int().min(0),
  /** During an import's 'read' the total is estimated from how much of the file has been read. */
  total: z.number().int().min(0),
  /** The call has returned (its result is with the caller). */
  finished: z.boolean(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** The optional field a long call takes so that its progress can be asked for. */
export const jobField = { job: JobId.optional() };

export const progressContract = {
  /** How far the call started with this `job` id is; null when no such call has reported (yet). */
  'progress.get': { input: z.strictObject({ job: JobId }), output: JobProgress.nullable() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
