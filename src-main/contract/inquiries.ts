/**
 * The inquiry and complaint calls of issue 12 (spread into the one contract map in ./index.ts; add, reply, respond,
 * resolve and list are there): one record by id, each inquiry's R1 reply deadline, the inbox by SLA time left, and
 * the R1 response statistics.
 */
import { z } from 'zod';
import { Complaint, Inquiry } from './models';
import { CalendarDate, Id, InquirySource, Limit } from './primitives';

/** R1 with R4/R16: an inquiry's reply deadline as the scheduler's R1 to-do carries it, in UTC and buyer-local. */
export const InquiryDeadline = z.object({
  inquiryId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  timeZone: z.string(),
  receivedAt: z.string(),
  receivedBuyerLocal: z.string(),
  /** The SLA deadline ("reply by"). */
  replyBy: z.string(),
  replyByBuyerLocal: z.string(),
  /** The buyer's next morning strictly after receipt ("lands best at", R2). */
  landsBestAt: z.string(),
  landsBestAtBuyerLocal: z.string(),
  /** The SLA applied, in hours: the source's, halved once for the priority channel (R4) or urgency ≥ 4 (R16). */
  slaHours: z.number(),
  halved: z.boolean(),
  firstReplyAt: z.string().nullable(),
  /** met / missed (replied late, or not replied and the deadline has passed) / pending, as of now. */
  sla: z.enum(['met', 'missed', 'pending']),
});
export type InquiryDeadline = z.infer<typeof InquiryDeadline>;

/**
 * One row of the inbox (`inquiries.inbox`): the inquiry, its R1 deadline, the time left as of the call and what the
 * salesperson needs beside it — the account's priority channel (R4) and the buyer's wall clock now.
 */
export const InboxRow = Inquiry.omit({ body: true, createdAt: true, updatedAt: true }).extend({
  source: InquirySource,
  /** What `inquiries.deadlines` gives for this inquiry (account name and zone, reply by, lands best at, SLA). */
  deadline: InquiryDeadline,
  /** Whole minutes from now to the reply-by deadline, rounded down: negative once it has passed (overdue). */
  minutesLeft: z.number(),
  /** R4: the account has the priority channel (the scheduler grants it after three inquiries < 48 h apart). */
  priorityChannel: z.boolean(),
  /** The buyer's local time now, as Temporal prints it (`2025-03-31T08:15:00+02:00[Europe/Madrid]`). */
  buyerNow: z.string(),
});
export type InboxRow = z.infer<typeof InboxRow>;

const StatsRow = z.object({
  source: z.union([InquirySource, z.literal('all')]),
  count: z.number(),
  replied: z.number(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  withinSlaShare: z.number().nullable(),
  slaHours: z.number().nullable(),
});

/** R1: first-reply times per inquiry source over a period of received dates (src-main/domain/inquiries/stats.ts). */
export const InquiryStats = z.object({
  from: z.string(),
  to: z.string(),
  /** The instant the within-SLA share was judged at (an open inquiry past its deadline counts as missed). */
  asOf: z.string(),
  sources: z.array(StatsRow),
  all: StatsRow,
});
export type InquiryStats = z.infer<typeof InquiryStats>;

export const inquiriesContract = {
  'inquiries.get': { input: z.strictObject({ id: Id }), output: Inquiry },
  /** R1: the reply deadline of each inquiry named (in the order given); an unknown id is a not-found error. */
  'inquiries.deadlines': { input: z.strictObject({ ids: z.array(Id).min(1).max(1000) }), output: z.array(InquiryDeadline) },
  /**
   * R1: the inbox, least SLA time left first (overdue first): by reply-by deadline, then received, then id. `open`
   * (default true) keeps only the inquiries without a first reply; false lists the replied ones too.
   */
  'inquiries.inbox': {
    input: z.strictObject({ open: z.boolean().default(true), accountId: Id.optional(), limit: Limit }),
    output: z.array(InboxRow),
  },
  /**
   * R1: response statistics per inquiry source and for all, over inquiries received from `from` through `to`
   * (days in myTimeZone; default the 90 days ending today).
   */
  'inquiries.stats': { input: z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() }), output: InquiryStats },
  'complaints.get': { input: z.strictObject({ id: Id }), output: Complaint },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
