import type { Language } from '../../contract/messages';
import type { InquirySource } from '../../contract/primitives';
import { touchPointTiers, type RuleSettings, type TouchPlan, type TouchTier } from '../../domain/schedule/rules';
import { inquirySources } from '../../domain/settings';
import { createBusinessCalendar, SHIPPED_CALENDAR_VERSION, type BusinessCalendar, type CalendarOverride } from '../../domain/time';
import type { ServiceContext } from '../context';
import { listSettings } from '../settings';

export interface SchedulerSetup {
  settings: RuleSettings;
  language: Language;
  /** The user's zone: "today" for the 24-month activity window of R13 is their local date. */
  myTimeZone: string;
  calendar: BusinessCalendar;
  fingerprint: string;
  /** R7: the base currency FX-sensitive quotes are measured against. */
  baseCurrency: string;
}

/** The rule settings, the language, the calendar with the book's overrides, and their fingerprint. */
export async function loadSchedulerSetup(ctx: ServiceContext): Promise<SchedulerSetup> {
  const values = new Map((await listSettings(ctx)).map((setting) => [setting.key, setting.value]));
  const value = <T>(key: string): T => values.get(key) as T;
  const slaHours = {} as Record<InquirySource, number>;
  for (const source of inquirySources) slaHours[source] = value<number>(`slaHours.${source}`);
  const settings: RuleSettings = {
    buyerMorning: value<string>('buyerMorning'),
    businessWindow: value<string>('businessWindow'),
    slaHours,
    slaCountsBusinessHours: value<boolean>('slaCountsBusinessHours'),
    followUpBusinessDays: value<number>('followUpBusinessDays'),
    expiryReminderBusinessDays: value<number[]>('expiryReminderBusinessDays'),
    scheduleHorizonDays: value<number>('scheduleHorizonDays'),
    paymentReminderDays: value<number>('paymentReminderDays'),
    touchPoints: Object.fromEntries(touchPointTiers.map((tier) => [tier, value<TouchPlan[]>(`touchPoints.${tier}`)])) as Record<TouchTier, TouchPlan[]>,
  };
  const baseCurrency = value<string>('baseCurrency');
  const language = value<Language>('language');
  const myTimeZone = value<string>('myTimeZone');
  const rows = await ctx.book.db
    .selectFrom('calendar_overrides')
    .select(['country', 'day', 'kind', 'name', 'updated_at'])
    .where('deleted_at', 'is', null)
    .orderBy('country')
    .orderBy('day')
    .execute();
  const overrides: CalendarOverride[] = rows.map((r) => ({ country: r.country, day: r.day, kind: r.kind as CalendarOverride['kind'], name: r.name }));
  const fingerprint = JSON.stringify({ settings, language, baseCurrency, calendar: SHIPPED_CALENDAR_VERSION, overrides: rows });
  return { settings, language, myTimeZone, calendar: createBusinessCalendar(overrides), fingerprint, baseCurrency };
}
