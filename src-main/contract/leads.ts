/**
 * Trade-fair capture (issue 13 item 1): a lead taken in seconds — person, company, country and zone, e-mail, phone
 * (stored in E.164), notes, tags, the photo of their card — and the accounts of the book it may already be, asked
 * for while the lead is typed. Spread into the one contract map in ./index.ts.
 */
import { z } from 'zod';
import { normalisePhone } from '../domain/import/values';
import { duplicateReasons } from '../domain/leads/duplicates';
import { CARD_PHOTO_MAX_BYTES } from '../domain/leads/card-photo';
import { Account, Contact } from './models';
import { CountryCode, Email, Id, Instant, LongText, Name, ShortText, Tags, TimeZone } from './primitives';

/** Base64 of at most 10 MB (the bytes themselves are checked by the service: an image, not too large). */
const PhotoData = z
  .string()
  .max(Math.ceil(CARD_PHOTO_MAX_BYTES / 3) * 4 + 4, 'tb.photo_size')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'tb.photo_data');

/** Which of two differing values an account added to keeps: the lead's or the one the book has. */
const Keep = z.enum(['lead', 'book']);

export const LeadInput = z
  .strictObject({
    /** The company; a lead without one is filed under the person's name. */
    company: Name.optional(),
    /** The person met. */
    contact: Name.optional(),
    country: CountryCode,
    city: ShortText.optional(),
    /** Default: suggested from the country and city. */
    timeZone: TimeZone.optional(),
    email: Email.optional(),
    /** As typed; stored in E.164, read in the lead's country unless it starts with + or 00. */
    phone: z.string().trim().max(40).optional(),
    notes: LongText.optional(),
    tags: Tags.optional(),
    photo: z.strictObject({ data: PhotoData }).optional(),
    /** Add the lead to this account of the book instead of making a new one (the merge dialog's choice). */
    into: Id.optional(),
    /** With `into`: for the fields where both have a value, which one the account keeps (default the book's). */
    keep: z.strictObject({ name: Keep.optional(), city: Keep.optional(), timeZone: Keep.optional() }).optional(),
    /** When the lead was met (default now); the first follow-up is at the buyer's next morning after it. */
    at: Instant.optional(),
  })
  .superRefine((lead, ctx) => {
    if (lead.company === undefined && lead.contact === undefined) ctx.addIssue({ code: 'custom', path: ['company'], message: 'tb.lead_name' });
    if (lead.phone !== undefined && lead.phone !== '' && normalisePhone(lead.phone, lead.country) === null) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'tb.phone' });
    }
    if (lead.keep !== undefined && lead.into === undefined) ctx.addIssue({ code: 'custom', path: ['keep'], message: 'tb.keep_without_into' });
  });
export type LeadInput = z.infer<typeof LeadInput>;

export const LeadDuplicate = z.object({
  account: Account,
  /** The contact the match is about (same e-mail, phone or a similar name), else the account's primary contact. */
  contact: Contact.nullable(),
  reasons: z.array(z.enum(duplicateReasons)),
  /** Same e-mail, phone or company: saving it as a new account would double a buyer. */
  conclusive: z.boolean(),
});
export type LeadDuplicate = z.infer<typeof LeadDuplicate>;

export const LeadSaved = z.object({
  account: Account,
  contact: Contact.nullable(),
  /** True when the lead was added to an account the book had. */
  merged: z.boolean(),
  /** The fair meeting logged on the account's timeline. */
  interactionId: z.string(),
  /** The first follow-up: the buyer's next business morning after the meeting (R2, R3). */
  followUpAt: z.string().nullable(),
  photo: z.boolean(),
});
export type LeadSaved = z.infer<typeof LeadSaved>;

export const CardPhoto = z.object({ mime: z.enum(['image/jpeg', 'image/png', 'image/webp']), data: z.string(), addedAt: z.string() });

export const leadsContract = {
  'leads.add': { input: LeadInput, output: LeadSaved },
  /** The accounts a lead being typed may already be, strongest first; half-typed values are simply not matched. */
  'leads.duplicates': {
    input: z.strictObject({
      company: z.string().max(200).optional(),
      contact: z.string().max(200).optional(),
      email: z.string().max(254).optional(),
      phone: z.string().max(40).optional(),
      country: CountryCode.optional(),
      /** Leave out this account (the one being edited). */
      except: Id.optional(),
    }),
    output: z.array(LeadDuplicate),
  },
  'cardPhotos.get': { input: z.strictObject({ accountId: Id }), output: CardPhoto.nullable() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
