import { AccountsPage } from '../features/accounts/AccountsPage';
import { TodosPage } from '../features/todos/TodosPage';
import { useUiStore } from '../stores/ui-store';

export function CurrentPage() {
  const page = useUiStore((state) => state.page);
  return page === 'todos' ? <TodosPage /> : <AccountsPage />;
}
