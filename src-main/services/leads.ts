/**
 * Trade-fair capture (issue 13 item 1): a lead saved in one transaction — a new account (or the account the user
 * chose to add it to), its contact with the phone in E.164, the tags, the card photo, and the meeting on the
 * timeline — then one scheduler tick, so the first follow-up (R2, at the buyer's next morning) is on the board at
 * once. And while the lead is typed: the accounts it may already be (domain/leads/duplicates.ts decides; this reads
 * the candidates through the search index, which holds names, e-mails and phone numbers).
 */
import { invalidState } from '../contract/errors';
import type { ParsedInputOf } from '../contract';
import type { LeadDuplicate, LeadSaved } from '../contract/leads';
import type { Contact } from '../contract/models';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { AccountRow, ContactRow, InteractionRow } from '../db/schema';
import { normaliseCompanyName } from '../domain/import/company-name';
import { emailKey, normalisePhone } from '../domain/import/values';
import { cardPhotoProblem, photoSizeText, sniffCardPhoto } from '../domain/leads/card-photo';
import { suggestZoneForCity } from '../domain/leads/city-zones';
import { isConclusive, personKey, rankDuplicates, type KnownAccount, type LeadKeys } from '../domain/leads/duplicates';
import { toSearchDocument } from '../domain/search-text';
import { resolveTimeZone } from '../domain/zones';
import { phoneKey } from './import/book-keys';
import { reindexAccount, requireAccount, toAccount } from './accounts';
import { toContact } from './contacts';
import type { ServiceContext } from './context';
import { tick } from './scheduler';
import { LEAD_MEETING } from './scheduler/leads';

/** How many accounts each kind of look-up hands to the matcher. */
const CANDIDATES = 40;

/** An FTS5 expression on one column matching any of the words (prefixes) or CJK bigrams of `text`. */
function anyWordOf(column: 'names' | 'emails', text: string): string | null {
  const words = toSearchDocument(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 2)
    .slice(0, 8);
  if (words.length === 0) return null;
  // Only letters and digits are left, so quoting each word is enough; the expression is a bound parameter.
  return `${column} : (${[...new Set(words)].map((w) => `"${w}"*`).join(' OR ')})`;
}

function searchCandidates(ctx: ServiceContext, expression: string | null): string[] {
  if (expression === null) return [];
  return ctx.book.sqlite
    .prepare('SELECT d.account_id AS id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ? ORDER BY rank LIMIT ?')
    .pluck()
    .all(expression, CANDIDATES) as string[];
}

/** Accounts with a contact whose phone or WhatsApp is this number (E.164 digits are one token of the index). */
function phoneCandidates(ctx: ServiceContext, e164: string | null): string[] {
  return e164 === null ? [] : searchCandidates(ctx, `emails : "${e164.slice(1)}"`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The lead's keys as far as they are typed: an e-mail only once it looks whole, a phone only once it is possible. */
function leadKeys(input: { company?: string | undefined; contact?: string | undefined; email?: string | undefined; phone?: string | undefined; country?: string | undefined }): LeadKeys {
  const email = input.email?.trim() ?? '';
  const phone = input.phone?.trim() ?? '';
  return {
    company: input.company?.trim() || null,
    contact: input.contact?.trim() || null,
    email: EMAIL.test(email) ? email : null,
    phone: phone === '' ? null : normalisePhone(phone, input.country ?? null),
  };
}

async function knownAccounts(db: BookDb, ids: readonly string[]): Promise<{ known: KnownAccount[]; rows: Map<string, AccountRow>; contacts: Map<string, ContactRow[]> }> {
  const rows = new Map<string, AccountRow>();
  const contacts = new Map<string, ContactRow[]>();
  if (ids.length === 0) return { known: [], rows, contacts };
  const accountRows = await db.selectFrom('accounts').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).where('merged_into', 'is', null).execute();
  for (const row of accountRows) rows.set(row.id, row);
  if (rows.size === 0) return { known: [], rows, contacts };
  const contactRows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', 'in', [...rows.keys()])
    .where('deleted_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  for (const c of contactRows) contacts.set(c.account_id, [...(contacts.get(c.account_id) ?? []), c]);
  const known = accountRows.map((a) => ({
    id: a.id,
    name: a.name,
    contacts: (contacts.get(a.id) ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      emails: JSON.parse(c.emails) as string[],
      phones: [...(JSON.parse(c.phones) as string[]), ...(c.whatsapp ? [c.whatsapp] : [])]
        .map((p) => phoneKey(p, a.country))
        .filter((p): p is string => p !== null),
    })),
  }));
  return { known, rows, contacts };
}

