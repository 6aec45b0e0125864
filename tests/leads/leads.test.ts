/**
 * Trade-fair capture (issue 13 item 1) on real books, through the dispatcher: leads.add (the account or the chosen
 * account, the contact with the phone in E.164, tags, the card photo, the fair meeting and its first follow-up, R2),
 * leads.duplicates and cardPhotos.get. Every expected instant is worked out by hand next to it (buyer's zone,
 * weekend, holidays), not computed by the code under test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, InputOf } from '../../src-main/contract';
import type { ApiError, Result } from '../../src-main/contract/errors';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { errorOf, rowCount, snapshot } from '../db/temp-book';
import { ok, openClockBook, tasksOf, tick, todos, type ClockBook } from '../scheduler/helpers';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let tb: ClockBook;
afterEach(async () => {
  await tb.close();
});

function expectCode<T>(result: Result<T>, code: ApiError['code']): ApiError {
  const error = errorOf(result);
  expect(error.code, error.message).toBe(code);
  return error;
}

/** Runs refused calls and proves the book did not change (every row of every table compared). */
async function leavesBookAsItWas(work: () => Promise<void>): Promise<void> {
  const before = snapshot(tb.book.sqlite);
  await work();
  expect(snapshot(tb.book.sqlite)).toEqual(before);
}

const lead = (ctx: ServiceContext, input: InputOf<'leads.add'>) => ok(ctx, 'leads.add', input);
const attempt = <K extends HandlerName>(name: K, input: InputOf<K>) => call(tb.ctx, name, input);

