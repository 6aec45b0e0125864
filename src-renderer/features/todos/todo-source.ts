/**
 * Where a to-do leads: the record it is about (`Todo.source`). A quote opens in the quote editor, an inquiry or a
 * complaint on its page (an overdue complaint's escalation, R15, leads to the complaints), anything else of an account
 * (an order, a message, the account itself) on the account's page. Null when there is nothing to open.
 */
import type { Todo } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';

export type SourcePlace = 'quote' | 'inquiries' | 'complaints' | 'account';

export function placeOf(task: Pick<Todo, 'source' | 'accountId'>): SourcePlace | null {
  switch (task.source?.table) {
    case 'quotes':
      return 'quote';
    case 'inquiries':
      return 'inquiries';
    case 'complaints':
      return 'complaints';
    default:
      return task.accountId === null ? null : 'account';
  }
}

export function openTodoSource(task: Pick<Todo, 'source' | 'accountId'>): void {
  const ui = useUiStore.getState();
  switch (placeOf(task)) {
    case 'quote':
      ui.openQuote(task.source!.id);
      break;
    case 'inquiries':
      ui.setPage('inquiries');
      break;
    case 'complaints':
      ui.setPage('complaints');
      break;
    case 'account':
      ui.openAccount(task.accountId!);
      break;
    case null:
      break;
  }
}
