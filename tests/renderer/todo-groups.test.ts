import { describe, expect, it } from 'vitest';
import type { Todo } from '../../src-main/contract/models';
import { boardOrder, dateIn, dueBetween, filterTodos, firstRows, groupOf, groupTodos, reuseUnchanged, rulesOf, zoneOf } from '../../src-renderer/features/todos/todo-groups';

function todo(dueUtc: string, dueMyLocal: string, status: Todo['status'] = 'open', extra: Partial<Todo> = {}): Todo {
  return { id: 'x', rule: 'R2', accountId: null, accountName: null, title: 't', dueUtc, dueBuyerLocal: null, dueMyLocal, status, ...extra };
}

const NOW = new Date('2025-03-31T15:30:00Z'); // 23:30 in Shanghai, 17:30 in Madrid

describe('to-do groups', () => {
  it('today is the user’s date in their myTimeZone, not the host’s', () => {
    expect(zoneOf('2025-03-31T08:15:00+02:00[Europe/Madrid]')).toBe('Europe/Madrid');
    expect(dateIn('Asia/Shanghai', NOW)).toBe('2025-03-31');
    expect(groupOf(todo('2025-03-31T15:45:00Z', '2025-03-31T23:45:00+08:00[Asia/Shanghai]'), NOW)).toBe('today');
    expect(groupOf(todo('2025-03-31T16:15:00Z', '2025-04-01T00:15:00+08:00[Asia/Shanghai]'), NOW)).toBe('upcoming');
    expect(groupOf(todo('2025-03-31T15:00:00Z', '2025-03-31T23:00:00+08:00[Asia/Shanghai]'), NOW)).toBe('overdue');
    expect(groupOf(todo('2025-04-02T00:00:00Z', '2025-04-02T08:00:00+08:00[Asia/Shanghai]', 'overdue'), NOW)).toBe('overdue');
  });

  it('R4: the priority channel’s to-dos come first in their group, then by due instant', () => {
    const a = todo('2025-03-31T10:00:00Z', '2025-03-31T18:00:00+08:00[Asia/Shanghai]', 'overdue', { id: 'a' });
    const b = todo('2025-03-31T12:00:00Z', '2025-03-31T20:00:00+08:00[Asia/Shanghai]', 'overdue', { id: 'b', priorityChannel: true });
    const c = todo('2025-03-31T11:00:00Z', '2025-03-31T19:00:00+08:00[Asia/Shanghai]', 'overdue', { id: 'c' });
    const d = todo('2025-04-03T06:15:00Z', '2025-04-03T14:15:00+08:00[Asia/Shanghai]', 'open', { id: 'd' });
    const e = todo('2025-04-05T06:15:00Z', '2025-04-05T14:15:00+08:00[Asia/Shanghai]', 'open', { id: 'e', priorityChannel: true });
    const groups = groupTodos([a, b, c, d, e], NOW);
    expect(groups.overdue.map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(groups.upcoming.map((t) => t.id)).toEqual(['e', 'd']);
    expect(boardOrder(groups).map((t) => t.id)).toEqual(['b', 'a', 'c', 'e', 'd']);
  });

  it('filters by rule and to the overdue only; lists the rules in numeric order', () => {
    const list = [
      todo('2025-03-31T10:00:00Z', '2025-03-31T18:00:00+08:00[Asia/Shanghai]', 'open', { id: 'a', rule: 'R15' }),
      todo('2025-04-03T06:15:00Z', '2025-04-03T14:15:00+08:00[Asia/Shanghai]', 'open', { id: 'b', rule: 'R2' }),
      todo('2025-03-30T06:15:00Z', '2025-03-30T14:15:00+08:00[Asia/Shanghai]', 'open', { id: 'c', rule: 'R2' }),
      todo('2025-04-03T06:15:00Z', '2025-04-03T14:15:00+08:00[Asia/Shanghai]', 'open', { id: 'd', rule: null }),
    ];
    expect(rulesOf(list)).toEqual(['R2', 'R15']);
    expect(filterTodos(list, { rule: 'R2', overdueOnly: false }, NOW).map((t) => t.id)).toEqual(['b', 'c']);
    expect(filterTodos(list, { rule: null, overdueOnly: true }, NOW).map((t) => t.id)).toEqual(['a', 'c']);
    expect(filterTodos(list, { rule: 'R2', overdueOnly: true }, NOW).map((t) => t.id)).toEqual(['c']);
    expect(filterTodos(list, { rule: null, overdueOnly: false }, NOW)).toHaveLength(4);
  });

  it('dueBetween: what fell due in (from, to] — the edge at "from" was announced by the previous tick', () => {
    const list = [
      todo('2025-03-31T15:00:00Z', '', 'open', { id: 'at-from' }),
      todo('2025-03-31T15:00:01Z', '', 'open', { id: 'just-after' }),
      todo('2025-03-31T15:01:00Z', '', 'open', { id: 'at-to' }),
      todo('2025-03-31T15:01:01Z', '', 'open', { id: 'later' }),
      todo('2025-03-31T15:00:30Z', '', 'done', { id: 'done' }),
    ];
    const ids = dueBetween(list, Date.parse('2025-03-31T15:00:00Z'), Date.parse('2025-03-31T15:01:00Z')).map((t) => t.id);
    expect(ids).toEqual(['just-after', 'at-to']);
  });
});

describe('reloading the board', () => {
  it('keeps the objects of unchanged to-dos (memoised rows stay), replaces changed ones, and the list itself when nothing changed', () => {
    const a = todo('2025-03-31T10:00:00Z', 'x', 'open', { id: 'a' });
    const b = todo('2025-03-31T11:00:00Z', 'x', 'open', { id: 'b' });
    const same = reuseUnchanged([a, b], [{ ...a }, { ...b }]);
    expect(same[0]).toBe(a);
    expect(same[1]).toBe(b);
    const previous = [a, b];
    expect(reuseUnchanged(previous, [{ ...a }, { ...b }])).toBe(previous);
    const moved = { ...b, dueUtc: '2025-04-01T06:15:00Z' };
    const next = reuseUnchanged(previous, [{ ...a }, moved]);
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(a);
    expect(next[1]).toBe(moved);
    expect(reuseUnchanged(previous, [{ ...b }])).toEqual([b]);
    expect(reuseUnchanged(null, [a])).toEqual([a]);
    expect(reuseUnchanged(previous, [{ ...a, priorityChannel: true }])[0]).not.toBe(a);
  });
});

describe('first paint of a long board', () => {
  it('firstRows takes the top rows in board order, group by group', () => {
    const mk = (id: string) => todo('2025-03-31T10:00:00Z', 'x', 'open', { id });
    const groups = { overdue: [mk('o1'), mk('o2')], today: [mk('t1'), mk('t2')], upcoming: [mk('u1')] };
    const ids = (limit: number) => Object.values(firstRows(groups, limit)).map((rows) => rows.map((t) => t.id));
    expect(ids(3)).toEqual([['o1', 'o2'], ['t1'], []]);
    expect(ids(0)).toEqual([[], [], []]);
    expect(ids(Infinity)).toEqual([['o1', 'o2'], ['t1', 't2'], ['u1']]);
    expect(firstRows(groups, Infinity).overdue).toBe(groups.overdue);
  });
});
