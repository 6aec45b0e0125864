import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiStore, type Page } from '../stores/ui-store';

const pages = [
  { page: 'dashboard', label: 'nav.dashboard' },
  { page: 'accounts', label: 'nav.accounts' },
  { page: 'todos', label: 'nav.todos' },
  { page: 'inquiries', label: 'inquiries.nav' },
  { page: 'quotes', label: 'quotes.nav' },
  { page: 'lostDeals', label: 'lostDeals.nav' },
  { page: 'complaints', label: 'complaints.nav' },
  { page: 'receivables', label: 'receivables.nav' },
  { page: 'pool', label: 'pool.nav' },
  { page: 'sharing', label: 'sharing.nav' },
  { page: 'transfer', label: 'transfer.nav' },
  { page: 'backups', label: 'backups.nav' },
  { page: 'settings', label: 'settings.nav' },
] as const satisfies readonly { page: Page; label: string }[];

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const current = useUiStore((state) => state.page);
  const setPage = useUiStore((state) => state.setPage);
  return (
    <nav aria-label={t('nav.label')}>
      {pages.map(({ page, label }) => (
        <NavLink
          key={page}
          component="button"
          type="button"
          label={t(label)}
          active={current === page || (page === 'accounts' && current === 'account')}
          aria-current={current === page ? 'page' : undefined}
          onClick={() => {
            setPage(page);
            onNavigate();
          }}
          data-testid={`nav-${page}`}
        />
      ))}
    </nav>
  );
}
