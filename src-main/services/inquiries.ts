import type { ParsedInputOf } from '../contract';
import { invalidState, notFound } from '../contract/errors';
import type { Complaint, Inquiry } from '../contract/models';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { ComplaintRow, InquiryRow } from '../db/schema';
import { requireAccount } from './accounts';
import { checkContact } from './contacts';
import type { ServiceContext } from './context';

export function toInquiry(row: InquiryRow): Inquiry {
  return {
    id: row.id,
    accountId: row.account_id,
    contactId: row.contact_id,
    source: row.source,
    receivedAt: row.received_at,
    subject: row.subject,
    body: row.body,
    products: JSON.parse(row.products) as string[],
    authenticity: row.authenticity,
    urgency: row.urgency,
    value: row.value,
    firstReplyAt: row.first_reply_at,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function addInquiry(ctx: ServiceContext, input: ParsedInputOf<'inquiries.add'>): Promise<Inquiry> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    await requireAccount(trx, input.accountId);
    await checkContact(trx, input.accountId, input.contactId);
    const row: InquiryRow = {
      id: newId(),
      account_id: input.accountId,
      contact_id: input.contactId ?? null,
      source: input.source,
      received_at: input.receivedAt,
      subject: input.subject ?? '',
      body: input.body ?? '',
      products: JSON.stringify(input.products ?? []),
      authenticity: input.authenticity ?? null,
      urgency: input.urgency ?? null,
      value: input.value ?? null,
      first_reply_at: null,
      status: 'open',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(ctx.book.clock.next()),
    };
    await trx.insertInto('inquiries').values(row).execute();
    return toInquiry(row);
  });
}

export async function replyInquiry(ctx: ServiceContext, input: ParsedInputOf<'inquiries.reply'>): Promise<Inquiry> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('inquiries').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('inquiry', input.id);
    if (row.first_reply_at !== null) throw invalidState('inquiry_already_replied', { id: row.id, at: row.first_reply_at });
    if (input.at < row.received_at) throw invalidState('reply_before_receipt', { at: input.at, received: row.received_at });
    const changes = { first_reply_at: input.at, status: row.status === 'open' ? 'replied' : row.status, updated_at: ctx.now() };
    await trx.updateTable('inquiries').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', row.id).execute();
    return toInquiry({ ...row, ...changes });
  });
}

export async function getInquiry(ctx: ServiceContext, id: string): Promise<Inquiry> {
  const row = await ctx.book.db.selectFrom('inquiries').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('inquiry', id);
  return toInquiry(row);
}

export async function listInquiries(ctx: ServiceContext, input: ParsedInputOf<'inquiries.list'>): Promise<Inquiry[]> {
  let q = ctx.book.db.selectFrom('inquiries').selectAll().where('deleted_at', 'is', null);
  if (input.accountId !== undefined) q = q.where('account_id', '=', input.accountId);
  if (input.open === true) q = q.where('first_reply_at', 'is', null);
  if (input.open === false) q = q.where('first_reply_at', 'is not', null);
  const rows = await q.orderBy('received_at', 'desc').orderBy('id').limit(input.limit).execute();
  return rows.map(toInquiry);
}

export function toComplaint(row: ComplaintRow): Complaint {
  return {
    id: row.id,
    accountId: row.account_id,
    orderId: row.order_id,
    grade: row.grade as Complaint['grade'],
    subject: row.subject,
    description: row.description,
    openedAt: row.opened_at,
    respondedAt: row.responded_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    responseNote: row.response_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function addComplaint(ctx: ServiceContext, input: ParsedInputOf<'complaints.add'>): Promise<Complaint> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    await requireAccount(trx, input.accountId);
    if (input.orderId !== undefined) {
      const order = await trx.selectFrom('orders').select('account_id').where('id', '=', input.orderId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!order || order.account_id !== input.accountId) throw notFound('order', input.orderId);
    }
    const row: ComplaintRow = {
      id: newId(),
      account_id: input.accountId,
      order_id: input.orderId ?? null,
      grade: input.grade,
      subject: input.subject,
      description: input.description ?? '',
      opened_at: input.openedAt,
      responded_at: null,
      resolved_at: null,
      resolution: null,
      response_note: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(ctx.book.clock.next()),
    };
    await trx.insertInto('complaints').values(row).execute();
    return toComplaint(row);
  });
}

async function changeComplaint(
  ctx: ServiceContext,
  id: string,
  change: (row: ComplaintRow) => Partial<ComplaintRow>,
): Promise<Complaint> {
  return ctx.book.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('complaints').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('complaint', id);
    const changes = { ...change(row), updated_at: ctx.now() };
    await trx.updateTable('complaints').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', id).execute();
    return toComplaint({ ...row, ...changes });
  });
}

export function respondComplaint(ctx: ServiceContext, input: ParsedInputOf<'complaints.respond'>): Promise<Complaint> {
  return changeComplaint(ctx, input.id, (row) => {
    if (row.responded_at !== null) throw invalidState('complaint_already_responded', { id: row.id, at: row.responded_at });
    if (input.at < row.opened_at) throw invalidState('reply_before_receipt', { at: input.at, received: row.opened_at });
    return { responded_at: input.at, ...(input.note === undefined ? {} : { response_note: input.note }) };
  });
}

/** Resolving also counts as the response when none was logged. */
export function resolveComplaint(ctx: ServiceContext, input: ParsedInputOf<'complaints.resolve'>): Promise<Complaint> {
  return changeComplaint(ctx, input.id, (row) => {
    if (row.resolved_at !== null) throw invalidState('complaint_already_resolved', { id: row.id, at: row.resolved_at });
    if (input.at < row.opened_at) throw invalidState('reply_before_receipt', { at: input.at, received: row.opened_at });
    return { resolved_at: input.at, responded_at: row.responded_at ?? input.at, resolution: input.resolution ?? row.resolution };
  });
}

export async function getComplaint(ctx: ServiceContext, id: string): Promise<Complaint> {
  const row = await ctx.book.db.selectFrom('complaints').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('complaint', id);
  return toComplaint(row);
}

export async function listComplaints(ctx: ServiceContext, input: ParsedInputOf<'complaints.list'>): Promise<Complaint[]> {
  let q = ctx.book.db.selectFrom('complaints').selectAll().where('deleted_at', 'is', null);
  if (input.accountId !== undefined) q = q.where('account_id', '=', input.accountId);
  if (input.open === true) q = q.where('resolved_at', 'is', null);
  if (input.open === false) q = q.where('resolved_at', 'is not', null);
  const rows = await q.orderBy('opened_at', 'desc').limit(input.limit).execute();
  return rows.map(toComplaint);
}