describe('R2 and R3: the first follow-up of a lead met at a fair', () => {
  it("R2: a lead met at a fair gets its first follow-up at the buyer's next business morning", async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    // Met Sat 2025-03-15 09:00Z = 10:00 Berlin (CET). The next 08:15 Berlin on a business day strictly after it is
    // Mon 2025-03-17 08:15 CET = 07:15Z (Sunday is the weekend too).
    const saved = await lead(tb.ctx, { company: 'Lichtwerk GmbH', contact: 'Jonas Weber', country: 'DE', tags: ['Light + Building 2025', 'distributor'] });
    expect(saved).toMatchObject({ merged: false, photo: false, followUpAt: '2025-03-17T07:15:00Z' });
    expect(saved.account).toMatchObject({ name: 'Lichtwerk GmbH', country: 'DE', timeZone: 'Europe/Berlin', source: 'fair', tags: ['Light + Building 2025', 'distributor'] });
    const [task, ...others] = tasksOf(tb.ctx, 'R2');
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      kind: 'follow_up',
      source_table: 'interactions',
      source_id: saved.interactionId,
      dedupe_key: `R2:lead:${saved.interactionId}`,
      due_at: saved.followUpAt,
      status: 'open',
    });
    expect(task!.details).toMatchObject({ metAt: '2025-03-15T09:00:00Z', fair: 'Light + Building 2025' });
    const todo = (await todos(tb.ctx, '2025-03-15T09:00:00Z')).find((t) => t.rule === 'R2');
    expect(todo).toMatchObject({ accountId: saved.account.id, dueUtc: '2025-03-17T07:15:00Z', title: 'First follow-up with Lichtwerk GmbH, met at Light + Building 2025' });
    // The meeting is on the account's timeline, with the person met.
    const [meeting] = await ok(tb.ctx, 'interactions.list', { accountId: saved.account.id });
    expect(meeting).toMatchObject({ id: saved.interactionId, kind: 'meeting', direction: 'in', occurredAt: '2025-03-15T09:00:00Z', subject: 'Light + Building 2025', contactId: saved.contact!.id });
  });

  it('R2: without tags the title says "met in person"; `at` dates the meeting', async () => {
    tb = openClockBook('2025-03-19T12:00:00Z');
    // Met Tue 2025-03-18 16:00Z = 17:00 Berlin: next 08:15 Berlin is Wed 2025-03-19 07:15Z.
    const saved = await lead(tb.ctx, { contact: 'Jonas Weber', country: 'DE', at: '2025-03-18T16:00:00Z' });
    expect(saved.account.name).toBe('Jonas Weber');
    expect(saved.followUpAt).toBe('2025-03-19T07:15:00Z');
    const todo = (await todos(tb.ctx, '2025-03-19T12:00:00Z')).find((t) => t.rule === 'R2');
    expect(todo?.title).toBe('First follow-up with Jonas Weber, met in person');
  });

  it("R3: the first follow-up skips the buyer's holiday (Good Friday in Spain) and weekend (Friday–Saturday in Saudi Arabia)", async () => {
    tb = openClockBook('2025-04-17T10:00:00Z');
    // Met Thu 2025-04-17 10:00Z = 12:00 Madrid (CEST). Fri 18 is Good Friday (a holiday in all of Spain), Sat–Sun the
    // weekend: Mon 2025-04-21 08:15 CEST = 06:15Z.
    const spain = await lead(tb.ctx, { company: 'Cerámicas del Turia S.L.', country: 'ES', city: 'Valencia', tags: ['Cevisama 2025'] });
    expect(spain.account.timeZone).toBe('Europe/Madrid');
    expect(spain.followUpAt).toBe('2025-04-21T06:15:00Z');
    // Met Thu 2025-04-17 17:00Z = 20:00 Riyadh (UTC+3, no DST). Fri–Sat is the weekend: Sun 2025-04-20 08:15 = 05:15Z.
    tb.setClock('2025-04-17T17:05:00Z');
    const saudi = await lead(tb.ctx, { company: 'Al Noor Trading Est.', country: 'SA', at: '2025-04-17T17:00:00Z' });
    expect(saudi.account.timeZone).toBe('Asia/Riyadh');
    expect(saudi.followUpAt).toBe('2025-04-20T05:15:00Z');
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.due_at).sort()).toEqual(['2025-04-20T05:15:00Z', '2025-04-21T06:15:00Z']);
  });

  it("R5: the first follow-up moves past a festival's pause days (Nowruz in Kabul)", async () => {
    tb = openClockBook('2025-03-19T10:00:00Z');
    // Met Wed 2025-03-19 10:00Z = 14:30 Kabul (+04:30). Thu–Fri is the weekend; Sat 22 and Sun 23 are Nowruz pause
    // days (20–23 Mar): Mon 2025-03-24 08:15 Kabul = 03:45Z.
    const saved = await lead(tb.ctx, { company: 'Herat Carpets', country: 'AF', tags: ['Domotex 2025'] });
    expect(saved.account.timeZone).toBe('Asia/Kabul');
    expect(saved.followUpAt).toBe('2025-03-24T03:45:00Z');
  });

  it('R2: the follow-up is done once something goes out to the buyer after the meeting and the scheduler runs', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const saved = await lead(tb.ctx, { company: 'Lichtwerk GmbH', contact: 'Jonas Weber', country: 'DE', tags: ['Light + Building 2025'] });
    // A message that went out before the meeting, or one that came in after it, is not a follow-up.
    await ok(tb.ctx, 'interactions.add', { accountId: saved.account.id, kind: 'email', direction: 'out', occurredAt: '2025-03-10T09:00:00Z' });
    await ok(tb.ctx, 'interactions.add', { accountId: saved.account.id, kind: 'email', direction: 'in', occurredAt: '2025-03-15T18:00:00Z' });
    tb.setClock('2025-03-16T10:05:00Z');
    await tick(tb.ctx, '2025-03-16T10:05:00Z');
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.status)).toEqual(['open']);

    await ok(tb.ctx, 'interactions.add', { accountId: saved.account.id, contactId: saved.contact!.id, kind: 'email', direction: 'out', occurredAt: '2025-03-16T10:00:00Z', subject: 'Nice to meet you' });
    await ok(tb.ctx, 'schedule.run', { now: '2025-03-16T10:05:00Z' });
    const [task] = tasksOf(tb.ctx, 'R2');
    expect(task).toMatchObject({ dedupe_key: `R2:lead:${saved.interactionId}`, status: 'done' });
    expect(task!.done_at).not.toBeNull();
    expect((await todos(tb.ctx, '2025-03-16T10:05:00Z')).filter((t) => t.rule === 'R2' && t.status !== 'done')).toEqual([]);
  });
});

