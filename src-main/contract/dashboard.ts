/**
 * The dashboard's work lists (issue 13 item 4), in one call: first-reply performance against the SLA over the last
 * 90 days (R1), the sent quotes whose validity ends in the next 7 days in the buyer's zone (R7), the open complaints
 * past their deadline (R15), and the overdue receivables by account. Each row names the record it opens. Spread
 * into the one contract map in ./index.ts.
 */
import { z } from 'zod';
import { InquiryStats } from './inquiries';
import { Instant } from './primitives';

/** How many rows each list carries (its count says how many there are in all). */
export const DASHBOARD_ROWS = 8;

export const ExpiringQuote = z.object({
  quoteId: z.string(),
  number: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  timeZone: z.string(),
  /** The last valid day, in the buyer's zone, and the instant it ends. */
  validThrough: z.string(),
  endsAt: z.string(),
  total: z.number().nullable(),
  currency: z.string(),
});

export const OverdueComplaint = z.object({
  complaintId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  grade: z.enum(['A', 'B', 'C']),
  subject: z.string(),
  /** The deadline missed: the response (not responded yet) or the end of the remediation window. */
  missed: z.enum(['response', 'remediation']),
  dueAt: z.string(),
});

export const DashboardWork = z.object({
  at: z.string(),
  firstResponse: InquiryStats,
  quotesExpiring: z.object({ count: z.number(), rows: z.array(ExpiringQuote) }),
  complaintsOverdue: z.object({ count: z.number(), rows: z.array(OverdueComplaint) }),
  receivablesOverdue: z.object({
    baseCurrency: z.string(),
    count: z.number(),
    overdueBase: z.number(),
    accounts: z.array(z.object({ accountId: z.string(), accountName: z.string(), count: z.number(), overdueBase: z.number(), maxDaysOverdue: z.number() })),
  }),
});
export type DashboardWork = z.infer<typeof DashboardWork>;

export const dashboardContract = {
  'dashboard.work': { input: z.strictObject({ at: Instant.optional() }), output: DashboardWork },
} as const;
