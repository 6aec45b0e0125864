import { describe, expect, it } from 'vitest';
import type { Quote, VersionValidity } from '../../src-main/contract/models';
import {
  answersInput,
  draftTotal,
  draftValidThrough,
  effectiveValidThrough,
  emptyItem,
  emptyValidity,
  expiryInstantMs,
  expiryState,
  formatDay,
  formatMoney,
  formatStagePart,
  formatStagePlan,
  itemIssueAt,
  itemProblems,
  itemsInput,
  parseNumber,
  questionsInput,
  termsInput,
  unansweredQuestions,
  validityChanged,
  validityInput,
  validityOfVersion,
  validityProblems,
  type ItemDraft,
} from '../../src-renderer/features/quotes/quote-format';

const validity = (patch: Partial<Quote['validity']> = {}): Quote['validity'] => ({
  strategy: 'fixed',
  days: 30,
  thresholdPercent: null,
  rateAtQuote: null,
  seasonName: null,
  seasonEndsOn: null,
  validThrough: '2025-07-05',
  reconfirmedAt: null,
  reconfirmedRate: null,
  fxFlag: null,
  ...patch,
});
const quote = (patch: Partial<Pick<Quote, 'status' | 'validity' | 'stages'>> = {}) => ({ status: 'sent', validity: validity(), stages: [], ...patch });
const item = (patch: Partial<ItemDraft>): ItemDraft => ({ ...emptyItem(), ...patch });

