import type { InputOf } from '../../../src-main/contract';
import { ContactInput } from '../../../src-main/contract/contacts';
import type { Contact } from '../../../src-main/contract/models';
import { normalisePhone } from '../../../src-main/domain/import/values';
import type { Language } from '../../i18n';
import { changedFields } from '../../hooks/changed-fields';
import { fieldMessage, schemaProblems } from '../../i18n/schema-problems';

export const contactFields = ['name', 'title', 'emails', 'phones', 'whatsapp', 'wechat', 'isPrimary', 'notes'] as const;
export type ContactField = (typeof contactFields)[number];

export interface ContactValues {
  name: string;
  title: string;
  emails: string[];
  phones: string[];
  whatsapp: string;
  wechat: string;
  isPrimary: boolean;
  notes: string;
}

export function isContactField(path: string): path is ContactField {
  return (contactFields as readonly string[]).includes(path);
}

/** A new contact is primary when the account has none yet. */
export const emptyContact = (isPrimary: boolean): ContactValues => ({ name: '', title: '', emails: [], phones: [], whatsapp: '', wechat: '', isPrimary, notes: '' });

export function contactValuesOf(contact: Contact): ContactValues {
  return {
    name: contact.name,
    title: contact.title ?? '',
    emails: contact.emails,
    phones: contact.phones,
    whatsapp: contact.whatsapp ?? '',
    wechat: contact.wechat ?? '',
    isPrimary: contact.isPrimary,
    notes: contact.notes,
  };
}

/** The `contacts.add` input: empty optional fields left out. */
export function toAddContactInput(accountId: string, values: ContactValues): InputOf<'contacts.add'> {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const input: Record<string, unknown> = {
    accountId,
    name: values.name.trim(),
    title: text(values.title),
    emails: values.emails.length > 0 ? values.emails : undefined,
    phones: values.phones.length > 0 ? values.phones : undefined,
    whatsapp: text(values.whatsapp),
    wechat: text(values.wechat),
    isPrimary: values.isPrimary,
    notes: values.notes.trim() === '' ? undefined : values.notes,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as InputOf<'contacts.add'>;
}

/** The `contacts.update` input: the fields that changed (an emptied title, WhatsApp or WeChat is sent empty: cleared). */
export function toUpdateContactInput(contact: Contact, values: ContactValues): InputOf<'contacts.update'> {
  const before = contactValuesOf(contact);
  const after: ContactValues = { ...values, name: values.name.trim(), title: values.title.trim(), whatsapp: values.whatsapp.trim(), wechat: values.wechat.trim() };
  return { id: contact.id, ...changedFields(before, after) } as InputOf<'contacts.update'>;
}

/** Each phone as it will be stored (E.164 read in the buyer's country), null where it cannot be read as a number. */
export function storedPhones(phones: readonly string[], country: string): (string | null)[] {
  return phones.map((phone) => normalisePhone(phone, country));
}

export type ContactProblems = Partial<Record<ContactField, string>>;

/**
 * What is wrong with the contact, field by field, in the user's language: the `contacts.add` schema (the same checks
 * `contacts.update` makes), and a phone or WhatsApp number that cannot be read as a number of the buyer's country
 * (the book would keep it as typed, where nobody could call it).
 */
export function contactProblems(accountId: string, country: string, values: ContactValues, language: Language): ContactProblems {
  const problems = schemaProblems(ContactInput, toAddContactInput(accountId, values), contactFields, language);
  if (!problems.phones && storedPhones(values.phones, country).includes(null)) problems.phones = fieldMessage('tb.phone', language);
  if (!problems.whatsapp && values.whatsapp.trim() !== '' && normalisePhone(values.whatsapp, country) === null) problems.whatsapp = fieldMessage('tb.phone', language);
  return problems;
}
