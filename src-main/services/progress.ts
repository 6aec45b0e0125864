/**
 * The progress of long calls, kept in memory in the process that runs them (the desktop's main process, `tradebook
 * serve`), by the caller's job id. Bounded: at most MAX_JOBS are kept and a finished one is forgotten after KEEP_MS.
 */
import type { JobPhase, JobProgress } from '../contract/progress';

const MAX_JOBS = 64;
const KEEP_MS = 10 * 60_000;

interface Entry {
  progress: JobProgress;
  at: number;
}

const jobs = new Map<string, Entry>();

function prune(now: number): void {
  for (const [id, entry] of jobs) if (entry.progress.finished && now - entry.at > KEEP_MS) jobs.delete(id);
  while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

function put(job: string, progress: JobProgress): void {
  const now = Date.now();
  jobs.delete(job); // re-inserted last: the oldest entries go first when pruning
  jobs.set(job, { progress, at: now });
  prune(now);
}

export interface PhaseProgress {
  phase: JobPhase;
  done: number;
  total: number;
}

/**
 * Runs `work` with a progress listener that records under `job` (none without a job id), and marks the job
 * finished when `work` settles, however it ends.
 */
export async function withProgress<T>(job: string | undefined, work: (onProgress?: (p: PhaseProgress) => void) => Promise<T>): Promise<T> {
  if (job === undefined) return work(undefined);
  let last: PhaseProgress | null = null;
  const onProgress = (p: PhaseProgress) => {
    last = { phase: p.phase, done: Math.max(0, Math.round(p.done)), total: Math.max(0, Math.round(p.total)) };
    put(job, { ...last, finished: false });
  };
  try {
    return await work(onProgress);
  } finally {
    const end: PhaseProgress = last ?? { phase: 'read', done: 0, total: 0 };
    put(job, { ...end, finished: true });
  }
}

export function jobProgress(job: string): JobProgress | null {
  return jobs.get(job)?.progress ?? null;
}
