/** What the API returns: records in camelCase, instants as `YYYY-MM-DDTHH:MM:SSZ`, dates as YYYY-MM-DD. */
import { z } from 'zod';
import { LOST_REASONS, RECOVERY_ACTIONS } from '../domain/quotes/loss';
import { BookWarning } from './backups';

const stamps = { createdAt: z.string(), updatedAt: z.string() };

export const Account = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
  city: z.string().nullable(),
  language: z.string().nullable(),
  currency: z.string().nullable(),
  source: z.string().nullable(),
  owner: z.string().nullable(),
  strategicFit: z.number(),
  reputation: z.number(),
  priorityChannel: z.boolean(),
  notes: z.string(),
  reviewAnchor: z.string().nullable(),
  tags: z.array(z.string()),
  ...stamps,
});
export type Account = z.infer<typeof Account>;

/** Names of R10 tiers, R12 quadrants and loyalty classes, exactly as the scores store them. */
export const ScoreTier = z.enum(['new', 'dormant', 'VIP', 'potential', 'general']);
export const ScoreQuadrant = z.enum(['strategic', 'potential', 'maintain', 'declining']);
export const ScoreLoyalty = z.enum(['A', 'B', 'C']);

/** An account's latest score snapshot in brief, for lists (R10–R14): RFM and tier are null without orders. */
export const AccountScoreSummary = z.object({
  asOf: z.string(),
  tier: ScoreTier.nullable(),
  r: z.number().nullable(),
  f: z.number().nullable(),
  m: z.number().nullable(),
  value: z.number().nullable(),
  quadrant: ScoreQuadrant.nullable(),
  loyalty: ScoreLoyalty.nullable(),
  health: z.number().nullable(),
  churnWarning: z.boolean(),
});
export type AccountScoreSummary = z.infer<typeof AccountScoreSummary>;

/** A row of `accounts.list`: the account and its latest scores (null while it has never been scored). */
export const AccountListItem = Account.extend({ score: AccountScoreSummary.nullable() });
export type AccountListItem = z.infer<typeof AccountListItem>;

/** The buyer's clock (account page): local time now and the next business morning (R2), buyer-local and UTC. */
export const AccountTimes = z.object({
  localNow: z.string(),
  nextMorning: z.object({ utc: z.string(), local: z.string() }),
  /** The buyer's today (their local date): a business day or not, and the holiday it is, named in the request's language (null on a weekend or a business day). */
  today: z.object({ date: z.string(), business: z.boolean(), holiday: z.string().nullable() }),
});
export type AccountTimes = z.infer<typeof AccountTimes>;

export const Contact = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  whatsapp: z.string().nullable(),
  wechat: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string(),
  ...stamps,
});
export type Contact = z.infer<typeof Contact>;

export const Interaction = z.object({
  id: z.string(),
  accountId: z.string(),
  contactId: z.string().nullable(),
  kind: z.string(),
  channel: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  occurredAt: z.string(),
  subject: z.string(),
  body: z.string(),
  awaitsReply: z.boolean(),
  answeredAt: z.string().nullable(),
  ...stamps,
});
export type Interaction = z.infer<typeof Interaction>;

export const Inquiry = z.object({
  id: z.string(),
  accountId: z.string(),
  contactId: z.string().nullable(),
  source: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  body: z.string(),
  products: z.array(z.string()),
  authenticity: z.number().nullable(),
  urgency: z.number().nullable(),
  value: z.number().nullable(),
  firstReplyAt: z.string().nullable(),
  status: z.string(),
  ...stamps,
});
export type Inquiry = z.infer<typeof Inquiry>;

