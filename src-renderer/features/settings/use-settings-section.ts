import { useState } from 'react';
import { useUiStore } from '../../stores/ui-store';
import { settingProblem } from './setting-validation';
import { useSettingsStore } from './settings-store';

export type SaveStatus = { kind: 'saved' } | { kind: 'notSaved'; count: number } | { kind: 'invalid'; count: number } | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One section of the Settings page: the values it shows (the book's, or what the user typed), the problem next to
 * each field (checked as the user types; the book's own refusal after a save) and Save / Undo changes.
 */
export function useSettingsSection(check?: (value: (key: string) => unknown) => Record<string, string>) {
  const language = useUiStore((state) => state.language);
  const stored = useSettingsStore((state) => state.values) ?? {};
  const defaults = useSettingsStore((state) => state.defaults);
  const saveChanges = useSettingsStore((state) => state.save);
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>(null);
  const [saving, setSaving] = useState(false);

  const value = (key: string): unknown => (Object.hasOwn(draft, key) ? draft[key] : stored[key]);
  // Checks across fields (the five weights sum to 100), for the fields the user changed.
  const across = Object.keys(draft).length > 0 && check ? check(value) : {};
  const ownProblem = (key: string): string | null =>
    Object.hasOwn(draft, key) ? (settingProblem(key, draft[key], language) ?? (Object.hasOwn(across, key) ? across[key]! : null)) : null;
  const problemOf = (key: string): string | undefined => ownProblem(key) ?? refused[key];

  return {
    value,
    isDefault: (key: string) => defaults.has(key) && !Object.hasOwn(draft, key),
    problemOf,
    dirty: Object.keys(draft).length > 0,
    saving,
    status,
    setValue(key: string, next: unknown) {
      setStatus(null);
      setRefused(({ [key]: _dropped, ...rest }) => rest);
      setDraft(({ [key]: _old, ...rest }) => (same(next, stored[key]) ? rest : { ...rest, [key]: next }));
    },
    reset() {
      setDraft({});
      setRefused({});
      setStatus(null);
    },
    async save() {
      const invalid = Object.keys(draft).filter((key) => ownProblem(key) !== null);
      if (invalid.length > 0) {
        setStatus({ kind: 'invalid', count: invalid.length });
        return;
      }
      if (Object.keys(draft).length === 0) return;
      setSaving(true);
      const problems = await saveChanges(draft);
      setSaving(false);
      setRefused(problems);
      setDraft((current) => Object.fromEntries(Object.entries(current).filter(([key]) => Object.hasOwn(problems, key))));
      const count = Object.keys(problems).length;
      setStatus(count === 0 ? { kind: 'saved' } : { kind: 'notSaved', count });
    },
  };
}

export type SettingsSection = ReturnType<typeof useSettingsSection>;
