/**
 * Scores in the accounts list and on the dashboard (issue 7): `accounts.list|count` filtered by each account's latest
 * score snapshot, and `scores.summary`, on a real seeded book (60 accounts, seed 1, as of 2025-06-30).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract';
import type { AccountScoreView, ScoreRunSummary } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

const AS_OF = '2025-06-30';
let tb: TestBook;
let run: ScoreRunSummary;
let views: Map<string, AccountScoreView>;

beforeAll(async () => {
  tb = openTestBook('2025-06-30T10:00:00Z');
  valueOf(await call(tb.ctx, 'book.seed', { accounts: 60, seed: 1 }));
  run = valueOf(await call(tb.ctx, 'scores.run', { asOf: AS_OF }));
  views = new Map(valueOf(await call(tb.ctx, 'scores.list', { limit: 1000 })).map((v) => [v.accountId, v]));
}, 120_000);

afterAll(async () => {
  await tb?.close();
});

const list = async (input: Record<string, unknown>) => valueOf(await call(tb.ctx, 'accounts.list', { limit: 1000, ...input }));
const count = async (input: Record<string, unknown>) => valueOf(await call(tb.ctx, 'accounts.count', input));

describe('accounts.list carries each account\'s latest scores', () => {
  it('every row has its score summary, equal to scores.list, and matches the contract', async () => {
    const rows = await list({});
    expect(rows).toHaveLength(60);
    expect(contract['accounts.list'].output.safeParse(rows).success).toBe(true);
    for (const row of rows) {
      const view = views.get(row.id)!;
      expect(row.score).toEqual({
        asOf: AS_OF,
        tier: view.rfm?.tier ?? null,
        r: view.rfm?.r ?? null,
        f: view.rfm?.f ?? null,
        m: view.rfm?.m ?? null,
        value: view.value.score,
        quadrant: view.quadrant,
        loyalty: view.loyalty,
        health: view.health.score,
        churnWarning: view.churn.warning,
      });
    }
  });

  it('an account never scored has score null and is left out by every score filter', async () => {
    const fresh = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Zzz Unscored GmbH', country: 'DE' }));
    try {
      expect((await list({ query: 'Unscored' })).map((a) => [a.id, a.score])).toEqual([[fresh.id, null]]);
      expect(await count({ query: 'Unscored', churn: false })).toBe(0);
      expect(await count({ churn: false }) + (await count({ churn: true }))).toBe(60);
      expect(valueOf(await call(tb.ctx, 'scores.summary', {})).unscored).toBe(1);
    } finally {
      tb.book.sqlite.prepare("UPDATE accounts SET deleted_at = '2025-06-30T10:00:00Z' WHERE id = ?").run(fresh.id);
    }
  });
});

describe('accounts.list and accounts.count filter by the latest score snapshot', () => {
  it('R10: tier VIP lists exactly the VIP accounts, by name, and the count agrees with scores.run', async () => {
    const vip = [...views.values()].filter((v) => v.rfm?.tier === 'VIP').map((v) => v.accountId);
    expect(vip.length).toBeGreaterThan(0);
    const rows = await list({ tier: 'VIP' });
    expect(rows.map((a) => a.id).sort()).toEqual([...vip].sort());
    expect(rows.every((a) => a.score?.tier === 'VIP')).toBe(true);
    const names = rows.map((a) => a.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await count({ tier: 'VIP' })).toBe(run.tiers.VIP);
    for (const tier of ['new', 'dormant', 'VIP', 'potential', 'general'] as const) expect(await count({ tier })).toBe(run.tiers[tier]);
  });

  it('R12: quadrant and loyalty filters count what scores.run counted', async () => {
    for (const quadrant of ['strategic', 'potential', 'maintain', 'declining'] as const) {
      expect(await count({ quadrant }), quadrant).toBe(run.quadrants[quadrant]);
      expect((await list({ quadrant })).every((a) => a.score?.quadrant === quadrant)).toBe(true);
    }
    for (const loyalty of ['A', 'B', 'C'] as const) expect(await count({ loyalty }), loyalty).toBe(run.loyalty[loyalty]);
  });

  it('R14: churn true lists the accounts with a churn warning; filters combine with each other, the search and paging', async () => {
    expect(run.churnWarnings).toBeGreaterThan(0);
    expect(await count({ churn: true })).toBe(run.churnWarnings);
    expect((await list({ churn: true })).every((a) => a.score?.churnWarning)).toBe(true);
    const both = [...views.values()].filter((v) => v.churn.warning && v.quadrant === 'declining').map((v) => v.accountId);
    expect((await list({ churn: true, quadrant: 'declining' })).map((a) => a.id).sort()).toEqual([...both].sort());
    // The search narrows the filtered set: a name prefix of one churned account finds it (and only matching ones).
    const churned = (await list({ churn: true }))[0]!;
    const word = churned.name.split(/\s+/)[0]!;
    const found = await list({ query: word, churn: true });
    expect(found.map((a) => a.id)).toContain(churned.id);
    expect(found.every((a) => a.score?.churnWarning)).toBe(true);
    expect(await count({ query: word, churn: true })).toBe(found.length);
    expect(await count({ query: word, churn: true, country: churned.country })).toBeLessThanOrEqual(found.length);
    // Pages of a filtered list join up to the whole.
    const all = await list({ churn: true });
    const paged = [...(await list({ churn: true, limit: 2 })), ...(await list({ churn: true, limit: 1000, offset: 2 }))];
    expect(paged.map((a) => a.id)).toEqual(all.map((a) => a.id));
  });

  it('the latest snapshot counts: a later rescore replaces an account\'s tier in the filters', async () => {
    const other = openTestBook('2025-06-30T10:00:00Z');
    try {
      valueOf(await call(other.ctx, 'book.seed', { accounts: 30, seed: 7 }));
      const early = valueOf(await call(other.ctx, 'scores.run', { asOf: '2024-06-30' }));
      const late = valueOf(await call(other.ctx, 'scores.run', { asOf: AS_OF }));
      expect(early.tiers).not.toEqual(late.tiers);
      for (const tier of ['new', 'dormant', 'VIP', 'potential', 'general'] as const) {
        expect(valueOf(await call(other.ctx, 'accounts.count', { tier })), tier).toBe(late.tiers[tier]);
      }
      const rows = valueOf(await call(other.ctx, 'accounts.list', {}));
      expect(rows.every((a) => a.score?.asOf === AS_OF)).toBe(true);
      // An older day asked for explicitly: scores.summary reads that day's snapshots.
      const then = valueOf(await call(other.ctx, 'scores.summary', { asOf: '2024-06-30' }));
      expect(then).toMatchObject({ asOf: '2024-06-30', tiers: early.tiers, quadrants: early.quadrants, loyalty: early.loyalty });
    } finally {
      await other.close();
    }
  }, 120_000);

  it('bad filter values are refused with invalid_input', async () => {
    expect(errorOf(await call(tb.ctx, 'accounts.list', { tier: 'vip' } as never)).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'accounts.count', { quadrant: 'north' } as never)).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'accounts.count', { churn: 'yes' } as never)).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'scores.summary', { asOf: '2025-02-30' })).code).toBe('invalid_input');
  });
});

describe('scores.summary (the dashboard)', () => {
  it('R10/R12: counts by tier, quadrant and loyalty equal those of scores.run', async () => {
    const summary = valueOf(await call(tb.ctx, 'scores.summary', {}));
    expect(contract['scores.summary'].output.safeParse(summary).success).toBe(true);
    expect(summary).toMatchObject({
      asOf: AS_OF,
      accounts: run.accounts,
      unscored: 0,
      withOrders: run.withOrders,
      tiers: run.tiers,
      quadrants: run.quadrants,
      loyalty: run.loyalty,
    });
    expect(summary.churnWarnings.total).toBe(run.churnWarnings);
  });

  it('R14: the churn warnings, most valuable first, with the reason scores.list gives, in the request language', async () => {
    const en = valueOf(await call(tb.ctx, 'scores.summary', {}));
    const zh = valueOf(await call(tb.ctx, 'scores.summary', {}, 'zh-CN'));
    const warned = [...views.values()].filter((v) => v.churn.warning);
    expect(en.churnWarnings.items.map((w) => w.accountId).sort()).toEqual(warned.map((v) => v.accountId).sort());
    const values = en.churnWarnings.items.map((w) => w.value ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const zhViews = new Map(valueOf(await call(tb.ctx, 'scores.list', { limit: 1000 }, 'zh-CN')).map((v) => [v.accountId, v]));
    for (const [i, item] of en.churnWarnings.items.entries()) {
      const account = valueOf(await call(tb.ctx, 'accounts.get', { id: item.accountId }));
      expect(item).toMatchObject({ accountName: account.name, country: account.country, asOf: AS_OF, since: AS_OF });
      expect(item.reason).toBe(views.get(item.accountId)!.churn.reason);
      expect(zh.churnWarnings.items[i]!.reason).toBe(zhViews.get(item.accountId)!.churn.reason);
      expect(zh.churnWarnings.items[i]!.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('R14: `since` is the first day of the unbroken run of warnings', async () => {
    const other = openTestBook('2025-06-30T10:00:00Z');
    try {
      valueOf(await call(other.ctx, 'book.seed', { accounts: 60, seed: 1 }));
      // Three consecutive month-ends; an account warned on all three has since = the first.
      for (const day of ['2025-04-30', '2025-05-31', AS_OF]) valueOf(await call(other.ctx, 'scores.run', { asOf: day }));
      const history = other.book.sqlite
        .prepare('SELECT account_id, as_of, churn_warning FROM score_snapshots WHERE deleted_at IS NULL ORDER BY account_id, as_of')
        .all() as { account_id: string; as_of: string; churn_warning: number }[];
      const expected = new Map<string, string | null>();
      for (const id of new Set(history.map((h) => h.account_id))) {
        const days = history.filter((h) => h.account_id === id);
        if (days.at(-1)!.churn_warning !== 1) continue;
        let since = days.at(-1)!.as_of;
        for (let i = days.length - 2; i >= 0 && days[i]!.churn_warning === 1; i--) since = days[i]!.as_of;
        expected.set(id, since);
      }
      expect([...expected.values()].some((day) => day !== AS_OF), 'some warning runs span several rescores').toBe(true);
      const summary = valueOf(await call(other.ctx, 'scores.summary', {}));
      expect(new Map(summary.churnWarnings.items.map((w) => [w.accountId, w.since]))).toEqual(expected);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('an unscored book: asOf null, zero counts, no warnings', async () => {
    const empty = openTestBook();
    try {
      valueOf(await call(empty.ctx, 'accounts.add', { name: 'Solo Ltd', country: 'GB' }));
      expect(valueOf(await call(empty.ctx, 'scores.summary', {}))).toEqual({
        asOf: null,
        accounts: 0,
        unscored: 1,
        withOrders: 0,
        tiers: { new: 0, dormant: 0, VIP: 0, potential: 0, general: 0 },
        quadrants: { strategic: 0, potential: 0, maintain: 0, declining: 0 },
        loyalty: { A: 0, B: 0, C: 0 },
        churnWarnings: { total: 0, items: [] },
      });
    } finally {
      await empty.close();
    }
  });
});
