/**
 * What a score snapshot stores as its explanation (score_snapshots.parts): the account's facts as of the day and the
 * weights in force, from which `scoreAccount` gives back every number and reason exactly. Kept compact — a full
 * rescore writes one per account — as a versioned flat list in the order of FIELDS below.
 */
import { healthIndicators, scoreParts } from '../settings';
import type { ScoreSettings } from './account-score';
import type { AccountFacts } from './facts';
import type { HealthWeights } from './health';
import type { ScoreWeights } from './value';

type Value = number | string | null;

/** Each stored field: how to read it from the facts and write it back. */
interface Field {
  get(f: AccountFacts): Value;
  set(f: AccountFacts, v: Value): void;
}

const num = (v: Value): number => (typeof v === 'number' ? v : 0);
const numOrNull = (v: Value): number | null => (typeof v === 'number' ? v : null);
const text = (v: Value): string | null => (typeof v === 'string' ? v : null);

function field<T>(get: (f: AccountFacts) => T, set: (f: AccountFacts, v: Value) => void): Field {
  return { get: (f) => get(f) as Value, set };
}

const FIELDS: Field[] = [
  field((f) => f.strategicFit, (f, v) => (f.strategicFit = num(v))),
  field((f) => f.reputation, (f, v) => (f.reputation = num(v))),
  field((f) => (f.priorityChannel ? 1 : 0), (f, v) => (f.priorityChannel = v === 1)),
  field((f) => f.orders.count, (f, v) => (f.orders.count = num(v))),
  field((f) => f.orders.firstOrder, (f, v) => (f.orders.firstOrder = text(v))),
  field((f) => f.orders.lastOrder, (f, v) => (f.orders.lastOrder = text(v))),
  field((f) => f.orders.orders24, (f, v) => (f.orders.orders24 = num(v))),
  field((f) => f.orders.revenue24, (f, v) => (f.orders.revenue24 = num(v))),
  field((f) => f.orders.orders12, (f, v) => (f.orders.orders12 = num(v))),
  field((f) => f.orders.revenue12, (f, v) => (f.orders.revenue12 = num(v))),
  field((f) => f.orders.revenuePrev12, (f, v) => (f.orders.revenuePrev12 = num(v))),
  field((f) => f.orders.costedRevenue12, (f, v) => (f.orders.costedRevenue12 = num(v))),
  field((f) => f.orders.cost12, (f, v) => (f.orders.cost12 = num(v))),
  field((f) => f.orders.costedRevenue3, (f, v) => (f.orders.costedRevenue3 = num(v))),
  field((f) => f.orders.cost3, (f, v) => (f.orders.cost3 = num(v))),
  field((f) => f.volume.orders6, (f, v) => (f.volume.orders6 = num(v))),
  field((f) => f.volume.withQuantity6, (f, v) => (f.volume.withQuantity6 = num(v))),
  field((f) => f.volume.unitMin, (f, v) => (f.volume.unitMin = text(v))),
  field((f) => f.volume.unitMax, (f, v) => (f.volume.unitMax = text(v))),
  field((f) => f.volume.amount3, (f, v) => (f.volume.amount3 = num(v))),
  field((f) => f.volume.quantity3, (f, v) => (f.volume.quantity3 = num(v))),
  field((f) => f.volume.amountPrev3, (f, v) => (f.volume.amountPrev3 = num(v))),
  field((f) => f.volume.quantityPrev3, (f, v) => (f.volume.quantityPrev3 = num(v))),
  field((f) => f.churn.orders, (f, v) => (f.churn.orders = num(v))),
  field((f) => f.churn.withQuantity, (f, v) => (f.churn.withQuantity = num(v))),
  field((f) => f.churn.unitMin, (f, v) => (f.churn.unitMin = text(v))),
  field((f) => f.churn.unitMax, (f, v) => (f.churn.unitMax = text(v))),
  ...[0, 1, 2, 3, 4, 5].map((i) => field((f) => f.churn.amounts[i] ?? 0, (f, v) => (f.churn.amounts[i] = num(v)))),
  ...[0, 1, 2, 3, 4, 5].map((i) => field((f) => f.churn.quantities[i] ?? 0, (f, v) => (f.churn.quantities[i] = num(v)))),
  field((f) => f.churn.newInquiries, (f, v) => (f.churn.newInquiries = num(v))),
  field((f) => f.gaps.count, (f, v) => (f.gaps.count = num(v))),
  field((f) => f.gaps.sum, (f, v) => (f.gaps.sum = num(v))),
  field((f) => f.gaps.sumOfSquares, (f, v) => (f.gaps.sumOfSquares = num(v))),
  field((f) => f.gaps.median, (f, v) => (f.gaps.median = numOrNull(v))),
  field((f) => f.payments.due12, (f, v) => (f.payments.due12 = num(v))),
  field((f) => f.payments.onTime12, (f, v) => (f.payments.onTime12 = num(v))),
  field((f) => f.payments.due24, (f, v) => (f.payments.due24 = num(v))),
  field((f) => f.payments.onTime24, (f, v) => (f.payments.onTime24 = num(v))),
  field((f) => f.payments.overdue, (f, v) => (f.payments.overdue = num(v))),
  field((f) => f.activity.inquiries90, (f, v) => (f.activity.inquiries90 = num(v))),
  field((f) => f.activity.replies90, (f, v) => (f.activity.replies90 = num(v))),
  field((f) => f.activity.medianReplyRatio, (f, v) => (f.activity.medianReplyRatio = numOrNull(v))),
  field((f) => f.activity.quotesWon12, (f, v) => (f.activity.quotesWon12 = num(v))),
  field((f) => f.activity.quotesLost12, (f, v) => (f.activity.quotesLost12 = num(v))),
  field((f) => f.activity.openComplaints.A, (f, v) => (f.activity.openComplaints.A = num(v))),
  field((f) => f.activity.openComplaints.B, (f, v) => (f.activity.openComplaints.B = num(v))),
  field((f) => f.activity.openComplaints.C, (f, v) => (f.activity.openComplaints.C = num(v))),
  field((f) => f.activity.complaints12, (f, v) => (f.activity.complaints12 = num(v))),
  field((f) => f.activity.resolvedIn72h12, (f, v) => (f.activity.resolvedIn72h12 = num(v))),
  field((f) => f.activity.daysSinceContact, (f, v) => (f.activity.daysSinceContact = numOrNull(v))),
  field((f) => f.activity.openInquiries, (f, v) => (f.activity.openInquiries = num(v))),
  field((f) => f.activity.openMaxUrgency, (f, v) => (f.activity.openMaxUrgency = numOrNull(v))),
  field((f) => f.activity.openBestQuality, (f, v) => (f.activity.openBestQuality = numOrNull(v))),
  field((f) => (f.activity.openAllLowQuality ? 1 : 0), (f, v) => (f.activity.openAllLowQuality = v === 1)),
  field((f) => f.quintiles.r, (f, v) => (f.quintiles.r = numOrNull(v))),
  field((f) => f.quintiles.f, (f, v) => (f.quintiles.f = numOrNull(v))),
  field((f) => f.quintiles.m, (f, v) => (f.quintiles.m = numOrNull(v))),
  field((f) => f.quintiles.purchase, (f, v) => (f.quintiles.purchase = numOrNull(v))),
];

