import { nextHealthReview, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { instantMs } from './instants';
import { HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict } from './verdict';

export const HEALTH = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, coalesce(a.review_anchor, a.created_at) AS anchor,
  a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')},
  EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id AND o.deleted_at IS NULL AND o.ordered_at > @cutoff AND o.ordered_at <= @today) AS active
  FROM accounts a`;
export const HEALTH_CHANGED = `${HEALTH} WHERE a.updated_at >= @w OR a.id IN (SELECT o.account_id FROM orders o WHERE o.updated_at >= @w)`;

export interface HealthRow extends AccountFacts {
  has_tasks: number;
  anchor: string;
  deleted_at: string | null;
  updated_at: string;
  active: number;
}

/** R13: the quarterly health review of an active account (an order in the last 24 months), anchored without drift. */
export function healthVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: HealthRow, floorMs: number): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R13'], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.active !== 1) return { ...base, wanted: null };
  const review = nextHealthReview(calendar, settings, buyerOf(row), instantMs(row.anchor), floorMs);
  return {
    ...base,
    wanted: [
      {
        key: `R13:account:${row.account_id}:${review.nominal}`,
        rule: 'R13',
        kind: 'health_check',
        titleKey: 'health_check',
        titleParams: { account: row.name },
        dueMs: review.dueMs,
        details: { anchor: row.anchor, quarterOf: review.nominal },
      },
    ],
  };
}