describe('leads.add: what is stored', () => {
  it("the phone is stored in E.164, read in the lead's country; the e-mail and notes are kept", async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const saved = await lead(tb.ctx, { company: 'Cerámicas del Turia S.L.', contact: 'María López', country: 'ES', phone: '612 345 678', email: 'maria@ceramicas-turia.es', notes: 'Wants samples of the 60×60 tiles' });
    expect(saved.contact).toMatchObject({ name: 'María López', phones: ['+34612345678'], emails: ['maria@ceramicas-turia.es'], isPrimary: true });
    expect(saved.account.notes).toBe('Wants samples of the 60×60 tiles');
    // With a country code, in the + or 00 form, another country's number is read as that country's.
    const french = await lead(tb.ctx, { contact: 'Luc Martin', country: 'ES', phone: '0033 6 12 34 56 78' });
    expect(french.contact?.phones).toEqual(['+33612345678']);
    // Without a person, the contact is filed under the company.
    const company = await lead(tb.ctx, { company: 'Nordic Pumps AB', country: 'SE', email: 'info@nordicpumps.se' });
    expect(company.contact).toMatchObject({ name: 'Nordic Pumps AB', emails: ['info@nordicpumps.se'], phones: [] });
  });

  it('an impossible phone, a lead with no name and keep without into are refused and change nothing', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    await lead(tb.ctx, { company: 'Lichtwerk GmbH', country: 'DE' });
    await leavesBookAsItWas(async () => {
      const phone = expectCode(await attempt('leads.add', { company: 'Cerámicas del Turia S.L.', country: 'ES', phone: '123' }), 'invalid_input');
      expect(phone.issues?.map((i) => i.path)).toEqual(['phone']);
      expect(phone.issues?.[0]?.message).toMatch(/phone/i);
      const nameless = expectCode(await attempt('leads.add', { country: 'ES', email: 'maria@ceramicas-turia.es' }), 'invalid_input');
      expect(nameless.issues?.map((i) => i.path)).toEqual(['company']);
      const keep = expectCode(await attempt('leads.add', { company: 'X', country: 'ES', keep: { name: 'lead' } }), 'invalid_input');
      expect(keep.issues?.map((i) => i.path)).toEqual(['keep']);
      expectCode(await attempt('leads.add', { company: 'X', country: 'XX' }), 'invalid_input');
      expectCode(await attempt('leads.add', { company: 'X', country: 'ES', email: 'maria@' }), 'invalid_input');
      expectCode(await attempt('leads.add', { company: 'X', country: 'ES', into: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    });
  });

  it('the zone is suggested from the country and city (US, Chicago), unless one is given', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    expect((await lead(tb.ctx, { company: 'Prairie Lighting LLC', country: 'US', city: 'Chicago' })).account.timeZone).toBe('America/Chicago');
    expect((await lead(tb.ctx, { company: 'Gulf Valves Inc.', country: 'US', city: 'Houston' })).account.timeZone).toBe('America/Chicago');
    expect((await lead(tb.ctx, { company: 'Atlantic Supply Inc.', country: 'US' })).account.timeZone).toBe('America/New_York');
    expect((await lead(tb.ctx, { company: 'Cascade Supply Inc.', country: 'US', city: 'Chicago', timeZone: 'america/los_angeles' })).account.timeZone).toBe('America/Los_Angeles');
  });

  it('tags are searchable: accounts.list with the fair as the query finds the lead', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const saved = await lead(tb.ctx, { company: 'Lichtwerk GmbH', country: 'DE', tags: ['Hannover Messe 2025'] });
    await ok(tb.ctx, 'accounts.add', { name: 'Nordic Pumps AB', country: 'SE' });
    expect((await ok(tb.ctx, 'accounts.list', { query: 'Hannover Messe 2025' })).map((a) => a.id)).toEqual([saved.account.id]);
    expect((await ok(tb.ctx, 'accounts.list', { query: 'hannover' })).map((a) => a.id)).toEqual([saved.account.id]);
    expect(await ok(tb.ctx, 'accounts.count', { query: 'Hannover Messe' })).toBe(1);
  });
});

