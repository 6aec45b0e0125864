/**
 * The Quotes page's pure logic: money in a quote's currency, when a quote stops being valid (R7: the end of its last
 * valid day in the buyer's zone, the FX cut or the current stage when there is one), the drafts the forms edit
 * (items, validity, terms, questions) and how they become `quotes.add` / `quotes.revise` input, the local checks, and
 * where a server issue (`items.2.unitPrice`) belongs in the form; a version's validity as a draft (R7: a revision may
 * change it) and a diff's stage plan with its days formatted. No clock, no React.
 */
import { Temporal } from 'temporal-polyfill';
import type { Quote, VersionValidity } from '../../../src-main/contract/models';

export const QUOTE_STATUSES = ['draft', 'sent', 'won', 'lost', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const isQuoteStatus = (value: string): value is QuoteStatus => (QUOTE_STATUSES as readonly string[]).includes(value);

export const VALIDITY_STRATEGIES = ['fixed', 'fx', 'staged', 'periodic'] as const;
export type ValidityStrategy = (typeof VALIDITY_STRATEGIES)[number];

/** A draft, sent or expired quote can still be won or lost; only draft and sent ones take a new version. */
export const isOpenQuote = (status: string) => status === 'draft' || status === 'sent' || status === 'expired';
export const isRevisable = (status: string) => status === 'draft' || status === 'sent';

const MINUTE_MS = 60_000;
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in its currency for the UI language (€1,234.50 / ¥1,234); the number and the code when Intl refuses the code. */
export function formatMoney(amount: number, currency: string, language: string): string {
  const key = `${language}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language, { style: 'currency', currency });
    } catch {
      return `${new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(amount)} ${currency}`;
    }
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** A calendar day (YYYY-MM-DD) in the UI language (3 Jul 2025 / 2025年7月3日), the day itself when it is not one. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * R7: the last day a quote is valid as things stand: the FX cut while the quote is flagged, the current (first
 * unfinished) stage of a staged quote, otherwise its valid-through day. Null when it has none.
 */
export function effectiveValidThrough(quote: Pick<Quote, 'validity' | 'stages'>): string | null {
  const v = quote.validity;
  if (v.strategy === 'fx' && v.fxFlag) return v.fxFlag.cutThrough;
  if (v.strategy === 'staged') return quote.stages.find((s) => s.completedAt === null)?.validThrough ?? v.validThrough;
  return v.validThrough;
}

/** R7: the instant a quote valid through `day` expires: the end of that day (midnight after it) in the buyer's zone. */
export function expiryInstantMs(day: string, zone: string): number | null {
  try {
    return Temporal.PlainDate.from(day).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  } catch {
    return null;
  }
}

export type ExpiryState =
  | { kind: 'closed' }
  | { kind: 'none' }
  | { kind: 'left'; validThrough: string; minutes: number }
  | { kind: 'expired'; validThrough: string };

/** Where a quote stands against its expiry at `nowMs`, in the buyer's zone: minutes left (rounded down) or expired. */
export function expiryState(quote: Pick<Quote, 'status' | 'validity' | 'stages'>, zone: string, nowMs: number): ExpiryState {
  if (quote.status === 'won' || quote.status === 'lost') return { kind: 'closed' };
  const validThrough = effectiveValidThrough(quote);
  if (validThrough === null) return { kind: 'none' };
  const ends = expiryInstantMs(validThrough, zone);
  if (ends === null) return { kind: 'none' };
  if (quote.status === 'expired' || nowMs >= ends) return { kind: 'expired', validThrough };
  return { kind: 'left', validThrough, minutes: Math.floor((ends - nowMs) / MINUTE_MS) };
}

/** The questions of a quote still without an answer, in the order they were asked. */
export function unansweredQuestions(quote: Pick<Quote, 'questions'>): Quote['questions'] {
  return quote.questions.filter((q) => q.answer === null);
}

/** A day `days` after `day` (YYYY-MM-DD); null when either is not one. */
export function addDaysTo(day: string, days: number): string | null {
  try {
    return Temporal.PlainDate.from(day, { overflow: 'reject' }).add({ days }).toString();
  } catch {
    return null;
  }
}

/** Today's date in `zone`. */
export function todayIn(zone: string, nowMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(nowMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/**
 * A number as typed: digits with an optional decimal point, thousands separators (`,` or spaces) allowed, an optional
 * minus sign (so a negative price is caught as negative, not as "not a number"). Null when it is not a number.
 */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,]/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts: what the forms edit, as typed.

export interface ItemDraft {
  /** A stable key for React and the row's test ids (not sent). */
  key: string;
  product: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}
export type ItemField = 'product' | 'description' | 'quantity' | 'unit' | 'unitPrice';
export type ItemProblem = 'required' | 'number' | 'negative' | 'notPositive';

export interface StageDraft {
  key: string;
  name: string;
  validThrough: string;
}
export interface ValidityDraft {
  strategy: ValidityStrategy;
  days: string;
  thresholdPercent: string;
  stages: StageDraft[];
  seasonName: string;
  seasonEndsOn: string;
}
export type ValidityField = 'days' | 'thresholdPercent' | 'stages' | 'seasonName' | 'seasonEndsOn';

export interface TermsDraft {
  incoterm: string;
  paymentTerms: string;
  leadTimeDays: string;
  terms: string;
  note: string;
}

export interface QuestionDraft {
  key: string;
  question: string;
  answer: string;
}

let keys = 0;
/** A fresh key for a draft row. */
export const draftKey = (): string => `d${++keys}`;

export const emptyItem = (): ItemDraft => ({ key: draftKey(), product: '', description: '', quantity: '', unit: '', unitPrice: '' });
export const emptyStage = (): StageDraft => ({ key: draftKey(), name: '', validThrough: '' });
export const emptyQuestion = (): QuestionDraft => ({ key: draftKey(), question: '', answer: '' });
export const emptyValidity = (): ValidityDraft => ({ strategy: 'fixed', days: '30', thresholdPercent: '', stages: [emptyStage()], seasonName: '', seasonEndsOn: '' });
export const emptyTerms = (): TermsDraft => ({ incoterm: '', paymentTerms: '', leadTimeDays: '', terms: '', note: '' });

const text = (n: number) => String(n);

/** The lines of a version as drafts, for editing into the next version. */
export function itemsOfVersion(version: Quote['versions'][number]): ItemDraft[] {
  return version.items.map((item) => ({
    key: draftKey(),
    product: item.product,
    description: item.description,
    quantity: text(item.quantity),
    unit: item.unit,
    unitPrice: text(item.unitPrice),
  }));
}

export function termsOfVersion(version: Quote['versions'][number]): TermsDraft {
  return {
    incoterm: version.incoterm ?? '',
    paymentTerms: version.paymentTerms ?? '',
    leadTimeDays: version.leadTimeDays === null ? '' : text(version.leadTimeDays),
    terms: version.terms,
    note: version.note,
  };
}

const isBlank = (item: ItemDraft) => [item.product, item.description, item.quantity, item.unit, item.unitPrice].every((v) => v.trim() === '');

/** A line's amount as typed (quantity × unit price), null until both are numbers. */
export function lineAmount(item: Pick<ItemDraft, 'quantity' | 'unitPrice'>): number | null {
  const quantity = parseNumber(item.quantity);
  const price = parseNumber(item.unitPrice);
  return quantity === null || price === null ? null : quantity * price;
}

/** The total of the lines that have a quantity and a price. */
export function draftTotal(items: readonly ItemDraft[]): number {
  return items.reduce((sum, item) => sum + (lineAmount(item) ?? 0), 0);
}

/** Local checks of the lines (blank lines are left out when sending): product and unit given, quantity > 0, price ≥ 0. */
export function itemProblems(items: readonly ItemDraft[]): Record<number, Partial<Record<ItemField, ItemProblem>>> {
  const problems: Record<number, Partial<Record<ItemField, ItemProblem>>> = {};
  items.forEach((item, index) => {
    if (isBlank(item)) return;
    const row: Partial<Record<ItemField, ItemProblem>> = {};
    if (!item.product.trim()) row.product = 'required';
    if (!item.unit.trim()) row.unit = 'required';
    const quantity = parseNumber(item.quantity);
    if (!item.quantity.trim()) row.quantity = 'required';
    else if (quantity === null) row.quantity = 'number';
    else if (quantity <= 0) row.quantity = 'notPositive';
    const price = parseNumber(item.unitPrice);
    if (!item.unitPrice.trim()) row.unitPrice = 'required';
    else if (price === null) row.unitPrice = 'number';
    else if (price < 0) row.unitPrice = 'negative';
    if (Object.keys(row).length > 0) problems[index] = row;
  });
  return problems;
}

export interface ItemInput {
  product: string;
  description?: string;
  quantity: number;
  unit: string;
  unitPrice: number;
}

/**
 * The lines to send (blank ones left out) and, for each line sent, the row it came from — so a server issue
 * `items.1.unitPrice` lands on the right row. Numbers that do not parse go as NaN: the local checks stop them first.
 */
export function itemsInput(items: readonly ItemDraft[]): { items: ItemInput[]; rowOf: number[] } {
  const rowOf: number[] = [];
  const sent: ItemInput[] = [];
  items.forEach((item, index) => {
    if (isBlank(item)) return;
    rowOf.push(index);
    sent.push({
      product: item.product.trim(),
      ...(item.description.trim() ? { description: item.description.trim() } : {}),
      quantity: parseNumber(item.quantity) ?? Number.NaN,
      unit: item.unit.trim(),
      unitPrice: parseNumber(item.unitPrice) ?? Number.NaN,
    });
  });
  return { items: sent, rowOf };
}

export interface TermsInput {
  incoterm?: string;
  paymentTerms?: string;
  leadTimeDays?: number;
  terms?: string;
  note?: string;
}

/** The terms to send: empty ones left out; a lead time that is not a number goes as NaN for the server to refuse. */
export function termsInput(terms: TermsDraft): TermsInput {
  const lead = terms.leadTimeDays.trim();
  return {
    ...(terms.incoterm.trim() ? { incoterm: terms.incoterm.trim().toUpperCase() } : {}),
    ...(terms.paymentTerms.trim() ? { paymentTerms: terms.paymentTerms.trim() } : {}),
    ...(lead ? { leadTimeDays: parseNumber(lead) ?? Number.NaN } : {}),
    ...(terms.terms.trim() ? { terms: terms.terms.trim() } : {}),
    ...(terms.note.trim() ? { note: terms.note.trim() } : {}),
  };
}

export type ValidityInput =
  | { strategy: 'fixed'; days: number }
  | { strategy: 'fx'; days: number; thresholdPercent?: number }
  | { strategy: 'staged'; stages: { name: string; validThrough: string }[] }
  | { strategy: 'periodic'; seasonName: string; seasonEndsOn: string };

/** The validity to send, by strategy (only the strategy's own fields). */
export function validityInput(v: ValidityDraft): ValidityInput {
  const days = parseNumber(v.days) ?? Number.NaN;
  switch (v.strategy) {
    case 'fixed':
      return { strategy: 'fixed', days };
    case 'fx': {
      const threshold = v.thresholdPercent.trim();
      return { strategy: 'fx', days, ...(threshold ? { thresholdPercent: parseNumber(threshold) ?? Number.NaN } : {}) };
    }
    case 'staged':
      return { strategy: 'staged', stages: v.stages.filter((s) => s.name.trim() || s.validThrough).map((s) => ({ name: s.name.trim(), validThrough: s.validThrough })) };
    case 'periodic':
      return { strategy: 'periodic', seasonName: v.seasonName.trim(), seasonEndsOn: v.seasonEndsOn };
  }
}

export type ValidityProblem = 'required' | 'wholeDays' | 'percent' | 'date';

/** Local checks of the validity's own fields; whether the days fall after the quote date is the server's to say. */
export function validityProblems(v: ValidityDraft): Partial<Record<ValidityField, ValidityProblem>> {
  const problems: Partial<Record<ValidityField, ValidityProblem>> = {};
  const isDay = (d: string) => addDaysTo(d, 0) !== null;
  if (v.strategy === 'fixed' || v.strategy === 'fx') {
    const days = parseNumber(v.days);
    if (!v.days.trim()) problems.days = 'required';
    else if (days === null || !Number.isInteger(days) || days < 1) problems.days = 'wholeDays';
    if (v.strategy === 'fx' && v.thresholdPercent.trim()) {
      const threshold = parseNumber(v.thresholdPercent);
      if (threshold === null || threshold <= 0 || threshold > 100) problems.thresholdPercent = 'percent';
    }
  } else if (v.strategy === 'staged') {
    const stages = v.stages.filter((s) => s.name.trim() || s.validThrough);
    if (stages.length === 0 || stages.some((s) => !s.name.trim())) problems.stages = 'required';
    else if (stages.some((s) => !isDay(s.validThrough))) problems.stages = 'date';
  } else {
    if (!v.seasonName.trim()) problems.seasonName = 'required';
    if (!v.seasonEndsOn) problems.seasonEndsOn = 'required';
    else if (!isDay(v.seasonEndsOn)) problems.seasonEndsOn = 'date';
  }
  return problems;
}

/** The valid-through day a draft gives from a quote date (fixed / FX: date + days; staged: the first stage). */
export function draftValidThrough(v: ValidityDraft, quoteDate: string): string | null {
  if (v.strategy === 'fixed' || v.strategy === 'fx') {
    const days = parseNumber(v.days);
    return days !== null && Number.isInteger(days) && days > 0 ? addDaysTo(quoteDate, days) : null;
  }
  if (v.strategy === 'staged') return v.stages.find((s) => s.validThrough)?.validThrough ?? null;
  return v.seasonEndsOn || null;
}

/**
 * R7: a version's validity as a draft, for editing into the next version (the strategy's own fields; the others keep
 * the new form's defaults, for a switch of strategy). A staged version stored without its stages takes `stages`.
 */
export function validityOfVersion(v: VersionValidity, stages: readonly { name: string; validThrough: string }[] = []): ValidityDraft {
  const empty = emptyValidity();
  const plan = v.stages.length > 0 ? v.stages : stages;
  return {
    strategy: v.strategy,
    days: v.days === null ? empty.days : text(v.days),
    thresholdPercent: v.thresholdPercent === null ? '' : text(v.thresholdPercent),
    stages: plan.length > 0 ? plan.map((s) => ({ key: draftKey(), name: s.name, validThrough: s.validThrough })) : empty.stages,
    seasonName: v.seasonName ?? '',
    seasonEndsOn: v.seasonEndsOn ?? '',
  };
}

/** Whether a validity draft says something else than the one it started from, as it would be sent (keys, blank stages and spaces aside). */
export function validityChanged(draft: ValidityDraft, start: ValidityDraft): boolean {
  return JSON.stringify(validityInput(draft)) !== JSON.stringify(validityInput(start));
}

/** A stage of `quotes.diff` (`name YYYY-MM-DD`) with its day as the page shows days (`Sample Jul 5, 2025`). */
export function formatStagePart(part: string, language: string): string {
  const match = /^(.*) (\d{4}-\d{2}-\d{2})$/.exec(part);
  return match ? `${match[1]} ${formatDay(match[2]!, language)}` : part;
}

/** A stage plan of `quotes.diff` (`name YYYY-MM-DD` parts joined by `; `), its days formatted. */
export function formatStagePlan(plan: string, language: string): string {
  return plan
    .split('; ')
    .filter((part) => part.trim())
    .map((part) => formatStagePart(part, language))
    .join('; ');
}

/** New questions to send (blank ones left out), each with its answer when one was typed. */
export function questionsInput(questions: readonly QuestionDraft[]): { question: string; answer?: string }[] {
  return questions
    .filter((q) => q.question.trim())
    .map((q) => ({ question: q.question.trim(), ...(q.answer.trim() ? { answer: q.answer.trim() } : {}) }));
}

/** Answers typed for questions asked before (blank ones left out). */
export function answersInput(answers: Readonly<Record<string, string>>): { questionId: string; answer: string }[] {
  return Object.entries(answers)
    .filter(([, answer]) => answer.trim())
    .map(([questionId, answer]) => ({ questionId, answer: answer.trim() }));
}

/**
 * A server issue's place in the items table: `items.1.unitPrice` → the row the second line sent came from and the
 * field. Null for any other path (or `items` itself, which belongs to the table as a whole).
 */
export function itemIssueAt(path: string, rowOf: readonly number[]): { row: number; field: ItemField } | null {
  const match = /^items\.(\d+)\.(product|description|quantity|unit|unitPrice)$/.exec(path);
  if (!match) return null;
  const row = rowOf[Number(match[1])];
  return row === undefined ? null : { row, field: match[2] as ItemField };
}
