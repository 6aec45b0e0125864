import type { ParsedInputOf, Validity } from '../contract';
import { invalidState, notFound } from '../contract/errors';
import { LossFact as LossFactSchema, type LossFact, type Quote } from '../contract/models';
import type { RecoveryAction } from '../domain/quotes/loss';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { QuoteItemRow, QuoteQuestionRow, QuoteRow, QuoteVersionRow } from '../db/schema';
import { roundMoney } from '../domain/money';
import { requireAccount } from './accounts';
import type { ServiceContext } from './context';
import { rateOn } from './money';
import { applyValidity, currentValidityColumns, insertStages, validityColumns, versionValidity, type ValidityColumns } from './quote-validity';
import { settingValue } from './settings';

type Terms = Pick<ParsedInputOf<'quotes.add'>, 'items' | 'incoterm' | 'paymentTerms' | 'leadTimeDays' | 'terms' | 'note'>;

/** The facts kept with a lost quote; an entry that is not one (the column is JSON, and travels in share files) is left out. */
export function storedLossFacts(text: string | undefined): LossFact[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry) => {
    const fact = LossFactSchema.safeParse(entry);
    return fact.success ? [fact.data] : [];
  });
}

export async function loadQuote(db: BookDb, row: QuoteRow): Promise<Quote> {
  const versions = await db.selectFrom('quote_versions').selectAll().where('quote_id', '=', row.id).where('deleted_at', 'is', null).orderBy('version').execute();
  const items = versions.length
    ? await db
        .selectFrom('quote_items')
        .selectAll()
        .where('quote_version_id', 'in', versions.map((v) => v.id))
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute()
    : [];
  const stages = await db.selectFrom('quote_stages').selectAll().where('quote_id', '=', row.id).where('deleted_at', 'is', null).orderBy('position').execute();
  const questions = await db.selectFrom('quote_questions').selectAll().where('quote_id', '=', row.id).where('deleted_at', 'is', null).orderBy('asked_at').orderBy('id').execute();
  return {
    id: row.id,
    accountId: row.account_id,
    inquiryId: row.inquiry_id,
    number: row.number,
    currency: row.currency,
    quoteDate: row.quote_date,
    status: row.status,
    currentVersion: row.current_version,
    validity: {
      strategy: row.validity_strategy as Validity['strategy'],
      days: row.valid_days,
      thresholdPercent: row.fx_threshold_percent,
      rateAtQuote: row.fx_rate_at_quote,
      seasonName: row.season_name,
      seasonEndsOn: row.season_ends_on,
      validThrough: row.valid_through,
      reconfirmedAt: row.reconfirmed_at,
      reconfirmedRate: row.fx_reconfirmed_rate,
      fxFlag:
        row.fx_flagged_at !== null && row.fx_cut_through !== null
          ? { flaggedAt: row.fx_flagged_at, rate: row.fx_flag_rate ?? 0, movedPercent: row.fx_moved_percent ?? 0, cutThrough: row.fx_cut_through }
          : null,
    },
    sentAt: row.sent_at,
    versions: versions.map((v) => ({
      version: v.version,
      validity: versionValidity(v, row),
      incoterm: v.incoterm,
      paymentTerms: v.payment_terms,
      leadTimeDays: v.lead_time_days,
      terms: v.terms,
      note: v.note,
      total: v.total,
      createdAt: v.created_at,
      items: items
        .filter((i) => i.quote_version_id === v.id)
        .map((i) => ({
          position: i.position,
          product: i.product,
          description: i.description,
          quantity: i.quantity,
          unit: i.unit,
          unitPrice: i.unit_price,
          amount: roundMoney(i.quantity * i.unit_price, row.currency),
        })),
    })),
    stages: stages.map((s) => ({ id: s.id, position: s.position, name: s.name, validThrough: s.valid_through, completedAt: s.completed_at })),
    questions: questions.map((q) => ({ id: q.id, question: q.question, answer: q.answer, askedAt: q.asked_at, answeredAt: q.answered_at })),
    specCoverage: { asked: questions.length, answered: questions.filter((q) => q.answer !== null).length },
    closedAt: row.closed_at,
    lost:
      row.status === 'lost'
        ? {
            reason: row.lost_reason,
            note: row.lost_note,
            facts: storedLossFacts(row.lost_facts),
            recovery:
              row.recovery_action !== null && row.recovery_due_at !== null
                ? { action: row.recovery_action as RecoveryAction, dueAt: row.recovery_due_at, note: row.recovery_note }
                : null,
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function requireQuote(db: BookDb, id: string): Promise<QuoteRow> {
  const row = await db.selectFrom('quotes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('quote', id);
  return row;
}

async function insertVersion(db: BookDb, quote: QuoteRow, version: number, terms: Terms, validity: ValidityColumns, now: string, stamp: string): Promise<void> {
  const total = roundMoney(
    terms.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0),
    quote.currency,
  );
  const versionRow: QuoteVersionRow = {
    id: newId(),
    quote_id: quote.id,
    version,
    incoterm: terms.incoterm ?? null,
    payment_terms: terms.paymentTerms ?? null,
    lead_time_days: terms.leadTimeDays ?? null,
    terms: terms.terms ?? '',
    total,
    note: terms.note ?? '',
    ...validity,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...rowStamps(stamp),
  };
  await db.insertInto('quote_versions').values(versionRow).execute();
  const items: QuoteItemRow[] = terms.items.map((item, index) => ({
    id: newId(),
    quote_version_id: versionRow.id,
    position: index + 1,
    product: item.product,
    description: item.description ?? '',
    quantity: item.quantity,
    unit: item.unit,
    unit_price: item.unitPrice,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...rowStamps(stamp),
  }));
  await db.insertInto('quote_items').values(items).execute();
}

async function insertQuestions(
  db: BookDb,
  quoteId: string,
  questions: { question: string; answer?: string | undefined }[],
  now: string,
  stamp: string,
) {
  if (questions.length === 0) return;
  const rows: QuoteQuestionRow[] = questions.map((q) => ({
    id: newId(),
    quote_id: quoteId,
    question: q.question,
    answer: q.answer ?? null,
    asked_at: now,
    answered_at: q.answer === undefined ? null : now,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...rowStamps(stamp),
  }));
  await db.insertInto('quote_questions').values(rows).execute();
}

async function nextNumber(db: BookDb, quoteDate: string): Promise<string> {
  const year = quoteDate.slice(0, 4);
  const rows = await db.selectFrom('quotes').select('number').where('number', 'like', `Q${year}-%`).execute();
  const highest = rows.reduce((max, r) => Math.max(max, Number(/^Q\d{4}-(\d+)$/.exec(r.number)?.[1] ?? 0)), 0);
  return `Q${year}-${String(highest + 1).padStart(4, '0')}`;
}

/** Creates a quote as a draft, version 1, with its validity strategy (R7) and the buyer's spec questions (R8). */
export async function addQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.add'>): Promise<Quote> {
  const now = ctx.now();
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const maxAge = await settingValue<number>(ctx, 'fxMaxAgeDays');
  const defaultThreshold = await settingValue<number>(ctx, 'fxThresholdPercent');
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    await requireAccount(trx, input.accountId);
    if (input.inquiryId !== undefined) {
      const inquiry = await trx.selectFrom('inquiries').select('account_id').where('id', '=', input.inquiryId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!inquiry || inquiry.account_id !== input.accountId) throw notFound('inquiry', input.inquiryId);
    }
    const v = input.validity;
    const validity = validityColumns(v, input.quoteDate, defaultThreshold);
    const row: QuoteRow = {
      id: newId(),
      account_id: input.accountId,
      inquiry_id: input.inquiryId ?? null,
      number: input.number ?? (await nextNumber(trx, input.quoteDate)),
      currency: input.currency,
      quote_date: input.quoteDate,
      status: 'draft',
      current_version: 1,
      validity_strategy: v.strategy,
      valid_days: validity.valid_days,
      fx_threshold_percent: validity.fx_threshold_percent,
      fx_rate_at_quote: v.strategy === 'fx' ? await rateOn(trx, input.currency, base, input.quoteDate, maxAge) : null,
      season_name: validity.season_name,
      season_ends_on: validity.season_ends_on,
      valid_through: validity.valid_through,
      reconfirmed_at: null,
      sent_at: null,
      closed_at: null,
      lost_reason: null,
      lost_note: null,
      lost_facts: '[]',
      recovery_action: null,
      recovery_due_at: null,
      recovery_note: null,
      fx_flagged_at: null,
      fx_flag_rate: null,
      fx_moved_percent: null,
      fx_cut_through: null,
      fx_reconfirmed_rate: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(stamp),
    };
    await trx.insertInto('quotes').values(row).execute();
    await insertVersion(trx, row, 1, input, validity, now, stamp);
    if (v.strategy === 'staged') await insertStages(trx, row.id, v.stages, now, stamp);
    await insertQuestions(trx, row.id, input.questions ?? [], now, stamp);
    return loadQuote(trx, row);
  });
}

