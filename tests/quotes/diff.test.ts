/**
 * R8: a quote's versions compared field by field (src-main/domain/quotes/diff.ts, `quotes.diff`, `tradebook quotes
 * diff`). The seeds' case: a later version that silently dropped three certifications from a line's spec and a line
 * of its own shows them as removed — not only as a smaller total. Pure tests, properties (fixed seed), then the call
 * on a real book and the CLI.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Quote } from '../../src-main/contract/models';
import type { QuoteDiff } from '../../src-main/contract/quotes';
import { diffQuoteVersions, partsDiff, productKey, type DiffItem, type DiffVersion } from '../../src-main/domain/quotes/diff';
import { call } from '../../src-main/handlers/dispatch';
import { runTradebook } from '../cli/run-cli';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

const item = (position: number, product: string, quantity: number, unitPrice: number, description = ''): DiffItem => ({
  position,
  product,
  description,
  quantity,
  unit: 'pcs',
  unitPrice,
  amount: Math.round(quantity * unitPrice * 100) / 100,
});
const FIXED_30 = { strategy: 'fixed', days: 30, thresholdPercent: null, seasonName: null, seasonEndsOn: null, validThrough: '2025-07-01', stages: [] };
const version = (n: number, items: DiffItem[], extra: Partial<DiffVersion> = {}): DiffVersion => ({
  version: n,
  validity: FIXED_30,
  incoterm: 'FOB',
  paymentTerms: '30% T/T in advance, 70% before shipment',
  leadTimeDays: 30,
  terms: '',
  note: '',
  total: Math.round(items.reduce((s, i) => s + i.amount, 0) * 100) / 100,
  items,
  createdAt: `2025-06-0${n}T08:00:00Z`,
  ...extra,
});

describe('R8: the diff between two quote versions (pure)', () => {
  const v1 = version(1, [
    item(1, 'LED Panel 600x600', 500, 12.5, 'CE; RoHS; REACH; UL; 40 W, 4000 K'),
    item(2, 'Driver', 500, 3.2),
    item(3, 'Mounting kit', 500, 1.1),
  ]);
  const v7 = version(
    7,
    [item(1, 'led panel  600x600', 500, 11.9, 'CE; 40 W, 4000 K'), item(2, 'Driver', 500, 3.2), item(3, 'Emergency pack', 50, 8)],
    { incoterm: 'CIF', leadTimeDays: 45, terms: 'Prices valid 30 days\nSamples free' },
  );

  it('R8: dropped certifications show as removed parts of the line spec; a dropped line as removed; a new one as added', () => {
    const diff = diffQuoteVersions(v1, v7, []);
    expect(diff.items.unchanged).toBe(1);
    expect(diff.items.removed.map((i) => i.product)).toEqual(['Mounting kit']);
    expect(diff.items.added.map((i) => i.product)).toEqual(['Emergency pack']);
    expect(diff.items.changed).toHaveLength(1);
    const panel = diff.items.changed[0]!;
    expect(panel.changes.map((c) => c.field)).toEqual(['description', 'unitPrice', 'amount']);
    expect(panel.changes[0]!.parts).toEqual({ removed: ['RoHS', 'REACH', 'UL'], added: [] });
    expect(panel.changes[1]).toMatchObject({ from: 12.5, to: 11.9, percent: -4.8 });
    expect(diff.terms.map((t) => [t.field, t.from, t.to])).toEqual([
      ['incoterm', 'FOB', 'CIF'],
      ['leadTimeDays', 30, 45],
      ['terms', '', 'Prices valid 30 days\nSamples free'],
    ]);
    expect(diff.terms[2]!.parts).toEqual({ removed: [], added: ['Prices valid 30 days', 'Samples free'] });
    expect(diff.total).toEqual({ from: 8400, to: 7950, change: -450, percent: -5.36 });
  });

  it('R8: questions asked and answered between the versions, and the spec coverage at each (9 of 17)', () => {
    const asked = Array.from({ length: 17 }, (_, i) => ({
      id: `q${i}`,
      question: `Question ${i + 1}`,
      askedAt: i < 12 ? '2025-06-01T07:00:00Z' : '2025-06-03T10:00:00Z',
      answer: i < 9 ? 'yes' : null,
      answeredAt: i < 4 ? '2025-06-01T07:30:00Z' : i < 9 ? '2025-06-05T09:00:00Z' : null,
    }));
    const diff = diffQuoteVersions(v1, version(7, [...v1.items]), asked);
    expect(diff.questions.coverage).toEqual({ from: { asked: 12, answered: 4 }, to: { asked: 17, answered: 9 } });
    expect(diff.questions.askedSince.map((q) => q.id)).toEqual(['q12', 'q13', 'q14', 'q15', 'q16']);
    expect(diff.questions.answeredSince.map((q) => q.id)).toEqual(['q4', 'q5', 'q6', 'q7', 'q8']);
  });

  it('product names match across width, case and spacing; several lines of one product pair identical ones first', () => {
    expect(productKey('ＬＥＤ  Panel ')).toBe(productKey('led panel'));
    const before = version(1, [item(1, 'Cable', 100, 1), item(2, 'Cable', 200, 1)]);
    const after = version(2, [item(1, 'Cable', 200, 1), item(2, 'Cable', 150, 1)]);
    const diff = diffQuoteVersions(before, after, []);
    expect(diff.items.unchanged).toBe(1);
    expect(diff.items.changed.map((c) => [c.from.quantity, c.to.quantity])).toEqual([[100, 150]]);
  });

  it('partsDiff counts repeats and reads Chinese semicolons', () => {
    expect(partsDiff('CE；CE；RoHS', 'CE; RoHS; FCC')).toEqual({ removed: ['CE'], added: ['FCC'] });
  });

  it('properties: a version against itself has no change; swapping the versions swaps added and removed', () => {
    const arbItem = fc.record({
      product: fc.constantFrom('Panel', 'Driver', 'Kit', 'Cable'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.constantFrom(1, 2.5, 3),
      description: fc.constantFrom('', 'CE', 'CE; RoHS', 'UL'),
    });
    const arbVersion = (n: number) =>
      fc.array(arbItem, { maxLength: 6 }).map((items) => version(n, items.map((i, k) => item(k + 1, i.product, i.quantity, i.unitPrice, i.description))));
    fc.assert(
      fc.property(arbVersion(1), arbVersion(2), (a, b) => {
        const same = diffQuoteVersions(a, a, []);
        expect(same.items.added.length + same.items.removed.length + same.items.changed.length + same.terms.length).toBe(0);
        expect(same.items.unchanged).toBe(a.items.length);
        const forth = diffQuoteVersions(a, b, []);
        const back = diffQuoteVersions(b, a, []);
        expect(back.items.added.map((i) => i.product).sort()).toEqual(forth.items.removed.map((i) => i.product).sort());
        expect(back.items.removed.map((i) => i.product).sort()).toEqual(forth.items.added.map((i) => i.product).sort());
        // Every line of each version is accounted for exactly once.
        expect(forth.items.unchanged + forth.items.changed.length + forth.items.removed.length).toBe(a.items.length);
        expect(forth.items.unchanged + forth.items.changed.length + forth.items.added.length).toBe(b.items.length);
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});

describe('R8: quotes.diff on a real book, and `tradebook quotes diff`', () => {
  let tb: TestBook;
  let quote: Quote;
  let clock = '2025-06-02T08:00:00Z';

  beforeAll(async () => {
    tb = openTestBook();
    tb.ctx.now = () => clock;
    const account = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES', city: 'Madrid' })) as Account;
    quote = valueOf(
      await call(tb.ctx, 'quotes.add', {
        accountId: account.id,
        currency: 'EUR',
        quoteDate: '2025-06-02',
        validity: { strategy: 'fixed', days: 30 },
        incoterm: 'FOB',
        items: [
          { product: 'LED Panel 600x600', description: 'CE; RoHS; REACH; UL', quantity: 500, unit: 'pcs', unitPrice: 12.5 },
          { product: 'Mounting kit', quantity: 500, unit: 'pcs', unitPrice: 1.1 },
        ],
        questions: [{ question: 'Is the panel flicker-free?' }, { question: 'Which CRI?' }],
      }),
    );
    // Questions asked together come back in the order they were asked (their ids are made in that order).
    expect(quote.questions.map((q) => q.question)).toEqual(['Is the panel flicker-free?', 'Which CRI?']);
    clock = '2025-06-04T08:00:00Z';
    valueOf(
      await call(tb.ctx, 'quotes.revise', {
        id: quote.id,
        incoterm: 'FOB',
        items: [{ product: 'LED Panel 600x600', description: 'CE', quantity: 500, unit: 'pcs', unitPrice: 12.5 }],
        answers: [{ questionId: quote.questions[0]!.id, answer: 'Yes, < 5 % flicker' }],
      }),
    );
  });
  afterAll(() => tb.close());

  it('R8: the current version against the one before: the removed line, the lost certifications, the answered question', async () => {
    const diff = valueOf(await call(tb.ctx, 'quotes.diff', { id: quote.id }));
    expect(diff).toMatchObject({ quoteId: quote.id, number: quote.number, currency: 'EUR', from: 1, to: 2 });
    expect(diff.items.removed.map((i) => i.product)).toEqual(['Mounting kit']);
    expect(diff.items.changed[0]!.changes[0]).toMatchObject({ field: 'description', parts: { removed: ['RoHS', 'REACH', 'UL'], added: [] } });
    expect(diff.total).toMatchObject({ from: 6800, to: 6250, change: -550 });
    expect(diff.questions.answeredSince.map((q) => q.question)).toEqual(['Is the panel flicker-free?']);
    expect(diff.questions.coverage).toEqual({ from: { asked: 2, answered: 0 }, to: { asked: 2, answered: 1 } });
    const back = valueOf(await call(tb.ctx, 'quotes.diff', { id: quote.id, from: 2, to: 1 }));
    expect(back.items.added.map((i) => i.product)).toEqual(['Mounting kit']);
  });

  it('bad input: a version the quote does not have, a quote with one version, an unknown quote — clear errors', async () => {
    const missing = errorOf(await call(tb.ctx, 'quotes.diff', { id: quote.id, from: 1, to: 5 }));
    expect(missing.message).toBe(`Quote ${quote.number} has no version 5: its versions are 1 to 2.`);
    expect(errorOf(await call(tb.ctx, 'quotes.diff', { id: quote.id, to: 9 }, 'zh-CN')).message).toBe(`报价 ${quote.number} 没有第 9 版：现有版本为第 1 至第 2 版。`);
    expect(errorOf(await call(tb.ctx, 'quotes.diff', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('not_found');
    expect(errorOf(await call(tb.ctx, 'quotes.diff', { id: quote.id, from: 0 } as never)).code).toBe('invalid_input');
    const single = valueOf(
      await call(tb.ctx, 'quotes.add', {
        accountId: quote.accountId,
        currency: 'EUR',
        quoteDate: '2025-06-02',
        validity: { strategy: 'fixed', days: 30 },
        items: [{ product: 'Driver', quantity: 10, unit: 'pcs', unitPrice: 3 }],
      }),
    );
    expect(errorOf(await call(tb.ctx, 'quotes.diff', { id: single.id })).message).toBe(`Quote ${single.number} has only one version: revise it to have something to compare.`);
  });

  it('`tradebook quotes diff ID --json` prints the diff; without --json it reads as sentences, in English or Chinese', async () => {
    const file = path.join(tb.dir, 'book.db');
    const json = await runTradebook(['--db', file, 'quotes', 'diff', quote.id, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const diff = JSON.parse(json.stdout) as QuoteDiff;
    expect(diff.items.removed.map((i) => i.product)).toEqual(['Mounting kit']);
    const human = await runTradebook(['--db', file, 'quotes', 'diff', quote.id]);
    expect(human.stdout).toContain(`Quote ${quote.number}, version 1 → 2 (EUR)`);
    expect(human.stdout).toContain('− Mounting kit: 500 pcs × 1.1 = 550');
    expect(human.stdout).toContain('~ LED Panel 600x600: spec lost RoHS, REACH, UL');
    expect(human.stdout).toContain('Total: 6,800 → 6,250 (−550, −8.09 %)');
    expect(human.stdout).toContain('Spec questions answered: 0 of 2 → 1 of 2');
    const zh = await runTradebook(['--db', file, '--lang', 'zh-CN', 'quotes', 'diff', quote.id, '--from', '1', '--to', '2']);
    expect(zh.stdout).toContain(`报价 ${quote.number}，第 1 版 → 第 2 版（EUR）`);
    expect(zh.stdout).toContain('规格缺少 RoHS、REACH、UL');
    const bad = await runTradebook(['--db', file, 'quotes', 'diff', quote.id, '--to', '7']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`Quote ${quote.number} has no version 7: its versions are 1 to 2.`);
    expect(bad.stdout).toBe('');
  });
});
