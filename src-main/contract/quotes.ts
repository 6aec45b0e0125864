/**
 * The quote calls of R8 and R9 (spread into the one contract map in ./index.ts; the older quote calls are still
 * there): the diff of two versions, winning, and losing with its analysis and recovery to-do.
 */
import { z } from 'zod';
import { CalendarDate, Instant, LongText } from './primitives';
import { LossFact, LostReason, Quote, RecoveryAction } from './models';

const Id = z.string().trim().min(1).max(64);
const Version = z.number().int().min(1).max(10_000);

const DiffItem = z.object({
  position: z.number(),
  product: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
});
const TextParts = z.object({ removed: z.array(z.string()), added: z.array(z.string()) });
const change = <F extends [string, ...string[]]>(fields: F) =>
  z.object({
    field: z.enum(fields),
    from: z.union([z.string(), z.number()]).nullable(),
    to: z.union([z.string(), z.number()]).nullable(),
    parts: TextParts.optional(),
    percent: z.number().nullable().optional(),
  });
const DiffQuestion = z.object({ id: z.string(), question: z.string(), answer: z.string().nullable(), askedAt: z.string(), answeredAt: z.string().nullable() });
const Coverage = z.object({ asked: z.number(), answered: z.number() });

/** R8: two versions of a quote compared field by field (src-main/domain/quotes/diff.ts). */
export const QuoteDiff = z.object({
  quoteId: z.string(),
  number: z.string(),
  /** The quote's currency (one for all its versions), in which the amounts are. */
  currency: z.string(),
  from: z.number(),
  to: z.number(),
  items: z.object({
    added: z.array(DiffItem),
    removed: z.array(DiffItem),
    changed: z.array(z.object({ product: z.string(), from: DiffItem, to: DiffItem, changes: z.array(change(['description', 'quantity', 'unit', 'unitPrice', 'amount'])) })),
    unchanged: z.number(),
  }),
  terms: z.array(change(['incoterm', 'paymentTerms', 'leadTimeDays', 'terms', 'note'])),
  /** R7: the validity's fields that changed (stages as `name validThrough` parts, `;`-separated). */
  validity: z.array(change(['strategy', 'days', 'thresholdPercent', 'seasonName', 'seasonEndsOn', 'validThrough', 'stages'])),
  total: z.object({ from: z.number(), to: z.number(), change: z.number(), percent: z.number().nullable() }),
  questions: z.object({ askedSince: z.array(DiffQuestion), answeredSince: z.array(DiffQuestion), coverage: z.object({ from: Coverage, to: Coverage }) }),
});
export type QuoteDiff = z.infer<typeof QuoteDiff>;

const RecoveryProposal = z.object({
  action: RecoveryAction,
  /** Due at the buyer's morning this many of their business days after the loss. */
  businessDays: z.number(),
  dueAt: z.string(),
  dueBuyerLocal: z.string(),
});

/** R9: what the book knows about a quote before it is marked lost, and the recovery each reason would propose. */
export const LossAnalysis = z.object({
  quoteId: z.string(),
  number: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  at: z.string(),
  facts: z.array(LossFact),
  /** The reason the facts point at (the form starts from it); null when they point at none. */
  suggestedReason: LostReason.nullable(),
  /** The recovery to-do for each reason, so the form can follow the user's choice of reason. */
  recovery: z.record(LostReason, RecoveryProposal),
});
export type LossAnalysis = z.infer<typeof LossAnalysis>;

const Month = z.string().regex(/^\d{4}-\d{2}$/);
/** R9: lost quotes by month and by reason, with the facts that came with each reason. */
export const LostReasonsReport = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  months: z.array(z.object({ month: Month, total: z.number(), reasons: z.array(z.object({ reason: z.string(), count: z.number() })) })),
  reasons: z.array(
    z.object({ reason: z.string(), count: z.number(), share: z.number(), facts: z.array(z.object({ fact: z.string(), count: z.number() })) }),
  ),
});
export type LostReasonsReport = z.infer<typeof LostReasonsReport>;

const Recovery = z.strictObject({ action: RecoveryAction, dueAt: Instant, note: LongText.optional() });

export const quotesContract = {
  /**
   * R8: what changed from version `from` to version `to` of a quote (default: the version before the current one to
   * the current one). Either may be the later one.
   */
  'quotes.diff': { input: z.strictObject({ id: Id, from: Version.optional(), to: Version.optional() }), output: QuoteDiff },
  /** R9: the facts before a loss, as of `at` (default now), and the recovery each reason proposes. Writes nothing. */
  'quotes.lossAnalysis': { input: z.strictObject({ id: Id, at: Instant.optional() }), output: LossAnalysis },
  /**
   * R9: marks a draft, sent or expired quote lost, with a structured reason and a note; the facts of the analysis are
   * kept with it. `recovery` (the proposal, or the user's change of it) becomes a to-do at its due instant; without it
   * there is none.
   */
  'quotes.lose': {
    input: z.strictObject({ id: Id, at: Instant, reason: LostReason, note: LongText.optional(), recovery: Recovery.nullable().optional() }),
    output: Quote,
  },
  /** Marks a draft, sent or expired quote won: its reminders close; its inquiry is won. */
  'quotes.win': { input: z.strictObject({ id: Id, at: Instant }), output: Quote },
  /** R9: lost quotes marked lost between two days (default the last 12 months to today, in myTimeZone). */
  'quotes.lostReasons': { input: z.strictObject({ from: CalendarDate.optional(), to: CalendarDate.optional() }), output: LostReasonsReport },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