/**
 * A new version (the old ones are kept, R8); the quote goes back to draft until it is sent again. With `validity`
 * the new version (and the quote) get that validity (R7, counted from the quote date); without, the current one.
 */
export async function reviseQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.revise'>): Promise<Quote> {
  const now = ctx.now();
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const maxAge = await settingValue<number>(ctx, 'fxMaxAgeDays');
  const defaultThreshold = await settingValue<number>(ctx, 'fxThresholdPercent');
  const stamp = ctx.book.clock.next();
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await requireQuote(trx, input.id);
    if (!['draft', 'sent'].includes(row.status)) throw invalidState('quote_closed', { id: row.id, status: row.status });
    const version = row.current_version + 1;
    const current = await currentValidityColumns(trx, row);
    const asked = input.validity === undefined ? current : validityColumns(input.validity, row.quote_date, defaultThreshold);
    const validityChanged = JSON.stringify(asked) !== JSON.stringify(current);
    const validityChanges = validityChanged ? await applyValidity(trx, row, asked, () => rateOn(trx, row.currency, base, row.quote_date, maxAge), now, stamp) : {};
    await insertVersion(trx, row, version, input, asked, now, stamp);
    for (const answer of input.answers ?? []) {
      const updated = await trx
        .updateTable('quote_questions')
        .set(stampFields(stamp, { answer: answer.answer, answered_at: now, updated_at: now }))
        .where('id', '=', answer.questionId)
        .where('quote_id', '=', row.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notFound('quote', answer.questionId);
    }
    await insertQuestions(trx, row.id, input.questions ?? [], now, stamp);
    const changes = { ...validityChanges, current_version: version, status: 'draft', updated_at: now };
    await trx.updateTable('quotes').set(stampFields(stamp, changes)).where('id', '=', row.id).execute();
    return loadQuote(trx, { ...row, ...changes });
  });
}

