import { describe, expect, it } from 'vitest';
import type { Todo } from '../../src-main/contract/models';
import { dueBody, JUMP_MS, noticeFor, summaryKey } from '../../src-renderer/features/todos/todo-notices';

function todo(id: string, title: string, accountName: string | null = null): Todo {
  return { id, rule: 'R1', accountId: null, accountName, title, dueUtc: '2025-04-04T10:45:00Z', dueBuyerLocal: null, dueMyLocal: '', status: 'open' };
}

describe('scheduler tick notices (issue 6: one summary after a clock jump, not one per task)', () => {
  const many = Array.from({ length: 50 }, (_, i) => todo(`t${i}`, `Task ${i}`));

  it('after a gap longer than 5 minutes: one summary of what the tick found, whatever fell due meanwhile', () => {
    expect(noticeFor(JUMP_MS + 1, { created: 3, updated: 0, overdue: 47 }, many)).toEqual({ kind: 'summary', created: 3, overdue: 47 });
    expect(noticeFor(7 * 24 * 3600_000, { created: 0, updated: 5, overdue: 0 }, many)).toBeNull();
  });

  it('on an ordinary tick: one batched "due now" notice for what fell due since the previous tick, or nothing', () => {
    expect(noticeFor(60_000, { created: 0, updated: 0, overdue: 2 }, many.slice(0, 2))).toEqual({ kind: 'due', tasks: many.slice(0, 2) });
    expect(noticeFor(JUMP_MS, { created: 0, updated: 0, overdue: 0 }, [])).toBeNull();
  });

  it('the "due now" body names the first three and counts the rest', () => {
    const body = dueBody([todo('a', 'Reply to the inquiry', 'María García'), todo('b', 'Check FX rates'), todo('c', 'C'), todo('d', 'D'), todo('e', 'E')], (n) => `+${n}`);
    expect(body.split('\n')).toEqual(['María García: Reply to the inquiry', 'Check FX rates', 'C', '+2']);
  });

  it('the summary says only the counts that are not zero', () => {
    expect(summaryKey(0, 2)).toEqual({ key: 'summaryOverdue', count: 2 });
    expect(summaryKey(3, 0)).toEqual({ key: 'summaryNew', count: 3 });
    expect(summaryKey(3, 2)).toEqual({ key: 'summary' });
  });
});
