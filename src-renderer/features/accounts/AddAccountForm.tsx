import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useFocusFirstInvalid } from '../../hooks/use-validated-form';
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
  const formRef = useRef<HTMLFormElement>(null);

  useFocusFirstInvalid(formRef, form.attempt);

  const errorOf = (field: AccountFormField): string | undefined => {
    const problem = form.problems[field];
    if (problem) return t(problem.key, { max: problem.max });
    return form.serverIssues[field];
  };
  const errorProps = (field: AccountFormField) => ({ 'data-testid': `field-error-${field}` });
  const zones = zoneOptions(form.values.country);

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void form.submit(event)} data-testid="add-account-fields">
      <Stack gap="sm">
        {form.formError && (
          <ApiErrorAlert error={form.formError} title={t('accountForm.errorTitle')} testId="add-account-error" />
        )}
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
            required
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            autoSelectOnBlur
            allowDeselect={false}
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
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) formRef.current?.requestSubmit();
          }}
          error={errorOf('notes')}
          errorProps={errorProps('notes')}
          data-testid="add-account-notes"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid="add-account-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="add-account-submit">
            {t('accountForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
