import { Kbd, Loader, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from '../../stores/accounts-store';


export function AccountSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => useAccountsStore.getState().query);
  const search = useAccountsStore((state) => state.search);
  const loading = useAccountsStore((state) => state.loading);
  const input = useRef<HTMLInputElement>(null);
  // "/" or Ctrl/⌘+K jumps to the search from anywhere on the page (not while typing in another field).
  useHotkeys([
    ['/', () => input.current?.focus()],
    ['mod+K', () => input.current?.focus()],
  ]);

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
      ref={input}
      rightSection={loading ? <Loader size="xs" /> : <Kbd size="xs">/</Kbd>}
      maxLength={200}
      data-testid="account-search"
    />
  );
}