export async function leadDuplicates(ctx: ServiceContext, input: ParsedInputOf<'leads.duplicates'>): Promise<LeadDuplicate[]> {
  const keys = leadKeys(input);
  const ids = new Set<string>();
  if (keys.email) for (const id of searchCandidates(ctx, `emails : "${toSearchDocument(keys.email).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')}"`)) ids.add(id);
  for (const id of phoneCandidates(ctx, keys.phone)) ids.add(id);
  if (keys.company) for (const id of searchCandidates(ctx, anyWordOf('names', normaliseCompanyName(keys.company)))) ids.add(id);
  if (keys.contact) for (const id of searchCandidates(ctx, anyWordOf('names', keys.contact))) ids.add(id);
  if (input.except !== undefined) ids.delete(input.except);
  const { known, rows, contacts } = await knownAccounts(ctx.book.db, [...ids]);
  return rankDuplicates(keys, known).map((match) => {
    const accountContacts = contacts.get(match.accountId) ?? [];
    const contact = accountContacts.find((c) => c.id === match.contactId) ?? accountContacts[0] ?? null;
    return { account: toAccount(rows.get(match.accountId)!), contact: contact ? toContact(contact) : null, reasons: match.reasons, conclusive: isConclusive(match) };
  });
}

function photoBytes(data: string | undefined): Buffer | null {
  if (data === undefined) return null;
  const bytes = Buffer.from(data, 'base64');
  const problem = cardPhotoProblem(bytes);
  if (problem) throw invalidState(problem, { size: photoSizeText(bytes.length) });
  return bytes;
}

/** The lead's contact on an account the book has: one with the same e-mail, phone or name, or none. */
function sameContact(rows: readonly ContactRow[], country: string, keys: LeadKeys): ContactRow | null {
  const email = keys.email ? emailKey(keys.email) : null;
  const person = keys.contact ? personKey(keys.contact) : null;
  return (
    rows.find((c) => email !== null && (JSON.parse(c.emails) as string[]).some((e) => emailKey(e) === email)) ??
    rows.find((c) => keys.phone !== null && (JSON.parse(c.phones) as string[]).some((p) => phoneKey(p, country) === keys.phone)) ??
    rows.find((c) => person !== null && personKey(c.name) === person) ??
    null
  );
}

