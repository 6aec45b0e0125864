import { z } from 'zod';
import { isKnownCountry } from '../domain/countries';
import { isKnownCurrency } from '../domain/money';
import { isKnownTimeZone } from '../domain/zones';
import { formatInstant, isCalendarDate, isInstant } from '../domain/dates';

export const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'tb.ulid');
export const Name = z.string().trim().min(1).max(200);
export const ShortText = z.string().trim().max(200);
export const LongText = z.string().max(20_000);
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
/** An instant in UTC, `YYYY-MM-DDTHH:MM:SSZ` (fractional seconds and offsets are normalised on input). */
export const Instant = z
  .string()
  .refine(isInstant, 'tb.instant')
  .transform((s) => formatInstant(s));
export const Rating = z.number().int().min(1).max(5);
export const Money = z.number().finite().nonnegative().max(1e13);
export const Quantity = z.number().finite().positive().max(1e12);
export const Unit = z.string().trim().min(1).max(20);
export const Limit = z.number().int().min(1).max(10_000).default(100);
export const Offset = z.number().int().min(0).default(0);
export const InquirySource = z.enum(['website', 'email', 'marketplace', 'fair', 'referral', 'phone']);
export type InquirySource = z.infer<typeof InquirySource>;
