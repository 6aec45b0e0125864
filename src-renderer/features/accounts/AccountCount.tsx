import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useAccountsStore } from '../../stores/accounts-store';
import { useUiStore } from '../../stores/ui-store';

/** "50,000 accounts" for the current search; `data-count` carries the bare number for scripts. */
export function AccountCount() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const total = useAccountsStore((state) => state.total);
  if (total === null) return null;
  return (
    <Text c="dimmed" size="sm" data-testid="account-count" data-count={total} aria-live="polite">
      {t('accounts.count', { count: total, formatted: formatNumber(total, language) })}
    </Text>
  );
}
