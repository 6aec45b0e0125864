/**
 * The set-based facts (whole month rows, single orders only where a window edge falls inside a month or payments are
 * still open) equal the facts computed order by order from their definitions, on random books and as-of dates —
 * month ends and mid-months, orders after the as-of date, late payments, same-day orders, deleted orders.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAccountMonths } from '../../src-main/db/account-months';
import { accountOrderFacts, bookOrderFacts, type OrderFactsRow } from '../../src-main/db/scoring-facts';
import { addDays, addMonths, monthOf, scoreWindows } from '../../src-main/domain/scoring';
import { scoringFor } from '../../src-main/services/scoring';
import { openTestBook, type TestBook } from '../db/temp-book';

interface TestOrder {
  account: number;
  orderedAt: string;
  amount: number;
  cost: number | null;
  quantity: number | null;
  unit: string | null;
  dueOn: string | null;
  paidOn: string | null;
  deleted: boolean;
}

const ACCOUNTS = ['01JQA0000000000000000000A0', '01JQA0000000000000000000A1', '01JQA0000000000000000000A2'];
const START = '2023-01-01';

const cents = (n: number) => Math.round(n * 100) / 100;
const micro = (n: number) => Math.round(n * 1e6) / 1e6;

/** The facts of one account, order by order, straight from the definitions in PRODUCT and domain/scoring/facts.ts. */
function reference(orders: (TestOrder & { id: string })[], account: number, asOf: string): Omit<OrderFactsRow, 'account_id' | 'q_r' | 'q_f' | 'q_m' | 'q_purchase'> | null {
  const w = scoreWindows(asOf);
  const live = orders.filter((o) => o.account === account && !o.deleted).sort((a, b) => (a.orderedAt + a.id < b.orderedAt + b.id ? -1 : 1));
  const placed = live.filter((o) => o.orderedAt <= asOf);
  if (placed.length === 0) return null;
  const gapOf = new Map<string, number | null>();
  live.forEach((o, i) => gapOf.set(o.id, i === 0 ? null : Math.round((Date.parse(o.orderedAt) - Date.parse(live[i - 1]!.orderedAt)) / 86_400_000)));
  const inWindow = (o: TestOrder, n: 3 | 6 | 12 | 24) => o.orderedAt > w.since[n];
  const sum = (list: TestOrder[], f: (o: TestOrder) => number) => list.reduce((s, o) => s + f(o), 0);
  const w24 = placed.filter((o) => inWindow(o, 24));
  const w12 = placed.filter((o) => inWindow(o, 12));
  const w6 = placed.filter((o) => inWindow(o, 6));
  const w3 = placed.filter((o) => inWindow(o, 3));
  const gaps = w24.map((o) => gapOf.get(o.id)).filter((g): g is number => g !== null && g !== undefined);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const due = (list: TestOrder[]) => list.filter((o) => o.dueOn !== null && o.dueOn <= asOf);
  const onTime = (list: TestOrder[]) => due(list).filter((o) => o.paidOn !== null && o.paidOn <= o.dueOn!);
  const units = (list: TestOrder[]) => list.map((o) => o.unit).filter((u): u is string => u !== null).sort();
  const churn = placed.filter((o) => monthOf(o.orderedAt) >= w.churnMonths[0]! && monthOf(o.orderedAt) <= w.churnMonths[5]!);
  const month = (i: number) => churn.filter((o) => monthOf(o.orderedAt) === w.churnMonths[i]);
  return {
    first_order: placed[0]!.orderedAt,
    last_order: placed[placed.length - 1]!.orderedAt,
    orders_all: placed.length,
    overdue: cents(sum(placed.filter((o) => o.dueOn !== null && o.dueOn < asOf && (o.paidOn === null || o.paidOn > asOf)), (o) => o.amount)),
    orders24: w24.length,
    revenue24: cents(sum(w24, (o) => o.amount)),
    orders12: w12.length,
    revenue12: cents(sum(w12, (o) => o.amount)),
    revenue_prev12: cents(sum(w24, (o) => o.amount) - sum(w12, (o) => o.amount)),
    costed12: cents(sum(w12.filter((o) => o.cost !== null), (o) => o.amount)),
    cost12: cents(sum(w12, (o) => o.cost ?? 0)),
    gap_count: gaps.length,
    gap_sum: gaps.reduce((a, b) => a + b, 0),
    gap_sumsq: gaps.reduce((a, b) => a + b * b, 0),
    due12: due(w12).length,
    on_time12: onTime(w12).length,
    due24: due(w24).length,
    on_time24: onTime(w24).length,
    costed3: cents(sum(w3.filter((o) => o.cost !== null), (o) => o.amount)),
    cost3: cents(sum(w3, (o) => o.cost ?? 0)),
    orders6: w6.length,
    with_quantity6: w6.filter((o) => o.quantity !== null).length,
    unit_min6: units(w6)[0] ?? null,
    unit_max6: units(w6).at(-1) ?? null,
    amount3: cents(sum(w3, (o) => o.amount)),
    quantity3: micro(sum(w3, (o) => o.quantity ?? 0)),
    amount_prev3: cents(sum(w6, (o) => o.amount) - sum(w3, (o) => o.amount)),
    quantity_prev3: micro(sum(w6, (o) => o.quantity ?? 0) - sum(w3, (o) => o.quantity ?? 0)),
    churn_orders: churn.length,
    churn_with_quantity: churn.filter((o) => o.quantity !== null).length,
    churn_unit_min: units(churn)[0] ?? null,
    churn_unit_max: units(churn).at(-1) ?? null,
    churn_amount1: cents(sum(month(0), (o) => o.amount)),
    churn_amount2: cents(sum(month(1), (o) => o.amount)),
    churn_amount3: cents(sum(month(2), (o) => o.amount)),
    churn_amount4: cents(sum(month(3), (o) => o.amount)),
    churn_amount5: cents(sum(month(4), (o) => o.amount)),
    churn_amount6: cents(sum(month(5), (o) => o.amount)),
    churn_quantity1: micro(sum(month(0), (o) => o.quantity ?? 0)),
    churn_quantity2: micro(sum(month(1), (o) => o.quantity ?? 0)),
    churn_quantity3: micro(sum(month(2), (o) => o.quantity ?? 0)),
    churn_quantity4: micro(sum(month(3), (o) => o.quantity ?? 0)),
    churn_quantity5: micro(sum(month(4), (o) => o.quantity ?? 0)),
    churn_quantity6: micro(sum(month(5), (o) => o.quantity ?? 0)),
    median_gap: median,
  };
}

