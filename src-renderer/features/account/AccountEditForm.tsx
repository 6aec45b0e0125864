import { Group, Radio, Select, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InquirySource } from '../../../src-main/contract/primitives';
import type { Account } from '../../../src-main/contract/models';
import { api } from '../../api';
import { DialogForm, submitOnCtrlEnter } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { countryName } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { zoneOptions } from '../accounts/country-options';
import { CountrySelect } from '../accounts/CountrySelect';
import { accountEditProblems, COMMON_LANGUAGES, editValuesOf, isAccountEditField, toUpdateInput, type AccountEditField, type AccountEditValues } from './account-edit';
import { currencyOptions, languageName } from './account-format';

interface AccountEditFormProps {
  opened: boolean;
  account: Account;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

/** Every field of the account, checked beside each field before saving; Esc closes, Enter (Ctrl+Enter in Notes) saves. */
export function AccountEditForm({ opened, account, onClose, onSaved }: AccountEditFormProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('accountEdit.title', { name: account.name })} testId="account-edit">
      <AccountEditFields account={account} onCancel={onClose} onSaved={onSaved} />
    </FormDialog>
  );
}

function AccountEditFields({ account, onCancel, onSaved }: { account: Account; onCancel: () => void; onSaved: (account: Account) => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { update, ...form } = useValidatedForm({
    initial: () => editValuesOf(account),
    isField: isAccountEditField,
    validate: (values: AccountEditValues) =>
      accountEditProblems(account.id, values, language, {
        required: t('validation.required'),
        zoneNotInCountry: (country) => t('accountEdit.problems.zoneNotInCountry', { country: countryName(country, language) }),
      }),
    send: (values) => api.call('accounts.update', toUpdateInput(account, values)),
    onDone: onSaved,
  });
  const { values } = form;
  const set = <F extends AccountEditField>(field: F, value: AccountEditValues[F]) => update({ [field]: value } as Partial<AccountEditValues>, [field]);
  const field = (name: AccountEditField) => ({
    error: form.problems[name] ?? form.serverIssues[name],
    errorProps: { 'data-testid': `account-edit-error-${name}` },
  });
  const zones = zoneOptions(values.country);
  const languages = useMemo(() => {
    const codes = [...new Set([...(account.language ? [account.language] : []), ...COMMON_LANGUAGES])];
    return codes.map((code) => ({ value: code, label: `${languageName(code, language)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, language));
  }, [account.language, language]);
  const currencies = useMemo(() => currencyOptions([account.currency ?? '', 'USD', 'EUR', 'CNY']), [account.currency]);
  const sources = InquirySource.options.map((source) => ({ value: source, label: t(`inquiries.sources.${source}`) }));
  const ratings = ['1', '2', '3', '4', '5'];

  return (
    <DialogForm form={form} errorTitle={t('accountEdit.errorTitle')} submitLabel={t('accountEdit.submit')} onCancel={onCancel} testId="account-edit">
      <TextInput
        data-autofocus
        required
        label={t('accountEdit.fields.name')}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        {...field('name')}
        data-testid="account-edit-name"
      />
      <Group grow align="flex-start">
        <CountrySelect
          label={t('accountEdit.fields.country')}
          placeholder={t('accountEdit.fields.countryPlaceholder')}
          nothingFoundMessage={t('accountEdit.fields.countryNothingFound')}
          value={values.country}
          onChange={(country) => {
            // A new country keeps the zone when the country uses it too, else suggests the country's main zone.
            const countryZones = zoneOptions(country);
            const timeZone = values.timeZone && countryZones.includes(values.timeZone) ? values.timeZone : (countryZones[0] ?? null);
            update({ country, timeZone }, ['country', 'timeZone']);
          }}
          {...field('country')}
          data-testid="account-edit-country"
        />
        <TextInput label={t('accountEdit.fields.city')} value={values.city} onChange={(event) => set('city', event.currentTarget.value)} {...field('city')} data-testid="account-edit-city" />
      </Group>
      <Group grow align="flex-start">
        <Select
          required
          searchable
          allowDeselect={false}
          disabled={zones.length === 0}
          label={t('accountEdit.fields.timeZone')}
          description={t('accountEdit.fields.timeZoneDescription')}
          data={zones}
          value={values.timeZone}
          onChange={(zone) => set('timeZone', zone)}
          maxDropdownHeight={240}
          {...field('timeZone')}
          data-testid="account-edit-zone"
        />
        <Select
          searchable
          allowDeselect={false}
          label={t('accountEdit.fields.language')}
          placeholder={t('accountEdit.fields.languagePlaceholder')}
          nothingFoundMessage={t('accountEdit.fields.languageNothingFound')}
          data={languages}
          value={values.language}
          onChange={(code) => set('language', code)}
          maxDropdownHeight={240}
          {...field('language')}
          data-testid="account-edit-language"
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          searchable
          allowDeselect={false}
          label={t('accountEdit.fields.currency')}
          nothingFoundMessage={t('accountEdit.fields.currencyNothingFound')}
          data={currencies}
          value={values.currency}
          onChange={(currency) => set('currency', currency)}
          maxDropdownHeight={240}
          limit={50}
          {...field('currency')}
          data-testid="account-edit-currency"
        />
        <Select
          allowDeselect={false}
          label={t('accountEdit.fields.source')}
          data={sources}
          value={values.source}
          onChange={(source) => set('source', source)}
          {...field('source')}
          data-testid="account-edit-source"
        />
        <TextInput label={t('accountEdit.fields.owner')} value={values.owner} onChange={(event) => set('owner', event.currentTarget.value)} {...field('owner')} data-testid="account-edit-owner" />
      </Group>
      <Group grow align="flex-start">
        {(['strategicFit', 'reputation'] as const).map((name) => (
          <Radio.Group
            key={name}
            label={t(`accountEdit.fields.${name}`)}
            description={t(`accountEdit.fields.${name === 'strategicFit' ? 'strategicFitHint' : 'reputationHint'}`)}
            value={String(values[name])}
            onChange={(value) => set(name, Number(value))}
            {...field(name)}
            data-testid={`account-edit-${name}`}
          >
            <Group gap="md" mt={6}>
              {ratings.map((value) => (
                <Radio key={value} value={value} label={value} aria-label={t('accountEdit.fields.rating', { value })} />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </Group>
      <Switch
        label={t('accountEdit.fields.priorityChannel')}
        description={t('accountEdit.fields.priorityChannelHint')}
        checked={values.priorityChannel}
        onChange={(event) => set('priorityChannel', event.currentTarget.checked)}
        data-testid="account-edit-priorityChannel"
      />
      <TagsInput
        label={t('accountEdit.fields.tags')}
        placeholder={t('accountEdit.fields.tagsPlaceholder')}
        value={values.tags}
        onChange={(tags) => set('tags', tags)}
        maxTags={20}
        clearable
        {...field('tags')}
        data-testid="account-edit-tags"
      />
      <Textarea
        label={t('accountEdit.fields.notes')}
        autosize
        minRows={2}
        maxRows={6}
        value={values.notes}
        onChange={(event) => set('notes', event.currentTarget.value)}
        onKeyDown={submitOnCtrlEnter}
        {...field('notes')}
        data-testid="account-edit-notes"
      />
    </DialogForm>
  );
}
