/**
 * The API: one map of call name → input schema (checked at runtime) and output schema (its type). The CLI,
 * the local web server and Electron IPC all go through `dispatch` over this map; nothing else reaches the
 * services.
 */
import { z } from 'zod';
import * as m from './models';
import { AccountPatch, accountFields } from './account-fields';
import { backupsContract } from './backups';
import { calendarContract } from './calendar';
import { dashboardContract } from './dashboard';
import { ContactInput, contactsContract } from './contacts';
import { leadsContract } from './leads';
import { todoBoardContract } from './todo-board';
import { rescoringContract } from './rescoring';
import { inquiriesContract } from './inquiries';
import { progressContract } from './progress';
import { quotesContract } from './quotes';
import { receivablesContract } from './receivables';
import { timelineContract } from './timeline';
import { sharingContract } from './sharing';
import { transferContract } from './transfer';
import {
  CalendarDate,
  FactDate,
  CountryCode,
  CurrencyCode,
  Id,
  InquirySource,
  Instant,
  Limit,
  LongText,
  Money,
  Name,
  Offset,
  Quantity,
  Rating,
  ScoreDate,
  ShortText,
  TimeZone,
  Unit,
} from './primitives';


const QuoteItemInput = z.strictObject({
  product: Name,
  description: LongText.optional(),
  quantity: Quantity,
  unit: Unit,
  unitPrice: Money,
});
const quoteTerms = {
  items: z.array(QuoteItemInput).min(1).max(500),
  incoterm: z.string().trim().max(20).optional(),
  paymentTerms: ShortText.optional(),
  leadTimeDays: z.number().int().min(0).max(3650).optional(),
  terms: LongText.optional(),
  note: LongText.optional(),
};
export const Validity = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('fixed'), days: z.number().int().min(1).max(3650) }),
  z.strictObject({
    strategy: z.literal('fx'),
    days: z.number().int().min(1).max(3650),
    thresholdPercent: z.number().positive().max(100).optional(),
  }),
  z.strictObject({
    strategy: z.literal('staged'),
    stages: z
      .array(z.strictObject({ name: Name, validThrough: CalendarDate }))
      .min(1)
      .max(20),
  }),
  z.strictObject({ strategy: z.literal('periodic'), seasonName: Name, seasonEndsOn: CalendarDate }),
]);
export type Validity = z.infer<typeof Validity>;
const Question = z.strictObject({ question: z.string().trim().min(1).max(1000), answer: z.string().trim().min(1).max(5000).optional() });


const OrderLineInput = z.strictObject({ product: Name, quantity: Quantity, unit: Unit, unitPrice: Money });

/** Filters on each account's latest score snapshot (R10 tier, R12 quadrant and loyalty, R14 churn warning). */
const scoreFilters = {
  tier: m.ScoreTier.optional(),
  quadrant: m.ScoreQuadrant.optional(),
  loyalty: m.ScoreLoyalty.optional(),
  churn: z.boolean().optional(),
};

