import { create } from 'zustand';
import { callWithProgress } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { JobProgress } from '../../../src-main/contract/progress';
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
  /** How far the running export, dry run or merge is (null until it first reports). */
  progress: JobProgress | null;
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
  progress: null,
  setExport: (changes) => set(changes),

  runExport: async () => {
    const { exporting, exportKind, exportSince, exportOut } = get();
    if (exporting) return;
    set({ exporting: true, exported: null, exportError: null, progress: null });
    const input = { out: exportOut.trim(), ...(exportKind === 'changes' ? { since: exportSince } : {}) };
    const result = await callWithProgress('share.export', input, (progress) => set({ progress }));
    if (result.ok) set({ exporting: false, progress: null, exported: result.value });
    else set({ exporting: false, progress: null, exportError: result.error });
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
    set({ mergePhase: 'checking', preview: null, report: null, mergeError: null, progress: null });
    const result = await callWithProgress('share.merge', { file: mergeFile.trim(), dryRun: true }, (progress) => set({ progress }));
    if (result.ok) set({ mergePhase: 'preview', progress: null, preview: result.value });
    else set({ mergePhase: 'idle', progress: null, mergeError: result.error });
  },

  merge: async () => {
    const { mergePhase, preview } = get();
    if (mergePhase !== 'preview' || !preview) return;
    set({ mergePhase: 'merging', mergeError: null, progress: null });
    const result = await callWithProgress('share.merge', { file: preview.file, dryRun: false }, (progress) => set({ progress }));
    if (!result.ok) {
      set({ mergePhase: 'preview', progress: null, mergeError: result.error });
      return;
    }
    set({ mergePhase: 'done', progress: null, report: result.value });
    // The accounts list shows what the merge brought in the next time it is seen.
    if (useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
  },

  resetMerge: () => set({ mergeFile: '', mergePhase: 'idle', preview: null, report: null, mergeError: null }),
}));
