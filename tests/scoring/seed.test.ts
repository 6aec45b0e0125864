/**
 * The sample book covers every class of every score: `seed --accounts 2000 --seed 1` (through the service, as the
 * CLI's `seed` does) scored as of its last day yields every tier, quadrant and loyalty class and churn warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMonthsFresh, rebuildAccountMonths } from '../../src-main/db/account-months';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

let tb: TestBook;
beforeAll(() => {
  tb = openTestBook('2025-06-30T12:00:00Z');
});
afterAll(async () => {
  await tb.close();
});

describe('seed coverage', () => {
  it('R10–R14: seed --accounts 2000 --seed 1 has every tier, quadrant and loyalty class and at least one churn warning', async () => {
    const seeded = valueOf(await call(tb.ctx, 'book.seed', { accounts: 2000, seed: 1 }));
    expect(seeded.accounts).toBe(2000);
    const summary = valueOf(await call(tb.ctx, 'scores.run', { asOf: '2025-06-30' }));
    expect(summary.accounts).toBe(2000);
    for (const [name, count] of [...Object.entries(summary.tiers), ...Object.entries(summary.quadrants), ...Object.entries(summary.loyalty)]) {
      expect(count, name).toBeGreaterThan(0);
    }
    expect(summary.churnWarnings).toBeGreaterThan(0);
    expect(summary.rebuiltAggregates).toBe(false); // the seed fills the monthly aggregates itself

    // The seeds' U-shaped accounts (tonnes only) are among the warnings, and every warning carries its recovery plan.
    const views = valueOf(await call(tb.ctx, 'scores.list', { asOf: '2025-06-30', limit: 2000 }));
    const warnings = views.filter((v) => v.churn.warning);
    expect(warnings.length).toBe(summary.churnWarnings);
    expect(warnings.some((v) => / t, /.test(v.churn.reason))).toBe(true);
    expect(warnings.every((v) => v.churn.recoveryPlan.length === 4 && v.quadrant === 'declining')).toBe(true);
  });

  it('the monthly aggregates the seed writes with its orders are those the SQL rebuild computes from them', () => {
    const db = tb.book.sqlite;
    // The gaps of one month are a list whose order does not matter (orders on one day may come in either order).
    const rows = () =>
      (db.prepare('SELECT * FROM account_months ORDER BY account_id, month').all() as { gaps: string }[]).map((r) => ({
        ...r,
        gaps: r.gaps.split(',').sort().join(','),
      }));
    expect(accountMonthsFresh(db)).toBe(true);
    const seeded = rows();
    expect(seeded.length).toBeGreaterThan(10_000);
    db.transaction(() => rebuildAccountMonths(db, '2025-06-30T00:00:00Z'))();
    expect(rows()).toEqual(seeded);
  });
});

describe('seeded names read like real export buyers (issue 13)', () => {
  it('no company name of the 2000 repeats a word (no "Trading Trading Co.", no "Industrial Industrial S.L.")', () => {
    const names = (tb.book.sqlite.prepare('SELECT name FROM accounts').all() as { name: string }[]).map((r) => r.name);
    expect(names.length).toBe(2000);
    const stem = (word: string) => word.toLowerCase().replace(/[^\p{L}]/gu, '').slice(0, 5);
    const doubled = names.filter((name) => {
      const stems = name.split(/\s+/).map(stem).filter((s) => s.length >= 3);
      return new Set(stems).size !== stems.length;
    });
    expect(doubled).toEqual([]);
  });
});
