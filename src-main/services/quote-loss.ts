/**
 * R9 lost deals, and winning: the loss analysis (the facts the book knows about a quote, with their numbers, and
 * the recovery to-do each reason proposes), marking a quote lost with a structured reason (the facts are kept
 * with it; an accepted recovery becomes a to-do the scheduler makes, rule R9), marking it won, and the
 * lost-reasons report. The arithmetic is in src-main/domain/quotes/loss.ts; this file gathers the facts.
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import type { InquirySource } from '../contract/primitives';
import { AppError, invalidState } from '../contract/errors';
import type { LossFact, Quote } from '../contract/models';
import type { LossAnalysis, LostReasonsReport } from '../contract/quotes';
import type { BookDb } from '../db/book';
import { stampFields } from '../db/change-stamps';
import type { QuoteRow } from '../db/schema';
import {
  LOST_REASONS,
  lossFacts,
  lostReasonsReport,
  RECOVERY_PLAN,
  recoveryDue,
  suggestedReason,
  type LostReason,
} from '../domain/quotes/loss';
import { replyDeadline } from '../domain/schedule/rules';
import { parseEpochDay } from '../domain/time/civil-days';
import { formatLocal, wallClockEpochMs } from '../domain/time/zones';
import { requireAccount } from './accounts';
import type { ServiceContext } from './context';
import { rateOn } from './money';
import { dayPeriod } from './periods';
import { loadQuote, requireQuote, storedLossFacts } from './quotes';
import { loadSchedulerSetup, type SchedulerSetup } from './scheduler';
import { settingValue } from './settings';

const OPEN_STATUSES = ['draft', 'sent', 'expired'];

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
const isoOf = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toString({ smallestUnit: 'second' });

/** The last day a quote is valid through as it stands (R7: an FX cut, the current stage, else its own date). */
async function lastValidDay(db: BookDb, row: QuoteRow): Promise<string | null> {
  if (row.validity_strategy === 'fx' && row.fx_cut_through !== null) return row.fx_cut_through;
  if (row.validity_strategy === 'staged') {
    const stage = await db
      .selectFrom('quote_stages')
      .select('valid_through')
      .where('quote_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .where('completed_at', 'is', null)
      .orderBy('position')
      .executeTakeFirst();
    if (stage) return stage.valid_through;
  }
  return row.valid_through;
}

/** A rate or nothing (the analysis names an FX move only when both rates are in the book). */
async function rateOrNull(db: BookDb, currency: string, base: string, date: string, maxAgeDays: number): Promise<number | null> {
  try {
    return await rateOn(db, currency, base, date, maxAgeDays);
  } catch (error) {
    if (error instanceof AppError && error.code === 'fx_missing') return null;
    throw error;
  }
}

interface Analysed {
  row: QuoteRow;
  facts: LossFact[];
  analysis: LossAnalysis;
}

/** What the analysis reads besides the quote (read before a transaction: the book has one connection). */
interface AnalysisSetup {
  setup: SchedulerSetup;
  fxMaxAgeDays: number;
  fxThresholdPercent: number;
}

async function analysisSetup(ctx: ServiceContext): Promise<AnalysisSetup> {
  return {
    setup: await loadSchedulerSetup(ctx),
    fxMaxAgeDays: await settingValue<number>(ctx, 'fxMaxAgeDays'),
    fxThresholdPercent: await settingValue<number>(ctx, 'fxThresholdPercent'),
  };
}

async function analyse(db: BookDb, env: AnalysisSetup, row: QuoteRow, at: string): Promise<Analysed> {
  const account = await requireAccount(db, row.account_id);
  const buyer = { zone: account.time_zone, country: account.country };
  const { setup } = env;
  const atMs = ms(at);
  const today = Temporal.Instant.from(at).toZonedDateTimeISO(setup.myTimeZone).toPlainDate().toString();

  const lastDay = await lastValidDay(db, row);
  const lastEpochDay = lastDay === null ? null : parseEpochDay(lastDay);
  const expiry = lastDay !== null && lastEpochDay !== null ? { ms: wallClockEpochMs(buyer.zone, lastEpochDay + 1, 0), day: lastDay } : null;

  const maxAge = env.fxMaxAgeDays;
  const atQuote = row.fx_reconfirmed_rate ?? row.fx_rate_at_quote ?? (await rateOrNull(db, row.currency, setup.baseCurrency, row.quote_date, maxAge));
  const now = atQuote === null ? null : await rateOrNull(db, row.currency, setup.baseCurrency, today, maxAge);

  const counts = await db
    .selectFrom('quote_questions')
    .select((eb) => [eb.fn.countAll<number>().as('asked'), eb.fn.count<number>('answer').as('answered')])
    .where('quote_id', '=', row.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();

  const inquiryRow =
    row.inquiry_id === null
      ? undefined
      : await db.selectFrom('inquiries').selectAll().where('id', '=', row.inquiry_id).where('deleted_at', 'is', null).executeTakeFirst();
  const inquiry =
    inquiryRow === undefined
      ? null
      : (() => {
          const deadline = replyDeadline(setup.calendar, setup.settings, buyer, {
            source: inquiryRow.source as InquirySource,
            receivedMs: ms(inquiryRow.received_at),
            urgency: inquiryRow.urgency,
            priorityChannel: account.priority_channel === 1,
          });
          return { deadlineMs: deadline.dueMs, firstReplyMs: inquiryRow.first_reply_at === null ? null : ms(inquiryRow.first_reply_at), slaHours: deadline.slaHours };
        })();

  const versions = await db.selectFrom('quote_versions').select('created_at').where('quote_id', '=', row.id).where('deleted_at', 'is', null).orderBy('version').execute();
  const answered =
    row.sent_at === null
      ? undefined
      : await db
          .selectFrom('interactions')
          .select('occurred_at')
          .where('account_id', '=', row.account_id)
          .where('direction', '=', 'in')
          .where('deleted_at', 'is', null)
          .where('occurred_at', '>', row.sent_at)
          .where('occurred_at', '<=', at)
          .orderBy('occurred_at')
          .executeTakeFirst();

  const facts = lossFacts({
    atMs,
    currency: row.currency,
    baseCurrency: setup.baseCurrency,
    quoteDate: row.quote_date,
    expiry,
    rates: atQuote !== null && now !== null ? { atQuote, now } : null,
    fxThresholdPercent: row.fx_threshold_percent ?? env.fxThresholdPercent,
    questions: { asked: Number(counts.asked), answered: Number(counts.answered) },
    inquiry,
    versionsMs: versions.map((v) => ms(v.created_at)),
    sentMs: row.sent_at === null ? null : ms(row.sent_at),
    answeredMs: answered === undefined ? null : ms(answered.occurred_at),
  });
  const recovery = Object.fromEntries(
    LOST_REASONS.map((reason) => {
      const plan = RECOVERY_PLAN[reason];
      const due = recoveryDue(setup.calendar, buyer, setup.settings.buyerMorning, atMs, plan.businessDays);
      const dueAt = isoOf(due);
      return [reason, { action: plan.action, businessDays: plan.businessDays, dueAt, dueBuyerLocal: formatLocal(Temporal.Instant.from(dueAt).toZonedDateTimeISO(buyer.zone)) }];
    }),
  ) as LossAnalysis['recovery'];
  return {
    row,
    facts,
    analysis: { quoteId: row.id, number: row.number, accountId: row.account_id, accountName: account.name, at, facts, suggestedReason: suggestedReason(facts), recovery },
  };
}

function requireOpen(row: QuoteRow): void {
  if (!OPEN_STATUSES.includes(row.status)) throw invalidState('quote_closed', { id: row.number, status: row.status });
}

/** A quote is closed at or after it was made (and sent): an earlier instant is a typing mistake. */
function requireAfterMade(row: QuoteRow, at: string): void {
  const first = row.sent_at !== null && row.sent_at > row.created_at ? row.sent_at : row.created_at;
  if (ms(at) < ms(first)) throw invalidState('quote_closed_before', { id: row.number, at, since: first });
}

/** R9: the analysis before a quote is marked lost (nothing is written). */
export async function lossAnalysis(ctx: ServiceContext, input: ParsedInputOf<'quotes.lossAnalysis'>): Promise<LossAnalysis> {
  const row = await requireQuote(ctx.book.db, input.id);
  requireOpen(row);
  return (await analyse(ctx.book.db, await analysisSetup(ctx), row, input.at ?? ctx.now())).analysis;
}

/** Sets the quote's inquiry to won or lost (unless it was closed otherwise). */
async function closeInquiry(db: BookDb, row: QuoteRow, status: 'won' | 'lost', stamp: string, now: string): Promise<void> {
  if (row.inquiry_id === null) return;
  await db
    .updateTable('inquiries')
    .set(stampFields(stamp, { status, updated_at: now }))
    .where('id', '=', row.inquiry_id)
    .where('status', 'in', ['open', 'replied', 'quoted'])
    .where('deleted_at', 'is', null)
    .execute();
}

/** R9: marks a quote lost with its reason, note, the facts of the analysis as of `at`, and the recovery (if any). */
export async function loseQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.lose'>): Promise<Quote> {
  const now = ctx.now();
  const env = await analysisSetup(ctx);
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await requireQuote(trx, input.id);
    requireOpen(row);
    requireAfterMade(row, input.at);
    const recovery = input.recovery ?? null;
    if (recovery !== null && recovery.dueAt <= input.at) throw invalidState('recovery_before_loss', { dueAt: recovery.dueAt, at: input.at });
    const { facts } = await analyse(trx, env, row, input.at);
    const stamp = ctx.book.clock.next();
    const changes = {
      status: 'lost',
      closed_at: input.at,
      lost_reason: input.reason,
      lost_note: input.note?.trim() ? input.note.trim() : null,
      lost_facts: JSON.stringify(facts),
      recovery_action: recovery?.action ?? null,
      recovery_due_at: recovery?.dueAt ?? null,
      recovery_note: recovery?.note?.trim() ? recovery.note.trim() : null,
      updated_at: now,
    };
    await trx.updateTable('quotes').set(stampFields(stamp, changes)).where('id', '=', row.id).execute();
    await closeInquiry(trx, row, 'lost', stamp, now);
    return loadQuote(trx, { ...row, ...changes });
  });
}

