/**
 * R1 reply deadlines and response statistics. The deadline is the scheduler's own (src-main/domain/schedule/rules.ts
 * `replyDeadline`, with the rule settings and business calendar of `loadSchedulerSetup`): `slaHours.<source>`,
 * halved once for the priority channel (R4) or urgency ≥ 4 (R16), counted in elapsed or business hours as set.
 * The priority channel applies as the scheduler grants it: from the inquiry that completed the account's run of
 * three (`priorityEarnedAt`) on; an account given the channel by hand (no such run) has it for every inquiry.
 */
import { Temporal } from 'temporal-polyfill';
import type { ParsedInputOf } from '../contract';
import { notFound } from '../contract/errors';
import type { InquiryDeadline, InquiryStats } from '../contract/inquiries';
import type { InquirySource } from '../contract/primitives';
import { responseStats, slaOutcome, type InquiryTiming } from '../domain/inquiries/stats';
import { priorityEarnedAt, replyDeadline, type ReplyDeadline } from '../domain/schedule/rules';
import { inquirySources } from '../domain/settings';
import { formatLocal, formatUtc } from '../domain/time/zones';
import type { ServiceContext } from './context';
import { dayPeriod } from './periods';
import { loadSchedulerSetup, type SchedulerSetup } from './scheduler';

interface InquiryFactsRow {
  id: string;
  account_id: string;
  source: string;
  received_at: string;
  first_reply_at: string | null;
  urgency: number | null;
  name: string;
  country: string;
  time_zone: string;
  priority_channel: number;
}

interface Timed {
  row: InquiryFactsRow & { source: InquirySource };
  receivedMs: number;
  firstReplyMs: number | null;
  deadline: ReplyDeadline;
}

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
const isKnownSource = (source: string): source is InquirySource => (inquirySources as readonly string[]).includes(source);

/** Ids per statement when looking rows up by id (well under SQLite's limit on bound parameters). */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function factsQuery(ctx: ServiceContext) {
  return ctx.book.db
    .selectFrom('inquiries as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select(['i.id', 'i.account_id', 'i.source', 'i.received_at', 'i.first_reply_at', 'i.urgency', 'a.name', 'a.country', 'a.time_zone', 'a.priority_channel'])
    .where('i.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null);
}

/** R4: per account with the priority channel, the instant from which its inquiries have it (null: all of them). */
async function priorityFrom(ctx: ServiceContext, rows: readonly InquiryFactsRow[]): Promise<Map<string, number | null>> {
  const accounts = [...new Set(rows.filter((r) => r.priority_channel === 1).map((r) => r.account_id))];
  const received = new Map<string, number[]>(accounts.map((id) => [id, []]));
  for (const part of chunks(accounts)) {
    const history = await ctx.book.db
      .selectFrom('inquiries')
      .select(['account_id', 'received_at'])
      .where('account_id', 'in', part)
      .where('deleted_at', 'is', null)
      .where('received_at', '<=', ctx.now())
      .execute();
    for (const h of history) received.get(h.account_id)!.push(ms(h.received_at));
  }
  return new Map(accounts.map((id) => [id, priorityEarnedAt(received.get(id)!)]));
}

/** Each row's R1 deadline (rows of an unknown source are left out: the contract admits only the six). */
async function timed(ctx: ServiceContext, setup: SchedulerSetup, rows: readonly InquiryFactsRow[]): Promise<Timed[]> {
  const priority = await priorityFrom(ctx, rows);
  return rows.flatMap((row) => {
    if (!isKnownSource(row.source)) return [];
    const receivedMs = ms(row.received_at);
    const earnedMs = priority.get(row.account_id);
    const deadline = replyDeadline(setup.calendar, setup.settings, { zone: row.time_zone, country: row.country }, {
      source: row.source,
      receivedMs,
      urgency: row.urgency,
      priorityChannel: earnedMs !== undefined && (earnedMs === null || receivedMs >= earnedMs),
    });
    return [{ row: row as Timed['row'], receivedMs, firstReplyMs: row.first_reply_at === null ? null : ms(row.first_reply_at), deadline }];
  });
}

/** R1: the reply deadline of each inquiry named, in the order given. */
export async function inquiryDeadlines(ctx: ServiceContext, input: ParsedInputOf<'inquiries.deadlines'>): Promise<InquiryDeadline[]> {
  const ids = [...new Set(input.ids)];
  const rows: InquiryFactsRow[] = [];
  for (const part of chunks(ids)) rows.push(...(await factsQuery(ctx).where('i.id', 'in', part).execute()));
  const setup = await loadSchedulerSetup(ctx);
  const nowMs = ms(ctx.now());
  const byId = new Map((await timed(ctx, setup, rows)).map((t) => [t.row.id, t]));
  return input.ids.map((id) => {
    const t = byId.get(id);
    if (t === undefined) throw notFound('inquiry', id);
    const zone = t.row.time_zone;
    const local = (epochMs: number) => formatLocal(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone));
    const utc = (epochMs: number) => formatUtc(Temporal.Instant.fromEpochMilliseconds(epochMs));
    return {
      inquiryId: t.row.id,
      accountId: t.row.account_id,
      accountName: t.row.name,
      timeZone: zone,
      receivedAt: t.row.received_at,
      receivedBuyerLocal: local(t.receivedMs),
      replyBy: utc(t.deadline.dueMs),
      replyByBuyerLocal: local(t.deadline.dueMs),
      landsBestAt: utc(t.deadline.landsBestAtMs),
      landsBestAtBuyerLocal: local(t.deadline.landsBestAtMs),
      slaHours: t.deadline.slaHours,
      halved: t.deadline.halved,
      firstReplyAt: t.row.first_reply_at,
      sla: slaOutcome(t.firstReplyMs, t.deadline.dueMs, nowMs),
    };
  });
}

/** R1: first-reply times and the within-SLA share per source, over inquiries received in the period. */
export async function inquiryStats(ctx: ServiceContext, input: ParsedInputOf<'inquiries.stats'>): Promise<InquiryStats> {
  const period = await dayPeriod(ctx, input.from, input.to, { days: 90 });
  const rows = await factsQuery(ctx).where('i.received_at', '>=', period.startAt).where('i.received_at', '<', period.endBefore).execute();
  const setup = await loadSchedulerSetup(ctx);
  const asOf = ctx.now();
  const timings: InquiryTiming<InquirySource>[] = (await timed(ctx, setup, rows)).map((t) => ({
    source: t.row.source,
    receivedMs: t.receivedMs,
    firstReplyMs: t.firstReplyMs,
    dueMs: t.deadline.dueMs,
  }));
  const stats = responseStats(timings, inquirySources, setup.settings.slaHours, ms(asOf));
  return { from: period.from, to: period.to, asOf, ...stats };
}
