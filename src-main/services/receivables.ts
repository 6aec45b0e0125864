/**
 * Receivables (回款, issue 12): payments recorded against orders and the aged list. A payment is stamped like
 * every shared record; the order's paid total, last payment and settled date follow by the book's triggers
 * (migrations/0014), and the account's monthly aggregates and scores follow in the same transaction — so the
 * health score's overdue input and this list read the same numbers (src-main/db/order-payments.ts).
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import { invalidState, notFound } from '../contract/errors';
import type { Payment, Receivable, ReceivablesReport } from '../contract/receivables';
import { refreshAccountMonths } from '../db/account-months';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import { outstandingBaseSql, outstandingSql } from '../db/order-payments';
import type { PaymentRow } from '../db/schema';
import { roundMoney } from '../domain/money';
import { AGING_BUCKETS, agingBucket, daysOverdue, type AgingBucket } from '../domain/receivables/aging';
import type { ServiceContext } from './context';
import { rescoreAccount } from './scoring';
import { settingValue } from './settings';

function toPayment(row: PaymentRow, currency: string): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    paidOn: row.paid_on,
    amount: row.amount,
    currency,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function userToday(ctx: ServiceContext): Promise<string> {
  const zone = await settingValue<string>(ctx, 'myTimeZone');
  return Temporal.Instant.from(ctx.now()).toZonedDateTimeISO(zone).toPlainDate().toString();
}

interface OpenOrder {
  id: string;
  account_id: string;
  number: string | null;
  ordered_at: string;
  currency: string;
  deleted_at: string | null;
  outstanding: number;
}

function orderForPayment(ctx: ServiceContext, orderId: string): OpenOrder {
  const order = ctx.book.sqlite
    .prepare(`SELECT o.id, o.account_id, o.number, o.ordered_at, o.currency, o.deleted_at, ${outstandingSql('o')} AS outstanding FROM orders o WHERE o.id = ?`)
    .get(orderId) as OpenOrder | undefined;
  if (!order || order.deleted_at !== null) throw notFound('order', orderId);
  return order;
}

/** The account's monthly aggregates and today's scores follow its orders' payments, in the caller's transaction. */
function follow(ctx: ServiceContext, accountId: string, now: string): void {
  refreshAccountMonths(ctx.book.sqlite, accountId, now, null);
  rescoreAccount(ctx.book.sqlite, ctx.host, now, accountId);
}

export async function addPayment(ctx: ServiceContext, input: ParsedInputOf<'payments.add'>): Promise<Payment> {
  const today = await userToday(ctx);
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const order = orderForPayment(ctx, input.orderId);
    const label = order.number ?? order.id;
    const paidOn = input.paidOn ?? today;
    if (paidOn > today) throw invalidState('payment_in_future', { date: paidOn, today });
    if (paidOn < order.ordered_at) throw invalidState('payment_before_order', { date: paidOn, order: label, orderedOn: order.ordered_at });
    const amount = roundMoney(input.amount, order.currency);
    if (amount > order.outstanding + 1e-9) {
      throw invalidState('payment_exceeds_due', { amount, currency: order.currency, order: label, outstanding: order.outstanding });
    }
    const row: PaymentRow = {
      id: newId(),
      order_id: order.id,
      paid_on: paidOn,
      amount,
      note: input.note ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(ctx.book.clock.next()),
    };
    await trx.insertInto('payments').values(row).execute();
    follow(ctx, order.account_id, now);
    return toPayment(row, order.currency);
  });
}

export async function deletePayment(ctx: ServiceContext, input: ParsedInputOf<'payments.delete'>): Promise<Payment> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('payments').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('payment', input.id);
    if (row.deleted_at !== null) throw invalidState('payment_deleted', { id: input.id });
    const order = orderForPayment(ctx, row.order_id);
    await trx.updateTable('payments').set(stampFields(ctx.book.clock.next(), { deleted_at: now, updated_at: now })).where('id', '=', input.id).execute();
    follow(ctx, order.account_id, now);
    return toPayment({ ...row, deleted_at: now, updated_at: now }, order.currency);
  });
}

