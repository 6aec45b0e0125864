import { create } from 'zustand';
import { api } from '../../api';
import type { BackupEntry, BookWarning } from '../../../src-main/contract/backups';
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
  load(): Promise<void>;
  /** `backups.create` (reason manual), then the list again. */
  create(): Promise<void>;
  dismissCreated(): void;
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
}));
