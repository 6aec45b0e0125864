import { create } from 'zustand';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import { scoreParts } from '../../../src-main/domain/settings';

export type SettingValues = Readonly<Record<string, unknown>>;

interface SettingsState {
  /** Every setting the book knows, stored or default (`settings.list`). */
  values: SettingValues | null;
  /** Keys still at their default. */
  defaults: ReadonlySet<string>;
  error: ApiError | null;
  load(): Promise<void>;
  /**
   * Saves the given keys one by one (the five score weights together, as `scoreWeights`); returns the book's error
   * message per key that it refused. What was saved stays saved.
   */
  save(changes: SettingValues): Promise<Record<string, string>>;
}

const WEIGHT_PREFIX = 'scoreWeights.';

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  values: null,
  defaults: new Set(),
  error: null,

  load: async () => {
    const result = await api.call('settings.list', {});
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set({
      values: Object.fromEntries(result.value.map((setting) => [setting.key, setting.value])),
      defaults: new Set(result.value.filter((setting) => setting.isDefault).map((setting) => setting.key)),
      error: null,
    });
  },

  save: async (changes) => {
    const problems: Record<string, string> = {};
    const keys = Object.keys(changes);
    const weights = keys.filter((key) => key.startsWith(WEIGHT_PREFIX));
    if (weights.length > 0) {
      const current = get().values ?? {};
      const value = Object.fromEntries(scoreParts.map((part) => [part, changes[`${WEIGHT_PREFIX}${part}`] ?? current[`${WEIGHT_PREFIX}${part}`]]));
      const result = await api.call('settings.set', { key: 'scoreWeights', value });
      if (!result.ok) for (const key of weights) problems[key] = result.error.message;
    }
    for (const key of keys.filter((k) => !k.startsWith(WEIGHT_PREFIX))) {
      const result = await api.call('settings.set', { key, value: changes[key] });
      if (!result.ok) problems[key] = result.error.message;
    }
    await get().load();
    return problems;
  },
}));
