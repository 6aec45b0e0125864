/**
 * Editing the people of an account (issue 13 item 2): `contacts.update` changes the fields given (an empty title,
 * WhatsApp or WeChat clears it; making one contact primary makes the others not); `contacts.remove` takes one out of
 * the account (kept in the book as removed, so a teammate's copy learns of it; the next contact becomes primary).
 * `contacts.add` (its input is here: the renderer's contact form checks with it) and `contacts.list` stay in
 * ./index.ts. Spread into the one contract map there.
 */
import { z } from 'zod';
import { Contact } from './models';
import { Email, Id, LongText, Name, Phone, ShortText } from './primitives';

/** A field that an empty string clears. */
const Clearable = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]).optional();

/** `contacts.add`. */
export const ContactInput = z.strictObject({
  accountId: Id,
  name: Name,
  title: ShortText.optional(),
  emails: z.array(Email).max(20).optional(),
  phones: z.array(Phone).max(20).optional(),
  whatsapp: Phone.optional(),
  wechat: z.string().trim().min(1).max(100).optional(),
  isPrimary: z.boolean().optional(),
  notes: LongText.optional(),
});

export const ContactPatch = z.strictObject({
  id: Id,
  name: Name.optional(),
  title: ShortText.optional(),
  emails: z.array(Email).max(20).optional(),
  phones: z.array(Phone).max(20).optional(),
  whatsapp: Clearable(Phone),
  wechat: Clearable(z.string().trim().min(1).max(100)),
  isPrimary: z.boolean().optional(),
  notes: LongText.optional(),
});

export const contactsContract = {
  'contacts.update': { input: ContactPatch, output: Contact },
  'contacts.remove': { input: z.strictObject({ id: Id }), output: Contact },
} as const;
