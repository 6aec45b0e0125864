/** The quote calls of R8 (spread into the one contract map in ./index.ts; the older quote calls are still there). */
import { z } from 'zod';

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
  total: z.object({ from: z.number(), to: z.number(), change: z.number(), percent: z.number().nullable() }),
  questions: z.object({ askedSince: z.array(DiffQuestion), answeredSince: z.array(DiffQuestion), coverage: z.object({ from: Coverage, to: Coverage }) }),
});
export type QuoteDiff = z.infer<typeof QuoteDiff>;

export const quotesContract = {
  /**
   * R8: what changed from version `from` to version `to` of a quote (default: the version before the current one to
   * the current one). Either may be the later one.
   */
  'quotes.diff': { input: z.strictObject({ id: Id, from: Version.optional(), to: Version.optional() }), output: QuoteDiff },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