export async function listPayments(ctx: ServiceContext, input: ParsedInputOf<'payments.list'>): Promise<Payment[]> {
  const order = orderForPayment(ctx, input.orderId);
  const rows = await ctx.book.db
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', input.orderId)
    .where('deleted_at', 'is', null)
    .orderBy('paid_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => toPayment(r, order.currency));
}

interface OpenRow {
  id: string;
  number: string | null;
  account_id: string;
  name: string;
  time_zone: string;
  ordered_at: string;
  due_on: string | null;
  currency: string;
  amount: number;
  paid_amount: number;
  last_paid_on: string | null;
  outstanding: number;
  outstanding_base: number;
}

const OPEN_ORDERS = `SELECT o.id, o.number, o.account_id, a.name, a.time_zone, o.ordered_at, o.due_on, o.currency, o.amount, o.paid_amount,
    o.last_paid_on, ${outstandingSql('o')} AS outstanding, ${outstandingBaseSql('o')} AS outstanding_base
  FROM orders o JOIN accounts a ON a.id = o.account_id AND a.deleted_at IS NULL
  WHERE o.deleted_at IS NULL AND o.paid_on IS NULL AND o.paid_in_full_on IS NULL`;

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The aged list: every order that still owes something (its outstanding amount now), bucketed by how late it is
 * on `asOf` — not yet due (the due day included), 1–30, 31–60, 61–90, over 90 days, no due date — with the totals
 * in the base currency, the accounts that are overdue, and the rows (latest due first, at most `limit`).
 */
export async function listReceivables(ctx: ServiceContext, input: ParsedInputOf<'receivables.list'>): Promise<ReceivablesReport> {
  const asOf = input.asOf ?? (await userToday(ctx));
  const baseCurrency = await settingValue<string>(ctx, 'baseCurrency');
  const sql = input.accountId === undefined ? OPEN_ORDERS : `${OPEN_ORDERS} AND o.account_id = @account`;
  const open = ctx.book.sqlite.prepare(sql).all(input.accountId === undefined ? {} : { account: input.accountId }) as OpenRow[];
  const buckets = new Map<AgingBucket, { count: number; outstandingBase: number }>(AGING_BUCKETS.map((b) => [b, { count: 0, outstandingBase: 0 }]));
  const accounts = new Map<string, { accountId: string; accountName: string; count: number; overdueBase: number; maxDaysOverdue: number }>();
  const rows: Receivable[] = [];
  let overdueBase = 0;
  for (const r of open) {
    if (r.outstanding <= 0) continue;
    const days = daysOverdue(r.due_on, asOf);
    const bucket = agingBucket(days);
    const total = buckets.get(bucket)!;
    total.count += 1;
    total.outstandingBase += r.outstanding_base;
    if (days !== null && days > 0) {
      overdueBase += r.outstanding_base;
      const account = accounts.get(r.account_id) ?? { accountId: r.account_id, accountName: r.name, count: 0, overdueBase: 0, maxDaysOverdue: 0 };
      account.count += 1;
      account.overdueBase += r.outstanding_base;
      account.maxDaysOverdue = Math.max(account.maxDaysOverdue, days);
      accounts.set(r.account_id, account);
    }
    if (input.bucket !== undefined && bucket !== input.bucket) continue;
    rows.push({
      orderId: r.id,
      number: r.number,
      accountId: r.account_id,
      accountName: r.name,
      timeZone: r.time_zone,
      orderedOn: r.ordered_at,
      dueOn: r.due_on,
      currency: r.currency,
      amount: r.amount,
      paid: r.paid_amount,
      outstanding: r.outstanding,
      outstandingBase: r.outstanding_base,
      lastPaidOn: r.last_paid_on,
      daysOverdue: days,
      bucket,
    });
  }
  // The latest first: most days overdue, then the soonest due; no due date last; ties by order id.
  rows.sort((a, b) => (b.daysOverdue ?? -Infinity) - (a.daysOverdue ?? -Infinity) || a.orderId.localeCompare(b.orderId));
  const bucketList = AGING_BUCKETS.map((bucket) => ({ bucket, count: buckets.get(bucket)!.count, outstandingBase: cents(buckets.get(bucket)!.outstandingBase) }));
  return {
    asOf,
    baseCurrency,
    buckets: bucketList,
    total: {
      count: bucketList.reduce((n, b) => n + b.count, 0),
      outstandingBase: cents(bucketList.reduce((n, b) => n + b.outstandingBase, 0)),
      overdueBase: cents(overdueBase),
    },
    overdueByAccount: [...accounts.values()]
      .map((a) => ({ ...a, overdueBase: cents(a.overdueBase) }))
      .sort((a, b) => b.overdueBase - a.overdueBase || a.accountId.localeCompare(b.accountId)),
    rows: rows.slice(0, input.limit),
  };
}