export const QuoteItem = z.object({
  position: z.number(),
  product: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
});
/** The validity a version was made with (R7): a revision may change it, and `quotes.diff` shows how. */
export const VersionValidity = z.object({
  strategy: z.enum(['fixed', 'fx', 'staged', 'periodic']),
  days: z.number().nullable(),
  thresholdPercent: z.number().nullable(),
  seasonName: z.string().nullable(),
  seasonEndsOn: z.string().nullable(),
  validThrough: z.string().nullable(),
  stages: z.array(z.object({ name: z.string(), validThrough: z.string() })),
});
export type VersionValidity = z.infer<typeof VersionValidity>;
export const QuoteVersion = z.object({
  version: z.number(),
  validity: VersionValidity,
  incoterm: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  leadTimeDays: z.number().nullable(),
  terms: z.string(),
  note: z.string(),
  total: z.number(),
  items: z.array(QuoteItem),
  createdAt: z.string(),
});
export const QuoteStage = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  validThrough: z.string(),
  completedAt: z.string().nullable(),
});
export const QuoteQuestion = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export const LostReason = z.enum(LOST_REASONS);
export const RecoveryAction = z.enum(RECOVERY_ACTIONS);

/** R9: one fact of a loss analysis with its numbers (src-main/domain/quotes/loss.ts). */
export const LossFact = z.discriminatedUnion('id', [
  z.object({ id: z.literal('expired'), on: z.string() }),
  z.object({ id: z.literal('fx_moved'), currency: z.string(), base: z.string(), percent: z.number(), since: z.string() }),
  z.object({ id: z.literal('unanswered'), unanswered: z.number(), asked: z.number() }),
  z.object({ id: z.literal('late_reply'), hoursLate: z.number(), slaHours: z.number(), unreplied: z.literal(true).optional() }),
  z.object({ id: z.literal('many_versions'), versions: z.number(), days: z.number() }),
  z.object({ id: z.literal('no_answer'), days: z.number() }),
]);
export type LossFact = z.infer<typeof LossFact>;

export const Quote = z.object({
  id: z.string(),
  accountId: z.string(),
  inquiryId: z.string().nullable(),
  number: z.string(),
  currency: z.string(),
  quoteDate: z.string(),
  status: z.string(),
  currentVersion: z.number(),
  validity: z.object({
    strategy: z.enum(['fixed', 'fx', 'staged', 'periodic']),
    days: z.number().nullable(),
    thresholdPercent: z.number().nullable(),
    rateAtQuote: z.number().nullable(),
    seasonName: z.string().nullable(),
    seasonEndsOn: z.string().nullable(),
    validThrough: z.string().nullable(),
    reconfirmedAt: z.string().nullable(),
    /** R7 FX-sensitive: the rate the last re-confirmation accepted (later moves count from it). */
    reconfirmedRate: z.number().nullable(),
    /** R7 FX-sensitive: set while the currency has moved past the threshold and the user has not re-confirmed. */
    fxFlag: z
      .object({ flaggedAt: z.string(), rate: z.number(), movedPercent: z.number(), cutThrough: z.string() })
      .nullable(),
  }),
  sentAt: z.string().nullable(),
  versions: z.array(QuoteVersion),
  stages: z.array(QuoteStage),
  questions: z.array(QuoteQuestion),
  specCoverage: z.object({ asked: z.number(), answered: z.number() }),
  /** When it was won or lost. */
  closedAt: z.string().nullable(),
  /** R9: why it was lost, the facts the book knew then, and the recovery to-do (null: declined). */
  lost: z
    .object({
      reason: z.string().nullable(),
      note: z.string().nullable(),
      facts: z.array(LossFact),
      recovery: z.object({ action: RecoveryAction, dueAt: z.string(), note: z.string().nullable() }).nullable(),
    })
    .nullable(),
  ...stamps,
});
export type Quote = z.infer<typeof Quote>;

export const OrderLine = z.object({
  position: z.number(),
  product: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
});
export const Order = z.object({
  id: z.string(),
  accountId: z.string(),
  quoteId: z.string().nullable(),
  number: z.string().nullable(),
  orderedAt: z.string(),
  amount: z.number(),
  currency: z.string(),
  fxRate: z.number(),
  amountBase: z.number(),
  cost: z.number().nullable(),
  costBase: z.number().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  dueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  shippedOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  lines: z.array(OrderLine),
  ...stamps,
});
export type Order = z.infer<typeof Order>;

