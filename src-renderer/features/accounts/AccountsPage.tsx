import { Button, Group, Notification, Stack, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { useAccountsStore } from '../../stores/accounts-store';
import { AccountCount } from './AccountCount';
import { AccountFilters } from './AccountFilters';
import { AccountSearch } from './AccountSearch';
import { AccountsBody } from './AccountsBody';
import { AddAccountForm } from './AddAccountForm';

export function AccountsPage() {
  const { t } = useTranslation();
  const refresh = useAccountsStore((state) => state.refresh);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Account | null>(null);
  // N opens the add-account form (ignored while typing in a field).
  useHotkeys([['N', () => setAdding(true)]]);

  const onAdded = (account: Account) => {
    setAdding(false);
    setAdded(account);
    void refresh();
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="md" align="baseline">
          <Title order={2}>{t('accounts.title')}</Title>
          <AccountCount />
        </Group>
        <Button onClick={() => setAdding(true)} data-testid="add-account-button">
          {t('accounts.add')}
        </Button>
      </Group>
      <AccountSearch />
      <AccountFilters />
      {added && (
        <Notification
          color="teal"
          withBorder
          onClose={() => setAdded(null)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
          data-testid="add-account-success"
          role="status"
        >
          {t('accounts.added', { name: added.name })}
        </Notification>
      )}
      <AccountsBody onAdd={() => setAdding(true)} />
      <AddAccountForm opened={adding} onClose={() => setAdding(false)} onAdded={onAdded} />
    </Stack>
  );
}
