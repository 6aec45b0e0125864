import { Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { hasActiveFilters, noFilters, useAccountsStore } from '../../stores/accounts-store';
import { AccountList } from './AccountList';
import { AccountsEmpty } from './AccountsEmpty';

/** What is under the search box: the error (never a blank screen), the first load, the empty state or the list. */
export function AccountsBody({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const total = useAccountsStore((state) => state.total);
  const query = useAccountsStore((state) => state.query);
  const error = useAccountsStore((state) => state.error);
  const refresh = useAccountsStore((state) => state.refresh);
  const generation = useAccountsStore((state) => state.generation);
  const shownFilters = useAccountsStore((state) => state.shownFilters);
  const setFilters = useAccountsStore((state) => state.setFilters);

  const errorAlert = error && <ApiErrorAlert error={error} onRetry={() => void refresh()} testId="account-error" />;
  if (total === null) {
    return (
      errorAlert ?? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )
    );
  }
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      {errorAlert}
      {total === 0 ? <AccountsEmpty
          query={query}
          onAdd={onAdd}
          onClearFilters={hasActiveFilters(shownFilters) ? () => void setFilters(noFilters) : undefined}
        /> : <AccountList key={generation} total={total} />}
    </Stack>
  );
}
