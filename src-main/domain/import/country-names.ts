/**
 * Country names → ISO 3166 codes. The names come from the runtime's CLDR data (Intl.DisplayNames) in English,
 * simplified and traditional Chinese and the other languages buyers write (es, fr, de, pt, it, ru, ar, ja, ko, tr,
 * vi), so 美国, 德國, Allemagne, Türkiye and Czechia all resolve without a shipped table; a short table adds the
 * spellings CLDR does not use (USA, UK, Holland, UAE, 阿联酋, 香港, 台湾, South Korea…). Unknown names give null and
 * are reported row by row.
 */
import { allCountries, isKnownCountry } from '../countries';

const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ru', 'ar', 'ja', 'ko', 'tr', 'vi'];

const EXTRA: Record<string, string> = {
  usa: 'US', us: 'US', america: 'US', unitedstatesofamerica: 'US', 美国: 'US', 美國: 'US',
  uk: 'GB', greatbritain: 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', northernireland: 'GB', 英国: 'GB', 英國: 'GB',
  holland: 'NL', thenetherlands: 'NL', 荷兰: 'NL',
  uae: 'AE', emirates: 'AE', unitedarabemirate: 'AE', 阿联酋: 'AE', 阿拉伯联合酋长国: 'AE', dubai: 'AE',
  ksa: 'SA', saudi: 'SA', 沙特: 'SA', 沙特阿拉伯: 'SA',
  southkorea: 'KR', korea: 'KR', republicofkorea: 'KR', korearepublicof: 'KR', 韩国: 'KR', 南韩: 'KR', 韓國: 'KR', northkorea: 'KP', 朝鲜: 'KP',
  prc: 'CN', peoplesrepublicofchina: 'CN', mainlandchina: 'CN', chinamainland: 'CN', 中国: 'CN', 中国大陆: 'CN', 中國: 'CN', 内地: 'CN',
  hongkong: 'HK', hongkongsar: 'HK', hk: 'HK', 香港: 'HK', 中国香港: 'HK', 中國香港: 'HK',
  macau: 'MO', macao: 'MO', 澳门: 'MO', 中国澳门: 'MO', 澳門: 'MO',
  taiwan: 'TW', 台湾: 'TW', 中国台湾: 'TW', 臺灣: 'TW', 台灣: 'TW',
  russia: 'RU', russianfederation: 'RU', 俄罗斯: 'RU', 俄国: 'RU',
  turkey: 'TR', turkiye: 'TR', 土耳其: 'TR',
  vietnam: 'VN', vietnamsocialistrepublicof: 'VN', 越南: 'VN',
  iran: 'IR', iranislamicrepublicof: 'IR', 伊朗: 'IR',
  syria: 'SY', laos: 'LA', bolivia: 'BO', venezuela: 'VE', tanzania: 'TZ', moldova: 'MD', brunei: 'BN',
  czechrepublic: 'CZ', czechia: 'CZ', 捷克: 'CZ',
  ivorycoast: 'CI', cotedivoire: 'CI', 科特迪瓦: 'CI',
  burma: 'MM', myanmar: 'MM', 缅甸: 'MM',
  drc: 'CD', drcongo: 'CD', democraticrepublicofthecongo: 'CD', congokinshasa: 'CD', congobrazzaville: 'CG', republicofthecongo: 'CG',
  macedonia: 'MK', northmacedonia: 'MK', swaziland: 'SZ', eswatini: 'SZ', capeverde: 'CV', eastimor: 'TL', timorleste: 'TL',
  palestine: 'PS', vatican: 'VA', holysee: 'VA',
  德国: 'DE', 法国: 'FR', 意大利: 'IT', 西班牙: 'ES', 葡萄牙: 'PT', 日本: 'JP', 印度: 'IN', 巴西: 'BR', 墨西哥: 'MX', 加拿大: 'CA', 澳大利亚: 'AU', 澳洲: 'AU',
  新西兰: 'NZ', 新加坡: 'SG', 马来西亚: 'MY', 印尼: 'ID', 印度尼西亚: 'ID', 泰国: 'TH', 菲律宾: 'PH', 巴基斯坦: 'PK', 孟加拉: 'BD', 孟加拉国: 'BD',
  埃及: 'EG', 南非: 'ZA', 尼日利亚: 'NG', 肯尼亚: 'KE', 智利: 'CL', 阿根廷: 'AR', 秘鲁: 'PE', 哥伦比亚: 'CO', 波兰: 'PL', 乌克兰: 'UA',
};

/** A name folded for comparison: no accents, lower case, letters and digits only ("Côte d’Ivoire" → "cotedivoire"). */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

let byName: Map<string, string> | null = null;

function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const folded = foldName(name);
    if (folded && !map.has(folded)) map.set(folded, code);
  };
  const codes = allCountries();
  for (const language of LANGUAGES) {
    let display: Intl.DisplayNames;
    try {
      display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      continue;
    }
    for (const code of codes) {
      const name = display.of(code);
      if (!name) continue;
      add(name, code);
      // "Myanmar (Burma)", "Hong Kong SAR China", "中国香港特别行政区": the short forms too.
      add(name.replace(/\s*[(（].*?[)）]\s*/g, ''), code);
      add(name.replace(/\s*SAR China$/i, '').replace(/特别行政区$|特別行政區$/, ''), code);
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) map.set(foldName(name), code);
  byName = map;
  return map;
}

/** The ISO code of a country written as a code (es, ES) or a name in one of the languages above; null if unknown. */
export function countryCode(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  if (/^[A-Za-z]{2}$/.test(value)) {
    const upper = value.toUpperCase();
    if (upper === 'UK') return 'GB';
    if (isKnownCountry(upper)) return upper;
  }
  return names().get(foldName(value)) ?? null;
}
