import { FileInput, Group, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { submitOnCtrlEnter } from '../../components/DialogForm';
import { normalisePhone } from '../../../src-main/domain/import/values';
import { zoneOptions } from '../accounts/country-options';
import { CountrySelect } from '../accounts/CountrySelect';
import type { LeadField } from './lead-validation';
import type { QuickAddForm } from './use-quick-add';

/** The lead's fields in the order a salesperson types them at a stand; Tab moves on, Enter saves. */
export function LeadFields({ form }: { form: QuickAddForm }) {
  const { t } = useTranslation();
  const { values, problems, update } = form;
  const field = (name: LeadField) => ({ error: problems[name], errorProps: { 'data-testid': `lead-error-${name}` } });
  const e164 = values.phone.trim() && values.country ? normalisePhone(values.phone, values.country) : null;
  const zones = zoneOptions(values.country);

  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          data-autofocus
          label={t('leads.fields.company')}
          value={values.company}
          onChange={(event) => update({ company: event.currentTarget.value })}
          {...field('company')}
          data-testid="lead-company"
        />
        <TextInput
          label={t('leads.fields.contact')}
          value={values.contact}
          onChange={(event) => update({ contact: event.currentTarget.value })}
          {...field('contact')}
          data-testid="lead-contact"
        />
      </Group>
      <Group grow align="flex-start">
        <CountrySelect
          label={t('leads.fields.country')}
          placeholder={t('leads.fields.countryPlaceholder')}
          nothingFoundMessage={t('leads.fields.countryNothingFound')}
          value={values.country}
          onChange={(country) => update({ country })}
          {...field('country')}
          data-testid="lead-country"
        />
        <TextInput
          label={t('leads.fields.city')}
          value={values.city}
          onChange={(event) => update({ city: event.currentTarget.value })}
          {...field('city')}
          data-testid="lead-city"
        />
        <Select
          searchable
          openOnFocus={false}
          allowDeselect={false}
          disabled={zones.length === 0}
          label={t('leads.fields.timeZone')}
          description={t('leads.fields.timeZoneHint')}
          data={zones}
          value={values.timeZone}
          onChange={(timeZone) => update({ timeZone, zoneChosen: true })}
          maxDropdownHeight={240}
          {...field('timeZone')}
          data-testid="lead-zone"
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          type="email"
          label={t('leads.fields.email')}
          value={values.email}
          onChange={(event) => update({ email: event.currentTarget.value })}
          {...field('email')}
          data-testid="lead-email"
        />
        <TextInput
          type="tel"
          label={t('leads.fields.phone')}
          description={e164 ? t('leads.fields.phoneStored', { e164 }) : undefined}
          value={values.phone}
          onChange={(event) => update({ phone: event.currentTarget.value })}
          {...field('phone')}
          data-testid="lead-phone"
        />
      </Group>
      <TagsInput
        label={t('leads.fields.tags')}
        description={t('leads.fields.tagsHint')}
        placeholder={t('leads.fields.tagsPlaceholder')}
        value={values.tags}
        onChange={(tags) => update({ tags })}
        maxTags={20}
        clearable
        {...field('tags')}
        data-testid="lead-tags"
      />
      <Textarea
        label={t('leads.fields.notes')}
        autosize
        minRows={2}
        maxRows={5}
        value={values.notes}
        onChange={(event) => update({ notes: event.currentTarget.value })}
        onKeyDown={submitOnCtrlEnter}
        {...field('notes')}
        data-testid="lead-notes"
      />
      <FileInput
        label={t('leads.fields.photo')}
        description={t('leads.fields.photoHint')}
        placeholder={t('leads.fields.photoPlaceholder')}
        accept="image/jpeg,image/png,image/webp"
        clearable
        value={values.photo}
        onChange={(photo) => update({ photo })}
        {...field('photo')}
        data-testid="lead-photo"
      />
    </>
  );
}