describe('the Quotes page’s pure logic', () => {
  it('R7: a quote expires at the end of its last valid day in the buyer’s zone', () => {
    // Madrid in July is UTC+2: the end of 5 Jul is 22:00Z; Riyadh (UTC+3) 21:00Z; Tokyo (UTC+9) 15:00Z.
    expect(expiryInstantMs('2025-07-05', 'Europe/Madrid')).toBe(Date.parse('2025-07-05T22:00:00Z'));
    expect(expiryInstantMs('2025-07-05', 'Asia/Riyadh')).toBe(Date.parse('2025-07-05T21:00:00Z'));
    expect(expiryInstantMs('2025-07-05', 'Asia/Tokyo')).toBe(Date.parse('2025-07-05T15:00:00Z'));
    // Across the DST change: the end of 29 Mar 2025 in Madrid is still UTC+1 (clocks go forward at 02:00 on the 30th).
    expect(expiryInstantMs('2025-03-29', 'Europe/Madrid')).toBe(Date.parse('2025-03-29T23:00:00Z'));
    expect(expiryInstantMs('2025-07-05', 'Not/AZone')).toBeNull();
  });

  it('R7: minutes left are rounded down; at the end of the day the quote is expired', () => {
    const q = quote();
    expect(expiryState(q, 'Europe/Madrid', Date.parse('2025-07-05T21:58:30Z'))).toEqual({ kind: 'left', validThrough: '2025-07-05', minutes: 1 });
    expect(expiryState(q, 'Europe/Madrid', Date.parse('2025-07-05T21:59:59Z'))).toEqual({ kind: 'left', validThrough: '2025-07-05', minutes: 0 });
    expect(expiryState(q, 'Europe/Madrid', Date.parse('2025-07-05T22:00:00Z'))).toEqual({ kind: 'expired', validThrough: '2025-07-05' });
    expect(expiryState({ ...q, status: 'expired' }, 'Europe/Madrid', 0)).toEqual({ kind: 'expired', validThrough: '2025-07-05' });
    expect(expiryState({ ...q, status: 'won' }, 'Europe/Madrid', 0)).toEqual({ kind: 'closed' });
    expect(expiryState({ ...q, status: 'lost' }, 'Europe/Madrid', 0)).toEqual({ kind: 'closed' });
    expect(expiryState(quote({ validity: validity({ validThrough: null }) }), 'Europe/Madrid', 0)).toEqual({ kind: 'none' });
  });

  it('R7: the FX cut and the current stage come before the quote’s own last day', () => {
    const fxFlag = { flaggedAt: '2025-06-10T02:00:00Z', rate: 7.9, movedPercent: 3.4, cutThrough: '2025-06-11' };
    expect(effectiveValidThrough(quote({ validity: validity({ strategy: 'fx', fxFlag }) }))).toBe('2025-06-11');
    const stage = (position: number, validThrough: string, completedAt: string | null) => ({ id: `s${position}`, position, name: `Stage ${position}`, validThrough, completedAt });
    const staged = validity({ strategy: 'staged', validThrough: '2025-06-30' });
    expect(effectiveValidThrough(quote({ validity: staged, stages: [stage(1, '2025-06-30', '2025-06-20T00:00:00Z'), stage(2, '2025-08-31', null)] }))).toBe('2025-08-31');
    expect(effectiveValidThrough(quote({ validity: staged, stages: [stage(1, '2025-06-30', '2025-06-20T00:00:00Z')] }))).toBe('2025-06-30');
    expect(effectiveValidThrough(quote())).toBe('2025-07-05');
  });

  it('numbers as typed: separators allowed, anything else is not a number', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber(' 18.40 ')).toBe(18.4);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
    for (const text of ['', 'abc', '1.2.3', '12e3', '--1', '1-2']) expect(parseNumber(text), text).toBeNull();
  });

  it('lines: local checks (product, unit, quantity > 0, price ≥ 0), blank lines left out, totals', () => {
    const items = [
      item({ product: 'Bamboo flooring', quantity: '1,200', unit: 'm2', unitPrice: '18.40' }),
      item({}),
      item({ product: 'Skirting', quantity: '0', unit: '', unitPrice: '-2' }),
      item({ product: '', quantity: 'ten', unit: 'pcs', unitPrice: 'x' }),
    ];
    expect(itemProblems(items)).toEqual({
      2: { unit: 'required', quantity: 'notPositive', unitPrice: 'negative' },
      3: { product: 'required', quantity: 'number', unitPrice: 'number' },
    });
    expect(draftTotal(items)).toBeCloseTo(22080 + 0);
    const sent = itemsInput([items[0]!, items[1]!, item({ product: ' Caps ', description: ' 38 mm ', quantity: '5', unit: 'pcs', unitPrice: '0' })]);
    expect(sent.items).toEqual([
      { product: 'Bamboo flooring', quantity: 1200, unit: 'm2', unitPrice: 18.4 },
      { product: 'Caps', description: '38 mm', quantity: 5, unit: 'pcs', unitPrice: 0 },
    ]);
    expect(sent.rowOf).toEqual([0, 2]);
    // The server's issue on the second line sent belongs to the third row on screen.
    expect(itemIssueAt('items.1.unitPrice', sent.rowOf)).toEqual({ row: 2, field: 'unitPrice' });
    expect(itemIssueAt('items', sent.rowOf)).toBeNull();
    expect(itemIssueAt('items.7.unit', sent.rowOf)).toBeNull();
  });

  it('R7: the validity sent has only its strategy’s fields, and is checked locally first', () => {
    const v = emptyValidity();
    expect(validityInput(v)).toEqual({ strategy: 'fixed', days: 30 });
    expect(validityInput({ ...v, strategy: 'fx', thresholdPercent: '2.5' })).toEqual({ strategy: 'fx', days: 30, thresholdPercent: 2.5 });
    expect(validityInput({ ...v, strategy: 'fx' })).toEqual({ strategy: 'fx', days: 30 });
    const stages = [
      { key: 'a', name: 'Design', validThrough: '2025-07-01' },
      { key: 'b', name: '', validThrough: '' },
    ];
    expect(validityInput({ ...v, strategy: 'staged', stages })).toEqual({ strategy: 'staged', stages: [{ name: 'Design', validThrough: '2025-07-01' }] });
    expect(validityInput({ ...v, strategy: 'periodic', seasonName: ' Spring ', seasonEndsOn: '2025-05-31' })).toEqual({ strategy: 'periodic', seasonName: 'Spring', seasonEndsOn: '2025-05-31' });

    expect(validityProblems(v)).toEqual({});
    expect(validityProblems({ ...v, days: '2.5' })).toEqual({ days: 'wholeDays' });
    expect(validityProblems({ ...v, days: '' })).toEqual({ days: 'required' });
    expect(validityProblems({ ...v, strategy: 'fx', thresholdPercent: '0' })).toEqual({ thresholdPercent: 'percent' });
    expect(validityProblems({ ...v, strategy: 'staged', stages: [{ key: 'a', name: '', validThrough: '2025-07-01' }] })).toEqual({ stages: 'required' });
    expect(validityProblems({ ...v, strategy: 'staged', stages: [{ key: 'a', name: 'Design', validThrough: '2025-02-30' }] })).toEqual({ stages: 'date' });
    expect(validityProblems({ ...v, strategy: 'periodic' })).toEqual({ seasonName: 'required', seasonEndsOn: 'required' });

    expect(draftValidThrough(v, '2025-06-10')).toBe('2025-07-10');
    expect(draftValidThrough({ ...v, days: 'x' }, '2025-06-10')).toBeNull();
    expect(draftValidThrough({ ...v, strategy: 'periodic', seasonEndsOn: '2025-09-30' }, '2025-06-10')).toBe('2025-09-30');
  });

  it('R7: a version’s validity becomes the revise form’s draft, and only a real change is sent', () => {
    const version = (patch: Partial<VersionValidity> = {}): VersionValidity => ({
      strategy: 'fixed',
      days: 30,
      thresholdPercent: null,
      seasonName: null,
      seasonEndsOn: null,
      validThrough: '2025-07-10',
      stages: [],
      ...patch,
    });
    const fixed = validityOfVersion(version());
    expect(validityInput(fixed)).toEqual({ strategy: 'fixed', days: 30 });
    // The threshold kept (a stored default reads as typed), days of a season quote as the new form's default.
    expect(validityInput(validityOfVersion(version({ strategy: 'fx', days: 14, thresholdPercent: 3 })))).toEqual({ strategy: 'fx', days: 14, thresholdPercent: 3 });
    const season = validityOfVersion(version({ strategy: 'periodic', days: null, seasonName: 'Spring', seasonEndsOn: '2025-05-31' }));
    expect([season.days, season.seasonName, season.seasonEndsOn, season.stages.length]).toEqual(['30', 'Spring', '2025-05-31', 1]);
    const stages = [
      { name: 'Design', validThrough: '2025-07-01' },
      { name: 'Sample', validThrough: '2025-08-01' },
    ];
    expect(validityInput(validityOfVersion(version({ strategy: 'staged', days: null, stages })))).toEqual({ strategy: 'staged', stages });
    // A staged version stored without its plan takes the quote's stages.
    expect(validityInput(validityOfVersion(version({ strategy: 'staged', days: null }), stages))).toEqual({ strategy: 'staged', stages });

    // Fresh keys, spaces, a blank stage row: not a change. Other days, another strategy: a change.
    const staged = validityOfVersion(version({ strategy: 'staged', days: null, stages }));
    expect(validityChanged(validityOfVersion(version()), fixed)).toBe(false);
    expect(validityChanged({ ...fixed, days: ' 30 ' }, fixed)).toBe(false);
    expect(validityChanged({ ...staged, stages: [...staged.stages, { key: 'x', name: '', validThrough: '' }] }, staged)).toBe(false);
    expect(validityChanged({ ...fixed, days: '45' }, fixed)).toBe(true);
    expect(validityChanged({ ...fixed, strategy: 'fx' }, fixed)).toBe(true);
    expect(validityChanged({ ...fixed, thresholdPercent: '5' }, fixed)).toBe(false); // not a fixed quote's field
    expect(validityChanged({ ...staged, stages: staged.stages.slice(1) }, staged)).toBe(true);
  });

  it('R7: a diff’s stages with their days as the page shows days', () => {
    expect(formatStagePart('Sample 2025-07-05', 'en')).toBe('Sample Jul 5, 2025');
    expect(formatStagePart('Mass production run 2 2025-09-30', 'zh-CN')).toBe('Mass production run 2 2025年9月30日');
    expect(formatStagePart('no date', 'en')).toBe('no date');
    expect(formatStagePlan('Design 2025-07-01; Sample 2025-08-01', 'en')).toBe('Design Jul 1, 2025; Sample Aug 1, 2025');
    expect(formatStagePlan('', 'en')).toBe('');
  });

  it('terms, questions and answers: blanks left out, the incoterm in capitals', () => {
    expect(termsInput({ incoterm: ' fob ', paymentTerms: '', leadTimeDays: '25', terms: ' ', note: 'Call first' })).toEqual({ incoterm: 'FOB', leadTimeDays: 25, note: 'Call first' });
    expect(termsInput({ incoterm: '', paymentTerms: '', leadTimeDays: 'soon', terms: '', note: '' }).leadTimeDays).toBeNaN();
    expect(
      questionsInput([
        { key: 'a', question: 'Voltage?', answer: ' 220 V ' },
        { key: 'b', question: 'IP rating?', answer: '' },
        { key: 'c', question: ' ', answer: 'orphan' },
      ]),
    ).toEqual([{ question: 'Voltage?', answer: '220 V' }, { question: 'IP rating?' }]);
    expect(answersInput({ q1: ' CE and RoHS ', q2: '  ' })).toEqual([{ questionId: 'q1', answer: 'CE and RoHS' }]);
    const questions = [
      { id: '1', question: 'A', answer: 'yes', askedAt: '', answeredAt: '' },
      { id: '2', question: 'B', answer: null, askedAt: '', answeredAt: null },
    ];
    expect(unansweredQuestions({ questions }).map((q) => q.id)).toEqual(['2']);
  });

  it('money in the quote’s currency and days in the UI language', () => {
    expect(formatMoney(25000, 'USD', 'en')).toBe('$25,000.00');
    expect(formatMoney(2450, 'EUR', 'en')).toBe('€2,450.00');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(2450, 'EUR', 'zh-CN')).toBe('€2,450.00');
    expect(formatMoney(12, 'not a code', 'en')).toBe('12 not a code');
    expect(formatDay('2025-07-05', 'en')).toBe('Jul 5, 2025');
    expect(formatDay('2025-07-05', 'zh-CN')).toBe('2025年7月5日');
    expect(formatDay('soon', 'en')).toBe('soon');
  });
});
