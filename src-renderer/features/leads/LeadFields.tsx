import { FileInput, Group, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { normalisePhone } from '../../../src-main/domain/import/values';
import { searchablePick } from '../../components/DialogForm';
import { useUiStore } from '../../stores/ui-store';
import { countryOptions, zoneOptions } from '../accounts/country-options';
import { countryFilter } from './country-filter';
import type { LeadField } from './lead-validation';
import type { QuickAddForm } from './use-quick-add';

/** The lead's fields in the order a salesperson types them at a stand; Tab moves on, Enter saves. */
export function LeadFields({ form }: { form: QuickAddForm }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { values, problems, update } = form;
  const field = (name: LeadField) => ({ error: problems[name], errorProps: { 'data-testid': `lead-error-${name}` } });
  const e164 = values.phone.trim() && values.country ? normalisePhone(values.phone, values.country) : null;
  const zones = zoneOptions(values.country);
  // What was typed into the country: Tab or Enter takes its first match even when the list has not marked it yet (a
  // fast typist's key can come before the dropdown highlights its first option, and the choice would be lost).
  const countryTyped = useRef('');
  const countryArrowed = useRef(false);
  const takeTypedCountry = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') countryArrowed.current = true;
    if ((event.key !== 'Tab' && event.key !== 'Enter') || countryTyped.current.trim() === '') return;
    // An option reached with the arrow keys is the list's own to take.
    if (countryArrowed.current) return;
    const options = countryOptions(language);
    if (options.some((o) => o.value === values.country && o.label === countryTyped.current)) return;
    const first = countryFilter({ options, search: countryTyped.current, limit: 1 })[0];
    if (!first || !('value' in first)) return;
    // The Enter that takes the country does not also save the lead.
    if (event.key === 'Enter') event.preventDefault();
    update({ country: first.value });
  };
  const submitOnCtrlEnter = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

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
        <Select
          {...searchablePick}
          label={t('leads.fields.country')}
          placeholder={t('leads.fields.countryPlaceholder')}
          nothingFoundMessage={t('leads.fields.countryNothingFound')}
          data={countryOptions(language)}
          filter={countryFilter}
          value={values.country}
          onChange={(country) => update({ country })}
          onSearchChange={(search) => {
            countryTyped.current = search;
            countryArrowed.current = false;
          }}
          onKeyDown={takeTypedCountry}
          maxDropdownHeight={240}
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
