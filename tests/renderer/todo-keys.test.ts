import { describe, expect, it } from 'vitest';
import { commandOf, moveSelection, selectionAfterRemoval } from '../../src-renderer/features/todos/todo-keys';
import { placeOf } from '../../src-renderer/features/todos/todo-source';

describe('to-do board keyboard model', () => {
  it('maps j/k/arrows, x/Enter, s, r, o, u and Ctrl/⌘+Z', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Home', 'End', 'x', 'Enter', 's', 'r', 'o', 'u'].map((key) => commandOf({ key }))).toEqual([
      'next', 'next', 'prev', 'prev', 'first', 'last', 'done', 'done', 'snooze', 'reschedule', 'open', 'undo',
    ]);
    expect(commandOf({ key: 'z', ctrlKey: true })).toBe('undo');
    expect(commandOf({ key: 'z', metaKey: true })).toBe('undo');
    expect(commandOf({ key: 's', ctrlKey: true })).toBeNull();
    expect(commandOf({ key: 'x', altKey: true })).toBeNull();
    expect(commandOf({ key: 'q' })).toBeNull();
  });

  it('leaves keys typed into fields alone; Enter on a button only presses the button', () => {
    for (const targetTag of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(commandOf({ key: 'x', targetTag })).toBeNull();
    expect(commandOf({ key: 'j', targetEditable: true })).toBeNull();
    expect(commandOf({ key: 'Enter', targetTag: 'BUTTON' })).toBeNull();
    expect(commandOf({ key: 'Enter', targetTag: 'TR' })).toBe('done');
    expect(commandOf({ key: 'x', targetTag: 'BUTTON' })).toBe('done');
  });

  it('moves within the board without wrapping; with nothing selected starts at the top (next) or bottom (prev)', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, null, 'next')).toBe('a');
    expect(moveSelection(ids, null, 'prev')).toBe('c');
    expect(moveSelection(ids, 'a', 'next')).toBe('b');
    expect(moveSelection(ids, 'c', 'next')).toBe('c');
    expect(moveSelection(ids, 'a', 'prev')).toBe('a');
    expect(moveSelection(ids, 'gone', 'next')).toBe('a');
    expect(moveSelection(ids, 'b', 'first')).toBe('a');
    expect(moveSelection(ids, 'b', 'last')).toBe('c');
    expect(moveSelection([], 'a', 'next')).toBeNull();
  });

  it('after done the selection stays in place: the next row, else the one above', () => {
    expect(selectionAfterRemoval(['a', 'b', 'c'], 'b')).toBe('c');
    expect(selectionAfterRemoval(['a', 'b', 'c'], 'c')).toBe('b');
    expect(selectionAfterRemoval(['a'], 'a')).toBeNull();
    expect(selectionAfterRemoval(['a'], 'z')).toBeNull();
  });

  it('R15: a to-do leads to what it is about: a quote to its editor, an inquiry or a complaint to its page, the rest to the account', () => {
    const task = (table: string | null, accountId: string | null = 'A') => ({ accountId, ...(table === null ? {} : { source: { table, id: 'X' } }) });
    expect(['quotes', 'inquiries', 'complaints', 'orders', 'interactions', 'accounts'].map((table) => placeOf(task(table)))).toEqual([
      'quote', 'inquiries', 'complaints', 'account', 'account', 'account',
    ]);
    expect(placeOf(task(null))).toBe('account');
    expect(placeOf(task(null, null))).toBeNull();
  });
});
