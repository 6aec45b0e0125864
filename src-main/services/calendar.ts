import type { ParsedInputOf } from '../contract';
import { notFound } from '../contract/errors';
import type { CalendarOverrideRecord } from '../contract/models';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { CalendarOverrideRow } from '../db/schema';
import type { YearCalendarView } from '../contract/calendar';
import type { Language } from '../contract/messages';
import { createBusinessCalendar, type CalendarOverride } from '../domain/time';
import type { ServiceContext } from './context';

function toOverride(row: CalendarOverrideRow): CalendarOverrideRecord {
  return { id: row.id, country: row.country, day: row.day, kind: row.kind as CalendarOverrideRecord['kind'], name: row.name };
}

/** The user's own holiday or workday for a country (R3); a second one for the same day replaces the first. */
export async function addCalendarOverride(ctx: ServiceContext, input: ParsedInputOf<'calendar.overrides.add'>): Promise<CalendarOverrideRecord> {
  const now = ctx.now();
  return ctx.book.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('calendar_overrides')
      .selectAll()
      .where('country', '=', input.country)
      .where('day', '=', input.day)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) {
      const changes = { kind: input.kind, name: input.name ?? '', updated_at: now };
      await trx.updateTable('calendar_overrides').set(stampFields(ctx.book.clock.next(), changes)).where('id', '=', existing.id).execute();
      return toOverride({ ...existing, ...changes });
    }
    const row: CalendarOverrideRow = {
      id: newId(),
      country: input.country,
      day: input.day,
      kind: input.kind,
      name: input.name ?? '',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...rowStamps(ctx.book.clock.next()),
    };
    await trx.insertInto('calendar_overrides').values(row).execute();
    return toOverride(row);
  });
}

export async function listCalendarOverrides(ctx: ServiceContext, input: ParsedInputOf<'calendar.overrides.list'>): Promise<CalendarOverrideRecord[]> {
  let q = ctx.book.db.selectFrom('calendar_overrides').selectAll().where('deleted_at', 'is', null);
  if (input.country !== undefined) q = q.where('country', '=', input.country);
  return (await q.orderBy('country').orderBy('day').execute()).map(toOverride);
}

/** Soft-deletes an override (a tombstone, so shared books can merge the removal). */
export async function removeCalendarOverride(ctx: ServiceContext, id: string): Promise<CalendarOverrideRecord> {
  const row = await ctx.book.db.selectFrom('calendar_overrides').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('calendarOverride', id);
  const now = ctx.now();
  await ctx.book.db
    .updateTable('calendar_overrides')
    .set(stampFields(ctx.book.clock.next(), { deleted_at: now, updated_at: now }))
    .where('id', '=', id)
    .execute();
  return toOverride(row);
}

/** Every live override, as the time engine takes them (createBusinessCalendar). */
export async function calendarOverrides(db: BookDb): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendar_overrides').select(['country', 'day', 'kind', 'name']).where('deleted_at', 'is', null).execute();
  return rows.map((r) => ({ country: r.country, day: r.day, kind: r.kind as CalendarOverride['kind'], name: r.name }));
}

/** A country's year as the Settings page shows it: weekends, holidays and make-up workdays with the user's overrides. */
export async function yearCalendarOf(ctx: ServiceContext, country: string, year: number, language: Language): Promise<YearCalendarView> {
  const calendar = createBusinessCalendar(await calendarOverrides(ctx.book.db));
  const listing = calendar.yearCalendar(country, year, language);
  return { ...listing, weekend: listing.weekend.map((rule) => ({ ...rule, days: [...rule.days] })) };
}
