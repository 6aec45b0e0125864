/**
 * The board's lines for its virtual list (pure): a heading above each non-empty group, then its rows; board
 * positions to lines and back, checked against a naive expansion (fast-check, fixed seed). And a reload keeps the
 * objects of unchanged to-dos, so memoised rows do not re-render.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardTodo } from '../../src-main/contract/todo-board';
import { lineAt, lineCount, lineOf, reuseUnchanged, TODO_GROUPS, zoneOf, type BoardLine } from '../../src-renderer/features/todos/todo-groups';

function todo(id: string, extra: Partial<BoardTodo> = {}): BoardTodo {
  const base = { id, rule: 'R2', accountId: null, accountName: null, title: 't', dueUtc: '2025-03-31T10:00:00Z', dueBuyerLocal: null };
  return { ...base, dueMyLocal: '2025-03-31T18:00:00+08:00[Asia/Shanghai]', status: 'open', group: 'today', ...extra };
}

describe('board lines', () => {
  it('the zone of a local time', () => {
    expect(zoneOf('2025-03-31T08:15:00+02:00[Europe/Madrid]')).toBe('Europe/Madrid');
    expect(zoneOf('2025-03-31T08:15:00+02:00')).toBeNull();
  });

  it('headings only above groups that have rows; positions and lines map both ways', () => {
    const counts = fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)).map((three) => three.map((count, i) => ({ group: TODO_GROUPS[i]!, count })));
    fc.assert(
      fc.property(counts, (groups) => {
        const naive: BoardLine[] = [];
        let position = 0;
        for (const { group, count } of groups) {
          if (count === 0) continue;
          naive.push({ kind: 'heading', group, count });
          for (let i = 0; i < count; i++) naive.push({ kind: 'row', group, position: position++ });
        }
        expect(lineCount(groups)).toBe(naive.length);
        expect(naive.map((_, index) => lineAt(groups, index))).toEqual(naive);
        expect(lineAt(groups, naive.length)).toBeNull();
        naive.forEach((line, index) => {
          if (line.kind === 'row') expect(lineOf(groups, line.position)).toBe(index);
        });
      }),
      { seed: 613, numRuns: 300 },
    );
  });

  it('a reload keeps unchanged to-dos’ objects and takes the changed ones', () => {
    const a = todo('a');
    const b = todo('b');
    const same = reuseUnchanged([a, undefined, b], [{ ...a }, { ...b }]);
    expect(same[0]).toBe(a);
    expect(same[1]).toBe(b);
    const moved = { ...b, dueUtc: '2025-04-01T06:15:00Z' };
    const next = reuseUnchanged([a, b], [{ ...a }, moved]);
    expect(next[0]).toBe(a);
    expect(next[1]).toBe(moved);
    expect(reuseUnchanged([a], [{ ...a, group: 'overdue' }])[0]).not.toBe(a);
    expect(reuseUnchanged([a], [{ ...a, priorityChannel: true }])[0]).not.toBe(a);
  });
});