export const SNAPSHOT_VERSION = 1;

export interface StoredScore {
  v: typeof SNAPSHOT_VERSION;
  /** The facts, in the order of FIELDS. */
  facts: Value[];
  /** scoreWeights in scoreParts order, healthWeights in healthIndicators order. */
  scoreWeights: number[];
  healthWeights: number[];
}

/** Facts with every number at its empty value; `months` are R14's six months of the as-of date. */
export function emptyFacts(accountId: string, months: string[]): AccountFacts {
  return {
    accountId,
    strategicFit: 3,
    reputation: 3,
    priorityChannel: false,
    orders: {
      count: 0,
      firstOrder: null,
      lastOrder: null,
      orders24: 0,
      revenue24: 0,
      orders12: 0,
      revenue12: 0,
      revenuePrev12: 0,
      costedRevenue12: 0,
      cost12: 0,
      costedRevenue3: 0,
      cost3: 0,
    },
    volume: { orders6: 0, withQuantity6: 0, unitMin: null, unitMax: null, amount3: 0, quantity3: 0, amountPrev3: 0, quantityPrev3: 0 },
    churn: { months: [...months], orders: 0, withQuantity: 0, unitMin: null, unitMax: null, amounts: [0, 0, 0, 0, 0, 0], quantities: [0, 0, 0, 0, 0, 0], newInquiries: 0 },
    gaps: { count: 0, sum: 0, sumOfSquares: 0, median: null },
    payments: { due12: 0, onTime12: 0, due24: 0, onTime24: 0, overdue: 0 },
    activity: {
      inquiries90: 0,
      replies90: 0,
      medianReplyRatio: null,
      quotesWon12: 0,
      quotesLost12: 0,
      openComplaints: { A: 0, B: 0, C: 0 },
      complaints12: 0,
      resolvedIn72h12: 0,
      daysSinceContact: null,
      openInquiries: 0,
      openMaxUrgency: null,
      openBestQuality: null,
      openAllLowQuality: false,
    },
    quintiles: { r: null, f: null, m: null, purchase: null },
  };
}

