/**
 * Amounts as people and exports write them: 1234.56, 1,234.56, 1.234,56, 1 234,56 (any space, incl. the no-break
 * ones), 1'234.56, 12,34,567.89 (Indian grouping), with a currency sign or code around them (US$ 1,200, 1.200 €,
 * ¥8,000, 8000元, EUR 12.50, 12.50 EUR). A separator that appears twice, or beside the other one, groups thousands;
 * a single "." or "," followed by exactly three digits after one to three leading digits (1,234 or 1.234) is read as
 * a thousands separator too (amounts with three decimals are rare; such a file can write 1.2340). Negative amounts
 * are refused (an order's amount is never below zero).
 */
export type AmountResult =
  | { ok: true; value: number; currency: string | null }
  | { ok: false; code: 'import_amount_invalid' | 'import_amount_negative' };

/** Signs and words that name a currency, longest first; a bare "$" or "¥" names none for sure (USD/CAD/AUD…, CNY/JPY). */
const SIGNS: readonly (readonly [string, string | null])[] = [
  ['US$', 'USD'], ['HK$', 'HKD'], ['AU$', 'AUD'], ['CA$', 'CAD'], ['A$', 'AUD'], ['C$', 'CAD'], ['R$', 'BRL'], ['S$', 'SGD'], ['RMB', 'CNY'],
  ['人民币', 'CNY'], ['美元', 'USD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['港币', 'HKD'], ['港元', 'HKD'], ['元', 'CNY'],
  ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['₽', 'RUB'], ['₩', 'KRW'], ['₺', 'TRY'], ['$', null], ['¥', null],
];
const CODE = /^([A-Z]{3})(?![A-Za-z])|(?<![A-Za-z])([A-Z]{3})$/;

/** The number's text without the currency around it, and the currency it names (if it names one for sure). */
function takeCurrency(text: string): { rest: string; currency: string | null } {
  let rest = text;
  let currency: string | null = null;
  for (let pass = 0; pass < 3; pass++) {
    const sign = SIGNS.find(([s]) => rest.startsWith(s) || rest.endsWith(s));
    if (sign) {
      currency ??= sign[1];
      rest = (rest.startsWith(sign[0]) ? rest.slice(sign[0].length) : rest.slice(0, -sign[0].length)).trim();
      continue;
    }
    const code = CODE.exec(rest);
    if (!code) break;
    currency ??= code[1] ?? code[2] ?? null;
    rest = (rest.slice(0, code.index) + rest.slice(code.index + code[0].length)).trim();
  }
  return { rest, currency };
}

/** Integer digits with grouping separators in the right places: 1,234,567 or the Indian 12,34,567. */
function validGroups(groups: readonly string[]): boolean {
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  if (groups.length === 1) return true;
  const [first = '', ...others] = groups;
  if (!/^\d{1,3}$/.test(first)) return false;
  if (others.every((g) => g.length === 3)) return true;
  return others[others.length - 1]!.length === 3 && others.slice(0, -1).every((g) => g.length === 2) && first.length <= 2;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Which of "." and "," is the decimal separator of `s` (digits and separators only), or null for none. */
function decimalOf(s: string): '.' | ',' | null {
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (last < 0) return null;
  const sep = s[last] === '.' ? '.' : ',';
  const other = sep === '.' ? ',' : '.';
  if (count(s, sep) > 1) return null;
  if (count(s, other) > 0) return sep;
  const int = s.slice(0, last);
  const frac = s.slice(last + 1);
  return frac.length === 3 && /^[1-9]\d{0,2}$/.test(int) ? null : sep;
}

export function parseAmount(text: string): AmountResult {
  const invalid: AmountResult = { ok: false, code: 'import_amount_invalid' };
  const { rest, currency } = takeCurrency(text.normalize('NFKC').trim());
  let s = rest.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').replace(/’/g, "'").trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(s) || /-$/.test(s)) negative = true;
  s = s.replace(/^[-−–+]\s*/, '').replace(/\s*-$/, '');
  if (/^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(s)) return finish(Number(s), negative, currency);
  if (!/^\d(?:[\d.,' ]*\d)?$/.test(s)) return invalid;
  const decimal = decimalOf(s);
  const [intPart = '', fracPart, extra] = decimal === null ? [s] : s.split(decimal);
  if (extra !== undefined) return invalid;
  const groupChars = new Set(intPart.match(/[.,' ]/g) ?? []);
  if (groupChars.size > 1) return invalid;
  if (!validGroups(intPart.split(/[.,' ]/))) return invalid;
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) return invalid;
  const digits = intPart.replace(/[.,' ]/g, '');
  return finish(Number(fracPart === undefined ? digits : `${digits}.${fracPart}`), negative, currency);
}

function finish(value: number, negative: boolean, currency: string | null): AmountResult {
  if (!Number.isFinite(value) || value > 1e13) return { ok: false, code: 'import_amount_invalid' };
  if (negative && value !== 0) return { ok: false, code: 'import_amount_negative' };
  return { ok: true, value, currency };
}
