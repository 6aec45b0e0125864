import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import type { AccountListItem } from '../../src-main/contract/models';
import type { InputOf } from '../../src-main/contract';

/** Rows fetched per `accounts.list` call while scrolling. */
export const ACCOUNTS_PAGE_SIZE = 100;

/** Filters on each account's latest scores; null = any. */
export interface AccountFilters {
  tier: NonNullable<InputOf<'accounts.count'>['tier']> | null;
  quadrant: NonNullable<InputOf<'accounts.count'>['quadrant']> | null;
  loyalty: NonNullable<InputOf<'accounts.count'>['loyalty']> | null;
  /** true: only accounts with a churn warning. */
  churn: boolean;
}

export const noFilters: AccountFilters = { tier: null, quadrant: null, loyalty: null, churn: false };

export function hasActiveFilters(filters: AccountFilters): boolean {
  return filters.tier !== null || filters.quadrant !== null || filters.loyalty !== null || filters.churn;
}

interface AccountsState {
  /** The search the rows and the total belong to. */
  query: string;
  /** The score filters, combined with the search; kept while the user visits other pages. */
  filters: AccountFilters;
  /** The filters the rows and the total belong to. */
  shownFilters: AccountFilters;
  /** Number of accounts matching `query`; null before the first answer. */
  total: number | null;
  /** Loaded pages of rows, by page number (offset ÷ page size). */
  pages: Readonly<Record<number, readonly AccountListItem[]>>;
  /** A search (count + first page) is in flight. */
  loading: boolean;
  error: ApiError | null;
  /** Bumped whenever a new search is committed; answers for older generations are dropped. */
  generation: number;
  search(query: string): Promise<void>;
  /** Changes some filters and searches again with the latest search text. */
  setFilters(changes: Partial<AccountFilters>): Promise<void>;
  refresh(): Promise<void>;
  /** Loads the pages covering rows first…last (inclusive) that are not loaded or loading yet. */
  ensureRange(first: number, last: number): void;
}

let latestRequest = 0;
/** The text of the latest search asked for (the store's `query` changes only when its answer arrives). */
let latestQuery = '';
const requestedPages = new Set<string>();

function queryInput(query: string, filters: AccountFilters): InputOf<'accounts.count'> {
  const trimmed = query.trim();
  return {
    ...(trimmed ? { query: trimmed } : {}),
    ...(filters.tier !== null ? { tier: filters.tier } : {}),
    ...(filters.quadrant !== null ? { quadrant: filters.quadrant } : {}),
    ...(filters.loyalty !== null ? { loyalty: filters.loyalty } : {}),
    ...(filters.churn ? { churn: true } : {}),
  };
}

export const useAccountsStore = create<AccountsState>()((set, get) => ({
  query: '',
  filters: noFilters,
  shownFilters: noFilters,
  total: null,
  pages: {},
  loading: false,
  error: null,
  generation: 0,

  search: async (query) => {
    const request = ++latestRequest;
    latestQuery = query;
    const filters = get().filters;
    set({ loading: true });
    const [count, firstPage] = await Promise.all([
      api.call('accounts.count', queryInput(query, filters)),
      api.call('accounts.list', { ...queryInput(query, filters), limit: ACCOUNTS_PAGE_SIZE, offset: 0 }),
    ]);
    if (request !== latestRequest) return; // a newer search has started
    const generation = get().generation + 1;
    if (!count.ok || !firstPage.ok) {
      const error = !count.ok ? count.error : !firstPage.ok ? firstPage.error : null;
      set({ query, shownFilters: filters, total: null, pages: {}, loading: false, error, generation });
      return;
    }
    requestedPages.clear();
    requestedPages.add(`${generation}:0`);
    set({ query, shownFilters: filters, total: count.value, pages: { 0: firstPage.value }, loading: false, error: null, generation });
  },

  setFilters: (changes) => {
    set((state) => ({ filters: { ...state.filters, ...changes } }));
    return get().search(latestQuery);
  },

  refresh: () => get().search(latestQuery),

  ensureRange: (first, last) => {
    const { generation, query, shownFilters, total, pages } = get();
    if (total === null || total === 0) return;
    const lastPage = Math.floor(Math.min(last, total - 1) / ACCOUNTS_PAGE_SIZE);
    for (let page = Math.floor(Math.max(first, 0) / ACCOUNTS_PAGE_SIZE); page <= lastPage; page++) {
      const key = `${generation}:${page}`;
      if (pages[page] || requestedPages.has(key)) continue;
      requestedPages.add(key);
      void api
        .call('accounts.list', { ...queryInput(query, shownFilters), limit: ACCOUNTS_PAGE_SIZE, offset: page * ACCOUNTS_PAGE_SIZE })
        .then((result) => {
          if (get().generation !== generation) return;
          if (result.ok) set((state) => ({ pages: { ...state.pages, [page]: result.value } }));
          else set({ error: result.error });
        });
    }
  },
}));

/** The account at a row index, or undefined while its page is loading. */
export function accountAt(pages: AccountsState['pages'], index: number): AccountListItem | undefined {
  return pages[Math.floor(index / ACCOUNTS_PAGE_SIZE)]?.[index % ACCOUNTS_PAGE_SIZE];
}