export function encodeScore(facts: AccountFacts, settings: ScoreSettings): StoredScore {
  const values: Value[] = new Array<Value>(FIELDS.length);
  for (let i = 0; i < FIELDS.length; i++) values[i] = FIELDS[i]!.get(facts);
  return {
    v: SNAPSHOT_VERSION,
    facts: values,
    scoreWeights: scoreParts.map((p) => settings.scoreWeights[p]),
    healthWeights: healthIndicators.map((i) => settings.healthWeights[i]),
  };
}

/** The weights part of a stored snapshot, as JSON (the same for every account of a rescore: encode it once). */
export function weightsJson(settings: ScoreSettings): string {
  const { scoreWeights, healthWeights } = encodeScore(emptyFacts('', []), settings);
  return `"scoreWeights":${JSON.stringify(scoreWeights)},"healthWeights":${JSON.stringify(healthWeights)}`;
}

/**
 * The stored values of FIELDS in one pass (a full rescore encodes 50,000 of these: one function reading the fields in
 * place, not 70 getter calls per account). tests/scoring/domain.test.ts checks it against FIELDS on random facts.
 */
export function factValues(f: AccountFacts): Value[] {
  const { orders: o, volume: v, churn: c, gaps: g, payments: p, activity: a, quintiles: q } = f;
  const [c1, c2, c3, c4, c5, c6] = c.amounts;
  const [q1, q2, q3, q4, q5, q6] = c.quantities;
  return [
    f.strategicFit, f.reputation, f.priorityChannel ? 1 : 0,
    o.count, o.firstOrder, o.lastOrder, o.orders24, o.revenue24, o.orders12, o.revenue12, o.revenuePrev12, o.costedRevenue12, o.cost12, o.costedRevenue3, o.cost3,
    v.orders6, v.withQuantity6, v.unitMin, v.unitMax, v.amount3, v.quantity3, v.amountPrev3, v.quantityPrev3,
    c.orders, c.withQuantity, c.unitMin, c.unitMax,
    c1 ?? 0, c2 ?? 0, c3 ?? 0, c4 ?? 0, c5 ?? 0, c6 ?? 0,
    q1 ?? 0, q2 ?? 0, q3 ?? 0, q4 ?? 0, q5 ?? 0, q6 ?? 0,
    c.newInquiries,
    g.count, g.sum, g.sumOfSquares, g.median,
    p.due12, p.onTime12, p.due24, p.onTime24, p.overdue,
    a.inquiries90, a.replies90, a.medianReplyRatio, a.quotesWon12, a.quotesLost12, a.openComplaints.A, a.openComplaints.B, a.openComplaints.C,
    a.complaints12, a.resolvedIn72h12, a.daysSinceContact, a.openInquiries, a.openMaxUrgency, a.openBestQuality, a.openAllLowQuality ? 1 : 0,
    q.r, q.f, q.m, q.purchase,
  ];
}

/** What FIELDS reads, field by field (the reference for factValues). */
export function fieldValues(facts: AccountFacts): Value[] {
  return FIELDS.map((field) => field.get(facts));
}

/** `JSON.stringify(encodeScore(facts, settings))` with the weights' JSON given (see weightsJson). */
export function storedScoreJson(facts: AccountFacts, weights: string): string {
  return `{"v":${SNAPSHOT_VERSION},"facts":${JSON.stringify(factValues(facts))},${weights}}`;
}

export function decodeScore(stored: StoredScore, accountId: string, churnMonths: string[]): { facts: AccountFacts; settings: ScoreSettings } {
  if (stored.v !== SNAPSHOT_VERSION || stored.facts.length !== FIELDS.length) throw new Error(`unknown score snapshot format ${String(stored.v)}`);
  const facts = emptyFacts(accountId, churnMonths);
  FIELDS.forEach((f, i) => f.set(facts, stored.facts[i] ?? null));
  return {
    facts,
    settings: {
      scoreWeights: Object.fromEntries(scoreParts.map((p, i) => [p, stored.scoreWeights[i] ?? 0])) as ScoreWeights,
      healthWeights: Object.fromEntries(healthIndicators.map((n, i) => [n, stored.healthWeights[i] ?? 1])) as HealthWeights,
    },
  };
}