export const Complaint = z.object({
  id: z.string(),
  accountId: z.string(),
  orderId: z.string().nullable(),
  grade: z.enum(['A', 'B', 'C']),
  subject: z.string(),
  description: z.string(),
  openedAt: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /** What the first response told the buyer. */
  responseNote: z.string().nullable(),
  ...stamps,
});
export type Complaint = z.infer<typeof Complaint>;

export const FxRate = z.object({
  id: z.string(),
  date: z.string(),
  currency: z.string(),
  baseCurrency: z.string(),
  rate: z.number(),
});
export type FxRate = z.infer<typeof FxRate>;

export const CalendarOverrideRecord = z.object({
  id: z.string(),
  country: z.string(),
  day: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
});
export type CalendarOverrideRecord = z.infer<typeof CalendarOverrideRecord>;

export const Setting = z.object({ key: z.string(), value: z.unknown(), isDefault: z.boolean() });
export type Setting = z.infer<typeof Setting>;

export const Task = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  kind: z.string(),
  rule: z.string().nullable(),
  sourceTable: z.string().nullable(),
  sourceId: z.string().nullable(),
  title: z.string(),
  dueAt: z.string(),
  status: z.string(),
  snoozedUntil: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

/** A to-do as the board and `tradebook todos` show it: due in UTC, in the buyer's zone and in the user's. */
export const Todo = z.object({
  id: z.string(),
  rule: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  title: z.string(),
  dueUtc: z.string(),
  dueBuyerLocal: z.string().nullable(),
  dueMyLocal: z.string(),
  status: z.enum(['open', 'overdue', 'done']),
  /** Present (true) when the account has the priority channel (R4): the board puts these first. */
  priorityChannel: z.literal(true).optional(),
  /** The record the to-do is about (an inquiry, quote, complaint, order, message or account), for opening it. */
  source: z.object({ table: z.string(), id: z.string() }).optional(),
});
export type Todo = z.infer<typeof Todo>;

/** What one scheduler tick changed. */
export const ScheduleRun = z.object({ created: z.number(), updated: z.number(), overdue: z.number() });
export type ScheduleRun = z.infer<typeof ScheduleRun>;

export const BookInfo = z.object({
  path: z.string(),
  schemaVersion: z.number(),
  accounts: z.number(),
  /** Present when the book is at risk, e.g. inside a cloud-sync folder (src-main/services/backups.ts). */
  warnings: z.array(BookWarning).optional(),
});
export type BookInfo = z.infer<typeof BookInfo>;

export const BookCheck = z.object({
  ok: z.boolean(),
  schemaVersion: z.number(),
  integrity: z.string(),
  foreignKeys: z.number(),
  accounts: z.number(),
});
export type BookCheck = z.infer<typeof BookCheck>;

export const SeedSummary = z.object({
  accounts: z.number(),
  contacts: z.number(),
  orders: z.number(),
  inquiries: z.number(),
  quotes: z.number(),
  complaints: z.number(),
  fxRates: z.number(),
  seconds: z.number(),
});
export type SeedSummary = z.infer<typeof SeedSummary>;

