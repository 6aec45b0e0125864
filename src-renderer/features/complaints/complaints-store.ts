import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError, Result } from '../../../src-main/contract/errors';
import type { InputOf } from '../../../src-main/contract';
import type { Complaint } from '../../../src-main/contract/models';
import { sortComplaints } from './complaint-window';

/** Complaints per `complaints.list` call. */
export const COMPLAINTS_LIMIT = 500;

interface ComplaintsState {
  /** Null before the first answer. */
  complaints: Complaint[] | null;
  /** Account names by id, for the rows. */
  names: Record<string, string>;
  showResolved: boolean;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  setShowResolved(show: boolean): void;
  /** The calls behind the dialogs: on success the list is loaded again; the result goes back to the dialog. */
  add(input: InputOf<'complaints.add'>): Promise<Result<Complaint>>;
  respond(id: string, at: string, note?: string): Promise<Result<Complaint>>;
  resolve(id: string, at: string, resolution: string): Promise<Result<Complaint>>;
}

let latestLoad = 0;

export const useComplaintsStore = create<ComplaintsState>()((set, get) => {
  /** After a change: the list again, and the caller gets the call's result either way. */
  const thenReload = async (result: Result<Complaint>): Promise<Result<Complaint>> => {
    if (result.ok) await get().load();
    return result;
  };

  return {
    complaints: null,
    names: {},
    showResolved: false,
    loading: false,
    error: null,

    load: async () => {
      const request = ++latestLoad;
      set({ loading: true });
      const open = get().showResolved ? {} : { open: true };
      const result = await api.call('complaints.list', { ...open, limit: COMPLAINTS_LIMIT });
      if (request !== latestLoad) return;
      if (!result.ok) {
        set({ loading: false, error: result.error });
        return;
      }
      const known = get().names;
      const missing = [...new Set(result.value.map((c) => c.accountId))].filter((id) => known[id] === undefined);
      const fetched = await Promise.all(missing.map((id) => api.call('accounts.get', { id })));
      if (request !== latestLoad) return;
      const names = { ...known };
      fetched.forEach((account, i) => {
        if (account.ok) names[account.value.id] = account.value.name;
        else names[missing[i]!] = '';
      });
      set({ complaints: sortComplaints(result.value), names, loading: false, error: null });
    },

    setShowResolved: (show) => {
      set({ showResolved: show });
      void get().load();
    },

    add: async (input) => thenReload(await api.call('complaints.add', input)),
    respond: async (id, at, note) => thenReload(await api.call('complaints.respond', { id, at, ...(note ? { note } : {}) })),
    resolve: async (id, at, resolution) =>
      thenReload(await api.call('complaints.resolve', { id, at, ...(resolution.trim() ? { resolution } : {}) })),
  };
});
