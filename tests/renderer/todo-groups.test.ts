import { describe, expect, it } from 'vitest';
import type { Todo } from '../../src-main/contract/models';
import { dateIn, groupOf, zoneOf } from '../../src-renderer/features/todos/todo-groups';

function todo(dueUtc: string, dueMyLocal: string, status: Todo['status'] = 'open'): Todo {
  return { id: 'x', rule: 'R2', accountId: null, accountName: null, title: 't', dueUtc, dueBuyerLocal: null, dueMyLocal, status };
}

describe('to-do groups', () => {
  it('today is the user’s date in their myTimeZone, not the host’s', () => {
    const now = new Date('2025-03-31T15:30:00Z'); // 23:30 in Shanghai, 17:30 in Madrid
    expect(zoneOf('2025-03-31T08:15:00+02:00[Europe/Madrid]')).toBe('Europe/Madrid');
    expect(dateIn('Asia/Shanghai', now)).toBe('2025-03-31');
    expect(groupOf(todo('2025-03-31T15:45:00Z', '2025-03-31T23:45:00+08:00[Asia/Shanghai]'), now)).toBe('today');
    expect(groupOf(todo('2025-03-31T16:15:00Z', '2025-04-01T00:15:00+08:00[Asia/Shanghai]'), now)).toBe('upcoming');
    expect(groupOf(todo('2025-03-31T15:00:00Z', '2025-03-31T23:00:00+08:00[Asia/Shanghai]'), now)).toBe('overdue');
    expect(groupOf(todo('2025-04-02T00:00:00Z', '2025-04-02T08:00:00+08:00[Asia/Shanghai]', 'overdue'), now)).toBe('overdue');
  });
});
