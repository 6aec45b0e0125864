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
    // Board positions 0…2 of a three-row board (the rows themselves may not be loaded yet).
    expect(moveSelection(3, null, 'next')).toBe(0);
    expect(moveSelection(3, null, 'prev')).toBe(2);
    expect(moveSelection(3, 0, 'next')).toBe(1);
    expect(moveSelection(3, 2, 'next')).toBe(2);
    expect(moveSelection(3, 0, 'prev')).toBe(0);
    expect(moveSelection(3, 7, 'next')).toBe(0);
    expect(moveSelection(3, 1, 'first')).toBe(0);
    expect(moveSelection(3, 1, 'last')).toBe(2);
    expect(moveSelection(66_000, 1, 'last')).toBe(65_999);
    expect(moveSelection(0, 0, 'next')).toBeNull();
  });

  it('after done the selection stays in place: the next row, else the one above', () => {
    expect(selectionAfterRemoval(3, 1)).toBe(2);
    expect(selectionAfterRemoval(3, 2)).toBe(1);
    expect(selectionAfterRemoval(1, 0)).toBeNull();
    expect(selectionAfterRemoval(1, 4)).toBeNull();
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
