/**
 * Duplicate detection for a lead being typed (trade-fair capture, issue 13 item 1): which accounts of the book it may
 * already be, and why. Conclusive: the same e-mail address (case aside), the same phone number (E.164), the same
 * company once legal forms, accents and punctuation are set aside. Suggestive: a company or a person's name that is
 * nearly the same (a typo, a dropped letter: edit distance over length, by fastest-levenshtein). Pure: the service
 * reads the candidates, this decides.
 */
import { distance } from 'fastest-levenshtein';
import { normaliseCompanyName } from '../import/company-name';
import { emailKey } from '../import/values';

export interface LeadKeys {
  company: string | null;
  contact: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
}

export interface KnownContact {
  id: string;
  name: string;
  emails: readonly string[];
  /** E.164 keys of the contact's phone numbers. */
  phones: readonly string[];
}

export interface KnownAccount {
  id: string;
  name: string;
  contacts: readonly KnownContact[];
}

export const duplicateReasons = ['email', 'phone', 'company', 'similar_company', 'similar_name'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export interface DuplicateMatch {
  accountId: string;
  /** The contact the match is about (an e-mail, a phone or a name), if any. */
  contactId: string | null;
  reasons: DuplicateReason[];
  /** For ordering: conclusive reasons first. */
  strength: number;
}

const WEIGHT: Record<DuplicateReason, number> = { email: 100, phone: 90, company: 80, similar_company: 40, similar_name: 30 };

/** 1 for the same text, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  // fastest-levenshtein counts UTF-16 code units, so the length is counted in them too (a character outside the BMP,
  // 𠀀, is two of each): counted in code points the distance could exceed the length and the similarity go below 0.
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** A person's name for comparison: accents, case and punctuation off, words in order ("Sato, Kenji" = "Kenji Sato"). */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** Near enough to ask: at least 4 characters to compare and at most one edit in five. */
const SIMILAR = 0.8;
const nearly = (a: string, b: string) => a !== '' && b !== '' && Math.min([...a].length, [...b].length) >= 4 && similarity(a, b) >= SIMILAR;

/** Why `account` may be the lead's (null when nothing suggests it). */
export function matchLead(lead: LeadKeys, account: KnownAccount): DuplicateMatch | null {
  const reasons = new Set<DuplicateReason>();
  // The first contact found for each reason; the match is about the one of the strongest reason (the e-mail's
  // owner rather than a contact listed earlier whose name is merely similar).
  const contactOf = new Map<DuplicateReason, string>();
  const found = (reason: DuplicateReason, contact: KnownContact) => {
    reasons.add(reason);
    if (!contactOf.has(reason)) contactOf.set(reason, contact.id);
  };
  const email = lead.email ? emailKey(lead.email) : null;
  const person = lead.contact ? personKey(lead.contact) : '';
  for (const contact of account.contacts) {
    if (email && contact.emails.some((e) => emailKey(e) === email)) found('email', contact);
    if (lead.phone && contact.phones.includes(lead.phone)) found('phone', contact);
    const known = personKey(contact.name);
    if (person !== '' && (known === person || nearly(known, person))) found('similar_name', contact);
  }
  if (lead.company) {
    const mine = normaliseCompanyName(lead.company);
    const theirs = normaliseCompanyName(account.name);
    if (mine !== '' && mine === theirs) reasons.add('company');
    else if (nearly(mine, theirs)) reasons.add('similar_company');
  }
  if (reasons.size === 0) return null;
  const ordered = duplicateReasons.filter((r) => reasons.has(r));
  const contactId = ordered.map((r) => contactOf.get(r)).find((id) => id !== undefined) ?? null;
  return { accountId: account.id, contactId, reasons: ordered, strength: ordered.reduce((sum, r) => sum + WEIGHT[r], 0) };
}

/** The accounts the lead may be, strongest first (ties by id), at most `limit`. */
export function rankDuplicates(lead: LeadKeys, accounts: readonly KnownAccount[], limit = 5): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const account of accounts) {
    const match = matchLead(lead, account);
    if (match) matches.push(match);
  }
  return matches.sort((a, b) => b.strength - a.strength || (a.accountId < b.accountId ? -1 : 1)).slice(0, limit);
}

/** A conclusive reason: saving the lead as a new account anyway would double a buyer the book has. */
export const isConclusive = (match: DuplicateMatch) => match.reasons.some((r) => r === 'email' || r === 'phone' || r === 'company');
