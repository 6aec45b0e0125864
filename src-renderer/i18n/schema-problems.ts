import { z } from 'zod';
import { fieldMessages } from '../../src-main/contract/messages';
import type { Language } from './resources';

const locales = { en: z.locales.en(), 'zh-CN': z.locales.zhCN() } as const;

/**
 * What the book's own schema (a call's input) finds wrong with `input`, as one message per field in the user's
 * language: zod's messages in that locale and Tradebook's `tb.*` checks from the shared table. A form checks with
 * the very schema the call is checked with, so the two never disagree; issues on other paths are left out.
 */
export function schemaProblems<F extends string>(schema: z.ZodType, input: unknown, fields: readonly F[], language: Language): Partial<Record<F, string>> {
  const problems: Partial<Record<F, string>> = {};
  const parsed = schema.safeParse(input, { error: locales[language].localeError });
  if (parsed.success) return problems;
  const table = fieldMessages[language] as Record<string, string>;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') as F;
    if (fields.includes(field)) problems[field] ??= table[issue.message] ?? issue.message;
  }
  return problems;
}

/** The `tb.*` message in the user's language (a check the form makes beside the schema's). */
export function fieldMessage(key: keyof (typeof fieldMessages)['en'], language: Language): string {
  return fieldMessages[language][key];
}
