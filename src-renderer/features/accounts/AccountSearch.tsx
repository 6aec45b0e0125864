import { Loader, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from '../../stores/accounts-store';

/** Milliseconds the search waits after the last keystroke. */
export const SEARCH_DEBOUNCE_MS = 120;

export function AccountSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => useAccountsStore.getState().query);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const search = useAccountsStore((state) => state.search);
  const loading = useAccountsStore((state) => state.loading);

  useEffect(() => {
    void search(debounced);
  }, [debounced, search]);

  return (
    <TextInput
      type="search"
      aria-label={t('accounts.searchLabel')}
      placeholder={t('accounts.searchPlaceholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={loading ? <Loader size="xs" /> : null}
      maxLength={200}
      data-testid="account-search"
    />
  );
}
