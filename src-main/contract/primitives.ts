import { z } from 'zod';
import { isKnownCountry } from '../domain/countries';
import { isKnownCurrency } from '../domain/money';
import { isKnownTimeZone } from '../domain/zones';
import { formatInstant, isCalendarDate, isInstant } from '../domain/dates';

export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'tb.ulid');
/**
 * Text a person typed: no control characters (NUL, escapes, …; a long text keeps tabs and line breaks) and no lone
 * UTF-16 surrogates (a broken character that cannot be written out again as UTF-8) — issue 15.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LONG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isCleanText = (s: string, long = false): boolean => !(long ? CONTROL_IN_LONG : CONTROL).test(s) && !LONE_SURROGATE.test(s);
export const Name = z.string().trim().min(1).max(200).refine((s) => isCleanText(s), 'tb.text');
export const ShortText = z.string().trim().max(200).refine((s) => isCleanText(s), 'tb.text');
export const LongText = z.string().max(20_000).refine((s) => isCleanText(s, true), 'tb.text');
export const CountryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isKnownCountry, 'tb.country');
export const TimeZone = z
  .string()
  .trim()
  .refine(isKnownTimeZone, 'tb.zone');
export const CurrencyCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isKnownCurrency, 'tb.currency');
export const CalendarDate = z.string().refine(isCalendarDate, 'tb.date');
/** The earliest day a fact of the book (an order, a payment, a quote, an FX rate) may carry. */
export const FACT_DATE_MIN = '1990-01-01';
/** The latest: ten years from today (a due date or a season may lie ahead; 9999-12-31 is a typing accident). */
export const factDateMax = (nowMs = Date.now()): string => `${new Date(nowMs).getUTCFullYear() + 10}-12-31`;
/** A day of a fact: a real date from 1990 to ten years ahead (issue 15). */
export const FactDate = CalendarDate.refine((d) => !isCalendarDate(d) || (d >= FACT_DATE_MIN && d <= factDateMax()), 'tb.fact_date');
/** An instant in UTC, `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds and offsets are normalised on input). */
export const Instant = z
  .string()
  .refine(isInstant, 'tb.instant')
  .transform((s) => formatInstant(s))
  .refine((s) => s >= `${FACT_DATE_MIN}T00:00:00Z` && s <= `${factDateMax()}T23:59:59Z`, 'tb.fact_instant');
export const Rating = z.number().int().min(1).max(5);
export const Email = z.email().max(254);
/** A phone number as typed (digits, spaces, + ( ) . / -); the services store it in E.164 where it can be read. */
export const Phone = z.string().trim().regex(/^\+?[0-9 ()./-]{3,40}$/, 'tb.phone');
export const Money = z.number().finite().nonnegative().max(1e13);
export const Quantity = z.number().finite().positive().max(1e12);
export const Unit = z.string().trim().min(1).max(20);
export const Limit = z.number().int().min(1).max(10_000).default(100);
export const Offset = z.number().int().min(0).default(0);
export const InquirySource = z.enum(['website', 'email', 'marketplace', 'fair', 'referral', 'phone']);
export type InquirySource = z.infer<typeof InquirySource>;
/** Where an account came from: the same channels as an inquiry's (issue 15: free text let "carrier-pigeon" in). Older
 *  books may hold free text from before; it is shown as it is and kept until the account is edited. */
export const AccountSource = InquirySource;
/** An account's tags (the fair's name, "distributor"): up to 20 short texts, each kept once. */
export const Tag = z.string().trim().min(1).max(60).refine((s) => isCleanText(s), 'tb.text');
export const Tags = z
  .array(Tag)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

/** The day scores are computed as of: a real date in the years 1900–2200. */
export const ScoreDate = CalendarDate.refine((d) => !isCalendarDate(d) || (d >= '1900-01-01' && d <= '2200-12-31'), 'tb.time_range');
