import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, resources, type Language } from './resources';

const STORAGE_KEY = 'tradebook.language';

/** The language for the first paint: the last choice mirrored in localStorage, else the system's (中文 for zh-*), else English. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
    return window.navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the book's `language` setting still holds the choice.
  }
}

function showLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

/** Starts i18next synchronously (resources are bundled), so the first render is already translated. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['en', 'zh-CN'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  showLanguage(language);
  return i18next;
}

/** Shows the UI in `language` and mirrors it in localStorage; saving it in the book is the ui store's job. */
export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  showLanguage(language);
  rememberLanguage(language);
}
