import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountPage } from '../features/account/AccountPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ImportExportPage } from '../features/import/ImportExportPage';
import { InquiriesPage } from '../features/inquiries/InquiriesPage';
import { LostDealsPage } from '../features/lost-deals/LostDealsPage';
import { PoolPage } from '../features/pool/PoolPage';
import { QuotesPage } from '../features/quotes/QuotesPage';
import { ReceivablesPage } from '../features/receivables/ReceivablesPage';
import { SharingPage } from '../features/sharing/SharingPage';
import { TodosPage } from '../features/todos/TodosPage';
import { useUiStore } from '../stores/ui-store';

/** Settings is opened rarely: its validators and calendar load with it, not with the first paint. */
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));

function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function CurrentPage() {
  const page = useUiStore((state) => state.page);
  const accountId = useUiStore((state) => state.accountId);
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'todos':
      return <TodosPage />;
    case 'inquiries':
      return <InquiriesPage />;
    case 'quotes':
      return <QuotesPage />;
    case 'lostDeals':
      return <LostDealsPage />;
    case 'complaints':
      return <ComplaintsPage />;
    case 'receivables':
      return <ReceivablesPage />;
    case 'pool':
      return <PoolPage />;
    case 'sharing':
      return <SharingPage />;
    case 'transfer':
      return <ImportExportPage />;
    case 'backups':
      return <BackupsPage />;
    case 'settings':
      return (
        <Suspense fallback={<PageLoading />}>
          <SettingsPage />
        </Suspense>
      );
    case 'account':
      return accountId ? <AccountPage key={accountId} accountId={accountId} /> : <AccountsPage />;
    default:
      return <AccountsPage />;
  }
}
