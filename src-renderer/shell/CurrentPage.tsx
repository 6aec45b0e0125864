import { AccountPage } from '../features/account/AccountPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { TodosPage } from '../features/todos/TodosPage';
import { useUiStore } from '../stores/ui-store';

export function CurrentPage() {
  const page = useUiStore((state) => state.page);
  const accountId = useUiStore((state) => state.accountId);
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'todos':
      return <TodosPage />;
    case 'account':
      return accountId ? <AccountPage key={accountId} accountId={accountId} /> : <AccountsPage />;
    default:
      return <AccountsPage />;
  }
}
