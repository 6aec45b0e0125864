import type { Language } from '../../src-main/contract/messages';
import { en } from './en';
import { zhCN } from './zh-CN';

export type { Language } from '../../src-main/contract/messages';
export type { Messages } from './en';
export { en } from './en';
export { zhCN } from './zh-CN';

/** The UI languages, in the order the language switch shows them; values match the `language` setting. */
export const supportedLanguages = ['en', 'zh-CN'] as const satisfies readonly Language[];

export const defaultLanguage: Language = 'en';

/** i18next resources: one `translation` namespace per language. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const satisfies Record<Language, { translation: unknown }>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}
