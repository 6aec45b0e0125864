import { greetingDue, type RuleSettings } from '../../domain/schedule/rules';
import type { FestivalOccurrence } from '../../domain/schedule/festivals';
import type { BusinessCalendar } from '../../domain/time';
import { formatMs, MS_PER_DAY } from './instants';
import { HAS_TASKS } from './source-queries';
import { buyerOf, type AccountFacts, type Verdict, type WantedTask } from './verdict';

export const GREETINGS = `SELECT a.id AS account_id, a.name, a.country, a.time_zone, a.deleted_at, a.updated_at, ${HAS_TASKS('accounts', 'a.id')}
  FROM accounts a WHERE a.country IN (SELECT value FROM json_each(@countries))`;
export const GREETINGS_CHANGED = `${GREETINGS} AND a.updated_at >= @w`;

/** Greetings are created for festivals starting up to this many days ahead (R5). */
export const GREETING_LOOKAHEAD_DAYS = 35;

export interface GreetingRow extends AccountFacts {
  has_tasks: number;
  deleted_at: string | null;
  updated_at: string;
}

/** R5: a greeting 3 business days before each of the buyer's festivals in the window. */
export function greetingVerdict(calendar: BusinessCalendar, settings: RuleSettings, row: GreetingRow, active: readonly FestivalOccurrence[]): Verdict {
  const base = { sourceTable: 'accounts', sourceId: row.account_id, accountId: row.account_id, rules: ['R5'], eventMs: 0, updatedAt: row.updated_at };
  const verdict = { ...base, hasTasks: row.has_tasks === 1, keepUnwanted: true };
  if (row.deleted_at !== null) return { ...verdict, wanted: null };
  const wanted: WantedTask[] = active
    .filter((o) => o.festival.countries.includes(row.country.toUpperCase()))
    .map((o) => ({
      key: `R5:account:${row.account_id}:${o.festival.id}:${o.year}`,
      rule: 'R5',
      kind: 'greeting',
      titleKey: `greeting_${o.festival.id}` as const,
      titleParams: { account: row.name },
      dueMs: greetingDue(calendar, settings, buyerOf(row), o.firstDay),
      details: { festival: o.festival.id, year: o.year, startsOn: formatMs(o.firstDay * MS_PER_DAY).slice(0, 10) },
    }));
  return { ...verdict, wanted };
}
