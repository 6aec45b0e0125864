import type { ParsedInputOf } from '../contract';
import { AppError, invalidState, notFound } from '../contract/errors';
import type { FxRate, Order } from '../contract/models';
import type { BookDb } from '../db/book';
import { currentWatermark, refreshAccountMonths } from '../db/account-months';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { FxRateRow, OrderLineRow, OrderRow } from '../db/schema';
import { addDays } from '../domain/dates';
import { roundMoney, toBase } from '../domain/money';
import { requireAccount } from './accounts';
import { rescoreAccount } from './scoring';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

function toFxRate(row: FxRateRow): FxRate {
  return { id: row.id, date: row.rate_date, currency: row.currency, baseCurrency: row.base_currency, rate: row.rate };
}

/** Records how many base units one foreign unit buys on a day (EUR → CNY 7.80); a second rate that day replaces it. */
export async function addFxRate(ctx: ServiceContext, input: ParsedInputOf<'fx.add'>): Promise<FxRate> {
  const base = await settingValue<string>(ctx, 'baseCurrency');
  if (input.currency === base) throw invalidState('fx_is_base', { currency: base });
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('fx_rates')
      .selectAll()
      .where('currency', '=', input.currency)
      .where('base_currency', '=', base)
      .where('rate_date', '=', input.date)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) {
      await trx.updateTable('fx_rates').set(stampFields(ctx.book.clock.next(), { rate: input.rate, updated_at: now })).where('id', '=', existing.id).execute();
      return toFxRate({ ...existing, rate: input.rate, updated_at: now });
    }
    const row: FxRateRow = {
      id: newId(),
      currency: input.currency,
      base_currency: base,
      rate_date: input.date,
      rate: input.rate,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(ctx.book.clock.next()),
    };
    await trx.insertInto('fx_rates').values(row).execute();
    return toFxRate(row);
  });
}

export async function listFxRates(ctx: ServiceContext, input: ParsedInputOf<'fx.list'>): Promise<FxRate[]> {
  let q = ctx.book.db.selectFrom('fx_rates').selectAll().where('deleted_at', 'is', null);
  if (input.currency !== undefined) q = q.where('currency', '=', input.currency);
  const rows = await q.orderBy('rate_date', 'desc').orderBy('currency').limit(input.limit).execute();
  return rows.map(toFxRate);
}

/** The latest rate on or before `date`, at most `fxMaxAgeDays` old (PRODUCT, Money); 1 for the base currency. */
export async function rateOn(db: BookDb, currency: string, base: string, date: string, maxAgeDays: number): Promise<number> {
  if (currency === base) return 1;
  const row = await db
    .selectFrom('fx_rates')
    .select('rate')
    .where('currency', '=', currency)
    .where('base_currency', '=', base)
    .where('rate_date', '<=', date)
    .where('rate_date', '>=', addDays(date, -maxAgeDays))
    .where('deleted_at', 'is', null)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('fx_missing', { currency, date, days: maxAgeDays });
  return row.rate;
}

function toOrder(row: OrderRow, lines: OrderLineRow[]): Order {
  return {
    id: row.id,
    accountId: row.account_id,
    quoteId: row.quote_id,
    number: row.number,
    orderedAt: row.ordered_at,
    amount: row.amount,
    currency: row.currency,
    fxRate: row.fx_rate,
    amountBase: row.amount_base,
    cost: row.cost,
    costBase: row.cost_base,
    quantity: row.quantity,
    unit: row.unit,
    dueOn: row.due_on,
    paidOn: row.paid_on,
    shippedOn: row.shipped_on,
    deliveredOn: row.delivered_on,
    lines: lines.map((l) => ({
      position: l.position,
      product: l.product,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stores an order with its amount and cost converted once to the base currency. */
export async function addOrder(ctx: ServiceContext, input: ParsedInputOf<'orders.add'>): Promise<Order> {
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const maxAge = await settingValue<number>(ctx, 'fxMaxAgeDays');
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    await requireAccount(trx, input.accountId);
    const watermark = currentWatermark(ctx.book.sqlite);
    if (input.quoteId !== undefined) {
      const quote = await trx.selectFrom('quotes').select('account_id').where('id', '=', input.quoteId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!quote || quote.account_id !== input.accountId) throw notFound('quote', input.quoteId);
    }
    const rate = await rateOn(trx, input.currency, base, input.orderedAt, maxAge);
    const stamps = rowStamps(ctx.book.clock.next());
    const row: OrderRow = {
      id: newId(),
      account_id: input.accountId,
      quote_id: input.quoteId ?? null,
      number: input.number ?? null,
      ordered_at: input.orderedAt,
      amount: roundMoney(input.amount, input.currency),
      currency: input.currency,
      fx_rate: rate,
      amount_base: toBase(input.amount, rate, base),
      cost: input.cost === undefined ? null : roundMoney(input.cost, input.currency),
      cost_base: input.cost === undefined ? null : toBase(input.cost, rate, base),
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      due_on: input.dueOn ?? null,
      paid_on: input.paidOn ?? null,
      shipped_on: input.shippedOn ?? null,
      delivered_on: input.deliveredOn ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...stamps,
    };
    await trx.insertInto('orders').values(row).execute();
    const lines: OrderLineRow[] = (input.lines ?? []).map((line, index) => ({
      id: newId(),
      order_id: row.id,
      position: index + 1,
      product: line.product,
      quantity: line.quantity,
      unit: line.unit,
      unit_price: line.unitPrice,
      amount: roundMoney(line.quantity * line.unitPrice, input.currency),
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...stamps,
    }));
    if (lines.length > 0) await trx.insertInto('order_lines').values(lines).execute();
    // The account's monthly aggregates and today's scores follow the order at once, in the same transaction.
    refreshAccountMonths(ctx.book.sqlite, input.accountId, now, watermark);
    rescoreAccount(ctx.book.sqlite, ctx.host, now, input.accountId);
    return toOrder(row, lines);
  });
}

export async function listOrders(ctx: ServiceContext, input: ParsedInputOf<'orders.list'>): Promise<Order[]> {
  await requireAccount(ctx.book.db, input.accountId);
  const rows = await ctx.book.db
    .selectFrom('orders')
    .selectAll()
    .where('account_id', '=', input.accountId)
    .where('deleted_at', 'is', null)
    .orderBy('ordered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const lines =
    ids.length === 0
      ? []
      : await ctx.book.db.selectFrom('order_lines').selectAll().where('order_id', 'in', ids).where('deleted_at', 'is', null).orderBy('position').execute();
  const byOrder = new Map<string, OrderLineRow[]>();
  for (const line of lines) byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
  return rows.map((r) => toOrder(r, byOrder.get(r.id) ?? []));
}