/** Marks the current version sent; unanswered spec questions (R8) need the user's confirmation. */
export async function sendQuote(ctx: ServiceContext, input: ParsedInputOf<'quotes.send'>): Promise<Quote> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await requireQuote(trx, input.id);
    if (row.status !== 'draft') throw invalidState(row.status === 'sent' ? 'quote_not_draft' : 'quote_closed', { id: row.id, status: row.status });
    const counts = await trx
      .selectFrom('quote_questions')
      .select((eb) => [eb.fn.countAll<number>().as('asked'), eb.fn.count<number>('answer').as('answered')])
      .where('quote_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const asked = Number(counts.asked);
    const unanswered = asked - Number(counts.answered);
    if (unanswered > 0 && !input.confirmUnanswered) throw invalidState('unanswered_questions', { unanswered, asked });
    const changes = { status: 'sent', sent_at: input.at, updated_at: now };
    await trx.updateTable('quotes').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', row.id).execute();
    return loadQuote(trx, { ...row, ...changes });
  });
}

export async function getQuote(ctx: ServiceContext, id: string): Promise<Quote> {
  return loadQuote(ctx.book.db, await requireQuote(ctx.book.db, id));
}

export async function listQuotes(ctx: ServiceContext, input: ParsedInputOf<'quotes.list'>): Promise<Quote[]> {
  let q = ctx.book.db.selectFrom('quotes').selectAll().where('deleted_at', 'is', null);
  if (input.accountId !== undefined) q = q.where('account_id', '=', input.accountId);
  if (input.status !== undefined) q = q.where('status', '=', input.status);
  const rows = await q.orderBy('quote_date', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
  const quotes: Quote[] = [];
  for (const row of rows) quotes.push(await loadQuote(ctx.book.db, row));
  return quotes;
}

/**
 * R7: the user re-confirms an FX-sensitive quote the scheduler flagged — the validity cut is lifted (the quote is
 * valid through its own last day again), the rate it was flagged at becomes the one later moves count from, and the
 * next scheduler tick closes the review task and restores the expiry reminders.
 */
export async function reconfirmQuote(ctx: ServiceContext, id: string): Promise<Quote> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await requireQuote(trx, id);
    if (row.validity_strategy !== 'fx' || row.fx_flagged_at === null) throw invalidState('quote_not_flagged', { id: row.id });
    if (row.status !== 'sent') throw invalidState('quote_closed', { id: row.id, status: row.status });
    const changes = {
      reconfirmed_at: now,
      fx_reconfirmed_rate: row.fx_flag_rate,
      fx_flagged_at: null,
      fx_flag_rate: null,
      fx_moved_percent: null,
      fx_cut_through: null,
      updated_at: now,
    };
    await trx.updateTable('quotes').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', row.id).execute();
    return loadQuote(trx, { ...row, ...changes });
  });
}
