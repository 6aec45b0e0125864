import { z } from 'zod';
import { fieldMessages } from '../../../src-main/contract/messages';
import { settingDefinitions } from '../../../src-main/domain/settings';
import type { Language } from '../../i18n';

/** The same schemas the book checks with (`tradebook settings set`); the host facts only give defaults, unused here. */
const definitions = settingDefinitions({ timeZone: 'UTC', country: 'US' });
const locales = { en: z.locales.en(), 'zh-CN': z.locales.zhCN() } as const;

/** Every key the Settings page edits is one the book knows. */
export function isSettingKey(key: string): boolean {
  return Object.hasOwn(definitions, key);
}

/**
 * What is wrong with a value for a setting, in the user's language (zod's messages in that locale, Tradebook's own
 * `tb.*` checks from the shared table), or null when the book would take it. Checked before any save.
 */
export function settingProblem(key: string, value: unknown, language: Language): string | null {
  const definition = Object.hasOwn(definitions, key) ? definitions[key] : undefined;
  if (!definition) return null;
  const parsed = definition.schema.safeParse(value, { error: locales[language].localeError });
  if (parsed.success) return null;
  const table = fieldMessages[language] as Record<string, string>;
  return [...new Set(parsed.error.issues.map((issue) => table[issue.message] ?? issue.message))].join('; ');
}

/** The value as the book would store it (upper-cased codes, resolved zone names), or the value itself when invalid. */
export function normalisedSetting(key: string, value: unknown): unknown {
  const definition = Object.hasOwn(definitions, key) ? definitions[key] : undefined;
  const parsed = definition?.schema.safeParse(value);
  return parsed?.success ? parsed.data : value;
}

/** R11: the five value-score weights must sum to 100. */
export function weightsSum(weights: readonly number[]): number {
  return Math.round(weights.reduce((a, b) => a + b, 0) * 1e9) / 1e9;
}
