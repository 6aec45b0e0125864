import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import type { Account } from '../../src-main/contract/models';

/** Rows fetched per `accounts.list` call while scrolling. */
export const ACCOUNTS_PAGE_SIZE = 100;

interface AccountsState {
  /** The search the rows and the total belong to. */
  query: string;
  /** Number of accounts matching `query`; null before the first answer. */
  total: number | null;
  /** Loaded pages of rows, by page number (offset ÷ page size). */
  pages: Readonly<Record<number, readonly Account[]>>;
  /** A search (count + first page) is in flight. */
  loading: boolean;
  error: ApiError | null;
  /** Bumped whenever a new search is committed; answers for older generations are dropped. */
  generation: number;
  search(query: string): Promise<void>;
  refresh(): Promise<void>;
  /** Loads the pages covering rows first…last (inclusive) that are not loaded or loading yet. */
  ensureRange(first: number, last: number): void;
}

let latestRequest = 0;
const requestedPages = new Set<string>();

function queryInput(query: string): { query?: string } {
  const trimmed = query.trim();
  return trimmed ? { query: trimmed } : {};
}

export const useAccountsStore = create<AccountsState>()((set, get) => ({
  query: '',
  total: null,
  pages: {},
  loading: false,
  error: null,
  generation: 0,

  search: async (query) => {
    const request = ++latestRequest;
    set({ loading: true });
    const [count, firstPage] = await Promise.all([
      api.call('accounts.count', queryInput(query)),
      api.call('accounts.list', { ...queryInput(query), limit: ACCOUNTS_PAGE_SIZE, offset: 0 }),
    ]);
    if (request !== latestRequest) return; // a newer search has started
    const generation = get().generation + 1;
    if (!count.ok || !firstPage.ok) {
      const error = !count.ok ? count.error : !firstPage.ok ? firstPage.error : null;
      set({ query, total: null, pages: {}, loading: false, error, generation });
      return;
    }
    requestedPages.clear();
    requestedPages.add(`${generation}:0`);
    set({ query, total: count.value, pages: { 0: firstPage.value }, loading: false, error: null, generation });
  },

  refresh: () => get().search(get().query),

  ensureRange: (first, last) => {
    const { generation, query, total, pages } = get();
    if (total === null || total === 0) return;
    const lastPage = Math.floor(Math.min(last, total - 1) / ACCOUNTS_PAGE_SIZE);
    for (let page = Math.floor(Math.max(first, 0) / ACCOUNTS_PAGE_SIZE); page <= lastPage; page++) {
      const key = `${generation}:${page}`;
      if (pages[page] || requestedPages.has(key)) continue;
      requestedPages.add(key);
      void api
        .call('accounts.list', { ...queryInput(query), limit: ACCOUNTS_PAGE_SIZE, offset: page * ACCOUNTS_PAGE_SIZE })
        .then((result) => {
          if (get().generation !== generation) return;
          if (result.ok) set((state) => ({ pages: { ...state.pages, [page]: result.value } }));
          else set({ error: result.error });
        });
    }
  },
}));

/** The account at a row index, or undefined while its page is loading. */
export function accountAt(pages: AccountsState['pages'], index: number): Account | undefined {
  return pages[Math.floor(index / ACCOUNTS_PAGE_SIZE)]?.[index % ACCOUNTS_PAGE_SIZE];
}
