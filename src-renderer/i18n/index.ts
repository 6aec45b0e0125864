export { applyLanguage, initI18n, storedLanguage } from './setup';
export { countryName, formatInstant, formatNumber, localTimeIn, weekdayTimeIn } from './format';
export { defaultLanguage, en, isLanguage, resources, supportedLanguages, zhCN } from './resources';
export type { Language, Messages } from './resources';
