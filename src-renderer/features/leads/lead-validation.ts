import type { InputOf } from '../../../src-main/contract';
import { LeadInput } from '../../../src-main/contract/leads';
import { CARD_PHOTO_MAX_BYTES, photoSizeText } from '../../../src-main/domain/leads/card-photo';
import type { Language } from '../../i18n';
import { fieldMessage, schemaProblems } from '../../i18n/schema-problems';

export const leadFields = ['company', 'contact', 'country', 'city', 'timeZone', 'email', 'phone', 'tags', 'notes', 'photo'] as const;
export type LeadField = (typeof leadFields)[number];

export interface LeadValues {
  company: string;
  contact: string;
  country: string | null;
  city: string;
  timeZone: string | null;
  /** The user picked the zone: a new country or city no longer replaces it. */
  zoneChosen: boolean;
  email: string;
  phone: string;
  tags: string[];
  notes: string;
  photo: File | null;
}

export const emptyLead = (tags: string[] = []): LeadValues => ({
  company: '',
  contact: '',
  country: null,
  city: '',
  timeZone: null,
  zoneChosen: false,
  email: '',
  phone: '',
  tags,
  notes: '',
  photo: null,
});

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The `leads.add` input for the values (the photo's bytes are added when sending); empty fields are left out. */
export function toLeadInput(values: LeadValues): InputOf<'leads.add'> {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const input: Record<string, unknown> = {
    company: text(values.company),
    contact: text(values.contact),
    country: values.country ?? '',
    city: text(values.city),
    timeZone: values.timeZone ?? undefined,
    email: text(values.email),
    phone: text(values.phone),
    notes: values.notes.trim() === '' ? undefined : values.notes,
    tags: values.tags.length > 0 ? values.tags : undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as InputOf<'leads.add'>;
}

export type LeadProblems = Partial<Record<LeadField, string>>;

/**
 * What is wrong with the lead, field by field, in the user's language: the book's own schema (`leads.add`) with
 * zod's messages in that locale and Tradebook's `tb.*` checks from the shared table, plus the photo's type and size.
 */
export function leadProblems(values: LeadValues, language: Language, photoProblem: (file: File) => string | null): LeadProblems {
  const problems: LeadProblems = schemaProblems(LeadInput, toLeadInput(values), leadFields, language);
  // zod runs the whole-lead checks only once every field parses: the missing name is said at once all the same.
  if (!problems.company && values.company.trim() === '' && values.contact.trim() === '') problems.company = fieldMessage('tb.lead_name', language);
  if (values.photo) {
    const problem = photoProblem(values.photo);
    if (problem) problems.photo = problem;
  }
  return problems;
}

/** The photo's problem as an i18n key, checked before it is read (the book checks its bytes again). */
export function photoCheck(file: File): { key: 'photoType' | 'photoSize'; size?: string } | null {
  if (file.size > CARD_PHOTO_MAX_BYTES) return { key: 'photoSize', size: photoSizeText(file.size) };
  if (!PHOTO_TYPES.has(file.type)) return { key: 'photoType' };
  return null;
}

/** A file's bytes as base64 (what `leads.add` takes). */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
