import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListItem } from '../../../src-main/contract/models';
import { api } from '../../api';

interface AccountPickerProps {
  value: AccountListItem | null;
  onChange: (account: AccountListItem | null) => void;
  error?: string;
  testId: string;
}

/** A required account typed into: each keystroke asks `accounts.list` (search by name, contact, e-mail) for 20. */
export function AccountPicker({ value, onChange, error, testId }: AccountPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<AccountListItem[]>([]);
  useEffect(() => {
    let current = true;
    const query = search.trim();
    void api.call('accounts.list', { ...(query && query !== value?.name ? { query } : {}), limit: 20, offset: 0 }).then((result) => {
      if (current && result.ok) setFound(result.value);
    });
    return () => {
      current = false;
    };
  }, [search, value?.name]);
  const options = value && !found.some((a) => a.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      data-autofocus
      required
      searchable
      label={t('inquiries.form.account')}
      placeholder={t('inquiries.form.accountPlaceholder')}
      nothingFoundMessage={t('inquiries.form.accountNothingFound')}
      data={options.map((a) => ({ value: a.id, label: a.name }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((a) => a.id === id) ?? null)}
      error={error}
      data-testid={testId}
    />
  );
}
