import type { Language } from '../../i18n';

const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(language: Language, unit: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte'): Intl.NumberFormat {
  const key = `${language}|${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 });
    formats.set(key, format);
  }
  return format;
}

/** A file size in the UI language: "512 B", "84 kB", "1.5 MB" (powers of 1,024, as file managers show them). */
export function formatSize(bytes: number, language: Language): string {
  if (bytes < 1024) return unitFormat(language, 'byte').format(bytes);
  if (bytes < 1024 ** 2) return unitFormat(language, 'kilobyte').format(bytes / 1024);
  if (bytes < 1024 ** 3) return unitFormat(language, 'megabyte').format(bytes / 1024 ** 2);
  return unitFormat(language, 'gigabyte').format(bytes / 1024 ** 3);
}
