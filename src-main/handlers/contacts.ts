/** Editing an account's contacts (src-main/contract/contacts.ts) over its service; spread into ./index.ts. */
import type { contactsContract } from '../contract/contacts';
import { removeContact, updateContact } from '../services/contacts';
import type { Handlers } from './index';

export const contactsHandlers: Pick<Handlers, keyof typeof contactsContract> = {
  'contacts.update': (ctx, input) => updateContact(ctx, input),
  'contacts.remove': (ctx, input) => removeContact(ctx, input.id),
};
