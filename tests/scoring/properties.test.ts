/**
 * Properties of the scores (fast-check, fixed seeds), on small random books scored through the real service:
 * raising an order's amount with its cost unchanged never lowers M or the purchase part; the scores do not depend on
 * the order rows are stored in, and accounts with the same orders score alike; as-of today equals the live score.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountScoreView } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { addDays } from '../../src-main/domain/scoring';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

interface Spec {
  account: number;
  day: number;
  amount: number;
  cost: number | null;
  quantity: number | null;
  due: number | null;
  paid: number | null;
}

const AS_OF = '2025-06-30';
const IDS = ['01JRP0000000000000000000A0', '01JRP0000000000000000000A1', '01JRP0000000000000000000A2', '01JRP0000000000000000000A3'];
const T = '2022-01-01T00:00:00Z';

const spec = fc.record({
  account: fc.integer({ min: 0, max: IDS.length - 1 }),
  day: fc.integer({ min: 0, max: 800 }),
  amount: fc.integer({ min: 1, max: 1_000_000 }),
  cost: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  quantity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  due: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  paid: fc.option(fc.integer({ min: -10, max: 40 }), { nil: null }),
});

let tb: TestBook;
beforeAll(async () => {
  tb = openTestBook(`${AS_OF}T12:00:00Z`);
  valueOf(await call(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'UTC' }));
  const insert = tb.book.sqlite.prepare('INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  IDS.forEach((id, i) => insert.run(id, `Buyer ${i}`, 'DE', 'Europe/Berlin', T, T));
});
afterAll(async () => {
  await tb.close();
});

const dayOf = (n: number) => addDays('2023-05-01', n);

/** Replaces the book's orders (in the order given) and rescores; returns the scores by account. */
async function scoreWith(specs: (Spec & { id: string })[], asOf: string | undefined = AS_OF): Promise<Map<string, AccountScoreView>> {
  const db = tb.book.sqlite;
  db.prepare('DELETE FROM score_snapshots').run();
  db.prepare('DELETE FROM orders').run();
  const insert = db.prepare(
    `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit, due_on, paid_on,
       created_at, updated_at) VALUES (?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const s of specs) {
      const amount = s.amount / 100;
      const cost = s.cost === null ? null : s.cost / 100;
      const due = s.due === null ? null : dayOf(s.day + s.due);
      const paid = s.due === null || s.paid === null ? null : dayOf(s.day + s.due + s.paid);
      insert.run(s.id, IDS[s.account], dayOf(s.day), amount, amount, cost, cost, s.quantity, s.quantity === null ? null : 't', due, paid, T, T);
    }
  })();
  const summary = valueOf(await call(tb.ctx, 'scores.run', asOf === undefined ? {} : { asOf }));
  const views = valueOf(await call(tb.ctx, 'scores.list', { asOf: summary.asOf, limit: 100 }));
  return new Map(views.map((v) => [v.accountId, v]));
}

const withIds = (specs: Spec[]) => specs.map((s, i) => ({ ...s, id: `01JRQ${String(i).padStart(21, '0')}` }));

describe('score properties', () => {
  it('raising an order\'s amount with its cost unchanged never lowers M or the purchase part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 25 }), fc.nat(), fc.integer({ min: 1, max: 5_000_000 }), async (specs, pick, raise) => {
        const book = withIds(specs);
        const target = book[pick % book.length]!;
        const before = (await scoreWith(book)).get(IDS[target.account]!)!;
        const raised = book.map((s) => (s === target ? { ...s, amount: s.amount + raise } : s));
        const after = (await scoreWith(raised)).get(IDS[target.account]!)!;
        if (before.rfm !== null) expect(after.rfm!.m).toBeGreaterThanOrEqual(before.rfm.m);
        expect(after.value.parts.purchase).toBeGreaterThanOrEqual(before.value.parts.purchase);
      }),
      { seed: 424242, numRuns: 40 },
    );
  });

  it('scores do not depend on the order the rows were written in, and the same orders score alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), async (specs, shuffleSeed) => {
        // Account 3 gets a copy of account 0's orders: the two must score alike.
        const book = withIds([...specs.filter((s) => s.account !== 3), ...specs.filter((s) => s.account === 0).map((s) => ({ ...s, account: 3 }))]);
        const straight = await scoreWith(book);
        const shuffled = [...book].sort((a, b) => ((a.day * 7919 + shuffleSeed) % 101) - ((b.day * 7919 + shuffleSeed) % 101) || (a.id < b.id ? 1 : -1));
        const reordered = await scoreWith(shuffled);
        expect([...reordered.entries()]).toEqual([...straight.entries()]);
        const [a0, a3] = [straight.get(IDS[0]!)!, straight.get(IDS[3]!)!];
        expect({ ...a3, accountId: a0.accountId }).toEqual(a0);
      }),
      { seed: 1357, numRuns: 30 },
    );
  });

  it('as-of today (the user\'s local date) equals the live score', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { minLength: 1, maxLength: 20 }), async (specs) => {
        const book = withIds(specs);
        const live = await scoreWith(book, undefined);
        const today = await scoreWith(book, AS_OF);
        expect([...live.values()].map((v) => v.asOf)).toEqual(IDS.map(() => AS_OF));
        expect([...today.entries()]).toEqual([...live.entries()]);
      }),
      { seed: 97, numRuns: 15 },
    );
  });

  it('one new order rescores its account at once (orders.add), the same as a full rescore when the bounds do not move', async () => {
    const book = withIds([
      { account: 0, day: 700, amount: 500_000, cost: 300_000, quantity: 20, due: 30, paid: 0 },
      { account: 1, day: 650, amount: 100_000, cost: null, quantity: null, due: null, paid: null },
      { account: 2, day: 100, amount: 50_000, cost: null, quantity: null, due: null, paid: null },
    ]);
    await scoreWith(book);
    // A small order for account 1, today: it stays in the same quintiles and purchase level.
    const added = await call(tb.ctx, 'orders.add', { accountId: IDS[1]!, orderedAt: AS_OF, amount: 10, currency: 'CNY', quantity: 1, unit: 't' });
    expect(added.ok).toBe(true);
    const incremental = valueOf(await call(tb.ctx, 'scores.list', { accountId: IDS[1]!, asOf: AS_OF }))[0]!;
    valueOf(await call(tb.ctx, 'scores.run', { asOf: AS_OF }));
    const full = valueOf(await call(tb.ctx, 'scores.list', { accountId: IDS[1]!, asOf: AS_OF }))[0]!;
    expect(incremental).toEqual(full);
    expect(incremental.health.indicators.find((i) => i.name === 'recency')!.reason).toBe('last order 0 days ago → 100');
  });
});