describe('leads.add: the card photo', () => {
  it('a small PNG is stored and cardPhotos.get gives the same bytes back', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const saved = await lead(tb.ctx, { company: 'Lichtwerk GmbH', country: 'DE', photo: { data: PNG } });
    expect(saved.photo).toBe(true);
    const photo = await ok(tb.ctx, 'cardPhotos.get', { accountId: saved.account.id });
    expect(photo).toEqual({ mime: 'image/png', data: PNG, addedAt: '2025-03-15T09:00:00Z' });
    expect(Buffer.from(photo!.data, 'base64').equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const without = await lead(tb.ctx, { company: 'Nordic Pumps AB', country: 'SE' });
    expect(without.photo).toBe(false);
    expect(await ok(tb.ctx, 'cardPhotos.get', { accountId: without.account.id })).toBeNull();
    expectCode(await attempt('cardPhotos.get', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
  });

  it('a text file or a photo over 10 MB is refused and changes nothing', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    await lead(tb.ctx, { company: 'Lichtwerk GmbH', country: 'DE' });
    await leavesBookAsItWas(async () => {
      const text = expectCode(await attempt('leads.add', { company: 'Nordic Pumps AB', country: 'SE', photo: { data: Buffer.from('Lars Berg, Nordic Pumps AB\n').toString('base64') } }), 'invalid_state');
      expect(text.message).toBe('The card photo is not a JPEG, PNG or WebP image.');
      // 10 MB and one byte, starting like a JPEG: within what the input's base64 may be, refused by its bytes.
      const big = Buffer.alloc(10 * 1024 * 1024 + 1);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      const large = expectCode(await attempt('leads.add', { company: 'Nordic Pumps AB', country: 'SE', photo: { data: big.toString('base64') } }), 'invalid_state');
      expect(large.message).toMatch(/the limit is 10 MB/);
      expect(large.message).toBe('The card photo is 10.1 MB: the limit is 10 MB.');
      // Far larger: refused by the input's check already.
      const huge = expectCode(await attempt('leads.add', { company: 'Nordic Pumps AB', country: 'SE', photo: { data: 'A'.repeat(14_000_000) } }), 'invalid_input');
      expect(huge.issues?.map((i) => i.path)).toEqual(['photo.data']);
      const empty = expectCode(await attempt('leads.add', { company: 'Nordic Pumps AB', country: 'SE', photo: { data: '' } }), 'invalid_state');
      expect(empty.message).toBe('The card photo is empty.');
      expectCode(await attempt('leads.add', { company: 'Nordic Pumps AB', country: 'SE', photo: { data: 'not base64!' } }), 'invalid_input');
    });
    expect(rowCount(tb.book.sqlite, 'card_photos')).toBe(0);
  });
});

describe('leads.add into an account the book has', () => {
  it("fills empty fields, keeps the book's name unless told, unions tags, reuses the contact with the same e-mail", async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const book = await ok(tb.ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES', tags: ['distributor'], owner: 'Lily' });
    const maria = await ok(tb.ctx, 'contacts.add', { accountId: book.id, name: 'María López', emails: ['maria.lopez@valvulas-ibericas.es'] });

    const first = await lead(tb.ctx, {
      company: 'VALVULAS IBERICAS SL',
      contact: 'Maria Lopez',
      country: 'ES',
      city: 'Valencia',
      email: 'Maria.Lopez@Valvulas-Ibericas.es',
      phone: '612 345 678',
      tags: ['Feria Valencia 2025', 'distributor'],
      notes: 'Wants 40 ft of samples',
      into: book.id,
    });
    expect(first.merged).toBe(true);
    expect(first.account).toMatchObject({ id: book.id, name: 'Válvulas Ibéricas S.L.', city: 'Valencia', owner: 'Lily', tags: ['distributor', 'Feria Valencia 2025'], notes: 'Wants 40 ft of samples' });
    expect(first.contact).toMatchObject({ id: maria.id, name: 'María López', emails: ['maria.lopez@valvulas-ibericas.es'], phones: ['+34612345678'] });
    expect(await ok(tb.ctx, 'accounts.get', { id: book.id })).toEqual(first.account);
    expect(await ok(tb.ctx, 'contacts.list', { accountId: book.id })).toEqual([first.contact]);
    expect(await ok(tb.ctx, 'accounts.count', {})).toBe(1);

    // Another person of the same company: nothing matches, so a second contact; the lead's name is taken when asked,
    // the city the book has is kept (by default), notes are appended.
    const second = await lead(tb.ctx, {
      company: 'Válvulas Ibéricas Levante S.L.',
      contact: 'Jorge Ruiz',
      country: 'ES',
      city: 'Alicante',
      email: 'jorge@valvulas-ibericas.es',
      notes: 'Asked for CE documents',
      into: book.id,
      keep: { name: 'lead' },
    });
    expect(second.account).toMatchObject({ name: 'Válvulas Ibéricas Levante S.L.', city: 'Valencia', notes: 'Wants 40 ft of samples\n\nAsked for CE documents' });
    expect(second.contact).toMatchObject({ name: 'Jorge Ruiz', emails: ['jorge@valvulas-ibericas.es'], isPrimary: false });
    expect(second.contact!.id).not.toBe(maria.id);
    expect((await ok(tb.ctx, 'contacts.list', { accountId: book.id })).map((c) => c.name).sort()).toEqual(['Jorge Ruiz', 'María López']);

    // keep: { city: 'lead' } takes the lead's city; the same phone (typed otherwise) finds María again.
    const third = await lead(tb.ctx, { contact: 'M. López', country: 'ES', city: 'Alicante', phone: '+34 612 34 56 78', into: book.id, keep: { city: 'lead' } });
    expect(third.account).toMatchObject({ name: 'Válvulas Ibéricas Levante S.L.', city: 'Alicante' });
    expect(third.contact).toMatchObject({ id: maria.id, phones: ['+34612345678'] });
    // Each lead is a meeting on the account's timeline with its own follow-up.
    expect(tasksOf(tb.ctx, 'R2').map((t) => t.source_id).sort()).toEqual([first.interactionId, second.interactionId, third.interactionId].sort());
  });

  it('a deleted account cannot be added to', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const gone = await ok(tb.ctx, 'accounts.add', { name: 'Old Buyer Ltd', country: 'GB' });
    await ok(tb.ctx, 'accounts.remove', { id: gone.id });
    await leavesBookAsItWas(async () => {
      expectCode(await attempt('leads.add', { company: 'Old Buyer Ltd', country: 'GB', into: gone.id }), 'not_found');
    });
  });
});

