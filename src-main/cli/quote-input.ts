/**
 * The options of `tradebook quotes add|revise` turned into the call's input: items from repeatable
 * `--item "product|spec|qty|unit|price"` or `--items FILE.json` (an array of {product, description?, quantity,
 * unit, unitPrice}), the validity strategy from its options, the terms. What is wrong with the text itself (a
 * `--item` without five parts, a file that is not JSON) is a usage error here; every value is then checked by
 * the contract like any call's input.
 */
import fs from 'node:fs';
import { renderMessage, type ApiError, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import { defined, num, optionalNum } from './args';

export interface QuoteTermOptions {
  item?: string[];
  items?: string;
  incoterm?: string;
  paymentTerms?: string;
  leadTime?: string;
  terms?: string;
  note?: string;
  question?: string[];
}

export interface QuoteValidityOptions {
  validDays?: string;
  fxDays?: string;
  fxThreshold?: string;
  stage?: string[];
  season?: string;
}

const usage = (lang: Language, details: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code: 'cli_usage', message: renderMessage(lang, 'cli_usage', { details }) },
});

/** Collects a repeatable option. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--item "product|spec|qty|unit|price"` (the spec may be empty: `"Mounting kit||500|pcs|1.10"`). */
export function parseItem(text: string): Record<string, unknown> | null {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== 5) return null;
  const [product, description, quantity, unit, unitPrice] = parts as [string, string, string, string, string];
  return defined({ product, description: description === '' ? undefined : description, quantity: num(quantity), unit, unitPrice: num(unitPrice) });
}

/** The items of `--item`s or `--items FILE.json`; undefined when neither is given. */
export function itemsOf(o: QuoteTermOptions, lang: Language): Result<unknown[] | undefined> {
  if (o.item !== undefined && o.items !== undefined) return usage(lang, '--item and --items: give one of them');
  if (o.items !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(o.items, 'utf8');
    } catch (error) {
      return usage(lang, `--items ${o.items}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      const value = JSON.parse(text) as unknown;
      if (!Array.isArray(value)) return usage(lang, `--items ${o.items}: not a JSON array of items`);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: { code: 'invalid_json', message: renderMessage(lang, 'invalid_json', { details: `${o.items}: ${(error as Error).message}` }) } };
    }
  }
  if (o.item === undefined) return { ok: true, value: undefined };
  const items: unknown[] = [];
  for (const text of o.item) {
    const item = parseItem(text);
    if (item === null) return usage(lang, `--item "${text}": expected "product|spec|quantity|unit|unit price"`);
    items.push(item);
  }
  return { ok: true, value: items };
}

/** The terms part of a quote's input (items apart). */
export function termsOf(o: QuoteTermOptions): Record<string, unknown> {
  return defined({
    incoterm: o.incoterm,
    paymentTerms: o.paymentTerms,
    leadTimeDays: optionalNum(o.leadTime),
    terms: o.terms,
    note: o.note,
    questions: o.question?.map((question) => ({ question })),
  });
}

/** `name|YYYY-MM-DD` of a stage or season. */
function namedDay(text: string): { name: string; day: string } | null {
  const at = text.lastIndexOf('|');
  if (at <= 0) return null;
  return { name: text.slice(0, at).trim(), day: text.slice(at + 1).trim() };
}

/** R7: exactly one validity strategy — `--valid-days N`, `--fx-days N [--fx-threshold P]`, `--stage` (repeatable), `--season`. */
export function validityOf(o: QuoteValidityOptions, lang: Language, optional = false): Result<unknown> {
  const given = [o.validDays, o.fxDays, o.stage, o.season].filter((x) => x !== undefined).length;
  if (given === 0 && optional && o.fxThreshold === undefined) return { ok: true, value: undefined };
  if (given !== 1) return usage(lang, 'give one validity: --valid-days N, --fx-days N, --stage "name|YYYY-MM-DD" or --season "name|YYYY-MM-DD"');
  if (o.fxThreshold !== undefined && o.fxDays === undefined) return usage(lang, '--fx-threshold goes with --fx-days');
  if (o.validDays !== undefined) return { ok: true, value: { strategy: 'fixed', days: num(o.validDays) } };
  if (o.fxDays !== undefined) return { ok: true, value: defined({ strategy: 'fx', days: num(o.fxDays), thresholdPercent: optionalNum(o.fxThreshold) }) };
  if (o.season !== undefined) {
    const season = namedDay(o.season);
    if (season === null) return usage(lang, `--season "${o.season}": expected "name|YYYY-MM-DD"`);
    return { ok: true, value: { strategy: 'periodic', seasonName: season.name, seasonEndsOn: season.day } };
  }
  const stages: unknown[] = [];
  for (const text of o.stage ?? []) {
    const stage = namedDay(text);
    if (stage === null) return usage(lang, `--stage "${text}": expected "name|YYYY-MM-DD"`);
    stages.push({ name: stage.name, validThrough: stage.day });
  }
  return { ok: true, value: { strategy: 'staged', stages } };
}

/** The validity options of `quotes add` (one of them required) and `quotes revise` (optional: a new validity). */
export function validityOptions<C extends { option(flags: string, description: string, fn?: (value: string, previous: string[] | undefined) => string[]): C }>(command: C): C {
  return command
    .option('--valid-days <n>', 'validity: fixed, N days from the quote date')
    .option('--fx-days <n>', 'validity: FX-sensitive, N days (R7)')
    .option('--fx-threshold <percent>', 'with --fx-days: the move that flags it (default the fxThresholdPercent setting)')
    .option('--stage <name|date>', 'validity: staged, a stage and its valid-through date (repeatable)', collect)
    .option('--season <name|date>', 'validity: periodic, the season and its end date');
}

/** `--answer "QUESTION_ID|answer"` of `quotes revise`. */
export function answersOf(texts: string[] | undefined, lang: Language): Result<unknown[] | undefined> {
  if (texts === undefined) return { ok: true, value: undefined };
  const answers: unknown[] = [];
  for (const text of texts) {
    const at = text.indexOf('|');
    if (at <= 0) return usage(lang, `--answer "${text}": expected "question id|answer"`);
    answers.push({ questionId: text.slice(0, at).trim(), answer: text.slice(at + 1).trim() });
  }
  return { ok: true, value: answers };
}
