import { recoveryStepDue, type RuleSettings } from '../../domain/schedule/rules';
import { recoveryPlan, type RecoveryStep } from '../../domain/scoring/churn';
import type { BusinessCalendar } from '../../domain/time';
import { HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict, type WantedTask } from './verdict';

// R14: each account's latest snapshot, and for a warning the first snapshot of the run of warnings it ends
// ("id|as_of": the warning's start, which names its recovery tasks).
const CHURN = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')},
  s.churn_warning,
  CASE WHEN s.churn_warning = 1 THEN (SELECT w.id || '|' || w.as_of FROM score_snapshots w
    WHERE w.account_id = a.id AND w.deleted_at IS NULL AND w.churn_warning = 1 AND w.as_of <= s.as_of
      AND w.as_of > coalesce((SELECT max(c.as_of) FROM score_snapshots c
        WHERE c.account_id = a.id AND c.deleted_at IS NULL AND c.churn_warning = 0 AND c.as_of < s.as_of), '')
    ORDER BY w.as_of LIMIT 1) END AS since
  FROM accounts a LEFT JOIN score_snapshots s ON s.account_id = a.id AND s.deleted_at IS NULL
    AND s.as_of = (SELECT max(l.as_of) FROM score_snapshots l WHERE l.account_id = a.id AND l.deleted_at IS NULL)`;
/** Every account whose latest snapshot warns, or that has open recovery tasks (after a full rescore, a rebuild). */
export const CHURN_ALL = `${CHURN} WHERE s.churn_warning = 1
  OR a.id IN (SELECT t.account_id FROM tasks t WHERE t.rule = 'R14' AND t.status = 'open' AND t.deleted_at IS NULL)`;
/** The accounts that changed or were rescored with a new order since the watermark. */
export const CHURN_CHANGED = `${CHURN} WHERE a.id IN (SELECT id FROM accounts WHERE updated_at >= @w
  UNION ALL SELECT account_id FROM orders WHERE updated_at >= @w)`;

export interface ChurnRow extends AccountFacts {
  has_tasks: number;
  deleted_at: string | null;
  updated_at: string;
  churn_warning: number | null;
  since: string | null;
}

/**
 * R14: while an account's latest snapshot carries a churn warning, the recovery plan's tasks — named after the
 * warning's first snapshot, so a task done is not created again while the same warning lasts; when the warning
 * clears, open ones are dismissed (done ones stay).
 */
export function churnVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: ChurnRow): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R14'], eventMs: 0, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  const closeAs = () => ({ status: 'dismissed' as const, at: null });
  if (row.deleted_at !== null) return { ...base, wanted: null, closeAs };
  const [snapshotId, since] = (row.since ?? '').split('|') as [string, string | undefined];
  if (row.churn_warning !== 1 || since === undefined) return { ...base, wanted: [], closeAs };
  const wanted: WantedTask[] = [];
  for (const step of recoveryPlan as readonly RecoveryStep[]) {
    const dueMs = recoveryStepDue(calendar, settings, buyerOf(row), since, step.dueInBusinessDays);
    if (dueMs === null) continue;
    wanted.push({
      key: `R14:account:${row.account_id}:${since}:${step.kind}`,
      rule: 'R14',
      kind: `recovery_${step.kind}`,
      titleKey: `recovery_${step.kind}`,
      titleParams: { account: row.name },
      dueMs,
      details: { warningSince: since, snapshotId, step: step.kind, businessDays: step.dueInBusinessDays },
    });
  }
  return { ...base, wanted, closeAs };
}
