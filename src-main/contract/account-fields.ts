/**
 * An account's fields as `accounts.add` and `accounts.update` take them. A module of its own (primitives and zod
 * only): the renderer's account form checks with the very same schema without loading the rest of the contract.
 */
import { z } from 'zod';
import { AccountSource, CountryCode, CurrencyCode, Id, Instant, LongText, Name, Rating, ShortText, Tags, TimeZone } from './primitives';

export const accountFields = {
  city: ShortText.optional(),
  language: z.string().trim().min(2).max(35).optional(),
  currency: CurrencyCode.optional(),
  source: AccountSource.optional(),
  owner: ShortText.optional(),
  strategicFit: Rating.optional(),
  reputation: Rating.optional(),
  priorityChannel: z.boolean().optional(),
  notes: LongText.optional(),
  reviewAnchor: Instant.optional(),
  tags: Tags.optional(),
};

/** `accounts.update`: the fields given change (an empty city or owner clears it). */
export const AccountPatch = z.strictObject({
  id: Id,
  name: Name.optional(),
  country: CountryCode.optional(),
  timeZone: TimeZone.optional(),
  ...accountFields,
});
