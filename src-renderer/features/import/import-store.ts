import { create } from 'zustand';
import { api, callWithProgress } from '../../api';
import type { InputOf } from '../../../src-main/contract';
import type { ApiError } from '../../../src-main/contract/errors';
import type { JobProgress } from '../../../src-main/contract/progress';
import type { ImportPreview, ImportReport } from '../../../src-main/contract/transfer';
import { MULTI_FIELDS, type ImportField } from '../../../src-main/domain/import/fields';
import type { ImportEncoding } from '../../../src-main/domain/import/encoding';
import { useAccountsStore } from '../../stores/accounts-store';

/** The wizard's steps: the file, its columns, the dry run, the import and its report. */
export type ImportStep = 0 | 1 | 2 | 3;
export type DateOrder = 'dmy' | 'mdy';
export type DuplicateMode = 'skip' | 'attach' | 'error';

export interface ImportOptions {
  defaultCountry: string | null;
  dateOrder: DateOrder;
  /** null: detected from the file. */
  encoding: ImportEncoding | null;
  duplicates: DuplicateMode;
}

/** The user's changes to the guessed mapping: column header → field (null: ignore the column). */
export type MappingOverrides = Record<string, ImportField | null>;

interface ImportState {
  step: ImportStep;
  file: string;
  options: ImportOptions;
  overrides: MappingOverrides;
  preview: ImportPreview | null;
  /** The dry run's report (nothing written). */
  check: ImportReport | null;
  /** The import's report. */
  report: ImportReport | null;
  /** What is running: reading the file, re-reading it with a new mapping, the dry run, the import. */
  busy: 'reading' | 'remapping' | 'checking' | 'importing' | null;
  error: ApiError | null;
  /** How far the running dry run or import is (null until it first reports). */
  progress: JobProgress | null;
  setFile(file: string): void;
  setOptions(changes: Partial<ImportOptions>): void;
  /** `import.preview` with the options and the mapping so far; on success the columns step. */
  read(): Promise<void>;
  /** Maps a column to a field (null: ignored) and reads the preview again; a field that takes one column leaves the column that had it. */
  setMapping(column: string, field: ImportField | null): Promise<void>;
  /** `import.run` with dryRun: every row checked, errors and duplicates listed, nothing written. */
  runCheck(): Promise<void>;
  /** Reads the file again (it may have been corrected) and checks every row again. */
  checkAgain(): Promise<void>;
  /** `import.run` for real, after a clean dry run. */
  runImport(): Promise<void>;
  goTo(step: ImportStep): void;
  reset(): void;
}

const defaultOptions: ImportOptions = { defaultCountry: null, dateOrder: 'dmy', encoding: null, duplicates: 'skip' };

function callInput(file: string, options: ImportOptions, overrides: MappingOverrides): InputOf<'import.preview'> {
  return {
    file: file.trim(),
    ...(Object.keys(overrides).length > 0 ? { map: overrides } : {}),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    dateOrder: options.dateOrder,
    duplicates: options.duplicates,
  };
}

export const useImportStore = create<ImportState>()((set, get) => ({
  step: 0,
  file: '',
  options: defaultOptions,
  overrides: {},
  preview: null,
  check: null,
  report: null,
  busy: null,
  error: null,
  progress: null,

  // Another file, or other reading options, start from the guesses again.
  setFile: (file) => set({ file, overrides: {}, preview: null, check: null, report: null, error: null }),
  setOptions: (changes) => set((state) => ({ options: { ...state.options, ...changes }, check: null })),

  read: async () => {
    const { busy, file, options, overrides } = get();
    if (busy) return;
    set({ busy: 'reading', error: null, check: null, report: null });
    const result = await api.call('import.preview', callInput(file, options, overrides));
    if (result.ok) set({ busy: null, preview: result.value, step: 1 });
    else set({ busy: null, error: result.error });
  },

  setMapping: async (column, field) => {
    const { busy, file, options, overrides, preview } = get();
    if (busy || !preview) return;
    const next: MappingOverrides = { ...overrides, [column]: field };
    if (field !== null && !MULTI_FIELDS.has(field)) {
      for (const m of preview.mapping) if (m.column !== column && m.field === field) next[m.column] = null;
    }
    set({ busy: 'remapping', error: null, check: null });
    const result = await api.call('import.preview', callInput(file, options, next));
    if (result.ok) set({ busy: null, overrides: next, preview: result.value });
    else set({ busy: null, error: result.error });
  },

  runCheck: async () => {
    const { busy, file, options, overrides } = get();
    if (busy) return;
    set({ busy: 'checking', error: null, check: null, progress: null });
    const result = await callWithProgress('import.run', { ...callInput(file, options, overrides), dryRun: true }, (progress) => set({ progress }));
    if (result.ok) set({ busy: null, progress: null, check: result.value, step: 2 });
    else set({ busy: null, progress: null, error: result.error });
  },

  checkAgain: async () => {
    const { busy, file, options, overrides } = get();
    if (busy) return;
    set({ busy: 'checking', error: null, check: null, progress: null });
    const preview = await api.call('import.preview', callInput(file, options, overrides));
    if (!preview.ok) {
      set({ busy: null, error: preview.error });
      return;
    }
    set({ preview: preview.value });
    const result = await callWithProgress('import.run', { ...callInput(file, options, overrides), dryRun: true }, (progress) => set({ progress }));
    if (result.ok) set({ busy: null, progress: null, check: result.value });
    else set({ busy: null, progress: null, error: result.error });
  },

  runImport: async () => {
    const { busy, file, options, overrides, check } = get();
    if (busy || !check || check.errorCount > 0) return;
    set({ busy: 'importing', error: null, report: null, step: 3, progress: null });
    const result = await callWithProgress('import.run', { ...callInput(file, options, overrides), dryRun: false }, (progress) => set({ progress }));
    if (!result.ok) {
      set({ busy: null, progress: null, error: result.error, step: 2 });
      return;
    }
    set({ busy: null, progress: null, report: result.value });
    if (result.value.written && useAccountsStore.getState().total !== null) void useAccountsStore.getState().refresh();
  },

  goTo: (step) => {
    if (get().busy) return;
    set({ step, error: null });
  },

  reset: () => set({ step: 0, file: '', options: defaultOptions, overrides: {}, preview: null, check: null, report: null, busy: null, error: null, progress: null }),
}));
