import { create } from 'zustand';
import { api } from '../api';
import type { ApiError, Result } from '../../src-main/contract/errors';
import type { Todo } from '../../src-main/contract/models';
import { NO_FILTER, reuseUnchanged, type TodoFilter } from '../features/todos/todo-groups';

/** How many open to-dos the board shows at once. */
export const TODO_LIMIT = 500;

/** The last thing the user did to a task, kept for the Undo notice. */
export interface LastAction {
  kind: 'done' | 'snoozed' | 'rescheduled';
  /** The task as it was before. */
  before: Todo;
  /** The task as the server returned it. */
  after: Todo;
}

interface TodosState {
  /** Open to-dos (overdue ones included) from `todos.list`, by due instant. */
  tasks: readonly Todo[] | null;
  loading: boolean;
  error: ApiError | null;
  filter: TodoFilter;
  /** The row the keyboard acts on. */
  selectedId: string | null;
  /** The row whose reschedule field is open. */
  editingId: string | null;
  lastAction: LastAction | null;
  load(): Promise<void>;
  done(id: string): Promise<void>;
  /** Snooze to the buyer's next business morning after now. */
  snooze(id: string): Promise<void>;
  reschedule(id: string, dueAt: string): Promise<void>;
  /** Undoes the last action: done → reopened; snoozed or rescheduled → back to its due time. */
  undo(): Promise<void>;
  dismissLastAction(): void;
  setFilter(filter: Partial<TodoFilter>): void;
  select(id: string | null): void;
  setEditing(id: string | null): void;
  /** The one summary after a clock jump (the laptop slept), shown until dismissed. */
  summary: string | null;
  showSummary(text: string | null): void;
}

let latestRequest = 0;

/** Now as an instant, from the page's clock (the one the board groups by; tests move it with Playwright's clock). */
export function nowInstant(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const useTodosStore = create<TodosState>()((set, get) => {
  const taskOf = (id: string) => get().tasks?.find((task) => task.id === id) ?? null;

  /** Runs an action on one task; on success remembers it for Undo; then reloads the board. An error stays on screen. */
  const act = async (id: string, kind: LastAction['kind'], work: () => Promise<Result<Todo>>, hideNow: boolean) => {
    const before = taskOf(id);
    // While this action is on its way, Undo must not reach back to the one before it.
    set((state) => ({ lastAction: null, tasks: hideNow ? (state.tasks?.filter((task) => task.id !== id) ?? null) : state.tasks }));
    const result = await work();
    if (result.ok) set({ lastAction: before ? { kind, before, after: result.value } : null });
    await get().load();
    if (!result.ok) set({ error: result.error });
  };

  return {
    tasks: null,
    loading: false,
    error: null,
    filter: NO_FILTER,
    selectedId: null,
    editingId: null,
    lastAction: null,
    summary: null,
    showSummary: (text) => set({ summary: text }),
    setFilter: (filter) => set((state) => ({ filter: { ...state.filter, ...filter } })),
    select: (id) => set({ selectedId: id }),
    setEditing: (id) => set({ editingId: id }),
    dismissLastAction: () => set({ lastAction: null }),

    load: async () => {
      const request = ++latestRequest;
      set({ loading: true });
      const result = await api.call('todos.list', { limit: TODO_LIMIT, at: nowInstant() });
      if (request !== latestRequest) return;
      if (result.ok) set((state) => ({ tasks: reuseUnchanged(state.tasks, result.value), loading: false, error: null }));
      else set({ loading: false, error: result.error });
    },
    done: (id) => act(id, 'done', () => api.call('tasks.done', { id, at: nowInstant() }), true),
    snooze: (id) => act(id, 'snoozed', () => api.call('tasks.snooze', { id, until: 'buyer-morning', at: nowInstant() }), false),
    reschedule: (id, dueAt) => {
      set({ editingId: null });
      return act(id, 'rescheduled', () => api.call('tasks.reschedule', { id, dueAt }), false);
    },
    undo: async () => {
      const last = get().lastAction;
      if (last === null) return;
      set({ lastAction: null });
      const { id } = last.before;
      const result = await api.call('tasks.reopen', last.kind === 'done' ? { id } : { id, dueAt: last.before.dueUtc });
      await get().load();
      set(result.ok ? { selectedId: id } : { error: result.error });
    },
  };
});
