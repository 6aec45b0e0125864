import { invalidState } from '../../contract/errors';
import type { InquirySource } from '../../contract/primitives';
import { fieldStampsSql } from '../../db/change-stamps';
import type { Sqlite } from '../../db/connection';
import { priorityEarnedAt, replyDeadline, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { formatMs, instantMs } from './instants';
import { ACCOUNT_COLUMNS, HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict } from './verdict';

export interface InquiryRow extends AccountFacts {
  has_tasks: number;
  id: string;
  source: InquirySource;
  received_at: string;
  urgency: number | null;
  first_reply_at: string | null;
  status: string;
  deleted_at: string | null;
  updated_at: string;
  priority_channel: number;
}

export const INQUIRIES = `SELECT i.id, i.source, i.received_at, i.urgency, i.first_reply_at, i.status, i.deleted_at, i.updated_at,
  a.priority_channel, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('inquiries', 'i.id')}
  FROM inquiries i JOIN accounts a ON a.id = i.account_id AND a.deleted_at IS NULL`;

/**
 * R4: accounts whose inquiries (up to now) hold three in a row, each < 48 h after the previous, get the priority
 * channel; in this tick it applies to the inquiries from the one that completed the run on (earlier ones keep
 * their SLA).
 */
export function grantPriorityChannels(
  sqlite: Sqlite,
  inquiries: readonly InquiryRow[],
  now: string,
  stamp: string,
  changeStamp: () => string,
): number {
  const candidates = new Set(inquiries.filter((r) => r.priority_channel === 0 && r.deleted_at === null && r.received_at <= now).map((r) => r.account_id));
  if (candidates.size === 0) return 0;
  const history = sqlite.prepare('SELECT received_at FROM inquiries WHERE account_id = ? AND deleted_at IS NULL AND received_at <= ? ORDER BY received_at');
  // The grant is a field change like the user's own (it travels to colleagues' books with its stamp).
  const granted = sqlite.prepare(
    `UPDATE accounts SET priority_channel = 1, updated_at = @at, ${fieldStampsSql(['priority_channel', 'updated_at'], '@change')}
     WHERE id = @id AND priority_channel = 0`,
  );
  const grant = { run: (at: string, id: string) => granted.run({ at, id, change: changeStamp() }) };
  let changed = 0;
  for (const accountId of candidates) {
    const received = (history.all(accountId, now) as { received_at: string }[]).map((r) => instantMs(r.received_at));
    const earnedMs = priorityEarnedAt(received);
    if (earnedMs === null) continue;
    changed += grant.run(stamp, accountId).changes;
    for (const row of inquiries) if (row.account_id === accountId && instantMs(row.received_at) >= earnedMs) row.priority_channel = 1;
  }
  return changed;
}

export function inquiryVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: InquiryRow): Verdict {
  const base = { sourceTable: 'inquiries', sourceId: row.id, accountId: row.account_id, rules: ['R1'], eventMs: instantMs(row.received_at), updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.first_reply_at !== null && row.first_reply_at < row.received_at) {
    throw invalidState('reply_before_inquiry', { id: row.id, at: row.first_reply_at, received: row.received_at });
  }
  if (row.deleted_at !== null || row.first_reply_at !== null || row.status !== 'open') {
    return { ...base, wanted: null, resolvedAt: row.first_reply_at };
  }
  const deadline = replyDeadline(calendar, settings, buyerOf(row), {
    source: row.source,
    receivedMs: base.eventMs,
    urgency: row.urgency,
    priorityChannel: row.priority_channel === 1,
  });
  return {
    ...base,
    wanted: [
      {
        key: `R1:inquiry:${row.id}`,
        rule: 'R1',
        kind: 'reply',
        titleKey: 'reply_inquiry',
        titleParams: { account: row.name },
        dueMs: deadline.dueMs,
        details: {
          replyBy: formatMs(deadline.dueMs),
          landsBestAt: formatMs(deadline.landsBestAtMs),
          slaHours: deadline.slaHours,
          halved: deadline.halved,
          source: row.source,
        },
      },
    ],
  };
}
