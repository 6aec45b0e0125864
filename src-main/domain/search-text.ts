/**
 * Search text for FTS5. The unicode61 tokenizer keeps a run of Chinese characters as one token, so 华强 would
 * not find 深圳华强电子. We index every CJK run as overlapping bigrams (深圳 圳华 华强 强电 电子) and match
 * queries the same way: a two-or-more-character query becomes a phrase of its bigrams, one character becomes
 * a prefix on the bigrams. Latin words are matched by prefix; diacritics are removed by the tokenizer.
 * Hand-written because no maintained FTS5 CJK tokenizer ships for better-sqlite3.
 */
import { normalisePhone } from './import/values';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Bigrams plus the run's last character alone, so every character starts some token (for 1-char queries). */
function documentTokens(run: string): string[] {
  const chars = [...run];
  return chars.length === 1 ? chars : [...bigrams(run), chars[chars.length - 1]!];
}

/** Document text: CJK runs become bigrams, the rest stays as it is for unicode61. */
export function toSearchDocument(text: string): string {
  return text.replace(CJK, (run) => ` ${documentTokens(run).join(' ')} `);
}

/** An FTS5 MATCH expression for what the user typed, or null when nothing searchable is left. */
export function toSearchQuery(input: string): string | null {
  const terms: string[] = [];
  let rest = input.normalize('NFC').slice(0, 200);
  rest = rest.replace(CJK, (run) => {
    const chars = [...run];
    terms.push(chars.length === 1 ? `"${run}"*` : `"${bigrams(run).join(' ')}"`);
    return ' ';
  });
  for (const word of rest.split(/[^\p{L}\p{N}]+/u)) {
    if (word) terms.push(`"${word}"*`);
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}

export interface SearchableContact {
  name: string;
  emails: readonly string[];
  notes: string;
  /** Phone numbers and WhatsApp as stored (E.164, or as typed in older books). */
  phones?: readonly string[];
}

/**
 * A phone number as one search token, its E.164 digits ("+34 612 345 678" → 34612345678), so a lead's number
 * finds its contact through the index (trade-fair duplicates) and typing the digits finds them in the search.
 * A number without +country is read in the account's country; null when it cannot be read.
 */
export function phoneToken(raw: string, country: string | null | undefined): string | null {
  const trimmed = raw.trim();
  if (/^(\+|00)[1-9]/.test(trimmed)) {
    const digits = trimmed.replace(/^00/, '').replace(/\D/g, '');
    return digits.length >= 6 ? digits : null;
  }
  const e164 = normalisePhone(trimmed, country ?? null);
  return e164 ? e164.slice(1) : null;
}

/** An account's search document: its name and its contacts' names; e-mails and phone numbers; its notes, tags and its contacts' notes. */
export function accountSearchDocument(
  account: { name: string; notes: string; tags?: readonly string[]; country?: string | null },
  contacts: readonly SearchableContact[],
) {
  const phones = contacts.flatMap((c) => (c.phones ?? []).map((p) => phoneToken(p, account.country)).filter((t): t is string => t !== null));
  return {
    names: toSearchDocument([account.name, ...contacts.map((c) => c.name)].join(' \n ')),
    emails: [...contacts.flatMap((c) => c.emails), ...new Set(phones)].join(' '),
    notes: toSearchDocument([account.notes, ...(account.tags ?? []), ...contacts.map((c) => c.notes)].join(' \n ')),
  };
}
