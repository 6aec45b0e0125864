import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Account } from '../../../src-main/contract/models';
import {
  emptyAccountForm,
  isAccountFormField,
  toAddAccountInput,
  validateAccountForm,
  type AccountFormField,
  type AccountFormValues,
  type FieldProblems,
} from './add-account-validation';
import { zoneOptions } from './country-options';

type ServerIssues = Partial<Record<AccountFormField, string>>;

/** Splits an `invalid_input` error into per-field messages; anything not tied to a field stays for the form's Alert. */
function splitIssues(error: ApiError): { fields: ServerIssues; rest: ApiError | null } {
  if (error.code !== 'invalid_input' || !error.issues?.length) return { fields: {}, rest: error };
  const fields: ServerIssues = {};
  let unmatched = false;
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isAccountFormField(field)) fields[field] ??= issue.message;
    else unmatched = true;
  }
  return { fields, rest: unmatched ? error : null };
}

/** State and submit logic of the add-account form: local checks first, then `accounts.add`. */
export function useAddAccountForm(onAdded: (account: Account) => void) {
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [serverIssues, setServerIssues] = useState<ServerIssues>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const clear = (...fields: AccountFormField[]) => {
    setProblems((current) => ({ ...current, ...Object.fromEntries(fields.map((f) => [f, undefined])) }));
    setServerIssues((current) => ({ ...current, ...Object.fromEntries(fields.map((f) => [f, undefined])) }));
  };

  const setField = <F extends Exclude<AccountFormField, 'country'>>(field: F, value: AccountFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  };

  /** A new country suggests its main zone; the user may pick any other zone of the country. */
  const setCountry = (country: string | null) => {
    setValues((current) => ({ ...current, country, timeZone: zoneOptions(country)[0] ?? null }));
    clear('country', 'timeZone');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const local = validateAccountForm(values);
    setProblems(local);
    setServerIssues({});
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    setSubmitting(true);
    const result = await api.call('accounts.add', toAddAccountInput(values));
    setSubmitting(false);
    if (result.ok) {
      onAdded(result.value);
      return;
    }
    const { fields, rest } = splitIssues(result.error);
    setServerIssues(fields);
    setFormError(rest);
    setAttempt((n) => n + 1);
  };

  return { values, problems, serverIssues, formError, submitting, attempt, setField, setCountry, submit };
}
