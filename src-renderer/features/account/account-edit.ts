import type { InputOf } from '../../../src-main/contract';
import { AccountPatch } from '../../../src-main/contract/account-fields';
import type { Account } from '../../../src-main/contract/models';
import type { Language } from '../../i18n';
import { changedFields } from '../../hooks/changed-fields';
import { schemaProblems } from '../../i18n/schema-problems';
import { isCountry, zoneOptions } from '../accounts/country-options';

export const accountEditFields = [
  'name',
  'country',
  'timeZone',
  'city',
  'language',
  'currency',
  'source',
  'owner',
  'strategicFit',
  'reputation',
  'priorityChannel',
  'tags',
  'notes',
] as const;
export type AccountEditField = (typeof accountEditFields)[number];

export interface AccountEditValues {
  name: string;
  country: string | null;
  timeZone: string | null;
  city: string;
  language: string | null;
  currency: string | null;
  source: string | null;
  owner: string;
  strategicFit: number;
  reputation: number;
  priorityChannel: boolean;
  tags: string[];
  notes: string;
}

export function isAccountEditField(path: string): path is AccountEditField {
  return (accountEditFields as readonly string[]).includes(path);
}

/** The form starts from the account as the book has it. */
export function editValuesOf(account: Account): AccountEditValues {
  return {
    name: account.name,
    country: account.country,
    timeZone: account.timeZone,
    city: account.city ?? '',
    language: account.language,
    currency: account.currency,
    source: account.source,
    owner: account.owner ?? '',
    strategicFit: account.strategicFit,
    reputation: account.reputation,
    priorityChannel: account.priorityChannel,
    tags: account.tags,
    notes: account.notes,
  };
}

/** Every field as `accounts.update` takes it (a language, currency or source not set is left out: it cannot be unset). */
function fullInput(id: string, values: AccountEditValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    id,
    name: values.name,
    country: values.country ?? '',
    timeZone: values.timeZone ?? '',
    city: values.city,
    owner: values.owner,
    strategicFit: values.strategicFit,
    reputation: values.reputation,
    priorityChannel: values.priorityChannel,
    tags: values.tags,
    notes: values.notes,
  };
  if (values.language) input.language = values.language;
  if (values.currency) input.currency = values.currency;
  if (values.source) input.source = values.source;
  return input;
}

/**
 * The `accounts.update` input: only the fields that changed, so an unchanged rating does not rescore the account and
 * a teammate's edit of another field is not overwritten when the books are merged.
 */
export function toUpdateInput(account: Account, values: AccountEditValues): InputOf<'accounts.update'> {
  const before = fullInput(account.id, editValuesOf(account));
  const after = fullInput(account.id, values);
  return { id: account.id, ...changedFields(before, after) } as InputOf<'accounts.update'>;
}

export type AccountEditProblems = Partial<Record<AccountEditField, string>>;

/**
 * What is wrong with the values, field by field, in the user's language: the `accounts.update` schema itself, a
 * country that must be given, and a zone that must be one of the country's.
 */
export function accountEditProblems(
  accountId: string,
  values: AccountEditValues,
  language: Language,
  messages: { required: string; zoneNotInCountry: (country: string) => string },
): AccountEditProblems {
  const problems = schemaProblems(AccountPatch, fullInput(accountId, values), accountEditFields, language);
  if (!values.country) problems.country = messages.required;
  else if (isCountry(values.country)) {
    if (!values.timeZone) problems.timeZone = messages.required;
    else if (!zoneOptions(values.country).includes(values.timeZone)) problems.timeZone = messages.zoneNotInCountry(values.country);
  }
  if (values.name.trim() === '') problems.name = messages.required;
  return problems;
}

/** The languages a buyer is most often written to in, by code; the account's own code is added when not among them. */
export const COMMON_LANGUAGES = [
  'en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'ru', 'uk', 'pl', 'cs', 'tr', 'ar', 'fa', 'he', 'hi', 'bn', 'ur',
  'zh', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'fil', 'sv', 'da', 'no', 'fi', 'el', 'ro', 'hu', 'bg', 'sr', 'hr', 'sw',
] as const;
