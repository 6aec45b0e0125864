import { create } from 'zustand';
import { api } from '../../api';
import { readMyTimeZone } from '../../stores/my-time-zone';
import type { InputOf } from '../../../src-main/contract';
import type { ApiError, Result } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import type { QuoteDiff } from '../../../src-main/contract/quotes';
import { useUiStore } from '../../stores/ui-store';
import type { QuoteStatus } from './quote-format';

/** Quotes per `quotes.list` call (the newest first); the page says when there may be more. */
export const QUOTES_LIMIT = 300;

/** What the rows need of an account: its name and the buyer's zone (R7 counts expiry there). */
export interface QuoteAccount {
  name: string;
  timeZone: string;
}

interface QuotesState {
  /** Null before the first answer. */
  quotes: Quote[] | null;
  status: QuoteStatus | null;
  loading: boolean;
  error: ApiError | null;
  /** Accounts by id, for the rows and the editor (filled as quotes arrive). */
  accounts: Record<string, QuoteAccount>;
  /** The user's own zone (setting `myTimeZone`); undefined until read. */
  myTimeZone: string | undefined;
  /** The "New quote" form is on screen (instead of the list). */
  creating: boolean;
  /** The quote open in the editor, and the error of reading it. */
  quote: Quote | null;
  quoteError: ApiError | null;

  load(): Promise<void>;
  setStatus(status: QuoteStatus | null): void;
  startNew(): void;
  cancelNew(): void;
  loadQuote(id: string): Promise<void>;
  /** The calls behind the forms and buttons: on success the quote on screen and the list follow; the result goes back. */
  add(input: InputOf<'quotes.add'>): Promise<Result<Quote>>;
  revise(input: InputOf<'quotes.revise'>): Promise<Result<Quote>>;
  send(id: string, confirmUnanswered: boolean): Promise<Result<Quote>>;
  win(id: string): Promise<Result<Quote>>;
  reconfirm(id: string): Promise<Result<Quote>>;
  /** After the lose dialog: the quote it returned is the one on screen. */
  lost(quote: Quote): void;
  diff(id: string, from: number, to: number): Promise<Result<QuoteDiff>>;
}

let latestLoad = 0;
let latestQuote = 0;

/** An instant for "now" as the contract takes it (whole seconds). */
const nowInstant = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export const useQuotesStore = create<QuotesState>()((set, get) => {
  /** Reads the accounts of these quotes the store does not know yet (name and zone). */
  const learnAccounts = async (quotes: readonly Pick<Quote, 'accountId'>[]) => {
    const known = get().accounts;
    const missing = [...new Set(quotes.map((q) => q.accountId))].filter((id) => known[id] === undefined);
    if (missing.length === 0) return;
    const fetched = await Promise.all(missing.map((id) => api.call('accounts.get', { id })));
    const accounts = { ...get().accounts };
    fetched.forEach((account) => {
      if (account.ok) accounts[account.value.id] = { name: account.value.name, timeZone: account.value.timeZone };
    });
    set({ accounts });
  };

  /** A changed quote: it replaces the one on screen and its row; the list is read again in the background. */
  const changed = async (result: Result<Quote>): Promise<Result<Quote>> => {
    if (result.ok) {
      await learnAccounts([result.value]);
      set((state) => ({
        quote: state.quote === null || state.quote.id === result.value.id ? result.value : state.quote,
        quotes: state.quotes?.map((q) => (q.id === result.value.id ? result.value : q)) ?? null,
      }));
      void get().load();
    }
    return result;
  };

  return {
    quotes: null,
    status: null,
    loading: false,
    error: null,
    accounts: {},
    myTimeZone: undefined,
    creating: false,
    quote: null,
    quoteError: null,

    load: async () => {
      const request = ++latestLoad;
      set({ loading: true });
      if (get().myTimeZone === undefined) {
        const zone = await readMyTimeZone();
        if (zone !== undefined) set({ myTimeZone: zone });
      }
      const status = get().status;
      const result = await api.call('quotes.list', { ...(status ? { status } : {}), limit: QUOTES_LIMIT });
      if (request !== latestLoad) return;
      if (!result.ok) {
        set({ loading: false, error: result.error });
        return;
      }
      await learnAccounts(result.value);
      if (request !== latestLoad) return;
      set({ quotes: result.value, loading: false, error: null });
    },

    setStatus: (status) => {
      set({ status });
      void get().load();
    },

    startNew: () => set({ creating: true }),
    cancelNew: () => set({ creating: false }),

    loadQuote: async (id) => {
      const request = ++latestQuote;
      set((state) => (state.quote?.id === id ? { quoteError: null } : { quote: null, quoteError: null }));
      const result = await api.call('quotes.get', { id });
      if (request !== latestQuote) return;
      if (!result.ok) {
        set({ quoteError: result.error });
        return;
      }
      await learnAccounts([result.value]);
      if (request !== latestQuote) return;
      set({ quote: result.value, quoteError: null });
    },

    add: async (input) => {
      const result = await api.call('quotes.add', input);
      if (result.ok) {
        await learnAccounts([result.value]);
        set({ creating: false, quote: result.value, quoteError: null });
        useUiStore.getState().openQuote(result.value.id);
        void get().load();
      }
      return result;
    },
    revise: async (input) => changed(await api.call('quotes.revise', input)),
    send: async (id, confirmUnanswered) => changed(await api.call('quotes.send', { id, at: nowInstant(), ...(confirmUnanswered ? { confirmUnanswered: true } : {}) })),
    win: async (id) => changed(await api.call('quotes.win', { id, at: nowInstant() })),
    reconfirm: async (id) => changed(await api.call('quotes.reconfirm', { id })),
    lost: (quote) => void changed({ ok: true, value: quote }),
    diff: (id, from, to) => api.call('quotes.diff', { id, from, to }),
  };
});
