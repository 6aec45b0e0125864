import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import type { LostReasonsReport } from '../../../src-main/contract/quotes';

/** Quotes per `quotes.list` call (each status of the page's lists). */
export const QUOTES_LIMIT = 500;
const OPEN_STATUSES = ['draft', 'sent', 'expired'] as const;

/** Days `YYYY-MM-DD`; null: the server's default (the last 12 months to today). */
export interface Period {
  from: string;
  to: string;
}

interface LostDealsState {
  period: Period | null;
  /** Null before the first answer. */
  report: LostReasonsReport | null;
  /** Drafts, sent and expired quotes, for "Mark lost"; lost quotes, for the list beside the report. */
  openQuotes: Quote[] | null;
  lostQuotes: Quote[] | null;
  /** Account names by id, for the rows. */
  names: Record<string, string>;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  setPeriod(period: Period | null): void;
}

let latestLoad = 0;

/** The newest quote first (its date, then its number). */
const newestFirst = (a: Quote, b: Quote) => b.quoteDate.localeCompare(a.quoteDate) || b.number.localeCompare(a.number);

export const useLostDealsStore = create<LostDealsState>()((set, get) => ({
  period: null,
  report: null,
  openQuotes: null,
  lostQuotes: null,
  names: {},
  loading: false,
  error: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    const period = get().period;
    const [report, lost, ...open] = await Promise.all([
      api.call('quotes.lostReasons', period ?? {}),
      api.call('quotes.list', { status: 'lost', limit: QUOTES_LIMIT }),
      ...OPEN_STATUSES.map((status) => api.call('quotes.list', { status, limit: QUOTES_LIMIT })),
    ]);
    if (request !== latestLoad) return;
    const failed = [report, lost, ...open].find((result) => !result.ok);
    if (failed && !failed.ok) {
      set({ loading: false, error: failed.error });
      return;
    }
    if (!report.ok || !lost.ok) return;
    const openQuotes = open.flatMap((result) => (result.ok ? result.value : [])).sort(newestFirst);
    const lostQuotes = [...lost.value].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
    const known = get().names;
    const missing = [...new Set([...openQuotes, ...lostQuotes].map((q) => q.accountId))].filter((id) => known[id] === undefined);
    const fetched = await Promise.all(missing.map((id) => api.call('accounts.get', { id })));
    if (request !== latestLoad) return;
    const names = { ...known };
    fetched.forEach((account, i) => {
      names[missing[i]!] = account.ok ? account.value.name : '';
    });
    set({ report: report.value, openQuotes, lostQuotes, names, loading: false, error: null });
  },

  setPeriod: (period) => {
    set({ period });
    void get().load();
  },
}));
