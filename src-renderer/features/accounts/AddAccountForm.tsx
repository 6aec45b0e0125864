import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { DialogForm, searchablePick, submitOnCtrlEnter } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useUiStore } from '../../stores/ui-store';
import type { AccountFormField } from './add-account-validation';
import { countryOptions, zoneOptions } from './country-options';
import { useAddAccountForm } from './use-add-account-form';

interface AddAccountFormProps {
  opened: boolean;
  onClose: () => void;
  onAdded: (account: Account) => void;
}

/** The add-account dialog: Esc closes it, focus starts in Name, Enter submits. */
export function AddAccountForm({ opened, onClose, onAdded }: AddAccountFormProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('accountForm.title')} testId="add-account-form">
      <AddAccountFields onCancel={onClose} onAdded={onAdded} />
    </FormDialog>
  );
}

function AddAccountFields({ onCancel, onAdded }: { onCancel: () => void; onAdded: (account: Account) => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const form = useAddAccountForm(onAdded);

  const errorOf = (field: AccountFormField): string | undefined => {
    const problem = form.problems[field];
    if (problem) return t(problem.key, { max: problem.max });
    return form.serverIssues[field];
  };
  const errorProps = (field: AccountFormField) => ({ 'data-testid': `field-error-${field}` });
  const zones = zoneOptions(form.values.country);

  return (
    <DialogForm form={form} errorTitle={t('accountForm.errorTitle')} submitLabel={t('accountForm.submit')} onCancel={onCancel} testId="add-account">
      <TextInput
        data-autofocus
        required
        label={t('accountForm.name')}
        placeholder={t('accountForm.namePlaceholder')}
        value={form.values.name}
        onChange={(event) => form.setField('name', event.currentTarget.value)}
        error={errorOf('name')}
        errorProps={errorProps('name')}
        data-testid="add-account-name"
      />
      <Group grow align="flex-start">
        <Select
          {...searchablePick}
          label={t('accountForm.country')}
          placeholder={t('accountForm.countryPlaceholder')}
          nothingFoundMessage={t('accountForm.countryNothingFound')}
          data={countryOptions(language)}
          value={form.values.country}
          onChange={form.setCountry}
          maxDropdownHeight={260}
          error={errorOf('country')}
          errorProps={errorProps('country')}
          data-testid="add-account-country"
        />
        <Select
          required
          searchable
          openOnFocus={false}
          allowDeselect={false}
          disabled={zones.length === 0}
          label={t('accountForm.timeZone')}
          placeholder={t('accountForm.timeZonePlaceholder')}
          description={t('accountForm.timeZoneDescription')}
          data={zones}
          value={form.values.timeZone}
          onChange={(zone) => form.setField('timeZone', zone)}
          maxDropdownHeight={260}
          error={errorOf('timeZone')}
          errorProps={errorProps('timeZone')}
          data-testid="add-account-zone"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('accountForm.city')}
          value={form.values.city}
          onChange={(event) => form.setField('city', event.currentTarget.value)}
          error={errorOf('city')}
          errorProps={errorProps('city')}
          data-testid="add-account-city"
        />
        <TextInput
          label={t('accountForm.owner')}
          placeholder={t('accountForm.ownerPlaceholder')}
          value={form.values.owner}
          onChange={(event) => form.setField('owner', event.currentTarget.value)}
          error={errorOf('owner')}
          errorProps={errorProps('owner')}
          data-testid="add-account-owner"
        />
      </Group>
      <Textarea
        label={t('accountForm.notes')}
        autosize
        minRows={2}
        maxRows={6}
        value={form.values.notes}
        onChange={(event) => form.setField('notes', event.currentTarget.value)}
        onKeyDown={submitOnCtrlEnter}
        error={errorOf('notes')}
        errorProps={errorProps('notes')}
        data-testid="add-account-notes"
      />
    </DialogForm>
  );
}
