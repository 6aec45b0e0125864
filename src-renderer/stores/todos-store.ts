import { create } from 'zustand';
import { api } from '../api';
import type { ApiError, Result } from '../../src-main/contract/errors';
import type { Todo } from '../../src-main/contract/models';

/** How many open to-dos the board shows at once. */
export const TODO_LIMIT = 500;

interface TodosState {
  /** Open to-dos (overdue ones included) from `todos.list`, by due instant. */
  tasks: readonly Todo[] | null;
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  done(id: string): Promise<void>;
  /** Snooze to the buyer's next business morning. */
  snooze(id: string): Promise<void>;
  reschedule(id: string, dueAt: string): Promise<void>;
  /** The one summary after a clock jump (the laptop slept), shown until dismissed. */
  summary: string | null;
  showSummary(text: string | null): void;
}

let latestRequest = 0;

function nowInstant(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const useTodosStore = create<TodosState>()((set, get) => {
  /** Runs an action, then reloads the board; an error stays on screen. */
  const act = async (work: () => Promise<Result<unknown>>) => {
    const result = await work();
    if (!result.ok) set({ error: result.error });
    await get().load();
  };
  return {
    tasks: null,
    loading: false,
    error: null,
    summary: null,
    showSummary: (text) => set({ summary: text }),

    load: async () => {
      const request = ++latestRequest;
      set({ loading: true });
      const result = await api.call('todos.list', { limit: TODO_LIMIT });
      if (request !== latestRequest) return;
      if (result.ok) set({ tasks: result.value, loading: false, error: null });
      else set({ loading: false, error: result.error });
    },
    done: (id) => act(() => api.call('tasks.done', { id, at: nowInstant() })),
    snooze: (id) => act(() => api.call('tasks.snooze', { id, until: 'buyer-morning' })),
    reschedule: (id, dueAt) => act(() => api.call('tasks.reschedule', { id, dueAt })),
  };
});
