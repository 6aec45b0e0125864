import { followUpDue, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { instantMs } from './instants';
import { ACCOUNT_COLUMNS, HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict } from './verdict';

export interface MessageRow extends AccountFacts {
  has_tasks: number;
  id: string;
  occurred_at: string;
  answered_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

export const MESSAGES = `SELECT x.id, x.occurred_at, x.answered_at, x.deleted_at, x.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('interactions', 'x.id')}
  FROM interactions x JOIN accounts a ON a.id = x.account_id AND a.deleted_at IS NULL
  WHERE x.direction = 'out' AND x.awaits_reply = 1`;

/** R2: a follow-up after an outgoing message that awaits an answer, unless it was answered. */
export function messageVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: MessageRow): Verdict {
  const sentMs = instantMs(row.occurred_at);
  const base = { sourceTable: 'interactions', sourceId: row.id, accountId: row.account_id, rules: ['R2'], eventMs: sentMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.answered_at !== null) return { ...base, wanted: null, resolvedAt: row.answered_at };
  return {
    ...base,
    wanted: [
      {
        key: `R2:interaction:${row.id}`,
        rule: 'R2',
        kind: 'follow_up',
        titleKey: 'follow_up_message',
        titleParams: { account: row.name },
        dueMs: followUpDue(calendar, settings, buyerOf(row), sentMs),
        details: { sentAt: row.occurred_at },
      },
    ],
  };
}
