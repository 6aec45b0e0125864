import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import type { RescoreJob } from '../../src-main/contract/rescoring';

/** How often the app asks how the book's rescore is: often while one runs, now and then otherwise (the app may start one). */
export const POLL_RUNNING_MS = 400;
export const POLL_IDLE_MS = 3_000;

interface RescoreState {
  /** The book's latest background rescore (running or finished); null when none ran since the app started. */
  job: RescoreJob | null;
  error: ApiError | null;
  /** Starts a rescore as of the user's today (or gives the running one); resolves when it settles. */
  start(): Promise<RescoreJob | null>;
  cancel(): Promise<void>;
  /** Asks how the rescore is (`scores.job`); tells the listeners when one finished. */
  poll(): Promise<void>;
  /** Called with each rescore that finished well (the pages reload their scores). */
  onDone(listener: (job: RescoreJob) => void): () => void;
}

const doneListeners = new Set<(job: RescoreJob) => void>();
const waiting = new Map<string, ((job: RescoreJob) => void)[]>();

export const useRescoreStore = create<RescoreState>()((set, get) => {
  const settle = (job: RescoreJob) => {
    for (const resolve of waiting.get(job.id) ?? []) resolve(job);
    waiting.delete(job.id);
    if (job.state === 'done') for (const listener of doneListeners) listener(job);
  };
  const take = (job: RescoreJob | null) => {
    const before = get().job;
    set({ job, error: null });
    if (job && job.state !== 'running' && (before?.id !== job.id || before.state === 'running')) settle(job);
  };

  return {
    job: null,
    error: null,
    start: async () => {
      const result = await api.call('scores.start', {});
      if (!result.ok) {
        set({ error: result.error });
        return null;
      }
      const job = result.value;
      const settled = new Promise<RescoreJob>((resolve) => waiting.set(job.id, [...(waiting.get(job.id) ?? []), resolve]));
      take(job);
      return settled;
    },
    cancel: async () => {
      const result = await api.call('scores.cancel', {});
      if (result.ok) take(result.value);
      else set({ error: result.error });
    },
    poll: async () => {
      const result = await api.call('scores.job', {});
      if (result.ok) take(result.value);
    },
    onDone: (listener) => {
      doneListeners.add(listener);
      return () => doneListeners.delete(listener);
    },
  };
});
