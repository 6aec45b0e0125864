import { complaintDeadlines, type ComplaintGrade, type RuleSettings } from '../../domain/schedule/rules';
import type { BusinessCalendar } from '../../domain/time';
import { instantMs } from './instants';
import { ACCOUNT_COLUMNS, HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict, type WantedTask } from './verdict';

export interface ComplaintRow extends AccountFacts {
  has_tasks: number;
  id: string;
  grade: ComplaintGrade;
  opened_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  deleted_at: string | null;
  updated_at: string;
}

export const COMPLAINTS = `SELECT c.id, c.grade, c.opened_at, c.responded_at, c.resolved_at, c.deleted_at, c.updated_at, ${ACCOUNT_COLUMNS}, ${HAS_TASKS('complaints', 'c.id')}
  FROM complaints c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL`;

/** R15: the response deadline (A 2 h, B 24 h, C 48 h) until responded, and the 72 h remediation window until resolved. */
export function complaintVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: ComplaintRow): Verdict {
  const openedMs = instantMs(row.opened_at);
  const base = { sourceTable: 'complaints', sourceId: row.id, accountId: row.account_id, rules: ['R15'], eventMs: openedMs, updatedAt: row.updated_at, hasTasks: row.has_tasks === 1 };
  if (row.deleted_at !== null || row.resolved_at !== null) return { ...base, wanted: null, resolvedAt: row.resolved_at };
  const { responseMs, remediationMs } = complaintDeadlines(calendar, settings, buyerOf(row), row.grade, openedMs);
  const wanted: WantedTask[] = [];
  if (row.responded_at === null) {
    wanted.push({
      key: `R15:complaint:${row.id}:response`,
      rule: 'R15',
      kind: 'complaint_response',
      titleKey: 'complaint_response',
      titleParams: { account: row.name, grade: row.grade },
      dueMs: responseMs,
      details: { grade: row.grade },
    });
  }
  wanted.push({
    key: `R15:complaint:${row.id}:remediation`,
    rule: 'R15',
    kind: 'complaint_remediation',
    titleKey: 'complaint_remediation',
    titleParams: { account: row.name },
    dueMs: remediationMs,
    details: { grade: row.grade },
  });
  return { ...base, wanted, resolvedAt: row.responded_at };
}
