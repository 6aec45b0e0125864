/**
 * Plural forms for the main process's message tables, as i18next names them (`key_one`, `key_other`, …): the form
 * is chosen by Intl.PluralRules for the language and the count, so English says "1 day" and "7 days", and a
 * language with one form (Chinese) keeps its bare key. The renderer uses i18next itself; these tables are filled
 * without it (a scheduler rebuild renders 100k titles).
 */
import type { Language } from './messages';

const rules = new Map<Language, Intl.PluralRules>();

function pluralRules(language: Language): Intl.PluralRules {
  let found = rules.get(language);
  if (found === undefined) {
    found = new Intl.PluralRules(language);
    rules.set(language, found);
  }
  return found;
}

/** The template for `key` and `count`: its plural form when the table has one, else the bare key (undefined when neither). */
export function pluralForm(table: Readonly<Record<string, string>>, key: string, language: Language, count: number | undefined): string | undefined {
  if (count !== undefined && Number.isFinite(count)) {
    const form = table[`${key}_${pluralRules(language).select(count)}`] ?? table[`${key}_other`];
    if (form !== undefined) return form;
  }
  return table[key];
}
