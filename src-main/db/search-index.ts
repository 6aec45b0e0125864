import { accountSearchDocument } from '../domain/search-text';
import type { Sqlite } from './connection';

/** The schema version that added the search index (migrations/0007_search-index.sql). */
export const SEARCH_INDEX_VERSION = 7;
/** The newest schema whose upgrade changed what a search document holds (0017: tags and phone numbers). */
export const SEARCH_DOCUMENT_VERSION = 17;

/** A contact's columns as the book stores them (JSON lists), for its account's search document. */
export interface IndexedContact {
  name: string;
  emails: string;
  phones: string;
  whatsapp: string | null;
  notes: string;
}

const CONTACTS_SQL = 'SELECT name, emails, phones, whatsapp, notes FROM contacts WHERE account_id = ? AND deleted_at IS NULL';

/** An account's search document from its row and its live contacts' rows, as stored (every writer of the index uses it). */
export function searchDocumentOfRows(account: { name: string; notes: string; tags: string; country: string }, contacts: readonly IndexedContact[]) {
  return accountSearchDocument(
    { name: account.name, notes: account.notes, tags: JSON.parse(account.tags) as string[], country: account.country },
    contacts.map((c) => ({
      name: c.name,
      emails: JSON.parse(c.emails) as string[],
      phones: [...(JSON.parse(c.phones) as string[]), ...(c.whatsapp ? [c.whatsapp] : [])],
      notes: c.notes,
    })),
  );
}

/** Rebuilds every account's search document from its name, notes and live contacts, in one transaction. */
export function rebuildSearchIndex(db: Sqlite): number {
  const accounts = db.prepare('SELECT id, name, notes, tags, country FROM accounts WHERE deleted_at IS NULL').all() as { id: string; name: string; notes: string; tags: string; country: string }[];
  const contactsOf = db.prepare(CONTACTS_SQL);
  const docOf = db.prepare(
    'INSERT INTO search_docs (account_id, name) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET name = excluded.name RETURNING doc',
  );
  const remove = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const account of accounts) {
      const contacts = contactsOf.all(account.id) as IndexedContact[];
      const { doc } = docOf.get(account.id, account.name) as { doc: number };
      remove.run(doc);
      const text = searchDocumentOfRows(account, contacts);
      insert.run(doc, text.names, text.emails, text.notes);
    }
  }).immediate();
  return accounts.length;
}

/** Rewrites the search documents of these accounts (a deleted or missing account loses its document). */
export function reindexAccounts(db: Sqlite, accountIds: readonly string[]): void {
  if (accountIds.length === 0) return;
  const accountOf = db.prepare('SELECT id, name, notes, tags, country, deleted_at FROM accounts WHERE id = ?');
  const contactsOf = db.prepare(CONTACTS_SQL);
  const existing = db.prepare('SELECT doc FROM search_docs WHERE account_id = ?');
  const docOf = db.prepare(
    'INSERT INTO search_docs (account_id, name) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET name = excluded.name RETURNING doc',
  );
  const remove = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const dropDoc = db.prepare('DELETE FROM search_docs WHERE doc = ?');
  const insert = db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)');
  for (const id of accountIds) {
    const account = accountOf.get(id) as { id: string; name: string; notes: string; tags: string; country: string; deleted_at: string | null } | undefined;
    const old = existing.get(id) as { doc: number } | undefined;
    if (old) remove.run(old.doc);
    if (!account || account.deleted_at !== null) {
      if (old) dropDoc.run(old.doc);
      continue;
    }
    const contacts = contactsOf.all(id) as IndexedContact[];
    const { doc } = docOf.get(id, account.name) as { doc: number };
    const text = searchDocumentOfRows(account, contacts);
    insert.run(doc, text.names, text.emails, text.notes);
  }
}
