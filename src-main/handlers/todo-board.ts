/** The to-do board's window call (src-main/contract/todo-board.ts) over its service; spread into ./index.ts. */
import type { todoBoardContract } from '../contract/todo-board';
import { todoBoard } from '../services/todo-board';
import type { Handlers } from './index';

export const todoBoardHandlers: Pick<Handlers, keyof typeof todoBoardContract> = {
  'todos.board': (ctx, input) => todoBoard(ctx, input),
};
