import type { ParsedInputOf } from '../contract';
import { invalidState, notFound } from '../contract/errors';
import type { Contact, Interaction } from '../contract/models';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { ContactRow, InteractionRow } from '../db/schema';
import { normalisePhone } from '../domain/import/values';
import { reindexAccount, requireAccount } from './accounts';
import type { ServiceContext } from './context';

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    title: row.title,
    emails: JSON.parse(row.emails) as string[],
    phones: JSON.parse(row.phones) as string[],
    whatsapp: row.whatsapp,
    wechat: row.wechat,
    isPrimary: row.is_primary === 1,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A contact given with a record must belong to that record's account. */
export async function checkContact(db: BookDb, accountId: string, contactId: string | undefined): Promise<void> {
  if (contactId === undefined) return;
  const row = await db.selectFrom('contacts').select('account_id').where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row || row.account_id !== accountId) throw invalidState('contact_other_account', { contactId });
}

/** Phone numbers as stored: E.164 where they can be read in the buyer's country, else as typed; each once. */
export function storedPhones(phones: readonly string[], country: string): string[] {
  return [...new Set(phones.map((phone) => normalisePhone(phone, country) ?? phone.trim()))];
}

/** E-mail addresses as stored: trimmed, each once whatever its case (the first spelling is kept). */
export function storedEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails
    .map((email) => email.trim())
    .filter((email) => {
      const key = email.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Makes `contactId` the account's only primary contact. */
async function clearOtherPrimaries(trx: BookDb, accountId: string, contactId: string, stamp: string, now: string): Promise<void> {
  await trx
    .updateTable('contacts')
    .set(stampFields(stamp, { is_primary: 0, updated_at: now }))
    .where('account_id', '=', accountId)
    .where('is_primary', '=', 1)
    .where('id', '!=', contactId)
    .execute();
}

async function requireContact(db: BookDb, id: string): Promise<ContactRow> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('contact', id);
  return row;
}

export async function addContact(ctx: ServiceContext, input: ParsedInputOf<'contacts.add'>): Promise<Contact> {
  const now = ctx.now();
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    const account = await requireAccount(trx, input.accountId);
    const first = !(await trx.selectFrom('contacts').select('id').where('account_id', '=', input.accountId).where('deleted_at', 'is', null).executeTakeFirst());
    const isPrimary = input.isPrimary ?? first;
    const id = newId();
    if (isPrimary) await clearOtherPrimaries(trx, input.accountId, id, stamp, now);
    const row: ContactRow = {
      id,
      account_id: input.accountId,
      name: input.name,
      title: input.title ?? null,
      emails: JSON.stringify(storedEmails(input.emails ?? [])),
      phones: JSON.stringify(storedPhones(input.phones ?? [], account.country)),
      whatsapp: input.whatsapp === undefined ? null : storedPhones([input.whatsapp], account.country)[0]!,
      wechat: input.wechat ?? null,
      is_primary: isPrimary ? 1 : 0,
      notes: input.notes ?? '',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(stamp),
    };
    await trx.insertInto('contacts').values(row).execute();
    await reindexAccount(trx, input.accountId);
    return toContact(row);
  });
}

/** Changes the fields given; an empty title, WhatsApp or WeChat clears it. */
export async function updateContact(ctx: ServiceContext, input: ParsedInputOf<'contacts.update'>): Promise<Contact> {
  const now = ctx.now();
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    const current = await requireContact(trx, input.id);
    const account = await requireAccount(trx, current.account_id);
    const changes: Partial<ContactRow> = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.title !== undefined) changes.title = input.title === '' ? null : input.title;
    if (input.emails !== undefined) changes.emails = JSON.stringify(storedEmails(input.emails));
    if (input.phones !== undefined) changes.phones = JSON.stringify(storedPhones(input.phones, account.country));
    if (input.whatsapp !== undefined) changes.whatsapp = input.whatsapp === '' ? null : storedPhones([input.whatsapp], account.country)[0]!;
    if (input.wechat !== undefined) changes.wechat = input.wechat === '' ? null : input.wechat;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.isPrimary !== undefined) {
      changes.is_primary = input.isPrimary ? 1 : 0;
      if (input.isPrimary) await clearOtherPrimaries(trx, current.account_id, current.id, stamp, now);
    }
    await trx.updateTable('contacts').set(stampFields(stamp, changes)).where('id', '=', input.id).execute();
    await reindexAccount(trx, current.account_id);
    return toContact({ ...current, ...changes });
  });
}

/** Takes a contact out of its account (kept as removed); when it was the primary one, the next by name becomes it. */
export async function removeContact(ctx: ServiceContext, id: string): Promise<Contact> {
  const now = ctx.now();
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    const current = await requireContact(trx, id);
    const changes = { deleted_at: now, updated_at: now, is_primary: 0 };
    await trx.updateTable('contacts').set(stampFields(stamp, changes)).where('id', '=', id).execute();
    if (current.is_primary === 1) {
      const next = await trx
        .selectFrom('contacts')
        .select('id')
        .where('account_id', '=', current.account_id)
        .where('deleted_at', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .executeTakeFirst();
      if (next) await trx.updateTable('contacts').set(stampFields(stamp, { is_primary: 1, updated_at: now })).where('id', '=', next.id).execute();
    }
    await reindexAccount(trx, current.account_id);
    return toContact({ ...current, ...changes });
  });
}

export async function listContacts(ctx: ServiceContext, accountId: string): Promise<Contact[]> {
  await requireAccount(ctx.book.db, accountId);
  const rows = await ctx.book.db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(toContact);
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    accountId: row.account_id,
    contactId: row.contact_id,
    kind: row.kind,
    channel: row.channel,
    direction: row.direction as 'in' | 'out',
    occurredAt: row.occurred_at,
    subject: row.subject,
    body: row.body,
    awaitsReply: row.awaits_reply === 1,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Logs a message, call or visit. A message from the buyer answers every earlier one still awaiting a reply. */
export async function addInteraction(ctx: ServiceContext, input: ParsedInputOf<'interactions.add'>): Promise<Interaction> {
  const now = ctx.now();
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    await requireAccount(trx, input.accountId);
    await checkContact(trx, input.accountId, input.contactId);
    const row: InteractionRow = {
      id: newId(),
      account_id: input.accountId,
      contact_id: input.contactId ?? null,
      kind: input.kind,
      channel: input.channel ?? null,
      direction: input.direction,
      occurred_at: input.occurredAt,
      subject: input.subject ?? '',
      body: input.body ?? '',
      awaits_reply: input.direction === 'out' && input.awaitsReply ? 1 : 0,
      answered_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(stamp),
    };
    await trx.insertInto('interactions').values(row).execute();
    if (input.direction === 'in') {
      await trx
        .updateTable('interactions')
        .set(stampFields(stamp, { answered_at: input.occurredAt, updated_at: now }))
        .where('account_id', '=', input.accountId)
        .where('direction', '=', 'out')
        .where('awaits_reply', '=', 1)
        .where('answered_at', 'is', null)
        .where('occurred_at', '<', input.occurredAt)
        .where('deleted_at', 'is', null)
        .execute();
    }
    return toInteraction(row);
  });
}

export async function listInteractions(ctx: ServiceContext, input: ParsedInputOf<'interactions.list'>): Promise<Interaction[]> {
  await requireAccount(ctx.book.db, input.accountId);
  const rows = await ctx.book.db
    .selectFrom('interactions')
    .selectAll()
    .where('account_id', '=', input.accountId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map(toInteraction);
}
