import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface AccountsEmptyProps {
  query: string;
  onAdd: () => void;
}

/** No accounts at all (offer to add one), or none matching the search. */
export function AccountsEmpty({ query, onAdd }: AccountsEmptyProps) {
  const { t } = useTranslation();
  const trimmed = query.trim();
  if (trimmed) {
    return (
      <EmptyState
        data-testid="account-empty"
        title={t('accounts.noMatches.title', { query: trimmed })}
        description={t('accounts.noMatches.description')}
      />
    );
  }
  return (
    <EmptyState data-testid="account-empty" title={t('accounts.empty.title')} description={t('accounts.empty.description')}>
      <EmptyState.Actions>
        <Button variant="light" onClick={onAdd}>
          {t('accounts.add')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