export async function addLead(ctx: ServiceContext, input: ParsedInputOf<'leads.add'>): Promise<LeadSaved> {
  const now = ctx.now();
  const at = input.at ?? now;
  const photo = photoBytes(input.photo?.data);
  const phone = input.phone ? normalisePhone(input.phone, input.country) : null;
  const keys: LeadKeys = { company: input.company ?? null, contact: input.contact ?? null, email: input.email ?? null, phone };
  const zone = input.timeZone !== undefined ? resolveTimeZone(input.timeZone)! : suggestZoneForCity(input.country, input.city)!;
  const tags = input.tags ?? [];
  const notes = input.notes?.trim() ?? '';

  const saved = await ctx.book.db.transaction().execute(async (trx) => {
    const stamp = ctx.book.clock.next();
    let account: AccountRow;
    if (input.into !== undefined) {
      const current = await requireAccount(trx, input.into);
      const keep = input.keep ?? {};
      const changes: Partial<AccountRow> = { updated_at: now };
      const take = <K extends 'name' | 'city' | 'time_zone'>(field: K, mine: AccountRow[K] | null | undefined, choice: 'lead' | 'book' | undefined) => {
        if (mine === undefined || mine === null || mine === current[field]) return;
        if (current[field] === null || choice === 'lead') changes[field] = mine as AccountRow[K];
      };
      take('name', input.company, keep.name);
      take('city', input.city ?? null, keep.city);
      if (input.timeZone !== undefined) take('time_zone', zone, keep.timeZone);
      const merged = [...new Set([...(JSON.parse(current.tags) as string[]), ...tags])].slice(0, 20);
      if (merged.length !== (JSON.parse(current.tags) as string[]).length) changes.tags = JSON.stringify(merged);
      if (notes !== '') changes.notes = current.notes.trim() === '' ? notes : `${current.notes.trimEnd()}\n\n${notes}`;
      await trx.updateTable('accounts').set(stampFields(stamp, changes)).where('id', '=', current.id).execute();
      account = { ...current, ...changes };
    } else {
      account = {
        id: newId(),
        name: input.company ?? input.contact!,
        country: input.country,
        time_zone: zone,
        city: input.city ?? null,
        language: null,
        currency: null,
        source: 'fair',
        owner: null,
        strategic_fit: 3,
        reputation: 3,
        priority_channel: 0,
        notes,
        review_anchor: null,
        merged_into: null,
        tags: JSON.stringify(tags),
        created_at: now,
        updated_at: now,
        deleted_at: null,
        ...rowStamps(stamp),
      };
      await trx.insertInto('accounts').values(account).execute();
    }

    let contact: ContactRow | null = null;
    if (input.contact !== undefined || input.email !== undefined || phone !== null) {
      const existing = await trx.selectFrom('contacts').selectAll().where('account_id', '=', account.id).where('deleted_at', 'is', null).orderBy('id').execute();
      const same = input.into !== undefined ? sameContact(existing, account.country, keys) : null;
      if (same) {
        const emails = JSON.parse(same.emails) as string[];
        const phones = JSON.parse(same.phones) as string[];
        const changes: Partial<ContactRow> = { updated_at: now };
        if (input.email && !emails.some((e) => emailKey(e) === emailKey(input.email!))) changes.emails = JSON.stringify([...emails, input.email]);
        if (phone && !phones.some((p) => phoneKey(p, account.country) === phone)) changes.phones = JSON.stringify([...phones, phone]);
        if (Object.keys(changes).length > 1) await trx.updateTable('contacts').set(stampFields(stamp, changes)).where('id', '=', same.id).execute();
        contact = { ...same, ...changes };
      } else {
        contact = {
          id: newId(),
          account_id: account.id,
          name: input.contact ?? input.company ?? account.name,
          title: null,
          emails: JSON.stringify(input.email ? [input.email] : []),
          phones: JSON.stringify(phone ? [phone] : []),
          whatsapp: null,
          wechat: null,
          is_primary: existing.some((c) => c.is_primary === 1) ? 0 : 1,
          notes: '',
          created_at: now,
          updated_at: now,
          deleted_at: null,
          ...rowStamps(stamp),
        };
        await trx.insertInto('contacts').values(contact).execute();
      }
    }

    const meeting: InteractionRow = {
      id: newId(),
      account_id: account.id,
      contact_id: contact?.id ?? null,
      kind: LEAD_MEETING.kind,
      channel: LEAD_MEETING.channel,
      direction: LEAD_MEETING.direction,
      occurred_at: at,
      // The fair's name (the first tag) is what the timeline and the follow-up's title say.
      subject: tags[0] ?? '',
      body: notes,
      awaits_reply: 0,
      answered_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(stamp),
    };
    await trx.insertInto('interactions').values(meeting).execute();

    if (photo) {
      const mime = sniffCardPhoto(photo)!;
      await trx
        .insertInto('card_photos')
        .values({ account_id: account.id, mime, bytes: photo, added_at: now })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ mime, bytes: photo, added_at: now }))
        .execute();
    }
    await reindexAccount(trx, account.id);
    return { account, contact, meeting };
  });

  // The first follow-up is a rule's to-do (R2): one tick puts it on the board now, not at the next interval.
  await tick(ctx, now);
  const task = ctx.book.sqlite
    .prepare('SELECT due_at FROM tasks WHERE dedupe_key = ? AND deleted_at IS NULL')
    .pluck()
    .get(`R2:lead:${saved.meeting.id}`) as string | undefined;
  const contact: Contact | null = saved.contact ? toContact(saved.contact) : null;
  return {
    account: toAccount(saved.account),
    contact,
    merged: input.into !== undefined,
    interactionId: saved.meeting.id,
    followUpAt: task ?? null,
    photo: photo !== null,
  };
}

export async function cardPhotoOf(ctx: ServiceContext, accountId: string) {
  await requireAccount(ctx.book.db, accountId);
  const row = await ctx.book.db.selectFrom('card_photos').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return row ? { mime: row.mime, data: Buffer.from(row.bytes).toString('base64'), addedAt: row.added_at } : null;
}