describe('leads.duplicates', () => {
  async function seedBook() {
    const valvulas = await ok(tb.ctx, 'accounts.add', { name: 'Válvulas Ibéricas, S.L.', country: 'ES' });
    const maria = await ok(tb.ctx, 'contacts.add', { accountId: valvulas.id, name: 'María López', emails: ['maria.lopez@valvulas-ibericas.es'], phones: ['+34 912 345 678'] });
    const nordic = await ok(tb.ctx, 'accounts.add', { name: 'Nordic Pumps AB', country: 'SE' });
    const jonas = await ok(tb.ctx, 'contacts.add', { accountId: nordic.id, name: 'Jonas Webber', emails: ['jonas@nordicpumps.se'] });
    const kansai = await ok(tb.ctx, 'accounts.add', { name: 'Kansai Fittings KK', country: 'JP' });
    const kenji = await ok(tb.ctx, 'contacts.add', { accountId: kansai.id, name: 'Sato, Kenji' });
    const removed = await ok(tb.ctx, 'accounts.add', { name: 'Deleted Traders Ltd', country: 'GB' });
    await ok(tb.ctx, 'contacts.add', { accountId: removed.id, name: 'Ann Old', emails: ['ann@deleted-traders.co.uk'] });
    await ok(tb.ctx, 'accounts.remove', { id: removed.id });
    const hydro = await ok(tb.ctx, 'accounts.add', { name: 'Hydro Levante SL', country: 'ES' });
    await ok(tb.ctx, 'accounts.merge', { id: hydro.id, into: nordic.id });
    return { valvulas, maria, nordic, jonas, kansai, kenji, removed, hydro };
  }
  const find = (input: InputOf<'leads.duplicates'>) => ok(tb.ctx, 'leads.duplicates', input);

  it('finds an account by e-mail (case aside) and by a phone typed in a national format', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const { valvulas, maria } = await seedBook();
    const [byEmail, ...noMore] = await find({ email: 'MARIA.LOPEZ@valvulas-ibericas.es' });
    expect(noMore).toEqual([]);
    expect(byEmail).toMatchObject({ account: { id: valvulas.id }, contact: { id: maria.id }, reasons: ['email'], conclusive: true });
    const byPhone = await find({ phone: '912 34 56 78', country: 'ES' });
    expect(byPhone.map((d) => [d.account.id, d.contact?.id, d.reasons, d.conclusive])).toEqual([[valvulas.id, maria.id, ['phone'], true]]);
    // Without the country a national number is not a number yet.
    expect(await find({ phone: '912 34 56 78' })).toEqual([]);
  });

  it('finds an account by its company under another legal form, and by a name one letter off', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const { valvulas, nordic } = await seedBook();
    expect((await find({ company: 'VALVULAS IBERICAS SA' })).map((d) => [d.account.id, d.reasons, d.conclusive])).toEqual([[valvulas.id, ['company'], true]]);
    expect((await find({ company: 'Valvulas Ibericaz' })).map((d) => [d.account.id, d.reasons, d.conclusive])).toEqual([[valvulas.id, ['similar_company'], false]]);
    expect((await find({ company: 'Nordik Pumps' })).map((d) => [d.account.id, d.reasons])).toEqual([[nordic.id, ['similar_company']]]);
  });

  it('finds an account by a similar person name, about that person', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const { nordic, jonas, kansai, kenji } = await seedBook();
    expect((await find({ contact: 'Jonas Weber' })).map((d) => [d.account.id, d.contact?.id, d.reasons, d.conclusive])).toEqual([[nordic.id, jonas.id, ['similar_name'], false]]);
    expect((await find({ contact: 'Kenji Sato' })).map((d) => [d.account.id, d.contact?.id, d.reasons])).toEqual([[kansai.id, kenji.id, ['similar_name']]]);
  });

  it('the strongest come first; `except` leaves an account out; half-typed values match nothing', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const { valvulas, nordic } = await seedBook();
    const both = await find({ company: 'Valvulas Ibericas', contact: 'Jonas Weber' });
    expect(both.map((d) => [d.account.id, d.conclusive])).toEqual([
      [valvulas.id, true],
      [nordic.id, false],
    ]);
    expect((await find({ company: 'Valvulas Ibericas', contact: 'Jonas Weber', except: valvulas.id })).map((d) => d.account.id)).toEqual([nordic.id]);
    expect(await find({ email: 'maria.lopez@valvulas-ibericas.es', except: valvulas.id })).toEqual([]);
    expect(await find({ email: 'maria@val' })).toEqual([]);
    expect(await find({ email: 'maria.lopez@valvulas-ibericas' })).toEqual([]);
    expect(await find({ phone: '91', country: 'ES' })).toEqual([]);
    expect(await find({})).toEqual([]);
  });

  it('a deleted or merged account is not offered', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const { removed, hydro, nordic } = await seedBook();
    expect(await find({ email: 'ann@deleted-traders.co.uk' })).toEqual([]);
    expect(await find({ company: 'Deleted Traders Ltd', contact: 'Ann Old' })).toEqual([]);
    const ids = (await find({ company: 'Hydro Levante SL' })).map((d) => d.account.id);
    expect(ids).not.toContain(hydro.id);
    expect(ids).not.toContain(removed.id);
    // The merged account's name lives on in no search; its survivor is still found by its own.
    expect((await find({ company: 'Nordic Pumps' })).map((d) => d.account.id)).toEqual([nordic.id]);
  });

  it('a lead saved with leads.add is found while the next one is typed', async () => {
    tb = openClockBook('2025-03-15T09:00:00Z');
    const saved = await lead(tb.ctx, { company: 'Cerámicas del Turia S.L.', contact: 'Pau Soler', country: 'ES', phone: '612 345 678', email: 'pau@ceramicas-turia.es', tags: ['Cevisama 2025'] });
    const found = await find({ phone: '+34 612-345-678' });
    expect(found.map((d) => [d.account.id, d.contact?.id, d.reasons])).toEqual([[saved.account.id, saved.contact!.id, ['phone']]]);
    expect((await find({ email: 'PAU@ceramicas-turia.es', company: 'Ceramicas del Turia' })).map((d) => d.reasons)).toEqual([['email', 'company']]);
  });
});
