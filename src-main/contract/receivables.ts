/**
 * Receivables (回款, issue 12): payments against orders and the aged list (spread into the one contract map in
 * ./index.ts). Amounts of a payment are in its order's currency; the list's totals are in the base currency, at
 * each order's own rate (what the health score's overdue input reads).
 */
import { z } from 'zod';
import { AGING_BUCKETS } from '../domain/receivables/aging';
import { CalendarDate, FactDate, Id, Limit, LongText } from './primitives';

export const Payment = z.object({
  id: z.string(),
  orderId: z.string(),
  paidOn: z.string(),
  amount: z.number(),
  currency: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const AgingBucket = z.enum(AGING_BUCKETS);

/** An order that still owes something. */
export const Receivable = z.object({
  orderId: z.string(),
  number: z.string().nullable(),
  accountId: z.string(),
  accountName: z.string(),
  timeZone: z.string(),
  orderedOn: z.string(),
  dueOn: z.string().nullable(),
  currency: z.string(),
  amount: z.number(),
  paid: z.number(),
  outstanding: z.number(),
  outstandingBase: z.number(),
  lastPaidOn: z.string().nullable(),
  /** Days late as of `asOf` (negative: days until due; null: no due date). */
  daysOverdue: z.number().nullable(),
  bucket: AgingBucket,
});
export type Receivable = z.infer<typeof Receivable>;

const BucketTotal = z.object({ bucket: AgingBucket, count: z.number(), outstandingBase: z.number() });

export const ReceivablesReport = z.object({
  asOf: z.string(),
  baseCurrency: z.string(),
  /** Every bucket, in order, over every open order of the book (or of the account asked for). */
  buckets: z.array(BucketTotal),
  total: z.object({ count: z.number(), outstandingBase: z.number(), overdueBase: z.number() }),
  /** Accounts with overdue receivables, the most owed first. */
  overdueByAccount: z.array(
    z.object({ accountId: z.string(), accountName: z.string(), count: z.number(), overdueBase: z.number(), maxDaysOverdue: z.number() }),
  ),
  /** The open orders (of the bucket asked for), the latest first, at most `limit`. */
  rows: z.array(Receivable),
});
export type ReceivablesReport = z.infer<typeof ReceivablesReport>;

export const receivablesContract = {
  /** Records a payment (full or partial, dated: default the user's today) against an order; more than it still owes is refused. */
  'payments.add': {
    input: z.strictObject({ orderId: Id, paidOn: FactDate.optional(), amount: z.number().finite().positive().max(1e13), note: LongText.optional() }),
    output: Payment,
  },
  /** Deletes a payment recorded by mistake (a tombstone: shared like every delete). */
  'payments.delete': { input: z.strictObject({ id: Id }), output: Payment },
  'payments.list': { input: z.strictObject({ orderId: Id }), output: z.array(Payment) },
  /** The aged list as of `asOf` (default: the user's today), for the book or one account. */
  'receivables.list': {
    input: z.strictObject({ accountId: Id.optional(), bucket: AgingBucket.optional(), asOf: CalendarDate.optional(), limit: Limit }),
    output: ReceivablesReport,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
