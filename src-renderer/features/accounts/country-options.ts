import { allCountries, zonesOfCountry } from '../../../src-main/domain/countries';
import { countryName, type Language } from '../../i18n';

export interface Option {
  value: string;
  label: string;
}

const countryOptionsByLanguage = new Map<Language, Option[]>();

/** Every ISO country as "Spain (ES)" / "西班牙 (ES)", sorted by name in the UI language. */
export function countryOptions(language: Language): Option[] {
  let options = countryOptionsByLanguage.get(language);
  if (!options) {
    const collator = new Intl.Collator(language);
    options = allCountries()
      .map((code) => ({ value: code, label: `${countryName(code, language)} (${code})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
    countryOptionsByLanguage.set(language, options);
  }
  return options;
}

/** The country's zones, its main zone first (not the alphabetically first, e.g. Europe/Madrid before Africa/Ceuta). */
export function zoneOptions(country: string | null): string[] {
  return country ? zonesOfCountry(country) : [];
}

export function isCountry(code: string): boolean {
  return allCountries().includes(code);
}
