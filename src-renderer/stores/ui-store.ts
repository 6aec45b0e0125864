import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import { applyLanguage, isLanguage, storedLanguage, type Language } from '../i18n';

/** The pages of the shell; `account` shows the account in `accountId`, `quotes` the quote in `quoteId` when set. */
export type Page = 'dashboard' | 'accounts' | 'account' | 'todos' | 'inquiries' | 'quotes' | 'lostDeals' | 'complaints' | 'receivables' | 'pool' | 'sharing' | 'transfer' | 'backups' | 'settings';

interface UiState {
  language: Language;
  page: Page;
  /** The account the `account` page shows. */
  accountId: string | null;
  /** The quote the `quotes` page opens in its editor (null: the list). */
  quoteId: string | null;
  /** Set when the book could not save the language choice (the UI still switches). */
  languageError: ApiError | null;
  setPage(page: Page): void;
  /** Opens one account's page. */
  openAccount(accountId: string): void;
  /** Opens one quote in the quotes page's editor (null: back to the list). */
  openQuote(quoteId: string | null): void;
  /** The user's choice: switches the UI now, mirrors it in localStorage and saves it in the book. */
  chooseLanguage(language: Language): Promise<void>;
  /** At startup: the book's `language` setting wins over the localStorage mirror used for the first paint. */
  loadLanguage(): Promise<void>;
  dismissLanguageError(): void;
}

/** Counts the user's own choices, so a late answer to the startup read cannot undo a click. */
let choices = 0;

export const useUiStore = create<UiState>()((set, get) => ({
  language: storedLanguage(),
  page: 'accounts',
  accountId: null,
  quoteId: null,
  languageError: null,

  setPage: (page) => set(page === 'quotes' ? { page, quoteId: null } : { page }),
  openAccount: (accountId) => set({ page: 'account', accountId }),
  openQuote: (quoteId) => set({ page: 'quotes', quoteId }),

  chooseLanguage: async (language) => {
    choices++;
    applyLanguage(language);
    set({ language, languageError: null });
    const saved = await api.call('settings.set', { key: 'language', value: language });
    if (!saved.ok) set({ languageError: saved.error });
  },

  loadLanguage: async () => {
    const shown = get().language;
    const choicesBefore = choices;
    const stored = await api.call('settings.get', { key: 'language' });
    if (!stored.ok || choices !== choicesBefore) return; // keep what is on screen; data views show their own errors
    if (stored.value.isDefault) {
      // Nothing chosen in this book yet: keep what is on screen and save it, so the server's messages match.
      if (stored.value.value !== shown) await get().chooseLanguage(shown);
      return;
    }
    const language = isLanguage(stored.value.value) ? stored.value.value : shown;
    applyLanguage(language);
    set({ language });
  },

  dismissLanguageError: () => set({ languageError: null }),
}));
