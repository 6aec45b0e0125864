import { api } from '../../api';
import type { Account } from '../../../src-main/contract/models';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { emptyAccountForm, isAccountFormField, toAddAccountInput, validateAccountForm, type AccountFormField, type AccountFormValues } from './add-account-validation';
import { zoneOptions } from './country-options';

/** State and submit logic of the add-account form: local checks first, then `accounts.add`. */
export function useAddAccountForm(onAdded: (account: Account) => void) {
  const { update, ...form } = useValidatedForm({
    initial: emptyAccountForm,
    isField: isAccountFormField,
    validate: validateAccountForm,
    send: (values) => api.call('accounts.add', toAddAccountInput(values)),
    onDone: onAdded,
  });

  const setField = <F extends Exclude<AccountFormField, 'country'>>(field: F, value: AccountFormValues[F]) => {
    update({ [field]: value } as Partial<AccountFormValues>, [field]);
  };

  /** A new country suggests its main zone; the user may pick any other zone of the country. */
  const setCountry = (country: string | null) => {
    update({ country, timeZone: zoneOptions(country)[0] ?? null }, ['country', 'timeZone']);
  };

  return { ...form, setField, setCountry };
}
