import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { countryName, supportedLanguages } from '../../i18n';

/** Lower case, accents off: "España" and "espana" match. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

const namesByCode = new Map<string, string[]>();

/** A country's names in every UI language, its code, folded for matching. */
function namesOf(code: string): string[] {
  let names = namesByCode.get(code);
  if (!names) {
    names = [code, ...supportedLanguages.map((language) => countryName(code, language))].map(fold);
    namesByCode.set(code, names);
  }
  return names;
}

/**
 * Country type-ahead in both languages: "Spa", "西班" and "ES" all find Spain, whichever language the labels are in.
 * A name starting with what was typed comes before one that only contains it.
 */
export const countryFilter: OptionsFilter = ({ options, search }) => {
  const query = fold(search.trim());
  if (query === '') return options;
  const starts: ComboboxItem[] = [];
  const contains: ComboboxItem[] = [];
  for (const option of options as ComboboxItem[]) {
    const names = namesOf(option.value);
    if (names.some((n) => n.startsWith(query))) starts.push(option);
    else if (names.some((n) => n.includes(query))) contains.push(option);
  }
  return [...starts, ...contains];
};
