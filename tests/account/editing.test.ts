/**
 * Editing an account and its people (issue 13 item 2) on real books: the user's ratings move today's value score at
 * once (R11), contacts are edited field by field with phones kept in E.164 of the buyer's country, a removed contact
 * leaves the account, its search words and — through a share file — a teammate's copy, and the primary flag is
 * always on at most one contact, handed to the next one when the primary is removed.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

const NOW = '2025-06-30T09:00:00Z';
let tb: TestBook;
beforeEach(() => {
  tb = openTestBook(NOW);
});
afterEach(async () => {
  await tb.close();
});

const primaries = async (accountId: string) =>
  valueOf(await call(tb.ctx, 'contacts.list', { accountId }))
    .filter((c) => c.isPrimary)
    .map((c) => c.name);

describe('account editing', () => {
  it('R11: a new strategic-fit or reputation rating moves today’s value score in the same call', async () => {
    const ctx = tb.ctx;
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' }));
    valueOf(await call(ctx, 'orders.add', { accountId: account.id, orderedAt: '2025-05-02', amount: 12_000, currency: 'CNY' }));
    const valueNow = async () => {
      const [score] = valueOf(await call(ctx, 'scores.list', { accountId: account.id, limit: 1 }));
      return score!;
    };
    const before = await valueNow();
    // Ratings 1–5 are 0/25/50/75/100 of the part; the default is 3 (50).
    expect(before.value.parts).toMatchObject({ strategic: 50, reputation: 50 });
    const updated = valueOf(await call(ctx, 'accounts.update', { id: account.id, strategicFit: 5, reputation: 1 }));
    expect(updated).toMatchObject({ strategicFit: 5, reputation: 1 });
    const after = await valueNow();
    expect(after.asOf).toBe(before.asOf);
    expect(after.value.parts).toMatchObject({ strategic: 100, reputation: 0 });
    // A change that is not a rating leaves the scores to the scheduler: the snapshot is the one just written.
    valueOf(await call(ctx, 'accounts.update', { id: account.id, city: 'Valencia', notes: 'Prefers WhatsApp' }));
    expect(await valueNow()).toEqual(after);
  });

  it('every field can be changed and read back; a new country without the buyer’s zone takes its main zone', async () => {
    const ctx = tb.ctx;
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Nordlicht Armaturen', country: 'DE', city: 'Hamburg' }));
    const edited = valueOf(
      await call(ctx, 'accounts.update', {
        id: account.id,
        name: 'Nordlicht Armaturen GmbH',
        country: 'AT',
        city: 'Wien',
        language: 'de',
        currency: 'EUR',
        source: 'fair',
        owner: 'Lily',
        strategicFit: 4,
        reputation: 2,
        priorityChannel: true,
        notes: 'Met at Hannover Messe',
        tags: ['Hannover Messe', 'distributor'],
      }),
    );
    expect(edited).toMatchObject({ name: 'Nordlicht Armaturen GmbH', country: 'AT', timeZone: 'Europe/Vienna', city: 'Wien', language: 'de', currency: 'EUR' });
    expect(valueOf(await call(ctx, 'accounts.get', { id: account.id }))).toEqual(edited);
    expect(valueOf(await call(ctx, 'accounts.list', { query: 'Nordlicht GmbH' })).map((a) => a.id)).toEqual([account.id]);
  });
});

describe('contacts', () => {
  it('edits a contact field by field: phones in E.164 of the account’s country (kept as typed when unreadable), e-mails once each', async () => {
    const ctx = tb.ctx;
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' }));
    const maria = valueOf(await call(ctx, 'contacts.add', { accountId: account.id, name: 'María García', phones: ['612 345 678'], whatsapp: '0034 612 345 678' }));
    expect(maria).toMatchObject({ phones: ['+34612345678'], whatsapp: '+34612345678', isPrimary: true });
    const edited = valueOf(
      await call(ctx, 'contacts.update', {
        id: maria.id,
        name: 'María García López',
        title: 'Compras',
        emails: ['maria@valvulas.es', 'MARIA@valvulas.es', 'compras@valvulas.es'],
        phones: ['+34 612 345 678', '612345678', '963 00 11 22', '123'],
        notes: 'Answers in the morning',
      }),
    );
    expect(edited).toMatchObject({
      name: 'María García López',
      title: 'Compras',
      emails: ['maria@valvulas.es', 'compras@valvulas.es'],
      phones: ['+34612345678', '+34963001122', '123'],
      whatsapp: '+34612345678',
      notes: 'Answers in the morning',
      isPrimary: true,
    });
    expect(valueOf(await call(ctx, 'contacts.list', { accountId: account.id }))).toEqual([edited]);
    // The account is found by what the contact now holds, no longer by what it held.
    expect(valueOf(await call(ctx, 'accounts.list', { query: 'compras@valvulas.es' })).map((a) => a.id)).toEqual([account.id]);
    const cleared = valueOf(await call(ctx, 'contacts.update', { id: maria.id, title: '', whatsapp: '', emails: [] }));
    expect(cleared).toMatchObject({ title: null, whatsapp: null, emails: [] });
    expect(valueOf(await call(ctx, 'accounts.list', { query: 'compras@valvulas.es' }))).toEqual([]);
  });

  it('one primary contact at most: making one primary unflags the other; removing the primary hands it to the next by name', async () => {
    const ctx = tb.ctx;
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' }));
    const add = async (name: string) => valueOf(await call(ctx, 'contacts.add', { accountId: account.id, name }));
    const jorge = await add('Jorge Ruiz');
    const ana = await add('Ana Gil');
    const bea = await add('Beatriz Sanz');
    expect(await primaries(account.id)).toEqual(['Jorge Ruiz']);
    valueOf(await call(ctx, 'contacts.update', { id: bea.id, isPrimary: true }));
    expect(await primaries(account.id)).toEqual(['Beatriz Sanz']);
    // Unflagging leaves the account with none (the user's choice); the list then goes by name.
    valueOf(await call(ctx, 'contacts.update', { id: bea.id, isPrimary: false }));
    expect(await primaries(account.id)).toEqual([]);
    valueOf(await call(ctx, 'contacts.update', { id: jorge.id, isPrimary: true }));
    valueOf(await call(ctx, 'contacts.remove', { id: ana.id }));
    expect(await primaries(account.id)).toEqual(['Jorge Ruiz']);
    valueOf(await call(ctx, 'contacts.remove', { id: jorge.id }));
    expect(await primaries(account.id)).toEqual(['Beatriz Sanz']);
    valueOf(await call(ctx, 'contacts.remove', { id: bea.id }));
    expect(valueOf(await call(ctx, 'contacts.list', { accountId: account.id }))).toEqual([]);
  });

  it('a teammate’s copy learns of an edited and a removed contact from a share file', async () => {
    const peer = openTestBook(NOW);
    try {
      const ctx = tb.ctx;
      const account = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES' }));
      const maria = valueOf(await call(ctx, 'contacts.add', { accountId: account.id, name: 'María García' }));
      const jorge = valueOf(await call(ctx, 'contacts.add', { accountId: account.id, name: 'Jorge Ruiz' }));
      const first = path.join(tb.dir, 'first.tbshare');
      valueOf(await call(ctx, 'share.export', { out: first }));
      valueOf(await call(peer.ctx, 'share.merge', { file: first, dryRun: false }));
      expect(valueOf(await call(peer.ctx, 'contacts.list', { accountId: account.id })).map((c) => c.name)).toEqual(['María García', 'Jorge Ruiz']);

      valueOf(await call(ctx, 'contacts.update', { id: jorge.id, title: 'Buyer', isPrimary: true }));
      valueOf(await call(ctx, 'contacts.remove', { id: maria.id }));
      const second = path.join(tb.dir, 'second.tbshare');
      valueOf(await call(ctx, 'share.export', { out: second }));
      valueOf(await call(peer.ctx, 'share.merge', { file: second, dryRun: false }));
      const theirs: Contact[] = valueOf(await call(peer.ctx, 'contacts.list', { accountId: account.id }));
      expect(theirs.map((c) => [c.name, c.title, c.isPrimary])).toEqual([['Jorge Ruiz', 'Buyer', true]]);
    } finally {
      await peer.close();
    }
  });
});