export const contract = {
  'book.info': { input: z.strictObject({}), output: m.BookInfo },
  'book.check': { input: z.strictObject({}), output: m.BookCheck },
  'book.seed': {
    input: z.strictObject({
      accounts: z.number().int().min(1).max(1_000_000),
      ordersPerAccount: z.number().min(0).max(1000).default(20),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
      asOf: CalendarDate.default('2025-06-30'),
    }),
    output: m.SeedSummary,
  },

  'accounts.add': {
    input: z.strictObject({ name: Name, country: CountryCode, timeZone: TimeZone.optional(), ...accountFields }),
    output: m.Account,
  },
  'accounts.get': { input: z.strictObject({ id: Id }), output: m.Account },
  'accounts.list': {
    input: z.strictObject({
      query: z.string().max(200).optional(),
      country: CountryCode.optional(),
      owner: ShortText.optional(),
      ...scoreFilters,
      limit: Limit,
      offset: Offset,
    }),
    output: z.array(m.AccountListItem),
  },
  'accounts.count': {
    input: z.strictObject({ query: z.string().max(200).optional(), country: CountryCode.optional(), owner: ShortText.optional(), ...scoreFilters }),
    output: z.number(),
  },
  // The buyer's local time at `at` (default now) and their next business morning strictly after it (R2).
  'accounts.times': { input: z.strictObject({ id: Id, at: Instant.optional() }), output: m.AccountTimes },
  'accounts.update': { input: AccountPatch, output: m.Account },

  'contacts.add': { input: ContactInput, output: m.Contact },
  'contacts.list': { input: z.strictObject({ accountId: Id }), output: z.array(m.Contact) },

  'interactions.add': {
    input: z.strictObject({
      accountId: Id,
      contactId: Id.optional(),
      kind: z.enum(['email', 'call', 'meeting', 'message', 'visit', 'note']),
      channel: z.string().trim().max(40).optional(),
      direction: z.enum(['in', 'out']),
      occurredAt: Instant,
      subject: ShortText.optional(),
      body: LongText.optional(),
      awaitsReply: z.boolean().optional(),
    }),
    output: m.Interaction,
  },
  'interactions.list': { input: z.strictObject({ accountId: Id, limit: Limit }), output: z.array(m.Interaction) },

  'inquiries.add': {
    input: z.strictObject({
      accountId: Id,
      contactId: Id.optional(),
      source: InquirySource,
      receivedAt: Instant,
      subject: ShortText.optional(),
      body: LongText.optional(),
      products: z.array(Name).max(100).optional(),
      authenticity: Rating.optional(),
      urgency: Rating.optional(),
      value: Rating.optional(),
    }),
    output: m.Inquiry,
  },
  'inquiries.reply': { input: z.strictObject({ id: Id, at: Instant }), output: m.Inquiry },
  'inquiries.list': {
    input: z.strictObject({ accountId: Id.optional(), open: z.boolean().optional(), limit: Limit }),
    output: z.array(m.Inquiry),
  },

  'quotes.add': {
    input: z.strictObject({
      accountId: Id,
      inquiryId: Id.optional(),
      number: z.string().trim().min(1).max(60).optional(),
      currency: CurrencyCode,
      quoteDate: FactDate,
      validity: Validity,
      questions: z.array(Question).max(200).optional(),
      ...quoteTerms,
    }),
    output: m.Quote,
  },
  'quotes.revise': {
    input: z.strictObject({
      id: Id,
      validity: Validity.optional(),
      answers: z.array(z.strictObject({ questionId: Id, answer: z.string().trim().min(1).max(5000) })).max(200).optional(),
      questions: z.array(Question).max(200).optional(),
      ...quoteTerms,
    }),
    output: m.Quote,
  },
  'quotes.send': {
    input: z.strictObject({ id: Id, at: Instant, confirmUnanswered: z.boolean().optional() }),
    output: m.Quote,
  },
  'quotes.get': { input: z.strictObject({ id: Id }), output: m.Quote },
  /** R7: re-confirm an FX-sensitive quote flagged for a currency move (lifts the validity cut). */
  'quotes.reconfirm': { input: z.strictObject({ id: Id }), output: m.Quote },
  'quotes.list': {
    input: z.strictObject({
      accountId: Id.optional(),
      status: z.enum(['draft', 'sent', 'won', 'lost', 'expired']).optional(),
      limit: Limit,
    }),
    output: z.array(m.Quote),
  },

  'orders.add': {
    input: z
      .strictObject({
        accountId: Id,
        quoteId: Id.optional(),
        number: z.string().trim().min(1).max(60).optional(),
        orderedAt: FactDate,
        amount: Money.refine((n) => n > 0, 'tb.order_amount'),
        currency: CurrencyCode,
        cost: Money.optional(),
        quantity: Quantity.optional(),
        unit: Unit.optional(),
        dueOn: FactDate.optional(),
        paidOn: FactDate.optional(),
        shippedOn: FactDate.optional(),
        deliveredOn: FactDate.optional(),
        lines: z.array(OrderLineInput).max(500).optional(),
      })
      .refine((o) => o.dueOn === undefined || o.dueOn >= o.orderedAt, { message: 'tb.due_before_order', path: ['dueOn'] })
      .refine((o) => (o.quantity === undefined) === (o.unit === undefined), {
        message: 'tb.quantity_unit',
        path: ['unit'],
      }),
    output: m.Order,
  },
  'orders.list': {
    input: z.strictObject({ accountId: Id, limit: Limit, offset: Offset }),
    output: z.array(m.Order),
  },

  'complaints.add': {
    input: z.strictObject({
      accountId: Id,
      orderId: Id.optional(),
      grade: z.enum(['A', 'B', 'C']),
      subject: Name,
      description: LongText.optional(),
      openedAt: Instant,
    }),
    output: m.Complaint,
  },
  'complaints.respond': { input: z.strictObject({ id: Id, at: Instant, note: LongText.optional() }), output: m.Complaint },
  'complaints.resolve': {
    input: z.strictObject({ id: Id, at: Instant, resolution: LongText.optional() }),
    output: m.Complaint,
  },
  'complaints.list': {
    input: z.strictObject({ accountId: Id.optional(), open: z.boolean().optional(), limit: Limit }),
    output: z.array(m.Complaint),
  },

  'fx.add': {
    input: z.strictObject({ date: FactDate, currency: CurrencyCode, rate: z.number().finite().positive().max(1e9) }),
    output: m.FxRate,
  },
  'fx.list': {
    input: z.strictObject({ currency: CurrencyCode.optional(), limit: Limit }),
    output: z.array(m.FxRate),
  },

  'settings.get': { input: z.strictObject({ key: z.string().min(1).max(100) }), output: m.Setting },
  'settings.set': {
    input: z.strictObject({ key: z.string().min(1).max(100), value: z.unknown() }),
    output: m.Setting,
  },
  'settings.list': { input: z.strictObject({}), output: z.array(m.Setting) },

  'scores.run': { input: z.strictObject({ asOf: ScoreDate.optional() }), output: m.ScoreRunSummary },
  'scores.list': {
    input: z.strictObject({ asOf: ScoreDate.optional(), accountId: Id.optional(), limit: Limit, offset: Offset }),
    output: z.array(m.AccountScoreView),
  },
  'scores.explain': { input: z.strictObject({ accountId: Id, asOf: ScoreDate.optional() }), output: m.ScoreExplanation },
  'scores.summary': { input: z.strictObject({ asOf: ScoreDate.optional() }), output: m.ScoreSummary },
  'scores.history': { input: z.strictObject({ accountId: Id, limit: Limit }), output: z.array(m.ScoreHistoryPoint) },

  'calendar.overrides.add': {
    input: z.strictObject({
      country: CountryCode,
      day: CalendarDate,
      kind: z.enum(['holiday', 'workday']),
      name: z.string().trim().max(200).optional(),
    }),
    output: m.CalendarOverrideRecord,
  },
  'calendar.overrides.list': { input: z.strictObject({ country: CountryCode.optional() }), output: z.array(m.CalendarOverrideRecord) },
  'calendar.overrides.remove': { input: z.strictObject({ id: Id }), output: m.CalendarOverrideRecord },

  'tasks.list': {
    input: z.strictObject({
      status: z.enum(['open', 'done', 'dismissed']).optional(),
      accountId: Id.optional(),
      dueBefore: Instant.optional(),
      limit: Limit,
    }),
    output: z.array(m.Task),
  },

  'schedule.run': {
    input: z.strictObject({ now: Instant, rebuild: z.boolean().optional() }),
    output: m.ScheduleRun,
  },
  'todos.list': {
    input: z.strictObject({
      at: Instant.optional(),
      status: z.enum(['open', 'overdue', 'done']).optional(),
      /** Only the open to-dos that fell due after this instant and by `at` (what one "due now" notification lists). */
      dueAfter: Instant.optional(),
      limit: Limit,
    }),
    output: z.array(m.Todo),
  },
  'tasks.done': { input: z.strictObject({ id: Id, at: Instant }), output: m.Todo },
  'tasks.snooze': {
    // `at`: when the user snoozed (default now); 'buyer-morning' is the buyer's next business morning after it.
    input: z.strictObject({ id: Id, until: z.union([z.literal('buyer-morning'), Instant]).optional(), at: Instant.optional() }),
    output: m.Todo,
  },
  'tasks.reschedule': { input: z.strictObject({ id: Id, dueAt: Instant }), output: m.Todo },
  /** Undo: of `tasks.done` (open again, due when it was), or with `dueAt` of a snooze or reschedule (back at that due time). */
  'tasks.reopen': { input: z.strictObject({ id: Id, dueAt: Instant.optional() }), output: m.Todo },

  ...progressContract,
  ...sharingContract,
  ...transferContract,
  ...backupsContract,
  ...quotesContract,
  ...inquiriesContract,
  ...receivablesContract,
  ...timelineContract,
  ...calendarContract,
  ...leadsContract,
  ...todoBoardContract,
  ...rescoringContract,
  ...contactsContract,
  ...dashboardContract,
} as const;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
export type InputOf<K extends HandlerName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends HandlerName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends HandlerName> = z.infer<Contract[K]['output']>;

export function isHandlerName(name: string): name is HandlerName {
  return Object.hasOwn(contract, name);
}
