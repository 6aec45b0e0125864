/**
 * The dashboard's work lists (`dashboard.work`, issue 13 item 4): what needs the user this week, each row naming the
 * record it opens. Quote expiry and complaint deadlines are the scheduler's own (R7 `expiryPlan`, R15
 * `complaintDeadlines`, with the book's settings and calendar), so the dashboard and the board never disagree; the
 * first-reply figures are `inquiries.stats`, the receivables `receivables.list`.
 */
import type { ParsedInputOf } from '../contract';
import { DASHBOARD_ROWS, type DashboardWork } from '../contract/dashboard';
import { dateInZone } from '../domain/dates';
import { complaintDeadlines, expiryPlan, type ComplaintGrade } from '../domain/schedule/rules';
import type { ServiceContext } from './context';
import { inquiryStats } from './inquiry-stats';
import { listReceivables } from './receivables';
import { loadSchedulerSetup } from './scheduler';
import { formatMs, instantMs } from './scheduler/instants';
import { runningValidThrough } from './scheduler/quotes';

const DAY_MS = 86_400_000;
/** "This week": quotes whose validity ends within this many days of now. */
export const EXPIRING_WITHIN_DAYS = 7;

interface SentQuoteRow {
  id: string;
  number: string;
  currency: string;
  account_id: string;
  name: string;
  country: string;
  time_zone: string;
  validity_strategy: string;
  valid_through: string | null;
  fx_flagged_at: string | null;
  fx_cut_through: string | null;
  stage_valid_through: string | null;
  total: number | null;
}

// What `runningValidThrough` (services/scheduler/quotes.ts) needs, with the account and the current version's total.
const SENT_QUOTES = `SELECT q.id, q.number, q.currency, q.account_id, a.name, a.country, a.time_zone, q.validity_strategy, q.valid_through,
    q.fx_flagged_at, q.fx_cut_through,
    (SELECT s.valid_through FROM quote_stages s WHERE s.quote_id = q.id AND s.deleted_at IS NULL AND s.completed_at IS NULL
       ORDER BY s.position LIMIT 1) AS stage_valid_through,
    (SELECT v.total FROM quote_versions v WHERE v.quote_id = q.id AND v.version = q.current_version AND v.deleted_at IS NULL) AS total
  FROM quotes q JOIN accounts a ON a.id = q.account_id AND a.deleted_at IS NULL
  WHERE q.status = 'sent' AND q.deleted_at IS NULL`;

interface OpenComplaintRow {
  id: string;
  grade: string;
  subject: string;
  opened_at: string;
  responded_at: string | null;
  account_id: string;
  name: string;
  country: string;
  time_zone: string;
}

const OPEN_COMPLAINTS = `SELECT c.id, c.grade, c.subject, c.opened_at, c.responded_at, c.account_id, a.name, a.country, a.time_zone
  FROM complaints c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
  WHERE c.resolved_at IS NULL AND c.deleted_at IS NULL`;

export async function dashboardWork(ctx: ServiceContext, input: ParsedInputOf<'dashboard.work'>): Promise<DashboardWork> {
  const at = input.at ?? ctx.now();
  const atMs = instantMs(at);
  const setup = await loadSchedulerSetup(ctx);
  const { calendar, settings } = setup;

  const expiring: DashboardWork['quotesExpiring']['rows'] = [];
  for (const row of ctx.book.sqlite.prepare(SENT_QUOTES).all() as SentQuoteRow[]) {
    const validThrough = runningValidThrough(row);
    if (validThrough === null) continue;
    const plan = expiryPlan(calendar, settings, { zone: row.time_zone, country: row.country }, validThrough);
    if (plan === null || plan.expiryMs <= atMs || plan.expiryMs > atMs + EXPIRING_WITHIN_DAYS * DAY_MS) continue;
    expiring.push({
      quoteId: row.id,
      number: row.number,
      accountId: row.account_id,
      accountName: row.name,
      timeZone: row.time_zone,
      validThrough,
      endsAt: formatMs(plan.expiryMs),
      total: row.total,
      currency: row.currency,
    });
  }
  expiring.sort((a, b) => (a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : a.quoteId < b.quoteId ? -1 : 1));

  const overdue: DashboardWork['complaintsOverdue']['rows'] = [];
  for (const row of ctx.book.sqlite.prepare(OPEN_COMPLAINTS).all() as OpenComplaintRow[]) {
    const grade = row.grade as ComplaintGrade;
    const deadlines = complaintDeadlines(calendar, settings, { zone: row.time_zone, country: row.country }, grade, instantMs(row.opened_at));
    const missed = row.responded_at === null ? 'response' : 'remediation';
    const dueMs = missed === 'response' ? deadlines.responseMs : deadlines.remediationMs;
    if (dueMs >= atMs) continue;
    overdue.push({ complaintId: row.id, accountId: row.account_id, accountName: row.name, grade, subject: row.subject, missed, dueAt: formatMs(dueMs) });
  }
  // Grade A first, then the longest overdue.
  overdue.sort((a, b) => (a.grade !== b.grade ? (a.grade < b.grade ? -1 : 1) : a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));

  const [firstResponse, receivables] = await Promise.all([
    inquiryStats({ ...ctx, now: () => at }, {}),
    listReceivables(ctx, { asOf: dateInZone(at, setup.myTimeZone), limit: 1 }),
  ]);
  return {
    at,
    firstResponse,
    quotesExpiring: { count: expiring.length, rows: expiring.slice(0, DASHBOARD_ROWS) },
    complaintsOverdue: { count: overdue.length, rows: overdue.slice(0, DASHBOARD_ROWS) },
    receivablesOverdue: {
      baseCurrency: receivables.baseCurrency,
      count: receivables.overdueByAccount.reduce((sum, account) => sum + account.count, 0),
      overdueBase: receivables.total.overdueBase,
      accounts: receivables.overdueByAccount.slice(0, DASHBOARD_ROWS),
    },
  };
}
