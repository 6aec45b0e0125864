import { create } from 'zustand';
import { api } from '../../api';
import type { BackupEntry, BookWarning, RestoreReport } from '../../../src-main/contract/backups';
import { useAccountsStore } from '../../stores/accounts-store';
import { useUiStore } from '../../stores/ui-store';
import type { ApiError } from '../../../src-main/contract/errors';

interface BackupsState {
  /** Newest first; null before the first answer. */
  backups: BackupEntry[] | null;
  /** The book's path, for the restore command. */
  bookPath: string | null;
  /** Risks to the book (a cloud-sync folder), from book.info. */
  warnings: BookWarning[];
  loading: boolean;
  error: ApiError | null;
  creating: boolean;
  created: BackupEntry | null;
  createError: ApiError | null;
  /** A restore is running. */
  restoring: boolean;
  restored: RestoreReport | null;
  restoreError: ApiError | null;
  load(): Promise<void>;
  /** `backups.create` (reason manual), then the list again. */
  create(): Promise<void>;
  dismissCreated(): void;
  /** `backups.restore` of a file: true when the book is now that backup (the page's data is then reloaded). */
  restore(file: string): Promise<boolean>;
  clearRestoreError(): void;
  dismissRestored(): void;
}

let latestLoad = 0;

export const useBackupsStore = create<BackupsState>()((set, get) => ({
  backups: null,
  bookPath: null,
  warnings: [],
  loading: false,
  error: null,
  creating: false,
  created: null,
  createError: null,
  restoring: false,
  restored: null,
  restoreError: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    const [list, info] = await Promise.all([api.call('backups.list', {}), api.call('book.info', {})]);
    if (request !== latestLoad) return;
    if (list.ok) set({ backups: list.value, error: null });
    else set({ error: list.error });
    set({ loading: false, ...(info.ok ? { bookPath: info.value.path, warnings: info.value.warnings ?? [] } : {}) });
  },

  create: async () => {
    if (get().creating) return;
    set({ creating: true, created: null, createError: null });
    const result = await api.call('backups.create', {});
    if (!result.ok) {
      set({ creating: false, createError: result.error });
      return;
    }
    await get().load();
    set({ creating: false, created: result.value });
  },

  dismissCreated: () => set({ created: null }),

  restore: async (file) => {
    if (get().restoring) return false;
    set({ restoring: true, restored: null, restoreError: null, created: null });
    const result = await api.call('backups.restore', { file: file.trim() });
    if (!result.ok) {
      set({ restoring: false, restoreError: result.error });
      return false;
    }
    // The whole book changed: the restored book's language, the accounts list, this list.
    await useUiStore.getState().loadLanguage();
    if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
    await get().load();
    set({ restoring: false, restored: result.value });
    return true;
  },

  clearRestoreError: () => set({ restoreError: null }),
  dismissRestored: () => set({ restored: null }),
}));
