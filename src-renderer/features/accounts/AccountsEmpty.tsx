import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface AccountsEmptyProps {
  query: string;
  /** Score filters are on: offer to clear them. */
  onClearFilters?: (() => void) | undefined;
  onAdd: () => void;
}

/** No accounts at all (offer to add one), none matching the score filters, or none matching the search. */
export function AccountsEmpty({ query, onClearFilters, onAdd }: AccountsEmptyProps) {
  const { t } = useTranslation();
  const trimmed = query.trim();
  if (onClearFilters) {
    return (
      <EmptyState data-testid="account-empty" title={t('accounts.noFilterMatches.title')} description={t('accounts.noFilterMatches.description')}>
        <EmptyState.Actions>
          <Button variant="light" onClick={onClearFilters}>
            {t('accounts.filters.clear')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
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
