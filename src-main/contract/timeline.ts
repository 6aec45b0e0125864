/**
 * The account timeline (issue 12 item 7): one account's interactions, inquiries, quotes, orders, complaints and
 * payments, newest first, in one list (spread into the contract map in ./index.ts).
 */
import { z } from 'zod';
import { Id } from './primitives';

export const TimelineKind = z.enum(['interaction', 'inquiry', 'quote', 'order', 'complaint', 'payment']);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEvent = z.object({
  kind: TimelineKind,
  /** The record's id (for a payment, the payment's; `orderId` names its order). */
  id: z.string(),
  /** When it happened: an instant (`…Z`) for interactions, inquiries and complaints, a day (`YYYY-MM-DD`) otherwise. */
  at: z.string(),
  /** Subject, quote or order number (empty when the record has none). */
  title: z.string(),
  /** The record's state: in/out for an interaction, open/replied, draft/sent/won/lost, open/paid, A–C with open/responded/resolved, … */
  status: z.string(),
  /** Money on quotes (current version's total), orders and payments, in `currency`; null elsewhere. */
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  orderId: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/**
 * Where a page of the timeline ends: the last event shown; its at, kind and id are read (the event may be passed
 * whole: its other fields are dropped). The next page starts after it.
 */
export const TimelineCursor = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$/),
  kind: TimelineKind,
  id: Id,
});
export type TimelineCursor = z.infer<typeof TimelineCursor>;

export const timelineContract = {
  /**
   * One account's records of every kind, newest first (a day counts as its end, so an e-mail on the day of an order
   * comes before it; ties by kind, then id); `startAfter` (the last event of the page before) pages on without
   * skipping records that share its `at`. An unknown account is not found.
   */
  'accounts.timeline': {
    input: z.strictObject({ id: Id, startAfter: TimelineCursor.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(TimelineEvent),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
