/**
 * R1: the inquiry inbox, least SLA time left first. Each inquiry's deadline is `inquiries.deadlines`' own
 * (src-main/services/inquiry-stats.ts: the scheduler's `replyDeadline` with R4's priority channel and R16's urgency),
 * so the inbox, the R1 to-do and the statistics never disagree on a reply-by time. The deadline depends on the
 * buyer's calendar (business hours, holidays), so the order is made here rather than in SQL: every matching inquiry
 * is timed, sorted by reply-by, received, id, and cut to `limit`. Open inquiries are few in a working book (the
 * `inquiries_open` index finds them); `open: false` times every inquiry that matches.
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import type { InboxRow } from '../contract/inquiries';
import { inquirySources } from '../domain/settings';
import { formatLocal } from '../domain/time/zones';
import type { ServiceContext } from './context';
import { toInquiry } from './inquiries';
import { inquiryDeadlines } from './inquiry-stats';

const MS_PER_MINUTE = 60_000;
const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;

/** Whole minutes from `nowMs` to `dueMs`, rounded down: negative as soon as the deadline has passed. */
export function minutesLeft(dueMs: number, nowMs: number): number {
  return Math.floor((dueMs - nowMs) / MS_PER_MINUTE);
}

/** Inbox order: reply-by ascending (overdue first), then received, then id. */
export function compareInbox(a: InboxRow, b: InboxRow): number {
  return ms(a.deadline.replyBy) - ms(b.deadline.replyBy) || ms(a.receivedAt) - ms(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** R1: the inbox (`inquiries.inbox`). */
export async function inquiryInbox(ctx: ServiceContext, input: ParsedInputOf<'inquiries.inbox'>): Promise<InboxRow[]> {
  let q = ctx.book.db
    .selectFrom('inquiries as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .selectAll('i')
    .select('a.priority_channel')
    .where('i.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('i.source', 'in', [...inquirySources]);
  if (input.accountId !== undefined) q = q.where('i.account_id', '=', input.accountId);
  if (input.open) q = q.where('i.first_reply_at', 'is', null);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const deadlines = await inquiryDeadlines(ctx, { ids: rows.map((r) => r.id) });
  const now = Temporal.Instant.from(ctx.now());
  const inbox = rows.map((row, k): InboxRow => {
    const inquiry = toInquiry(row);
    const deadline = deadlines[k]!;
    return {
      id: inquiry.id,
      accountId: inquiry.accountId,
      contactId: inquiry.contactId,
      receivedAt: inquiry.receivedAt,
      subject: inquiry.subject,
      products: inquiry.products,
      authenticity: inquiry.authenticity,
      urgency: inquiry.urgency,
      value: inquiry.value,
      firstReplyAt: inquiry.firstReplyAt,
      status: inquiry.status,
      source: row.source as InboxRow['source'],
      deadline,
      minutesLeft: minutesLeft(ms(deadline.replyBy), now.epochMilliseconds),
      priorityChannel: row.priority_channel === 1,
      buyerNow: formatLocal(now.toZonedDateTimeISO(deadline.timeZone)),
    };
  });
  return inbox.sort(compareInbox).slice(0, input.limit);
}
