/**
 * What an account's search document holds since schema 17 (trade-fair capture): its contacts' phone numbers as E.164
 * digits and its tags, next to names, e-mails and notes. A book made by migrations 0001–0016 is re-indexed once when
 * it is opened and upgraded, so its phone numbers are found as soon as the new version runs.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src-main/contract/models';
import { openBook } from '../../src-main/db/book';
import { openSqlite } from '../../src-main/db/connection';
import { migrate } from '../../src-main/db/migrator';
import { phoneToken } from '../../src-main/domain/search-text';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { openTestBook, removeDir, tempDir, valueOf } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-06-02T08:00:00Z';
const A = '01JNA0000000000000000000A1';

describe('phone numbers in the search index', () => {
  it('phoneToken: E.164 digits, from +, 00 or the national format read in the country', () => {
    expect(phoneToken('+34 612 345 678', 'ES')).toBe('34612345678');
    expect(phoneToken('0034 612-345-678', null)).toBe('34612345678');
    expect(phoneToken('612 345 678', 'ES')).toBe('34612345678');
    expect(phoneToken('(030) 1234567', 'DE')).toBe('49301234567');
    expect(phoneToken('612 345 678', null)).toBeNull();
    expect(phoneToken('call me', 'ES')).toBeNull();
    expect(phoneToken('+12', 'ES')).toBeNull();
  });

  it('a contact’s phone and WhatsApp, and the account’s tags, are found by the accounts search', async () => {
    const tb = openTestBook(T);
    try {
      const account = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Nordlicht Armaturen GmbH', country: 'DE', tags: ['Hannover Messe'] }));
      valueOf(await call(tb.ctx, 'contacts.add', { accountId: account.id, name: 'Jonas Weber', phones: ['030 1234567'], whatsapp: '+49 151 2345678' }));
      const found = async (query: string) => valueOf(await call(tb.ctx, 'accounts.list', { query })).map((a: Account) => a.id);
      expect(await found('49301234567')).toEqual([account.id]);
      expect(await found('491512345678')).toEqual([account.id]);
      expect(await found('Hannover')).toEqual([account.id]);
      valueOf(await call(tb.ctx, 'accounts.update', { id: account.id, tags: ['Canton Fair'] }));
      expect(await found('Hannover')).toEqual([]);
      expect(await found('Canton')).toEqual([account.id]);
    } finally {
      await tb.close();
    }
  });

  it('a book made by migrations 0001–0016 is re-indexed on upgrade: its phone numbers are found at once', async () => {
    const dir = tempDir('tradebook-search-documents-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const old = openSqlite(file);
    migrate(old, { file, target: 16 });
    old.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(A, 'Válvulas Ibéricas S.L.', 'ES', 'Europe/Madrid', T, T);
    old
      .prepare('INSERT INTO contacts (id, account_id, name, emails, phones, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('01JNC0000000000000000000C1', A, 'María García', '["maria@valvulas.es"]', '["612 345 678"]', T, T);
    // The document version 16 wrote: names and e-mails, no phone numbers.
    const doc = old.prepare('INSERT INTO search_docs (account_id, name) VALUES (?, ?) RETURNING doc').get(A, 'Válvulas Ibéricas S.L.') as { doc: number };
    old.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)').run(doc.doc, 'Válvulas Ibéricas S.L. \n María García', 'maria@valvulas.es', '');
    old.close();

    const book = openBook(file);
    const ctx: ServiceContext = { book, now: () => T, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
    try {
      expect(valueOf(await call(ctx, 'accounts.list', { query: '34612345678' })).map((a) => a.id)).toEqual([A]);
      expect(valueOf(await call(ctx, 'accounts.list', { query: 'María' })).map((a) => a.id)).toEqual([A]);
      const duplicates = valueOf(await call(ctx, 'leads.duplicates', { phone: '+34 612 34 56 78' }));
      expect(duplicates.map((d) => [d.account.id, d.reasons])).toEqual([[A, ['phone']]]);
    } finally {
      await book.close();
    }
  });
});