const day = (offset: number) => addDays(START, offset);
const order = fc
  .record({
    account: fc.integer({ min: 0, max: ACCOUNTS.length - 1 }),
    ordered: fc.integer({ min: 0, max: 1000 }),
    amount: fc.integer({ min: 0, max: 500_000 }),
    cost: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
    quantity: fc.option(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('t', 'pcs')), { nil: null }),
    due: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    paid: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
    deleted: fc.boolean(),
  })
  .map(
    (o): TestOrder => ({
      account: o.account,
      orderedAt: day(o.ordered),
      amount: o.amount / 100,
      cost: o.cost === null ? null : o.cost / 100,
      quantity: o.quantity === null ? null : o.quantity[0] / 10,
      unit: o.quantity === null ? null : o.quantity[1],
      dueOn: o.due === null ? null : day(o.ordered + o.due),
      paidOn: o.due === null || o.paid === null ? null : day(o.ordered + o.due + o.paid),
      deleted: o.deleted && o.amount % 7 === 0,
    }),
  );
/** As-of dates: any day, month ends, and the day before a month end (a window edge inside the month). */
const asOfDate = fc.oneof(
  fc.integer({ min: 100, max: 1050 }).map(day),
  fc.integer({ min: 3, max: 34 }).map((m) => addDays(addMonths('2023-01-01', m), -1)),
  fc.integer({ min: 3, max: 34 }).map((m) => addDays(addMonths('2023-01-01', m), -2)),
);

/** A book and an as-of date — often one of its own dates (an order, due or payment day), where edges are sharp. */
const booksAndDates = fc.array(order, { maxLength: 40 }).chain((orders) => {
  const own = orders.flatMap((o) => [o.orderedAt, o.dueOn, o.paidOn]).filter((d): d is string => d !== null);
  return fc.tuple(fc.constant(orders), own.length > 0 ? fc.oneof(asOfDate, fc.constantFrom(...own)) : asOfDate);
});

let tb: TestBook;
beforeAll(() => {
  tb = openTestBook();
  const insert = tb.book.sqlite.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  ACCOUNTS.forEach((id, i) => insert.run(id, `Buyer ${i}`, 'ES', 'Europe/Madrid', '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z'));
});
afterAll(async () => {
  await tb.close();
});

function load(orders: TestOrder[]): (TestOrder & { id: string })[] {
  const db = tb.book.sqlite;
  db.prepare('DELETE FROM account_months').run();
  db.prepare('DELETE FROM orders').run();
  const insert = db.prepare(
    `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit, due_on, paid_on,
       created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const withIds = orders.map((o, i) => ({ ...o, id: `01JQB${String(i).padStart(21, '0')}` }));
  const now = '2026-01-01T00:00:00Z';
  db.transaction(() => {
    for (const o of withIds) {
      insert.run(o.id, ACCOUNTS[o.account], o.orderedAt, o.amount, o.amount, o.cost, o.cost, o.quantity, o.unit, o.dueOn, o.paidOn, now, now, o.deleted ? now : null);
    }
    rebuildAccountMonths(db, now);
  })();
  return withIds;
}

function comparable(row: object | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (['account_id', 'q_r', 'q_f', 'q_m', 'q_purchase', 'gaps', 'amount6', 'quantity6'].includes(k)) continue;
    out[k] = typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v;
  }
  return out;
}

describe('scoring facts: month rows and single orders give exactly the order-by-order facts', () => {
  it('on random books and as-of dates, for the whole book and for one account', () => {
    fc.assert(
      fc.property(booksAndDates, ([orders, asOf]) => {
        const withIds = load(orders);
        const s = scoringFor(tb.book.sqlite, tb.ctx.host, tb.ctx.now(), asOf);
        const book = bookOrderFacts(tb.book.sqlite, s.orderParams);
        const byAccount = new Map(book.accountIds.map((id, i) => [id, book.row(i)]));
        ACCOUNTS.forEach((id, i) => {
          const expected = comparable(reference(withIds, i, asOf));
          const fromBook = byAccount.get(id);
          // An account whose orders all come after the as-of date may have a row with nothing in it.
          const got = fromBook && fromBook.orders_all > 0 ? comparable(fromBook) : null;
          expect(got, `${id} as of ${asOf} (book)`).toEqual(expected);
          const one = accountOrderFacts(tb.book.sqlite, s.orderParams, id);
          expect(one && one.orders_all > 0 ? comparable(one) : null, `${id} as of ${asOf} (one account)`).toEqual(expected);
        });
      }),
      { seed: 20251130, numRuns: 200 },
    );
  });
});
