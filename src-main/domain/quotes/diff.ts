/**
 * R8: what changed between two versions of a quote, field by field — so a 7th version that silently dropped three
 * certifications shows them as removed, not as "total −2 %". Pure: the service reads the versions and questions.
 *
 *   items     matched by product (case, width and spacing ignored; several lines of one product pair up by
 *             position, identical lines first): added, removed, changed (which fields, from → to) and unchanged;
 *             the spec text of a changed line also as the lines (or `;`-separated parts) it lost and gained
 *   terms     incoterm, payment terms, lead time, terms text (with its lost and gained parts), note
 *   validity  strategy, days, FX threshold, season and its end, the valid-through day, the stages (R7)
 *   total     from → to, the change and its percentage
 *   questions asked and answered between the two versions' creation, and the spec coverage at each version
 *             (asked / answered as of its creation)
 */

export interface DiffItem {
  position: number;
  product: string;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

export interface DiffValidity {
  strategy: string;
  days: number | null;
  thresholdPercent: number | null;
  seasonName: string | null;
  seasonEndsOn: string | null;
  validThrough: string | null;
  stages: readonly { name: string; validThrough: string }[];
}

export interface DiffVersion {
  version: number;
  validity: DiffValidity;
  incoterm: string | null;
  paymentTerms: string | null;
  leadTimeDays: number | null;
  terms: string;
  note: string;
  total: number;
  items: readonly DiffItem[];
  createdAt: string;
}

export interface DiffQuestion {
  id: string;
  question: string;
  answer: string | null;
  askedAt: string;
  answeredAt: string | null;
}

export type ItemField = 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount';
export type TermField = 'incoterm' | 'paymentTerms' | 'leadTimeDays' | 'terms' | 'note';
export type ValidityField = 'strategy' | 'days' | 'thresholdPercent' | 'seasonName' | 'seasonEndsOn' | 'validThrough' | 'stages';

export interface TextParts {
  removed: string[];
  added: string[];
}

export interface FieldChange<F extends string> {
  field: F;
  from: string | number | null;
  to: string | number | null;
  /** Text fields: the parts (lines, or `;`-separated items) that went and came. */
  parts?: TextParts;
  /** Number fields: the change in percent of the old value (null when the old value is 0 or missing). */
  percent?: number | null;
}

export interface ItemChange {
  product: string;
  from: DiffItem;
  to: DiffItem;
  changes: FieldChange<ItemField>[];
}

export interface Coverage {
  asked: number;
  answered: number;
}

export interface QuoteDiff {
  from: number;
  to: number;
  items: { added: DiffItem[]; removed: DiffItem[]; changed: ItemChange[]; unchanged: number };
  terms: FieldChange<TermField>[];
  validity: FieldChange<ValidityField>[];
  total: { from: number; to: number; change: number; percent: number | null };
  questions: { askedSince: DiffQuestion[]; answeredSince: DiffQuestion[]; coverage: { from: Coverage; to: Coverage } };
}

/** A product name as people mean it: `ＬＥＤ  Panel` and `led panel` are one product. */
export function productKey(product: string): string {
  return product.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The parts of a spec or terms text: its lines, and within a line its `;`/`；`-separated items, trimmed. */
export function textParts(text: string): string[] {
  return text
    .split(/\r?\n|[;；]/)
    .map((part) => part.normalize('NFKC').trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '');
}

/** What `before` has and `after` lacks, and the reverse, counting repeats (a multiset difference). */
export function partsDiff(before: string, after: string): TextParts {
  const count = (parts: string[]) => {
    const map = new Map<string, number>();
    for (const p of parts) map.set(p, (map.get(p) ?? 0) + 1);
    return map;
  };
  const a = textParts(before);
  const b = textParts(after);
  const left = count(b);
  const removed: string[] = [];
  for (const p of a) {
    const n = left.get(p) ?? 0;
    if (n > 0) left.set(p, n - 1);
    else removed.push(p);
  }
  const right = count(a);
  const added: string[] = [];
  for (const p of b) {
    const n = right.get(p) ?? 0;
    if (n > 0) right.set(p, n - 1);
    else added.push(p);
  }
  return { removed, added };
}

const percentOf = (from: number | null, to: number | null): number | null =>
  from === null || to === null || from === 0 ? null : Math.round(((to - from) / from) * 10_000) / 100;

function numberChange<F extends string>(field: F, from: number | null, to: number | null): FieldChange<F> | null {
  return from === to ? null : { field, from, to, percent: percentOf(from, to) };
}

function textChange<F extends string>(field: F, from: string | null, to: string | null, withParts: boolean): FieldChange<F> | null {
  if ((from ?? '') === (to ?? '')) return null;
  return withParts ? { field, from, to, parts: partsDiff(from ?? '', to ?? '') } : { field, from, to };
}

function itemChanges(from: DiffItem, to: DiffItem): FieldChange<ItemField>[] {
  return [
    textChange('description' as const, from.description, to.description, true),
    numberChange('quantity' as const, from.quantity, to.quantity),
    textChange('unit' as const, from.unit, to.unit, false),
    numberChange('unitPrice' as const, from.unitPrice, to.unitPrice),
    numberChange('amount' as const, from.amount, to.amount),
  ].filter((c): c is FieldChange<ItemField> => c !== null);
}

const sameLine = (a: DiffItem, b: DiffItem) =>
  a.description === b.description && a.quantity === b.quantity && a.unit === b.unit && a.unitPrice === b.unitPrice && a.amount === b.amount;

function diffItems(before: readonly DiffItem[], after: readonly DiffItem[]): QuoteDiff['items'] {
  const groups = new Map<string, { before: DiffItem[]; after: DiffItem[] }>();
  const group = (item: DiffItem) => {
    const key = productKey(item.product);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { before: [], after: [] }));
    return g;
  };
  for (const item of [...before].sort((x, y) => x.position - y.position)) group(item).before.push(item);
  for (const item of [...after].sort((x, y) => x.position - y.position)) group(item).after.push(item);
  const out: QuoteDiff['items'] = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const g of groups.values()) {
    // Identical lines pair first, then the rest in position order.
    const rest = [...g.after];
    const pending: DiffItem[] = [];
    for (const item of g.before) {
      const twin = rest.findIndex((other) => sameLine(item, other));
      if (twin >= 0) {
        rest.splice(twin, 1);
        out.unchanged++;
      } else pending.push(item);
    }
    pending.forEach((item, i) => {
      const other = rest[i];
      if (other) out.changed.push({ product: other.product, from: item, to: other, changes: itemChanges(item, other) });
      else out.removed.push(item);
    });
    out.added.push(...rest.slice(pending.length));
  }
  const byPosition = (x: { position: number }, y: { position: number }) => x.position - y.position;
  out.added.sort(byPosition);
  out.removed.sort(byPosition);
  out.changed.sort((x, y) => x.to.position - y.to.position);
  return out;
}

