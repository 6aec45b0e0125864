import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src-main/contract/models';
import { COMPLAINT_REMEDIATION_HOURS, COMPLAINT_RESPONSE_HOURS } from '../../src-main/domain/schedule/rules';
import {
  REMEDIATION_HOURS,
  RESPONSE_HOURS,
  complaintState,
  complaintWindow,
  countdown,
  metDeadline,
  nextDeadlineMs,
  sortComplaints,
} from '../../src-renderer/features/complaints/complaint-window';
import { complaintsEn, complaintsZhCN } from '../../src-renderer/i18n/features/complaints';
import { instantToWall, wallToInstant } from '../../src-renderer/time/wall-time';

const HOUR = 3_600_000;
const ms = (instant: string) => Date.parse(instant);

function complaint(id: string, grade: Complaint['grade'], openedAt: string, changes: Partial<Complaint> = {}): Complaint {
  return {
    id,
    accountId: 'acc',
    orderId: null,
    grade,
    subject: id,
    description: '',
    openedAt,
    respondedAt: null,
    resolvedAt: null,
    resolution: null,
    responseNote: null,
    createdAt: openedAt,
    updatedAt: openedAt,
    ...changes,
  };
}

describe('complaint window (R15)', () => {
  it('R15: the renderer uses the same hours as the scheduler (A 2 h, B 24 h, C 48 h, remediation 72 h)', () => {
    expect(RESPONSE_HOURS).toEqual(COMPLAINT_RESPONSE_HOURS);
    expect(REMEDIATION_HOURS).toBe(COMPLAINT_REMEDIATION_HOURS);
  });

  it('R15: response deadline by grade and the 72 h remediation window, in elapsed hours from the opening', () => {
    const opened = '2025-04-04T10:00:00Z';
    expect(complaintWindow(complaint('a', 'A', opened))).toEqual({ responseDueMs: ms('2025-04-04T12:00:00Z'), remediationDueMs: ms('2025-04-07T10:00:00Z') });
    expect(complaintWindow(complaint('b', 'B', opened)).responseDueMs).toBe(ms('2025-04-05T10:00:00Z'));
    expect(complaintWindow(complaint('c', 'C', opened)).responseDueMs).toBe(ms('2025-04-06T10:00:00Z'));
  });

  it('R15: state is awaiting response, responded, or resolved; the deadline that matters follows it', () => {
    const open = complaint('x', 'B', '2025-04-04T10:00:00Z');
    const responded = { ...open, respondedAt: '2025-04-04T11:00:00Z' };
    const resolved = { ...responded, resolvedAt: '2025-04-05T11:00:00Z' };
    expect([open, responded, resolved].map(complaintState)).toEqual(['awaiting', 'responded', 'resolved']);
    expect(nextDeadlineMs(open)).toBe(ms('2025-04-05T10:00:00Z'));
    expect(nextDeadlineMs(responded)).toBe(ms('2025-04-07T10:00:00Z'));
  });

  it('R15: sorted by grade (A first), then by the nearest deadline', () => {
    const list = [
      complaint('c-old', 'C', '2025-04-01T00:00:00Z'),
      complaint('b-new', 'B', '2025-04-04T09:00:00Z'),
      complaint('a-new', 'A', '2025-04-04T09:30:00Z'),
      complaint('b-old', 'B', '2025-04-03T09:00:00Z'),
      complaint('a-old', 'A', '2025-04-04T08:00:00Z'),
      // responded: its remediation window ends Apr 5 08:00, before b-new's response deadline (Apr 5 09:00).
      complaint('b-responded', 'B', '2025-04-02T08:00:00Z', { respondedAt: '2025-04-02T09:00:00Z' }),
    ];
    expect(sortComplaints(list).map((c) => c.id)).toEqual(['a-old', 'a-new', 'b-old', 'b-responded', 'b-new', 'c-old']);
    expect(list[0]!.id).toBe('c-old'); // the input is left as it was
  });

  it('R15: countdown in whole hours left or overdue, minutes under an hour', () => {
    const due = ms('2025-04-05T10:00:00Z');
    expect(countdown(due, due - 31 * HOUR - 59 * 60_000)).toEqual({ overdue: false, unit: 'h', value: 31 });
    expect(countdown(due, due + 5 * HOUR + 10 * 60_000)).toEqual({ overdue: true, unit: 'h', value: 5 });
    expect(countdown(due, due - 40 * 60_000)).toEqual({ overdue: false, unit: 'min', value: 40 });
    expect(countdown(due, due + 90_000)).toEqual({ overdue: true, unit: 'min', value: 1 });
    expect(countdown(due, due)).toEqual({ overdue: false, unit: 'min', value: 0 });
  });

  it('R15: a deadline met at or before it is on time, after it late, still open unknown', () => {
    const due = ms('2025-04-04T12:00:00Z');
    expect(metDeadline(due, '2025-04-04T12:00:00Z')).toBe(true);
    expect(metDeadline(due, '2025-04-04T12:00:01Z')).toBe(false);
    expect(metDeadline(due, null)).toBeNull();
  });

  it('R15: a time typed in the user’s zone becomes an instant and back; nonsense is refused', () => {
    expect(wallToInstant('2025-04-04T18:40', 'Asia/Shanghai')).toBe('2025-04-04T10:40:00Z');
    expect(instantToWall(ms('2025-04-04T10:40:00Z'), 'Asia/Shanghai')).toBe('2025-04-04T18:40');
    expect(wallToInstant('', 'Asia/Shanghai')).toBeNull();
    expect(wallToInstant('2025-02-30T10:00', 'Asia/Shanghai')).toBeNull();
  });

  it('R15: the page’s strings exist in both languages with the same placeholders', () => {
    const flat = (value: unknown, prefix = ''): [string, string][] =>
      typeof value === 'string' ? [[prefix, value]] : Object.entries(value as object).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
    const en = flat(complaintsEn);
    const zh = new Map(flat(complaintsZhCN));
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
    expect(complaintsZhCN.countdown.hoursLeft_other).toBe('剩余 {{count}} 小时');
  });
});
