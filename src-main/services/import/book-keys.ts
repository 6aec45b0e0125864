/**
 * What an import's rows are compared with to find the records the book already has: its live accounts by
 * normalised company name, its contacts' e-mail addresses (lower case) and phone numbers (E.164), and — only for the
 * order numbers the file uses — its orders by number. Read in the import's write transaction, so nothing can slip in
 * between the comparison and the writes.
 */
import type { Sqlite } from '../../db/connection';
import { normaliseCompanyName } from '../../domain/import/company-name';
import { emailKey, normalisePhone } from '../../domain/import/values';

export interface BookKeys {
  companies: Map<string, string>;
  emails: Map<string, string>;
  phones: Map<string, string>;
  orders: Map<string, string>;
}

/** A stored phone number as an E.164 key: "+34 912 345 678" and "0034912345678" directly, others read in the country. */
export function phoneKey(value: string, country: string | null): string | null {
  const trimmed = value.trim();
  if (/^(\+|00)[1-9]/.test(trimmed)) return `+${trimmed.replace(/^00/, '').replace(/\D/g, '')}`;
  return normalisePhone(trimmed, country);
}

function jsonList(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function readBookKeys(sqlite: Sqlite, orderNumbers: ReadonlySet<string>): BookKeys {
  const keys: BookKeys = { companies: new Map(), emails: new Map(), phones: new Map(), orders: new Map() };
  const accounts = sqlite.prepare('SELECT id, name FROM accounts WHERE deleted_at IS NULL ORDER BY rowid');
  for (const row of accounts.iterate() as IterableIterator<{ id: string; name: string }>) {
    const key = normaliseCompanyName(row.name);
    if (!keys.companies.has(key)) keys.companies.set(key, row.id);
  }
  const contacts = sqlite.prepare(
    `SELECT c.id, c.emails, c.phones, c.whatsapp, a.country FROM contacts c JOIN accounts a ON a.id = c.account_id
     WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY c.rowid`,
  );
  for (const row of contacts.iterate() as IterableIterator<{ id: string; emails: string; phones: string; whatsapp: string | null; country: string }>) {
    for (const email of jsonList(row.emails)) {
      const key = emailKey(email);
      if (!keys.emails.has(key)) keys.emails.set(key, row.id);
    }
    for (const phone of [...jsonList(row.phones), ...(row.whatsapp ? [row.whatsapp] : [])]) {
      const key = phoneKey(phone, row.country);
      if (key && !keys.phones.has(key)) keys.phones.set(key, row.id);
    }
  }
  if (orderNumbers.size > 0) {
    const orders = sqlite.prepare('SELECT id, number FROM orders WHERE number IS NOT NULL AND deleted_at IS NULL ORDER BY rowid');
    for (const row of orders.iterate() as IterableIterator<{ id: string; number: string }>) {
      if (orderNumbers.has(row.number) && !keys.orders.has(row.number)) keys.orders.set(row.number, row.id);
    }
  }
  return keys;
}