function coverageAt(questions: readonly DiffQuestion[], instant: string): Coverage {
  const asked = questions.filter((q) => q.askedAt <= instant);
  return { asked: asked.length, answered: asked.filter((q) => q.answeredAt !== null && q.answeredAt <= instant).length };
}

/** A stage plan as one text, a `name validThrough` part per stage, so the diff names the stages that went and came. */
export const stagesText = (stages: DiffValidity['stages']): string => stages.map((s) => `${s.name} ${s.validThrough}`).join('; ');

function validityChanges(from: DiffValidity, to: DiffValidity): FieldChange<ValidityField>[] {
  return [
    textChange('strategy' as const, from.strategy, to.strategy, false),
    numberChange('days' as const, from.days, to.days),
    numberChange('thresholdPercent' as const, from.thresholdPercent, to.thresholdPercent),
    textChange('seasonName' as const, from.seasonName, to.seasonName, false),
    textChange('seasonEndsOn' as const, from.seasonEndsOn, to.seasonEndsOn, false),
    textChange('validThrough' as const, from.validThrough, to.validThrough, false),
    textChange('stages' as const, stagesText(from.stages), stagesText(to.stages), true),
  ].filter((c): c is FieldChange<ValidityField> => c !== null);
}

/** R8: the diff from version `from` to version `to` (either order; a later `from` gives the changes backwards). */
export function diffQuoteVersions(from: DiffVersion, to: DiffVersion, questions: readonly DiffQuestion[]): QuoteDiff {
  const terms = [
    textChange('incoterm' as const, from.incoterm, to.incoterm, false),
    textChange('paymentTerms' as const, from.paymentTerms, to.paymentTerms, false),
    numberChange('leadTimeDays' as const, from.leadTimeDays, to.leadTimeDays),
    textChange('terms' as const, from.terms, to.terms, true),
    textChange('note' as const, from.note, to.note, true),
  ].filter((c): c is FieldChange<TermField> => c !== null);
  const [early, late] = from.createdAt <= to.createdAt ? [from.createdAt, to.createdAt] : [to.createdAt, from.createdAt];
  const between = (at: string | null) => at !== null && at > early && at <= late;
  return {
    from: from.version,
    to: to.version,
    items: diffItems(from.items, to.items),
    terms,
    validity: validityChanges(from.validity, to.validity),
    total: { from: from.total, to: to.total, change: Math.round((to.total - from.total) * 100) / 100, percent: percentOf(from.total, to.total) },
    questions: {
      askedSince: questions.filter((q) => between(q.askedAt)),
      answeredSince: questions.filter((q) => between(q.answeredAt)),
      coverage: { from: coverageAt(questions, from.createdAt), to: coverageAt(questions, to.createdAt) },
    },
  };
}
