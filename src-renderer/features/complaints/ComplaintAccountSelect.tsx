import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';

export interface PickedAccount {
  id: string;
  name: string;
}

interface ComplaintAccountSelectProps {
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
  error?: string | undefined;
}

/** Waits this long after the last keystroke before asking `accounts.list`. */
const SEARCH_DELAY_MS = 150;

/** The complaint's account, typed into: the search goes to `accounts.list` (name, contact, e-mail), 20 at a time. */
export function ComplaintAccountSelect({ value, onChange, error }: ComplaintAccountSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PickedAccount[]>([]);
  useEffect(() => {
    let current = true;
    const query = search.trim();
    const timer = setTimeout(() => {
      void api.call('accounts.list', { ...(query && query !== value?.name ? { query } : {}), limit: 20, offset: 0 }).then((result) => {
        if (current && result.ok) setFound(result.value.map((a) => ({ id: a.id, name: a.name })));
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, value?.name]);
  const options = value && !found.some((a) => a.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      data-autofocus
      required
      searchable
      label={t('complaints.addDialog.account')}
      placeholder={t('complaints.addDialog.accountPlaceholder')}
      nothingFoundMessage={t('complaints.addDialog.noAccounts')}
      data={options.map((a) => ({ value: a.id, label: a.name }))}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(options.find((a) => a.id === id) ?? null)}
      error={error}
      data-testid="complaint-add-account"
    />
  );
}
