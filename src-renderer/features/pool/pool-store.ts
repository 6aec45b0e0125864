import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Account } from '../../../src-main/contract/models';
import type { PoolAccount } from '../../../src-main/contract/sharing';
import { useAccountsStore } from '../../stores/accounts-store';

/** Rows per `accounts.pool` call. */
export const POOL_PAGE_SIZE = 100;
const OWNER_KEY = 'tradebook.pool.owner';

/** The owner name used for the last claim on this computer (localStorage), for the next one. */
export function lastOwner(): string {
  try {
    return window.localStorage.getItem(OWNER_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberOwner(owner: string): void {
  try {
    window.localStorage.setItem(OWNER_KEY, owner);
  } catch {
    // Storage unavailable (private mode): the name is simply not offered next time.
  }
}

interface PoolState {
  /** The `poolDays` setting the list was made with (0: the pool is off); null before the first answer. */
  days: number | null;
  total: number;
  accounts: PoolAccount[];
  loading: boolean;
  error: ApiError | null;
  /** The last claim, shown until dismissed. */
  claimed: Account | null;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  /** `accounts.claim`; on success the name is remembered and the list loaded again. The error is returned for the dialog. */
  claim(id: string, owner: string): Promise<ApiError | null>;
  /** `settings.set poolDays`, then the list again. */
  saveDays(days: number): Promise<ApiError | null>;
  dismissClaimed(): void;
}

let latestLoad = 0;

export const usePoolStore = create<PoolState>()((set, get) => ({
  days: null,
  total: 0,
  accounts: [],
  loading: false,
  error: null,
  claimed: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    const result = await api.call('accounts.pool', { limit: POOL_PAGE_SIZE, offset: 0 });
    if (request !== latestLoad) return;
    if (result.ok) set({ days: result.value.days, total: result.value.total, accounts: result.value.accounts, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },

  loadMore: async () => {
    const { loading, accounts, total } = get();
    if (loading || accounts.length >= total) return;
    const request = ++latestLoad;
    set({ loading: true });
    const result = await api.call('accounts.pool', { limit: POOL_PAGE_SIZE, offset: accounts.length });
    if (request !== latestLoad) return;
    if (result.ok) set((state) => ({ total: result.value.total, accounts: [...state.accounts, ...result.value.accounts], loading: false, error: null }));
    else set({ loading: false, error: result.error });
  },

  claim: async (id, owner) => {
    const result = await api.call('accounts.claim', { id, owner });
    if (!result.ok) return result.error;
    rememberOwner(owner);
    set({ claimed: result.value });
    await get().load();
    if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
    return null;
  },

  saveDays: async (days) => {
    const result = await api.call('settings.set', { key: 'poolDays', value: days });
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },

  dismissClaimed: () => set({ claimed: null }),
}));
