/**
 * The account timeline (`accounts.timeline`): each kind is read newest first with its own index (by account and
 * time), cut to `limit`, then the kinds are merged. Days sort as their last instant (`D` as `DT23:59:59.999Z`), so
 * within a day the order is instants, then the day's dated records; ties go by kind, then by id (descending).
 *
 * Paging is by the last event shown (`startAfter`: its at, kind and id), so records sharing one `at` are never
 * skipped between pages. Each kind's query cuts exactly where the merged order would (see `cutAfter`), so none needs
 * more than `limit` rows.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { ParsedInputOf } from '../contract';
import type { TimelineCursor, TimelineEvent, TimelineKind } from '../contract/timeline';
import { requireAccount } from './accounts';
import type { ServiceContext } from './context';

const DAY_END = 'T23:59:59.999Z';
const sortKey = (at: string) => (at.length === 10 ? `${at}${DAY_END}` : at);

/** The merged order: newest first, then kind A–Z, then id Z–A. Negative when `a` comes first. */
export function compareTimeline(a: Pick<TimelineEvent, 'at' | 'kind' | 'id'>, b: Pick<TimelineEvent, 'at' | 'kind' | 'id'>): number {
  const ka = sortKey(a.at);
  const kb = sortKey(b.at);
  if (ka !== kb) return ka < kb ? 1 : -1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/**
 * The SQL condition "this kind's row comes after the cursor in the merged order", for a time column holding
 * instants or days. A day D's key equals the cursor's only when the cursor is D's end; a day's key is below the
 * cursor's exactly when D is before the cursor's day.
 */
function cutAfter(cursor: TimelineCursor, kind: TimelineKind, column: string, idColumn: string, holdsDays: boolean): Expression<SqlBool> {
  const at = sql.ref(column);
  const id = sql.ref(idColumn);
  const key = sortKey(cursor.at);
  const [below, equal] = holdsDays
    ? [sql<SqlBool>`${at} < ${key.slice(0, 10)}`, key.endsWith(DAY_END) ? sql<SqlBool>`${at} = ${key.slice(0, 10)}` : null]
    : [sql<SqlBool>`${at} < ${key}`, sql<SqlBool>`${at} = ${key}`];
  if (equal === null || kind < cursor.kind) return below;
  if (kind > cursor.kind) return sql<SqlBool>`(${below} OR ${equal})`;
  return sql<SqlBool>`(${below} OR (${equal} AND ${id} < ${cursor.id}))`;
}

export async function accountTimeline(ctx: ServiceContext, input: ParsedInputOf<'accounts.timeline'>): Promise<TimelineEvent[]> {
  const db = ctx.book.db;
  await requireAccount(db, input.id);
  const { id, limit, startAfter } = input;
  const cut = (kind: TimelineKind, column: string, idColumn: string, holdsDays: boolean) =>
    startAfter === undefined ? sql<SqlBool>`1 = 1` : cutAfter(startAfter, kind, column, idColumn, holdsDays);
  const event = (e: Omit<TimelineEvent, 'amount' | 'currency' | 'orderId'> & Partial<TimelineEvent>): TimelineEvent => ({ amount: null, currency: null, orderId: null, ...e });

  const [interactions, inquiries, quotes, orders, complaints, payments] = await Promise.all([
    db.selectFrom('interactions').select(['id', 'occurred_at', 'subject', 'direction']).where('account_id', '=', id).where('deleted_at', 'is', null)
      .where(cut('interaction', 'occurred_at', 'id', false)).orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('inquiries').select(['id', 'received_at', 'subject', 'first_reply_at']).where('account_id', '=', id).where('deleted_at', 'is', null)
      .where(cut('inquiry', 'received_at', 'id', false)).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('quotes as q').innerJoin('quote_versions as v', (j) => j.onRef('v.quote_id', '=', 'q.id').onRef('v.version', '=', 'q.current_version').on('v.deleted_at', 'is', null))
      .select(['q.id', 'q.quote_date', 'q.number', 'q.status', 'q.currency', 'v.total']).where('q.account_id', '=', id).where('q.deleted_at', 'is', null)
      .where(cut('quote', 'q.quote_date', 'q.id', true)).orderBy('q.quote_date', 'desc').orderBy('q.id', 'desc').limit(limit).execute(),
    db.selectFrom('orders').select(['id', 'ordered_at', 'number', 'amount', 'currency', 'settled_on']).where('account_id', '=', id).where('deleted_at', 'is', null)
      .where(cut('order', 'ordered_at', 'id', true)).orderBy('ordered_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('complaints').select(['id', 'opened_at', 'subject', 'responded_at', 'resolved_at']).where('account_id', '=', id).where('deleted_at', 'is', null)
      .where(cut('complaint', 'opened_at', 'id', false)).orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('payments as p').innerJoin('orders as o', 'o.id', 'p.order_id').select(['p.id', 'p.paid_on', 'p.amount', 'o.currency', 'o.id as order_id', 'o.number'])
      .where('o.account_id', '=', id).where('p.deleted_at', 'is', null).where('o.deleted_at', 'is', null)
      .where(cut('payment', 'p.paid_on', 'p.id', true)).orderBy('p.paid_on', 'desc').orderBy('p.id', 'desc').limit(limit).execute(),
  ]);

  const all: TimelineEvent[] = [
    ...interactions.map((r) => event({ kind: 'interaction', id: r.id, at: r.occurred_at, title: r.subject, status: r.direction })),
    ...inquiries.map((r) => event({ kind: 'inquiry', id: r.id, at: r.received_at, title: r.subject, status: r.first_reply_at === null ? 'open' : 'replied' })),
    ...quotes.map((r) => event({ kind: 'quote', id: r.id, at: r.quote_date, title: r.number, status: r.status, amount: r.total, currency: r.currency })),
    ...orders.map((r) => event({ kind: 'order', id: r.id, at: r.ordered_at, title: r.number ?? '', status: r.settled_on === null ? 'open' : 'paid', amount: r.amount, currency: r.currency })),
    ...complaints.map((r) => event({ kind: 'complaint', id: r.id, at: r.opened_at, title: r.subject, status: r.resolved_at !== null ? 'resolved' : r.responded_at !== null ? 'responded' : 'open' })),
    ...payments.map((r) => event({ kind: 'payment', id: r.id, at: r.paid_on, title: r.number ?? '', status: 'paid', amount: r.amount, currency: r.currency, orderId: r.order_id })),
  ];
  return all.sort(compareTimeline).slice(0, limit);
}
