/**
 * Cell values other than dates and amounts: e-mail addresses, phone numbers (E.164 with libphonenumber-js, read in
 * the row's country), the account's source (one of the inquiry sources), language, currency and free text.
 */
import { parsePhoneNumberFromString, type CountryCode as PhoneCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { isKnownCurrency } from '../money';
import { foldName } from './country-names';

const EMAIL = z.email().max(254);

/** Several values in one cell: "a@x.com; b@y.com", "+34 1…, +34 2…", or one per line. */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n\r]+|,(?=\s*\S)|\s+\/\s+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The address in "mailto:a@x.com" or "Ana <a@x.com>", or null when it is not an e-mail address. */
export function parseEmail(text: string): string | null {
  let value = text.trim().replace(/^mailto:/i, '');
  const angle = /<([^<>]+)>\s*$/.exec(value);
  if (angle) value = angle[1]!.trim();
  return EMAIL.safeParse(value).success ? value : null;
}

/** The e-mail key duplicates are found by (the address is kept as written). */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** A phone number in E.164 (+34912345678), read in `country` when it has no +country prefix; null if impossible. */
export function normalisePhone(text: string, country: string | null): string | null {
  const value = text
    .normalize('NFKC')
    .trim()
    .replace(/^tel:/i, '')
    .replace(/^(?:tel|phone|mobile|mob|cell|fax|whatsapp|电话|手机|座机)[\s.:：]*/i, '')
    .replace(/^00(?=[1-9])/, '+');
  if (!/\d/.test(value) || value.length > 40) return null;
  const phone = parsePhoneNumberFromString(value, (country ?? undefined) as PhoneCountry | undefined);
  if (!phone || !phone.isPossible()) return null;
  return phone.number;
}

export const INQUIRY_SOURCES = ['website', 'email', 'marketplace', 'fair', 'referral', 'phone'] as const;
export type InquirySourceName = (typeof INQUIRY_SOURCES)[number];

const SOURCE_WORDS: Record<InquirySourceName, readonly string[]> = {
  website: ['website', 'web', 'site', 'webform', 'organicsearch', 'paidsearch', 'directtraffic', 'seo', 'google', 'inbound', '官网', '网站', '独立站', '谷歌', '网络'],
  email: ['email', 'mail', 'emailmarketing', 'newsletter', 'coldemail', '邮件', '邮箱', '开发信', '电子邮件'],
  marketplace: ['marketplace', 'alibaba', 'alibabacom', 'madeinchina', 'globalsources', 'amazon', 'b2b', 'platform', '阿里巴巴', '阿里', '中国制造网', '环球资源', '平台', 'b2b平台'],
  fair: ['fair', 'tradefair', 'tradeshow', 'show', 'exhibition', 'expo', 'cantonfair', 'event', '展会', '广交会', '展览会', '展览'],
  referral: ['referral', 'referrals', 'referred', 'recommendation', 'partner', 'wordofmouth', '推荐', '介绍', '转介绍', '老客户介绍', '客户介绍'],
  phone: ['phone', 'call', 'coldcall', 'telephone', 'phoneinquiry', '电话', '来电'],
};
const SOURCES = new Map<string, InquirySourceName>();
for (const [source, words] of Object.entries(SOURCE_WORDS) as [InquirySourceName, readonly string[]][]) {
  for (const word of words) SOURCES.set(foldName(word), source);
}

/** The account's source as one of the inquiry sources (website, email, marketplace, fair, referral, phone). */
export function parseSource(text: string): InquirySourceName | null {
  return SOURCES.get(foldName(text)) ?? null;
}

const LANGUAGE_CODES = ['en', 'zh', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'ru', 'uk', 'tr', 'ar', 'fa', 'he', 'hi', 'ur', 'bn', 'ne', 'ta', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'sw'];
let languageNames: Map<string, string> | null = null;

/** A language tag (en, zh-CN, pt-BR) or a language named in English or Chinese (Spanish, 西班牙语); null if unknown. */
export function parseLanguage(text: string): string | null {
  const value = text.trim();
  if (/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(value)) {
    try {
      return Intl.getCanonicalLocales(value.replace(/_/g, '-'))[0] ?? null;
    } catch {
      return null;
    }
  }
  if (!languageNames) {
    languageNames = new Map();
    for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
      const display = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      for (const code of LANGUAGE_CODES) {
        const name = display.of(code);
        if (name) languageNames.set(foldName(name), code);
      }
    }
    for (const [name, code] of Object.entries({ 中文: 'zh', 汉语: 'zh', 普通话: 'zh', 英文: 'en', 英语: 'en', chinese: 'zh', mandarin: 'zh' })) languageNames.set(foldName(name), code);
  }
  return languageNames.get(foldName(value)) ?? null;
}

const CURRENCY_NAMES: Record<string, string> = {
  rmb: 'CNY', 人民币: 'CNY', 元: 'CNY', 美元: 'USD', usdollar: 'USD', dollar: 'USD', 欧元: 'EUR', euro: 'EUR', 英镑: 'GBP', pound: 'GBP',
  日元: 'JPY', yen: 'JPY', 港币: 'HKD', 港元: 'HKD', 澳元: 'AUD', 加元: 'CAD', 卢布: 'RUB', 韩元: 'KRW', '€': 'EUR', '£': 'GBP', 'us$': 'USD',
};
const FOLDED_CURRENCY_NAMES = new Map(Object.entries(CURRENCY_NAMES).map(([k, v]) => [k.normalize('NFKC').toLowerCase(), v]));

/** An ISO 4217 code (eur, EUR) or a common name of one (RMB, 人民币, 美元, euro); null if unknown. */
export function parseCurrency(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  const upper = value.toUpperCase();
  if (upper !== 'RMB' && isKnownCurrency(upper)) return upper;
  return FOLDED_CURRENCY_NAMES.get(value.toLowerCase()) ?? null;
}
