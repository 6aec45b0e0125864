/**
 * R7 with R8: a revision may change a quote's validity. Each version keeps the validity it was made with, the quote
 * reads the current one (so the scheduler's expiry reminders follow it), `quotes.diff` shows the change field by field,
 * a staged plan's old stages are left as tombstones, and a revision without a validity carries the current one. Real
 * books in temp dirs; the CLI through the real binary.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Quote } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { runTradebook } from '../cli/run-cli';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

const ITEMS = [{ product: 'LED Panel 600x600', quantity: 500, unit: 'pcs', unitPrice: 12.5 }];

describe('R7/R8: a revision that changes the validity', () => {
  let tb: TestBook;
  let clock = '2025-06-02T08:00:00Z';
  let accountId = '';
  beforeEach(async () => {
    tb = openTestBook();
    clock = '2025-06-02T08:00:00Z';
    tb.ctx.now = () => clock;
    valueOf(await call(tb.ctx, 'fx.add', { date: '2025-06-01', currency: 'EUR', rate: 7.8 }));
    accountId = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' })).id;
  });
  afterEach(() => tb.close());

  const addQuote = async (validity: Parameters<typeof call<'quotes.add'>>[2]['validity']): Promise<Quote> =>
    valueOf(await call(tb.ctx, 'quotes.add', { accountId, currency: 'EUR', quoteDate: '2025-06-02', validity, items: ITEMS }));

  it('R7: 30 fixed days → 45 FX-sensitive days: the quote reads the new one, each version its own, the diff names the fields', async () => {
    const quote = await addQuote({ strategy: 'fixed', days: 30 });
    clock = '2025-06-04T08:00:00Z';
    const revised = valueOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items: ITEMS, validity: { strategy: 'fx', days: 45, thresholdPercent: 2 } }));
    expect(revised.validity).toMatchObject({ strategy: 'fx', days: 45, thresholdPercent: 2, rateAtQuote: 7.8, validThrough: '2025-07-17' });
    expect(revised.versions.map((v) => [v.version, v.validity.strategy, v.validity.days, v.validity.validThrough])).toEqual([
      [1, 'fixed', 30, '2025-07-02'],
      [2, 'fx', 45, '2025-07-17'],
    ]);
    const diff = valueOf(await call(tb.ctx, 'quotes.diff', { id: quote.id }));
    expect(diff.validity.map((c) => [c.field, c.from, c.to])).toEqual([
      ['strategy', 'fixed', 'fx'],
      ['days', 30, 45],
      ['thresholdPercent', null, 2],
      ['validThrough', '2025-07-02', '2025-07-17'],
    ]);
    // The scheduler's R7 reminders (of a sent quote) follow the current validity.
    valueOf(await call(tb.ctx, 'quotes.send', { id: quote.id, at: clock }));
    valueOf(await call(tb.ctx, 'schedule.run', { now: clock }));
    const reminders = valueOf(await call(tb.ctx, 'tasks.list', { status: 'open' })).filter((t) => t.kind === 'expiry_reminder' && t.sourceId === quote.id);
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) expect(r.dueAt < '2025-07-18').toBe(true);
    expect(reminders.some((r) => r.dueAt > '2025-07-03')).toBe(true);
  });

  it('R7: without a validity a revision carries the current one, and the diff says the validity is unchanged', async () => {
    const quote = await addQuote({ strategy: 'periodic', seasonName: 'Summer 2025', seasonEndsOn: '2025-08-31' });
    const revised = valueOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items: [{ ...ITEMS[0]!, unitPrice: 12 }] }));
    expect(revised.versions.map((v) => v.validity)).toEqual([revised.versions[0]!.validity, revised.versions[0]!.validity]);
    expect(revised.versions[1]!.validity).toMatchObject({ strategy: 'periodic', seasonName: 'Summer 2025', seasonEndsOn: '2025-08-31', validThrough: '2025-08-31' });
    expect(valueOf(await call(tb.ctx, 'quotes.diff', { id: quote.id })).validity).toEqual([]);
    // The same validity given again changes nothing either.
    const again = valueOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items: ITEMS, validity: { strategy: 'periodic', seasonName: 'Summer 2025', seasonEndsOn: '2025-08-31' } }));
    expect(valueOf(await call(tb.ctx, 'quotes.diff', { id: again.id })).validity).toEqual([]);
  });

  it('R7: a new stage plan replaces the stages (the old ones as tombstones) and the diff names the stages that went and came', async () => {
    const quote = await addQuote({ strategy: 'staged', stages: [{ name: 'Sample', validThrough: '2025-06-20' }, { name: 'Bulk', validThrough: '2025-07-31' }] });
    const revised = valueOf(
      await call(tb.ctx, 'quotes.revise', { id: quote.id, items: ITEMS, validity: { strategy: 'staged', stages: [{ name: 'Sample', validThrough: '2025-06-20' }, { name: 'Bulk', validThrough: '2025-08-15' }, { name: 'Repeat', validThrough: '2025-09-30' }] } }),
    );
    expect(revised.stages.map((s) => [s.position, s.name, s.validThrough])).toEqual([
      [1, 'Sample', '2025-06-20'],
      [2, 'Bulk', '2025-08-15'],
      [3, 'Repeat', '2025-09-30'],
    ]);
    const tombstones = tb.book.sqlite.prepare('SELECT count(*) AS n FROM quote_stages WHERE quote_id = ? AND deleted_at IS NOT NULL').get(quote.id) as { n: number };
    expect(tombstones.n).toBe(2);
    expect(revised.versions[0]!.validity.stages).toEqual([{ name: 'Sample', validThrough: '2025-06-20' }, { name: 'Bulk', validThrough: '2025-07-31' }]);
    const stages = valueOf(await call(tb.ctx, 'quotes.diff', { id: quote.id })).validity.find((c) => c.field === 'stages');
    expect(stages?.parts).toEqual({ removed: ['Bulk 2025-07-31'], added: ['Bulk 2025-08-15', 'Repeat 2025-09-30'] });
    // From staged to fixed: no live stages are left.
    const fixed = valueOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items: ITEMS, validity: { strategy: 'fixed', days: 60 } }));
    expect(fixed.stages).toEqual([]);
    expect(fixed.validity).toMatchObject({ strategy: 'fixed', days: 60, validThrough: '2025-08-01' });
  });

  it('bad input: a validity ending before the quote date, or an FX-sensitive one without a rate, is refused and nothing is written', async () => {
    const quote = await addQuote({ strategy: 'fixed', days: 30 });
    const before = tb.book.sqlite.prepare('SELECT * FROM quotes').all();
    const early = errorOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items: ITEMS, validity: { strategy: 'periodic', seasonName: 'Spring', seasonEndsOn: '2025-05-31' } }));
    expect([early.code, early.message]).toEqual(['invalid_state', expect.stringContaining('2025-05-31')]);
    const usd = valueOf(await call(tb.ctx, 'quotes.add', { accountId, currency: 'USD', quoteDate: '2025-06-02', validity: { strategy: 'fixed', days: 30 }, items: ITEMS }));
    const noRate = errorOf(await call(tb.ctx, 'quotes.revise', { id: usd.id, items: ITEMS, validity: { strategy: 'fx', days: 30 } }));
    expect(noRate.code).toBe('fx_missing');
    expect(tb.book.sqlite.prepare("SELECT * FROM quotes WHERE currency = 'EUR'").all()).toEqual(before);
    expect((tb.book.sqlite.prepare('SELECT count(*) AS n FROM quote_versions').get() as { n: number }).n).toBe(2);
  });

  it('`tradebook quotes revise ID --valid-days N` changes it; `quotes diff` prints the validity lines in English and Chinese', async () => {
    const quote = await addQuote({ strategy: 'fixed', days: 30 });
    const file = path.join(tb.dir, 'book.db');
    const revised = await runTradebook(['--db', file, 'quotes', 'revise', quote.id, '--valid-days', '40', '--json']);
    expect(revised.status, revised.stderr).toBe(0);
    expect((JSON.parse(revised.stdout) as Quote).validity).toMatchObject({ strategy: 'fixed', days: 40, validThrough: '2025-07-12' });
    const en = await runTradebook(['--db', file, 'quotes', 'diff', quote.id]);
    expect(en.stdout).toContain('Validity:\n  Valid days 30 → 40 (+33.33 %)\n  Valid through 2025-07-02 → 2025-07-12');
    const zh = await runTradebook(['--db', file, '--lang', 'zh-CN', 'quotes', 'diff', quote.id]);
    expect(zh.stdout).toContain('有效期：\n  有效天数 30 → 40');
    const two = await runTradebook(['--db', file, 'quotes', 'revise', quote.id, '--valid-days', '40', '--season', 'Summer|2025-08-31']);
    expect(two.status).not.toBe(0);
  });
});
