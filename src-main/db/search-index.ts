import { accountSearchDocument } from '../domain/search-text';
import type { Sqlite } from './connection';

/** The schema version that added the search index (migrations/0007_search-index.sql). */
export const SEARCH_INDEX_VERSION = 7;

/** Rebuilds every account's search document from its name, notes and live contacts, in one transaction. */
export function rebuildSearchIndex(db: Sqlite): number {
  const accounts = db.prepare('SELECT id, name, notes FROM accounts WHERE deleted_at IS NULL').all() as { id: string; name: string; notes: string }[];
  const contactsOf = db.prepare('SELECT name, emails, notes FROM contacts WHERE account_id = ? AND deleted_at IS NULL');
  const docOf = db.prepare(
    'INSERT INTO search_docs (account_id, name) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET name = excluded.name RETURNING doc',
  );
  const remove = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const account of accounts) {
      const contacts = contactsOf.all(account.id) as { name: string; emails: string; notes: string }[];
      const { doc } = docOf.get(account.id, account.name) as { doc: number };
      remove.run(doc);
      const text = accountSearchDocument(
        account,
        contacts.map((c) => ({ name: c.name, emails: JSON.parse(c.emails) as string[], notes: c.notes })),
      );
      insert.run(doc, text.names, text.emails, text.notes);
    }
  }).immediate();
  return accounts.length;
}
