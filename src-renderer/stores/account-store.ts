import { create } from 'zustand';
import { api } from '../api';
import { useRescoreStore } from './rescore-store';
import type { ApiError } from '../../src-main/contract/errors';
import type { Account, AccountScoreView, Contact, Order, ScoreExplanation, ScoreHistoryPoint } from '../../src-main/contract/models';
import type { Language } from '../i18n';

/** Orders fetched per `orders.list` call ("Show more" fetches the next page). */
export const ORDERS_PAGE_SIZE = 50;
/** Quarterly reviews shown in the health chart (10 years). */
export const HISTORY_POINTS = 40;

/** A part of the page: its value (null before the first answer) and the error of its last load. */
export interface Loadable<T> {
  value: T | null;
  error: ApiError | null;
  loading: boolean;
}

const idle = <T>(): Loadable<T> => ({ value: null, error: null, loading: false });

interface AccountPageState {
  /** The account the page shows; answers for another account are dropped. */
  accountId: string | null;
  account: Loadable<Account>;
  /** Its people, the primary one first (as `contacts.list` orders them). */
  contacts: Loadable<Contact[]>;
  orders: Loadable<Order[]>;
  /** More orders may exist beyond those loaded. */
  moreOrders: boolean;
  /** The latest snapshot's scores; `value` is `[]` when the account has none yet. */
  scores: Loadable<AccountScoreView[]>;
  explanation: Loadable<ScoreExplanation>;
  history: Loadable<ScoreHistoryPoint[]>;
  baseCurrency: string;
  /** The user's own zone (setting `myTimeZone`): the order form's "today" is the date there. */
  myTimeZone: string | undefined;
  /** A book-wide rescore started from the page is running. */
  scoring: boolean;
  open(accountId: string): Promise<void>;
  loadMoreOrders(): Promise<void>;
  /** After `accounts.update`: the account as saved; scores again when a rating (a part of the value score) changed. */
  accountSaved(account: Account): Promise<void>;
  /** The contacts again (after one was added, edited or removed: the primary flag may have moved). */
  reloadContacts(): Promise<void>;
  /** Scores, explanation and health history again (after an order, a rescore, a language change). */
  reloadScores(): Promise<void>;
  /** After `orders.add`: the order on top of the list and the scores the same call recomputed. */
  orderAdded(order: Order): Promise<void>;
  /** Rescores the whole book as of today (in the background: `scores.start`), then reloads the scores. */
  scoreBook(): Promise<void>;
  /** The server renders reasons in the book's `language` setting: waits until it holds `language`, then reloads. */
  languageChanged(language: Language): Promise<void>;
}

