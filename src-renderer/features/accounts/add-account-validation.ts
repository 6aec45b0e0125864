import type { InputOf } from '../../../src-main/contract';
import { isCountry, zoneOptions } from './country-options';

export const accountFormFields = ['name', 'country', 'timeZone', 'city', 'owner', 'notes'] as const;
export type AccountFormField = (typeof accountFormFields)[number];

export interface AccountFormValues {
  name: string;
  country: string | null;
  timeZone: string | null;
  city: string;
  owner: string;
  notes: string;
}

/** A field problem as an i18n key with its parameters, so it is shown in the current language. */
export interface FieldProblem {
  key: 'validation.required' | 'validation.tooLong' | 'validation.unknownCountry' | 'validation.zoneNotInCountry';
  max?: number;
}

export type FieldProblems = Partial<Record<AccountFormField, FieldProblem>>;

export const emptyAccountForm: AccountFormValues = { name: '', country: null, timeZone: null, city: '', owner: '', notes: '' };

const limits = { name: 200, city: 200, owner: 200, notes: 20_000 } as const;

/** The same checks the contract makes (`accounts.add`), done before the call so errors show at once. */
export function validateAccountForm(values: AccountFormValues): FieldProblems {
  const problems: FieldProblems = {};
  const name = values.name.trim();
  if (!name) problems.name = { key: 'validation.required' };
  else if (name.length > limits.name) problems.name = { key: 'validation.tooLong', max: limits.name };
  if (!values.country) problems.country = { key: 'validation.required' };
  else if (!isCountry(values.country)) problems.country = { key: 'validation.unknownCountry' };
  if (values.country && isCountry(values.country)) {
    if (!values.timeZone) problems.timeZone = { key: 'validation.required' };
    else if (!zoneOptions(values.country).includes(values.timeZone)) problems.timeZone = { key: 'validation.zoneNotInCountry' };
  }
  if (values.city.trim().length > limits.city) problems.city = { key: 'validation.tooLong', max: limits.city };
  if (values.owner.trim().length > limits.owner) problems.owner = { key: 'validation.tooLong', max: limits.owner };
  if (values.notes.length > limits.notes) problems.notes = { key: 'validation.tooLong', max: limits.notes };
  return problems;
}

/** The `accounts.add` input for valid values; empty optional fields are left out. */
export function toAddAccountInput(values: AccountFormValues): InputOf<'accounts.add'> {
  const city = values.city.trim();
  const owner = values.owner.trim();
  return {
    name: values.name.trim(),
    country: values.country ?? '',
    ...(values.timeZone ? { timeZone: values.timeZone } : {}),
    ...(city ? { city } : {}),
    ...(owner ? { owner } : {}),
    ...(values.notes.trim() ? { notes: values.notes } : {}),
  };
}

export function isAccountFormField(path: string): path is AccountFormField {
  return (accountFormFields as readonly string[]).includes(path);
}
