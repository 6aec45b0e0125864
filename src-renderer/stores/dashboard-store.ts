import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import type { ScoreRunSummary, ScoreSummary } from '../../src-main/contract/models';
import { useAccountsStore } from './accounts-store';
import { useRescoreStore } from './rescore-store';

interface DashboardState {
  /** The book's scores at a glance (`scores.summary`); null before the first answer. */
  summary: ScoreSummary | null;
  loading: boolean;
  error: ApiError | null;
  /** A rescore this page asked for is running (in the background: `scores.start`). */
  rescoring: boolean;
  /** The last rescore's result, shown until dismissed. */
  lastRun: ScoreRunSummary | null;
  load(): Promise<void>;
  /** Rescores the whole book as of the user's today, then reloads the figures (and the accounts list's scores). */
  rescore(): Promise<void>;
  dismissRun(): void;
}

let latestLoad = 0;

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  summary: null,
  loading: false,
  error: null,
  rescoring: false,
  lastRun: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    const result = await api.call('scores.summary', {});
    if (request !== latestLoad) return;
    if (result.ok) set({ summary: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },

  rescore: async () => {
    if (get().rescoring) return;
    set({ rescoring: true, lastRun: null, error: null });
    // In the background (the progress shows above the page); the figures reload when it is done.
    const job = await useRescoreStore.getState().start();
    if (job === null || job.state !== 'done' || job.summary === null) {
      set({ rescoring: false, ...(job === null ? { error: useRescoreStore.getState().error } : {}) });
      return;
    }
    await get().load();
    set({ rescoring: false, lastRun: job.summary });
    if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
  },

  dismissRun: () => set({ lastRun: null }),
}));