const loading = <T>(part: Loadable<T>): Loadable<T> => ({ ...part, loading: true });
const settled = <T>(result: { ok: true; value: T } | { ok: false; error: ApiError }, previous: Loadable<T>): Loadable<T> =>
  result.ok ? { value: result.value, error: null, loading: false } : { value: previous.value, error: result.error, loading: false };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const useAccountStore = create<AccountPageState>()((set, get) => {
  /** Runs `work` and applies its answer only while the page still shows `accountId`. */
  const forAccount = async <T>(accountId: string, work: () => Promise<T>, apply: (value: T) => void) => {
    const value = await work();
    if (get().accountId === accountId) apply(value);
  };

  const loadScores = async (accountId: string) => {
    set((state) => ({ scores: loading(state.scores), explanation: loading(state.explanation), history: loading(state.history) }));
    const [scores, history] = await Promise.all([
      api.call('scores.list', { accountId, limit: 1 }),
      api.call('scores.history', { accountId, limit: HISTORY_POINTS }),
    ]);
    if (get().accountId !== accountId) return;
    set((state) => ({ scores: settled(scores, state.scores), history: settled(history, state.history) }));
    // The explanation of the same snapshot the scores come from (without one: computed on the spot for today).
    const asOf = scores.ok ? scores.value[0]?.asOf : undefined;
    await forAccount(
      accountId,
      () => api.call('scores.explain', asOf ? { accountId, asOf } : { accountId }),
      (explanation) => set((state) => ({ explanation: settled(explanation, state.explanation) })),
    );
  };

  const loadContacts = (accountId: string) =>
    forAccount(
      accountId,
      () => api.call('contacts.list', { accountId }),
      (contacts) => set((state) => ({ contacts: settled(contacts, state.contacts) })),
    );

  return {
    accountId: null,
    account: idle(),
    contacts: idle(),
    orders: idle(),
    moreOrders: false,
    scores: idle(),
    explanation: idle(),
    history: idle(),
    baseCurrency: 'CNY',
    myTimeZone: undefined,
    scoring: false,

    open: async (accountId) => {
      set({
        accountId,
        account: loading(idle()),
        contacts: loading(idle()),
        orders: loading(idle()),
        moreOrders: false,
        scores: idle(),
        explanation: idle(),
        history: idle(),
        scoring: false,
      });
      await Promise.all([
        forAccount(
          accountId,
          () => api.call('accounts.get', { id: accountId }),
          (account) => set((state) => ({ account: settled(account, state.account) })),
        ),
        loadContacts(accountId),
        forAccount(
          accountId,
          () => api.call('orders.list', { accountId, limit: ORDERS_PAGE_SIZE, offset: 0 }),
          (orders) =>
            set((state) => ({ orders: settled(orders, state.orders), moreOrders: orders.ok && orders.value.length === ORDERS_PAGE_SIZE })),
        ),
        forAccount(
          accountId,
          () => api.call('settings.get', { key: 'baseCurrency' }),
          (base) => {
            if (base.ok && typeof base.value.value === 'string') set({ baseCurrency: base.value.value });
          },
        ),
        forAccount(
          accountId,
          () => api.call('settings.get', { key: 'myTimeZone' }),
          (zone) => {
            if (zone.ok && typeof zone.value.value === 'string') set({ myTimeZone: zone.value.value });
          },
        ),
        loadScores(accountId),
      ]);
    },

    loadMoreOrders: async () => {
      const { accountId, orders } = get();
      if (!accountId || orders.loading || !orders.value) return;
      const loaded = orders.value;
      set({ orders: loading(orders) });
      await forAccount(
        accountId,
        () => api.call('orders.list', { accountId, limit: ORDERS_PAGE_SIZE, offset: loaded.length }),
        (more) =>
          set((state) => ({
            orders: more.ok ? { value: [...loaded, ...more.value], error: null, loading: false } : settled(more, state.orders),
            moreOrders: more.ok && more.value.length === ORDERS_PAGE_SIZE,
          })),
      );
    },

    accountSaved: async (account) => {
      const before = get().account.value;
      if (account.id !== get().accountId) return;
      set({ account: { value: account, error: null, loading: false } });
      if (before && (before.strategicFit !== account.strategicFit || before.reputation !== account.reputation)) await get().reloadScores();
    },

    reloadContacts: async () => {
      const { accountId } = get();
      if (accountId) await loadContacts(accountId);
    },

    reloadScores: async () => {
      const { accountId } = get();
      if (accountId) await loadScores(accountId);
    },

    orderAdded: async (order) => {
      if (order.accountId !== get().accountId) return;
      set((state) => ({
        orders: { ...state.orders, value: [order, ...(state.orders.value ?? []).filter((o) => o.id !== order.id)].sort(newestFirst) },
      }));
      await get().reloadScores();
    },

    scoreBook: async () => {
      const { accountId } = get();
      if (!accountId || get().scoring) return;
      set({ scoring: true });
      // In the background (the progress shows above the page); this account's scores reload when it is done.
      const job = await useRescoreStore.getState().start();
      if (get().accountId !== accountId) return;
      const error = job === null ? useRescoreStore.getState().error : null;
      set((state) => ({ scoring: false, scores: error ? { ...state.scores, error } : state.scores }));
      if (job?.state === 'done') await loadScores(accountId);
    },

    languageChanged: async (language) => {
      const { accountId } = get();
      if (!accountId) return;
      // The UI store saves the choice in the book right after switching; give it up to 2 s.
      for (let attempt = 0; attempt < 20; attempt++) {
        const stored = await api.call('settings.get', { key: 'language' });
        if (!stored.ok || stored.value.value === language) break;
        await sleep(100);
      }
      if (get().accountId === accountId) await loadScores(accountId);
    },
  };
});

/** Orders newest first, as `orders.list` sorts them (date, then id). */
function newestFirst(a: Order, b: Order): number {
  if (a.orderedAt !== b.orderedAt) return a.orderedAt < b.orderedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
