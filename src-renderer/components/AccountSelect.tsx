import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AccountListItem } from '../../src-main/contract/models';
import { api } from '../api';

/** What a form keeps of the chosen account (an `accounts.list` row has more). */
export interface PickedAccount {
  id: string;
  name: string;
}

interface AccountSelectProps<T extends PickedAccount> {
  value: T | null;
  onChange: (account: T | null) => void;
  /** Turns an `accounts.list` row into what the form keeps (a module-level function: it is a dependency of the search). */
  pick: (row: AccountListItem) => T;
  label: string;
  placeholder: string;
  nothingFound: string;
  error?: string | undefined;
  testId: string;
}

/** `pick` for a form that keeps the whole list row (its zone, currency…). */
export const asListItem = (row: AccountListItem): AccountListItem => row;
/** `pick` for a form that keeps the id and the name. */
export const asPicked = (row: AccountListItem): PickedAccount => ({ id: row.id, name: row.name });

/** Waits this long after the last keystroke before asking `accounts.list`. */
const SEARCH_DELAY_MS = 150;

/**
 * A required account, typed into: the search (name, contact, e-mail) goes to `accounts.list`, 20 at a time, once
 * the typing pauses; the chosen account stays in the list while other searches run. Used by every form that
 * names an account (a new inquiry, quote or complaint).
 */
export function AccountSelect<T extends PickedAccount>({ value, onChange, pick, label, placeholder, nothingFound, error, testId }: AccountSelectProps<T>) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<T[]>([]);
  useEffect(() => {
    let current = true;
    const query = search.trim();
    const timer = setTimeout(() => {
      void api.call('accounts.list', { ...(query && query !== value?.name ? { query } : {}), limit: 20, offset: 0 }).then((result) => {
        if (current && result.ok) setFound(result.value.map(pick));
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, value?.name, pick]);
  const options = value && !found.some((a) => a.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      data-autofocus
      required
      searchable
      label={label}
      placeholder={placeholder}
      nothingFoundMessage={nothingFound}
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
