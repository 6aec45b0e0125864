import { z } from 'zod';
import { isKnownCountry } from './countries';
import { DEFAULT_TOUCH_POINTS, touchPoints, touchPointTiers } from './schedule/rules';
import { healthIndicators } from './health-indicators';
import { isKnownCurrency } from './money';
import { isKnownTimeZone, resolveTimeZone } from './zones';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'tb.clock');
const Window = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'tb.window')
  .refine((w) => {
    const [start, end] = w.split('-') as [string, string];
    return end > start && end <= '24:00';
  }, 'tb.window_order');
const BackupFolder = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((folder) => !folder.includes('\0'), 'tb.path')
  .nullable();
const Hours = z.number().positive().max(24 * 30);
const Weight = z.number().min(0).max(100);
/** R6: a tier's touch points after an order — each point at most once, counted in days from its order date. */
const TouchPlan = z
  .array(
    z.strictObject({
      point: z.enum(touchPoints),
      from: z.enum(['shipped', 'delivered']),
      days: z.number().int().min(0).max(365),
    }),
  )
  .max(touchPoints.length)
  .refine((plan) => new Set(plan.map((p) => p.point)).size === plan.length, 'tb.unique');

export const inquirySources = ['website', 'email', 'marketplace', 'fair', 'referral', 'phone'] as const;
export const scoreParts = ['purchase', 'margin', 'growth', 'strategic', 'reputation'] as const;
export { healthIndicators };

/** R11: the sum of the five value-score weights, rounded off float noise (it must be exactly 100). */
export function weightsSum(weights: readonly number[]): number {
  return Math.round(weights.reduce((a, b) => a + b, 0) * 1e9) / 1e9;
}

export interface HostFacts {
  timeZone: string;
  country: string;
}

/** Every setting: its schema and its default (PRODUCT, Defaults). Keys are exact. */
export function settingDefinitions(host: HostFacts) {
  const defs: Record<string, { schema: z.ZodType; default: unknown }> = {
    language: { schema: z.enum(['en', 'zh-CN']), default: 'en' },
    myTimeZone: {
      schema: z.string().refine(isKnownTimeZone, 'tb.zone').transform((zone) => resolveTimeZone(zone) ?? zone),
      default: host.timeZone,
    },
    myCountry: {
      schema: z.string().transform((c) => c.toUpperCase()).refine(isKnownCountry, 'tb.country'),
      default: host.country,
    },
    baseCurrency: {
      schema: z.string().transform((c) => c.toUpperCase()).refine(isKnownCurrency, 'tb.currency'),
      default: 'CNY',
    },
    buyerMorning: { schema: ClockTime, default: '08:15' },
    businessWindow: { schema: Window, default: '09:00-18:00' },
    slaCountsBusinessHours: { schema: z.boolean(), default: false },
    followUpBusinessDays: { schema: z.number().int().min(1).max(60), default: 3 },
    poolDays: { schema: z.number().int().min(0).max(3650), default: 30 },
    expiryReminderBusinessDays: {
      schema: z
        .array(z.number().int().min(1).max(60))
        .max(10)
        .refine((a) => new Set(a).size === a.length, 'tb.unique'),
      default: [3, 1],
    },
    fxMaxAgeDays: { schema: z.number().int().min(0).max(366), default: 7 },
    fxThresholdPercent: { schema: z.number().positive().max(100), default: 3 },
    scheduleHorizonDays: { schema: z.number().int().min(0).max(366), default: 7 },
    /** Receivables: remind this many days before a payment is due (and on the day); 0: only on the day. */
    paymentReminderDays: { schema: z.number().int().min(0).max(60), default: 3 },
    /** Where backups go: a folder path (absolute, or relative to the book's folder); null = `backups/` beside the book. */
    backupFolder: { schema: BackupFolder, default: null },
  };
  const sla: Record<(typeof inquirySources)[number], number> = {
    website: 2,
    email: 4,
    marketplace: 1,
    fair: 24,
    referral: 4,
    phone: 1,
  };
  for (const source of inquirySources) defs[`slaHours.${source}`] = { schema: Hours, default: sla[source] };
  const weights: Record<(typeof scoreParts)[number], number> = {
    purchase: 25,
    margin: 25,
    growth: 20,
    strategic: 15,
    reputation: 15,
  };
  for (const part of scoreParts) defs[`scoreWeights.${part}`] = { schema: Weight, default: weights[part] };
  for (const indicator of healthIndicators) defs[`healthWeights.${indicator}`] = { schema: Weight, default: 1 };
  for (const tier of touchPointTiers) defs[`touchPoints.${tier}`] = { schema: TouchPlan, default: DEFAULT_TOUCH_POINTS[tier] };
  return defs;
}

export type SettingDefinitions = ReturnType<typeof settingDefinitions>;

/** A value typed on a command line: JSON when it parses (3, false, [3,1]), else the text itself (08:15). */
export function parseSettingText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
