import { create } from 'zustand';
import { api } from '../api';
import type { ApiError, Result } from '../../src-main/contract/errors';
import type { Todo } from '../../src-main/contract/models';
import type { BoardTodo, TodoBoard } from '../../src-main/contract/todo-board';
import { NO_FILTER, reuseUnchanged, type GroupCounts, type TodoFilter } from '../features/todos/todo-groups';

/** Rows read per `todos.board` call while the board scrolls. */
export const BOARD_PAGE = 100;

/** The last thing the user did to a task, kept for the Undo notice. */
export interface LastAction {
  kind: 'done' | 'snoozed' | 'rescheduled';
  /** The task as it was before. */
  before: Todo;
  /** The task as the server returned it. */
  after: Todo;
}

/** The board as the book cut it at one instant: the groups' sizes after the filters, what the filters can choose. */
export interface BoardShape {
  at: string;
  groups: GroupCounts;
  /** Rows after the filters. */
  total: number;
  /** Open to-dos before the filters. */
  open: number;
  rules: readonly string[];
}

interface TodosState {
  /** Null before the first answer. */
  board: BoardShape | null;
  /** The rows by board position; undefined while their page loads (the list shows a placeholder). */
  rows: readonly (BoardTodo | undefined)[];
  /** Bumped whenever the board is read afresh; pages for older generations are dropped. */
  generation: number;
  error: ApiError | null;
  filter: TodoFilter;
  /** The row the keyboard acts on. */
  selectedId: string | null;
  /** The row whose reschedule field is open. */
  editingId: string | null;
  lastAction: LastAction | null;
  /** Board positions the list shows (first…last), read again by every reload. */
  visible: { first: number; last: number };
  /** Reads the board afresh (sizes and the rows on screen) as of the page's now. */
  load(): Promise<void>;
  /** Loads the pages covering positions first…last that are not loaded or loading yet. */
  ensureRange(first: number, last: number): void;
  /** Selects the row at a board position, reading its page first when it is not loaded. */
  selectAt(position: number | null): Promise<void>;
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

let latestLoad = 0;
/** Pages asked for, by `generation:page`, with their answer's promise (a second ask waits for the first). */
const requested = new Map<string, Promise<void>>();

/** Now as an instant, from the page's clock (the one the board groups by; tests move it with Playwright's clock). */
export function nowInstant(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function shapeOf(board: TodoBoard): BoardShape {
  return { at: board.at, groups: board.groups, total: board.total, open: board.open, rules: board.rules };
}

function filterInput(filter: TodoFilter) {
  return { ...(filter.rule !== null ? { rule: filter.rule } : {}), ...(filter.overdueOnly ? { overdueOnly: true } : {}) };
}

function sameShape(a: BoardShape, b: TodoBoard): boolean {
  return b.total === a.total && b.groups.every((g, i) => g.count === a.groups[i]?.count);
}

/** Rows with `page` written in at `offset` (a fresh array: the list re-renders). */
function withRows(rows: readonly (BoardTodo | undefined)[], offset: number, page: readonly BoardTodo[]): (BoardTodo | undefined)[] {
  const next = rows.slice();
  const fresh = reuseUnchanged(rows.slice(offset, offset + page.length), page);
  for (let i = 0; i < fresh.length; i++) next[offset + i] = fresh[i];
  return next;
}

export const useTodosStore = create<TodosState>()((set, get) => {
  const positionOf = (id: string) => get().rows.findIndex((task) => task?.id === id);
  const taskOf = (id: string) => get().rows.find((task) => task?.id === id) ?? null;

  /** Reads one page of the current generation (once: a second ask gets the first one's promise). */
  const readPage = (page: number): Promise<void> => {
    const { generation, board, filter } = get();
    if (board === null) return Promise.resolve();
    const key = `${generation}:${page}`;
    const pending = requested.get(key);
    if (pending) return pending;
    const promise = api.call('todos.board', { at: board.at, ...filterInput(filter), offset: page * BOARD_PAGE, limit: BOARD_PAGE }).then((result) => {
      const state = get();
      if (state.generation !== generation || state.board === null) return;
      if (!result.ok) {
        requested.delete(key);
        set({ error: result.error });
        return;
      }
      // The book changed since the board was cut (a tick, another window): read it afresh rather than mix two cuts.
      if (!sameShape(state.board, result.value)) {
        void get().load();
        return;
      }
      set({ rows: withRows(state.rows, result.value.offset, result.value.rows) });
    });
    requested.set(key, promise);
    return promise;
  };

  /** Runs an action on one task; on success remembers it for Undo; then reloads the board. An error stays on screen. */
  const act = async (id: string, kind: LastAction['kind'], work: () => Promise<Result<Todo>>, hideNow: boolean) => {
    const before = taskOf(id);
    // While this action is on its way, Undo must not reach back to the one before it.
    set({ lastAction: null });
    if (hideNow) hideRow(id);
    const result = await work();
    if (result.ok) set({ lastAction: before ? { kind, before, after: result.value } : null });
    await get().load();
    if (!result.ok) set({ error: result.error });
  };

  /** Takes a row off the board at once (done): the rows below move up and its group counts one less. */
  const hideRow = (id: string) => {
    const { rows, board } = get();
    const position = positionOf(id);
    if (position === -1 || board === null) return;
    const group = rows[position]!.group;
    const next = rows.slice();
    next.splice(position, 1);
    const groups = board.groups.map((g) => (g.group === group ? { ...g, count: g.count - 1 } : g));
    // The pages already read are now off by one: they are read again with the reload that follows.
    requested.clear();
    set({ rows: next, board: { ...board, groups, total: board.total - 1, open: board.open - 1 }, generation: get().generation + 1 });
  };

  return {
    board: null,
    rows: [],
    generation: 0,
    error: null,
    filter: NO_FILTER,
    selectedId: null,
    editingId: null,
    lastAction: null,
    summary: null,
    visible: { first: 0, last: BOARD_PAGE - 1 },
    showSummary: (text) => set({ summary: text }),
    setFilter: (filter) => {
      set((state) => ({ filter: { ...state.filter, ...filter } }));
      void get().load();
    },
    select: (id) => set({ selectedId: id }),
    setEditing: (id) => set({ editingId: id }),
    dismissLastAction: () => set({ lastAction: null }),

    load: async () => {
      const request = ++latestLoad;
      const { visible, filter } = get();
      const firstPage = Math.floor(visible.first / BOARD_PAGE);
      const pages = Math.min(Math.floor(visible.last / BOARD_PAGE) - firstPage + 1, 5);
      const result = await api.call('todos.board', { at: nowInstant(), ...filterInput(filter), offset: firstPage * BOARD_PAGE, limit: pages * BOARD_PAGE });
      if (request !== latestLoad) return; // a newer read has started
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const { offset, rows, total } = result.value;
      const generation = get().generation + 1;
      requested.clear();
      for (let page = 0; page < pages && (firstPage + page) * BOARD_PAGE < total; page++) requested.set(`${generation}:${firstPage + page}`, Promise.resolve());
      const fresh: (BoardTodo | undefined)[] = new Array<BoardTodo | undefined>(total);
      const reused = reuseUnchanged(get().rows, rows);
      for (let i = 0; i < reused.length; i++) fresh[offset + i] = reused[i];
      set({ board: shapeOf(result.value), rows: fresh, generation, error: null });
    },

    ensureRange: (first, last) => {
      set({ visible: { first, last } });
      const { board } = get();
      if (board === null || board.total === 0) return;
      const lastPage = Math.floor(Math.min(last, board.total - 1) / BOARD_PAGE);
      for (let page = Math.floor(Math.max(first, 0) / BOARD_PAGE); page <= lastPage; page++) {
        const start = page * BOARD_PAGE;
        const rows = get().rows;
        const end = Math.min(start + BOARD_PAGE, board.total);
        let loaded = true;
        for (let i = start; i < end && loaded; i++) loaded = rows[i] !== undefined;
        if (!loaded) void readPage(page);
      }
    },

    selectAt: async (position) => {
      if (position === null) {
        set({ selectedId: null });
        return;
      }
      if (get().rows[position] === undefined) await readPage(Math.floor(position / BOARD_PAGE));
      const task = get().rows[position];
      if (task) set({ selectedId: task.id });
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

/** The board position of the selected row, or null (not selected, or not on the rows read so far). */
export function selectedPosition(state: Pick<TodosState, 'rows' | 'selectedId'>): number | null {
  if (state.selectedId === null) return null;
  const position = state.rows.findIndex((task) => task?.id === state.selectedId);
  return position === -1 ? null : position;
}
