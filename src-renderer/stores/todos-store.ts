import { create } from 'zustand';
import { api } from '../api';
import type { ApiError } from '../../src-main/contract/errors';
import type { Task } from '../../src-main/contract/models';

/** How many open tasks the board shows at once. */
export const TODO_LIMIT = 200;

interface TodosState {
  tasks: readonly Task[] | null;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
}

let latestRequest = 0;

export const useTodosStore = create<TodosState>()((set) => ({
  tasks: null,
  loading: false,
  error: null,

  load: async () => {
    const request = ++latestRequest;
    set({ loading: true });
    const result = await api.call('tasks.list', { status: 'open', limit: TODO_LIMIT });
    if (request !== latestRequest) return;
    if (result.ok) set({ tasks: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
}));