/** Marks a quote won (its follow-up and expiry reminders close on the next tick; its inquiry is won). */
export async function winQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.win'>): Promise<Quote> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await requireQuote(trx, input.id);
    requireOpen(row);
    requireAfterMade(row, input.at);
    const stamp = ctx.book.clock.next();
    const changes = { status: 'won', closed_at: input.at, updated_at: now };
    await trx.updateTable('quotes').set(stampFields(stamp, changes)).where('id', '=', row.id).execute();
    await closeInquiry(trx, row, 'won', stamp, now);
    return loadQuote(trx, { ...row, ...changes });
  });
}

/** R9: lost quotes by month and reason over a period of days in the user's zone (default: the last 12 months). */
export async function lostReasons(ctx: ServiceContext, input: ParsedInputOf<'quotes.lostReasons'>): Promise<LostReasonsReport> {
  const { from, to, zone, startAt, endBefore } = await dayPeriod(ctx, input.from, input.to, { months: 12 });
  const rows = await ctx.book.db
    .selectFrom('quotes')
    .select(['closed_at', 'lost_reason', 'lost_facts'])
    .where('status', '=', 'lost')
    .where('deleted_at', 'is', null)
    .where('closed_at', '>=', startAt)
    .where('closed_at', '<', endBefore)
    .execute();
  const report = lostReasonsReport(
    rows.map((r) => ({
      month: Temporal.Instant.from(r.closed_at!).toZonedDateTimeISO(zone).toPlainDate().toString().slice(0, 7),
      reason: (LOST_REASONS as readonly string[]).includes(r.lost_reason ?? '') ? (r.lost_reason as LostReason) : null,
      facts: storedLossFacts(r.lost_facts).map((f) => f.id),
    })),
  );
  return { from, to, ...report };
}