/** Scores of one account as of a day (issue 7): R10 RFM and tier, R11 value, R12 quadrant and loyalty, R13 health, R14 churn, R16 inquiries. */
export const AccountScoreView = z.object({
  accountId: z.string(),
  asOf: z.string(),
  rfm: z.object({ r: z.number(), f: z.number(), m: z.number(), tier: z.enum(['new', 'dormant', 'VIP', 'potential', 'general']) }).nullable(),
  value: z.object({
    score: z.number(),
    parts: z.object({ purchase: z.number(), margin: z.number(), growth: z.number(), strategic: z.number(), reputation: z.number() }),
  }),
  quadrant: z.enum(['strategic', 'potential', 'maintain', 'declining']),
  loyalty: z.enum(['A', 'B', 'C']).nullable(),
  health: z.object({
    score: z.number(),
    indicators: z.array(z.object({ name: z.string(), score: z.number(), weight: z.number(), reason: z.string() })),
  }),
  churn: z.object({
    warning: z.boolean(),
    reason: z.string(),
    recoveryPlan: z.array(z.object({ kind: z.string(), title: z.string(), dueInBusinessDays: z.number() })),
  }),
  inquiries: z.object({ open: z.number(), priority: z.enum(['high', 'normal', 'low']).nullable(), reason: z.string() }),
});
export type AccountScoreView = z.infer<typeof AccountScoreView>;

const counts = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const ScoreRunSummary = z.object({
  asOf: z.string(),
  accounts: z.number(),
  withOrders: z.number(),
  tiers: counts(['new', 'dormant', 'VIP', 'potential', 'general']),
  quadrants: counts(['strategic', 'potential', 'maintain', 'declining']),
  loyalty: counts(['A', 'B', 'C']),
  churnWarnings: z.number(),
  healthReviews: z.number(),
  rebuiltAggregates: z.boolean(),
  seconds: z.number(),
});
export type ScoreRunSummary = z.infer<typeof ScoreRunSummary>;

export const ScoreExplanation = z.object({ accountId: z.string(), asOf: z.string(), lines: z.array(z.string()) });
export type ScoreExplanation = z.infer<typeof ScoreExplanation>;

/**
 * One quarterly health review (R13) of an account, for its health chart: the review's date (buyer-local) and
 * instant, the health stored at the review, and the other scores of the snapshot as of `scoredAsOf` (the rescore
 * that recorded it; null when that snapshot is gone).
 */
export const ScoreHistoryPoint = z.object({
  asOf: z.string(),
  dueAt: z.string(),
  health: z.number(),
  scoredAsOf: z.string().nullable(),
  valueScore: z.number().nullable(),
  tier: z.enum(['new', 'dormant', 'VIP', 'potential', 'general']).nullable(),
  quadrant: z.enum(['strategic', 'potential', 'maintain', 'declining']).nullable(),
  loyalty: z.enum(['A', 'B', 'C']).nullable(),
  churnWarning: z.boolean().nullable(),
});
export type ScoreHistoryPoint = z.infer<typeof ScoreHistoryPoint>;

/** One account's churn warning (R14) on the dashboard, with its reason in the request language. */
export const ChurnWarningItem = z.object({
  accountId: z.string(),
  accountName: z.string(),
  country: z.string(),
  asOf: z.string(),
  value: z.number().nullable(),
  reason: z.string(),
  /** The first as-of day of the unbroken run of warnings this one belongs to (null: only this snapshot says so). */
  since: z.string().nullable(),
});
export type ChurnWarningItem = z.infer<typeof ChurnWarningItem>;

/**
 * The book's scores at a glance (issue 7, dashboard): each live account's latest snapshot (or those of `asOf`),
 * counted by tier, quadrant and loyalty class, and the churn warnings, most valuable first.
 */
export const ScoreSummary = z.object({
  /** The newest as-of day among the counted snapshots; null when nothing is scored. */
  asOf: z.string().nullable(),
  /** Scored accounts; `unscored`: live accounts without a snapshot. */
  accounts: z.number(),
  unscored: z.number(),
  withOrders: z.number(),
  tiers: counts(['new', 'dormant', 'VIP', 'potential', 'general']),
  quadrants: counts(['strategic', 'potential', 'maintain', 'declining']),
  loyalty: counts(['A', 'B', 'C']),
  churnWarnings: z.object({ total: z.number(), items: z.array(ChurnWarningItem) }),
});
export type ScoreSummary = z.infer<typeof ScoreSummary>;
