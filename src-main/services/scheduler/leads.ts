import { leadFollowUpDue, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { instantMs } from './instants';
import { ACCOUNT_COLUMNS, HAS_TASKS, WITH_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict } from './verdict';

/** What marks a lead met in person: the meeting trade-fair capture logs (services/leads.ts). */
export const LEAD_MEETING = { kind: 'meeting', channel: 'trade_fair', direction: 'in' } as const;

export interface LeadRow extends AccountFacts {
  has_tasks: number;
  id: string;
  occurred_at: string;
  subject: string;
  deleted_at: string | null;
  updated_at: string;
  /** The first message or call to the buyer at or after the meeting: the lead was followed up. */
  followed_up_at: string | null;
}

const SELECT = `SELECT x.id, x.occurred_at, x.subject, x.deleted_at, x.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('interactions', 'x.id')},
  (SELECT min(o.occurred_at) FROM interactions o WHERE o.account_id = x.account_id AND o.deleted_at IS NULL AND o.direction = 'out'
     AND o.occurred_at >= x.occurred_at) AS followed_up_at
  FROM interactions x JOIN accounts a ON a.id = x.account_id AND a.deleted_at IS NULL
  WHERE x.kind = '${LEAD_MEETING.kind}' AND x.channel = '${LEAD_MEETING.channel}' AND x.direction = '${LEAD_MEETING.direction}'`;

/** On a rebuild: the recent meetings and those with tasks. */
export const LEADS_REBUILD = `${SELECT} AND x.id IN (
  SELECT id FROM interactions WHERE kind = '${LEAD_MEETING.kind}' AND channel = '${LEAD_MEETING.channel}' AND deleted_at IS NULL AND occurred_at >= @recent
  UNION ALL ${WITH_TASKS('interactions')})`;

/** Since the watermark: the meetings that changed, and those of accounts written to since (a follow-up went out). */
export const LEADS_CHANGED = `${SELECT} AND x.id IN (
  SELECT id FROM interactions WHERE updated_at >= @w
  UNION ALL SELECT l.id FROM interactions o JOIN interactions l ON l.account_id = o.account_id AND l.deleted_at IS NULL
    WHERE o.updated_at >= @w AND o.direction = 'out' AND l.kind = '${LEAD_MEETING.kind}' AND l.channel = '${LEAD_MEETING.channel}')`;

/** R2 for a lead met at a fair: the first follow-up at the buyer's next morning, done once something went out to them. */
export function leadVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: LeadRow): Verdict {
  const metMs = instantMs(row.occurred_at);
  const base = { sourceTable: 'interactions', sourceId: row.id, accountId: row.account_id, rules: ['R2'], eventMs: metMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.followed_up_at !== null) return { ...base, wanted: null, resolvedAt: row.followed_up_at };
  const fair = row.subject.trim();
  return {
    ...base,
    wanted: [
      {
        key: `R2:lead:${row.id}`,
        rule: 'R2',
        kind: 'follow_up',
        titleKey: fair === '' ? 'follow_up_lead' : 'follow_up_lead_fair',
        titleParams: { account: row.name, fair },
        dueMs: leadFollowUpDue(calendar, settings, buyerOf(row), metMs),
        details: { metAt: row.occurred_at, ...(fair === '' ? {} : { fair }) },
      },
    ],
  };
}
