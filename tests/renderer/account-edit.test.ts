/**
 * The account and contact forms' own logic (issue 13 item 2), pure: what they send (only the fields that changed, an
 * emptied field as a clearing empty string) and what they refuse before sending, in both languages, with the
 * contract's own schemas — whatever they let through, the call itself accepts.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract';
import type { Account, Contact } from '../../src-main/contract/models';
import { accountEditProblems, editValuesOf, toUpdateInput } from '../../src-renderer/features/account/account-edit';
import { contactProblems, contactValuesOf, emptyContact, toAddContactInput, toUpdateContactInput } from '../../src-renderer/features/account/contact-form';

const ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const account: Account = {
  id: ID,
  name: 'Válvulas Ibéricas S.L.',
  country: 'ES',
  timeZone: 'Europe/Madrid',
  city: 'Valencia',
  language: null,
  currency: 'EUR',
  source: 'fair',
  owner: null,
  strategicFit: 3,
  reputation: 3,
  priorityChannel: false,
  notes: '',
  reviewAnchor: null,
  tags: [],
  createdAt: '2025-06-01T00:00:00Z',
  updatedAt: '2025-06-01T00:00:00Z',
};
const messages = { required: 'Required.', zoneNotInCountry: (country: string) => `not in ${country}` };

describe('the account form', () => {
  it('sends only what changed (an unchanged rating does not rescore; a teammate’s edit of another field is kept)', () => {
    const values = { ...editValuesOf(account), city: 'Sevilla', strategicFit: 5 };
    const input = toUpdateInput(account, values);
    expect(input).toEqual({ id: ID, city: 'Sevilla', strategicFit: 5 });
    expect(contract['accounts.update'].input.safeParse(input).success).toBe(true);
    expect(toUpdateInput(account, editValuesOf(account))).toEqual({ id: ID });
    // An emptied city is sent empty: the book clears it.
    expect(toUpdateInput(account, { ...editValuesOf(account), city: '' })).toEqual({ id: ID, city: '' });
  });

  it('refuses an empty name, a zone of another country and an over-long owner, next to each field, in either language', () => {
    expect(accountEditProblems(ID, editValuesOf(account), 'en', messages)).toEqual({});
    const bad = { ...editValuesOf(account), name: ' ', timeZone: 'Asia/Tokyo', owner: 'x'.repeat(201) };
    const en = accountEditProblems(ID, bad, 'en', messages);
    expect(en).toMatchObject({ name: 'Required.', timeZone: 'not in ES' });
    expect(en.owner).toMatch(/200/);
    expect(accountEditProblems(ID, bad, 'zh-CN', messages).owner).toMatch(/[\u4e00-\u9fff]/);
    expect(accountEditProblems(ID, { ...editValuesOf(account), country: null }, 'en', messages)).toMatchObject({ country: 'Required.' });
  });
});

const contact: Contact = {
  id: ID,
  accountId: ID,
  name: 'María García',
  title: 'Compras',
  emails: ['maria@valvulas.es'],
  phones: ['+34612345678'],
  whatsapp: null,
  wechat: 'maria_g',
  isPrimary: true,
  notes: '',
  createdAt: '2025-06-01T00:00:00Z',
  updatedAt: '2025-06-01T00:00:00Z',
};

describe('the contact form', () => {
  it('adds with empty fields left out; edits send the changed fields, an emptied one as "" (cleared)', () => {
    const added = toAddContactInput(ID, { ...emptyContact(true), name: ' Ana Gil ', phones: ['612 345 678'] });
    expect(added).toEqual({ accountId: ID, name: 'Ana Gil', phones: ['612 345 678'], isPrimary: true });
    expect(contract['contacts.add'].input.safeParse(added).success).toBe(true);
    const edit = toUpdateContactInput(contact, { ...contactValuesOf(contact), title: '', wechat: '  ', isPrimary: false });
    expect(edit).toEqual({ id: ID, title: '', wechat: '', isPrimary: false });
    expect(contract['contacts.update'].input.safeParse(edit).success).toBe(true);
    expect(toUpdateContactInput(contact, contactValuesOf(contact))).toEqual({ id: ID });
  });

  it('refuses a missing name, a bad e-mail and a number that cannot be read in the buyer’s country', () => {
    expect(contactProblems(ID, 'ES', contactValuesOf(contact), 'en')).toEqual({});
    const problems = contactProblems(ID, 'ES', { ...emptyContact(false), emails: ['ana(at)valvulas'], phones: ['612 345 678', '12'], whatsapp: 'call me' }, 'en');
    expect(Object.keys(problems).sort()).toEqual(['emails', 'name', 'phones', 'whatsapp']);
    expect(problems.phones).toBe('expected a phone number such as +34 912 345 678');
    expect(contactProblems(ID, 'ES', { ...emptyContact(false), name: 'Ana', phones: ['12'] }, 'zh-CN').phones).toBe('需要电话号码，例如 +34 912 345 678');
    // A Spanish mobile without +34 is read in Spain.
    expect(contactProblems(ID, 'ES', { ...emptyContact(false), name: 'Ana', phones: ['612 345 678'] }, 'en')).toEqual({});
  });
});
