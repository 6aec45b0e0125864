import { z } from 'zod';
import { fieldMessages } from '../../../src-main/contract/messages';
import { settingDefinitions } from '../../../src-main/domain/settings';
import type { Language } from '../../i18n';

/** The same schemas the book checks with (`tradebook settings set`); the host facts only give defaults, unused here. */
const definitions = settingDefinitions({ timeZone: 'UTC', country: 'US' });
const locales = { en: z.locales.en(), 'zh-CN': z.locales.zhCN() } as const;

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
