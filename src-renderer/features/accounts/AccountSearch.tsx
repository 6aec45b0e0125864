import { Loader, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from '../../stores/accounts-store';


export function AccountSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => useAccountsStore.getState().query);
  const search = useAccountsStore((state) => state.search);
  const loading = useAccountsStore((state) => state.loading);

  // Every keystroke searches at once (no debounce): a search costs a few milliseconds on a 50,000-account
  // book, and the store drops answers to older keystrokes.
  useEffect(() => {
    void search(text);
  }, [text, search]);

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
