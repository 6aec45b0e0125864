import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ShareExportSummary, ShareMergeReport } from '../../../src-main/contract/sharing';
import { useAccountsStore } from '../../stores/accounts-store';

export type ExportKind = 'full' | 'changes';

/** Where a merge stands: nothing yet, a dry run running or shown, the merge running, the merge's report shown. */
export type MergePhase = 'idle' | 'checking' | 'preview' | 'merging' | 'done';

interface SharingState {
  exportKind: ExportKind;
  exportSince: string;
  exportOut: string;
  exporting: boolean;
  exported: ShareExportSummary | null;
  exportError: ApiError | null;
  setExport(changes: Partial<Pick<SharingState, 'exportKind' | 'exportSince' | 'exportOut'>>): void;
  /** `share.export` to `exportOut`: the whole book, or the changes since `exportSince`. */
  runExport(): Promise<void>;

  mergeFile: string;
  mergePhase: MergePhase;
  /** The dry run's report, for the file it was made from. */
  preview: ShareMergeReport | null;
  /** The merge's report. */
  report: ShareMergeReport | null;
  mergeError: ApiError | null;
  /** A new path drops a dry run made for another file. */
  setMergeFile(file: string): void;
  /** `share.merge` with dryRun: what the file would change, nothing written. */
  dryRun(): Promise<void>;
  /** `share.merge` of the file the dry run was made from. */
  merge(): Promise<void>;
  resetMerge(): void;
}

export const useSharingStore = create<SharingState>()((set, get) => ({
  exportKind: 'full',
  exportSince: '',
  exportOut: '',
  exporting: false,
  exported: null,
  exportError: null,
  setExport: (changes) => set(changes),

  runExport: async () => {
    const { exporting, exportKind, exportSince, exportOut } = get();
    if (exporting) return;
    set({ exporting: true, exported: null, exportError: null });
    const result = await api.call('share.export', { out: exportOut.trim(), ...(exportKind === 'changes' ? { since: exportSince } : {}) });
    if (result.ok) set({ exporting: false, exported: result.value });
    else set({ exporting: false, exportError: result.error });
  },

  mergeFile: '',
  mergePhase: 'idle',
  preview: null,
  report: null,
  mergeError: null,

  setMergeFile: (mergeFile) => {
    const { mergePhase } = get();
    if (mergePhase === 'checking' || mergePhase === 'merging') return;
    set({ mergeFile, ...(mergePhase === 'preview' || mergePhase === 'done' ? { mergePhase: 'idle', preview: null, report: null } : {}) });
  },

  dryRun: async () => {
    const { mergePhase, mergeFile } = get();
    if (mergePhase === 'checking' || mergePhase === 'merging') return;
    set({ mergePhase: 'checking', preview: null, report: null, mergeError: null });
    const result = await api.call('share.merge', { file: mergeFile.trim(), dryRun: true });
    if (result.ok) set({ mergePhase: 'preview', preview: result.value });
    else set({ mergePhase: 'idle', mergeError: result.error });
  },

  merge: async () => {
    const { mergePhase, preview } = get();
    if (mergePhase !== 'preview' || !preview) return;
    set({ mergePhase: 'merging', mergeError: null });
    const result = await api.call('share.merge', { file: preview.file, dryRun: false });
    if (!result.ok) {
      set({ mergePhase: 'preview', mergeError: result.error });
      return;
    }
    set({ mergePhase: 'done', report: result.value });
    // The accounts list shows what the merge brought in the next time it is seen.
    if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
  },

  resetMerge: () => set({ mergeFile: '', mergePhase: 'idle', preview: null, report: null, mergeError: null }),
}));
