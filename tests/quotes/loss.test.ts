/**
 * R9 lost deals: the analysis before a quote is marked lost (the facts the book knows, each with its number), the
 * reason they suggest, the recovery to-do each reason proposes at the buyer's morning, marking a quote lost or won,
 * the lost-reasons report, and `tradebook quotes analyse|lose|win|lost-reasons`. The seeds' case: a Madrid buyer's
 * inquiry answered late, 17 spec questions and 9 answered, 7 versions, the euro up 3.85 %, an expired quote.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Quote } from '../../src-main/contract/models';
import type { LossAnalysis, LostReasonsReport } from '../../src-main/contract/quotes';
import { lossFacts, lostReasonsReport, recoveryDue, suggestedReason, type LossInputs } from '../../src-main/domain/quotes/loss';
import { createBusinessCalendar } from '../../src-main/domain/time/business-calendar';
import { call } from '../../src-main/handlers/dispatch';
import { tick } from '../../src-main/services/scheduler';
import { runTradebook } from '../cli/run-cli';
import { errorOf, openTestBook, snapshot, valueOf, type TestBook } from '../db/temp-book';

const ms = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

const quiet: LossInputs = {
  atMs: ms('2025-06-25T10:00:00Z'),
  currency: 'EUR',
  baseCurrency: 'CNY',
  quoteDate: '2025-06-02',
  expiry: { ms: ms('2025-06-30T22:00:00Z'), day: '2025-06-30' },
  rates: { atQuote: 7.8, now: 7.9 },
  fxThresholdPercent: 3,
  questions: { asked: 4, answered: 4 },
  inquiry: { deadlineMs: ms('2025-06-02T05:47:00Z'), firstReplyMs: ms('2025-06-02T05:00:00Z'), slaHours: 4 },
  versionsMs: [ms('2025-06-02T08:00:00Z'), ms('2025-06-03T08:00:00Z')],
  sentMs: ms('2025-06-03T09:00:00Z'),
  answeredMs: ms('2025-06-04T09:00:00Z'),
};

describe('R9: the facts of a loss, pure', () => {
  it('R9: a quote with nothing against it has no facts and no suggested reason', () => {
    expect(lossFacts(quiet)).toEqual([]);
    expect(suggestedReason([])).toBeNull();
  });

  it('R9: each fact with its number, at its edge', () => {
    // Expired: at the end of its last day exactly, not a millisecond before.
    expect(lossFacts({ ...quiet, expiry: { ms: quiet.atMs, day: '2025-06-24' } })).toEqual([{ id: 'expired', on: '2025-06-24' }]);
    expect(lossFacts({ ...quiet, expiry: { ms: quiet.atMs + 1, day: '2025-06-25' } })).toEqual([]);
    // FX: more than the threshold either way (R7's comparison), exactly 3 % is not.
    expect(lossFacts({ ...quiet, rates: { atQuote: 7.8, now: 8.1 } })).toEqual([{ id: 'fx_moved', currency: 'EUR', base: 'CNY', percent: 3.85, since: '2025-06-02' }]);
    expect(lossFacts({ ...quiet, rates: { atQuote: 8, now: 7.6 } })).toEqual([{ id: 'fx_moved', currency: 'EUR', base: 'CNY', percent: -5, since: '2025-06-02' }]);
    expect(lossFacts({ ...quiet, rates: { atQuote: 10, now: 10.3 } })).toEqual([]);
    expect(lossFacts({ ...quiet, currency: 'CNY', rates: { atQuote: 1, now: 2 } })).toEqual([]);
    // Unanswered: the seeds' 17 asked and 9 answered.
    expect(lossFacts({ ...quiet, questions: { asked: 17, answered: 9 } })).toEqual([{ id: 'unanswered', unanswered: 8, asked: 17 }]);
    // The first reply after the SLA (never replied: counted to the loss).
    expect(lossFacts({ ...quiet, inquiry: { ...quiet.inquiry!, firstReplyMs: ms('2025-06-02T08:00:00Z') } })).toEqual([{ id: 'late_reply', hoursLate: 2.2, slaHours: 4 }]);
    expect(lossFacts({ ...quiet, inquiry: { ...quiet.inquiry!, firstReplyMs: quiet.inquiry!.deadlineMs } })).toEqual([]);
    expect(lossFacts({ ...quiet, inquiry: { ...quiet.inquiry!, firstReplyMs: null } })[0]).toMatchObject({ id: 'late_reply', unreplied: true });
    // Versions: 3 and more; the days from the first to the last.
    const seven = Array.from({ length: 7 }, (_, i) => ms('2025-06-02T08:00:00Z') + Math.round((i * 8 * DAY) / 6));
    expect(lossFacts({ ...quiet, versionsMs: seven })).toEqual([{ id: 'many_versions', versions: 7, days: 8 }]);
    // Silence since it was sent.
    expect(lossFacts({ ...quiet, answeredMs: null })).toEqual([{ id: 'no_answer', days: 22 }]);
    expect(lossFacts({ ...quiet, sentMs: null, answeredMs: null })).toEqual([]);
  });

  it('R9: the suggested reason follows the facts: questions first, then FX, silence, back and forth', () => {
    const all = lossFacts({ ...quiet, questions: { asked: 17, answered: 9 }, rates: { atQuote: 7.8, now: 8.1 }, answeredMs: null });
    expect(all.map((f) => f.id)).toEqual(['fx_moved', 'unanswered', 'no_answer']);
    expect(suggestedReason(all)).toBe('spec_gap');
    expect(suggestedReason(all.filter((f) => f.id !== 'unanswered'))).toBe('fx');
    expect(suggestedReason(all.filter((f) => f.id === 'no_answer'))).toBe('no_reply');
    expect(suggestedReason([{ id: 'many_versions', versions: 7, days: 8 }])).toBe('price');
    expect(suggestedReason([{ id: 'expired', on: '2025-06-24' }])).toBeNull();
  });

  it("R9: the recovery lands at the buyer's morning, business days later (a Friday loss: Monday is the first)", () => {
    const calendar = createBusinessCalendar([]);
    const madrid = { zone: 'Europe/Madrid', country: 'ES' };
    // Fri 27 Jun 2025 16:00 Madrid → Mon 30 Jun 08:15 CEST (06:15Z); 3 business days → Wed 2 Jul.
    expect(new Date(recoveryDue(calendar, madrid, '08:15', ms('2025-06-27T14:00:00Z'), 1)).toISOString()).toBe('2025-06-30T06:15:00.000Z');
    expect(new Date(recoveryDue(calendar, madrid, '08:15', ms('2025-06-27T14:00:00Z'), 3)).toISOString()).toBe('2025-07-02T06:15:00.000Z');
    // Riyadh's weekend is Friday and Saturday: Thursday evening → Sunday morning.
    expect(new Date(recoveryDue(calendar, { zone: 'Asia/Riyadh', country: 'SA' }, '08:15', ms('2025-06-26T15:00:00Z'), 1)).toISOString()).toBe('2025-06-29T05:15:00.000Z');
  });

  it('R9: the report counts every lost quote once by month and by reason, with the facts each reason came with', () => {
    const report = lostReasonsReport([
      { month: '2025-06', reason: 'price', facts: ['many_versions', 'no_answer'] },
      { month: '2025-05', reason: 'price', facts: ['many_versions'] },
      { month: '2025-06', reason: 'spec_gap', facts: ['unanswered', 'unanswered'] },
      { month: '2025-06', reason: null, facts: [] },
    ]);
    expect(report.total).toBe(4);
    expect(report.months.map((m) => [m.month, m.total])).toEqual([['2025-05', 1], ['2025-06', 3]]);
    expect(report.reasons[0]).toEqual({ reason: 'price', count: 2, share: 50, facts: [{ fact: 'many_versions', count: 2 }, { fact: 'no_answer', count: 1 }] });
    expect(report.reasons.map((r) => r.reason)).toEqual(['price', 'spec_gap', 'unknown']);
    expect(report.reasons[1]!.facts).toEqual([{ fact: 'unanswered', count: 1 }]);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            month: fc.constantFrom('2025-01', '2025-02', '2025-03'),
            reason: fc.constantFrom('price', 'fx', 'competitor', null),
            facts: fc.subarray(['expired', 'fx_moved', 'unanswered', 'no_answer']),
          }),
          { maxLength: 40 },
        ),
        (quotes) => {
          const r = lostReasonsReport(quotes);
          expect(r.total).toBe(quotes.length);
          expect(r.months.reduce((sum, m) => sum + m.total, 0)).toBe(quotes.length);
          expect(r.reasons.reduce((sum, x) => sum + x.count, 0)).toBe(quotes.length);
          for (const reason of r.reasons) for (const fact of reason.facts) expect(fact.count).toBeLessThanOrEqual(reason.count);
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });
});

describe('R9: losing and winning quotes on a real book', () => {
  let tb: TestBook;
  let clock = '2025-06-02T01:50:00Z';
  let account: Account;
  let quote: Quote;
  let inquiryId: string;
  /** Which questions (by index) each version answers: 9 in all. */
  const ANSWERED_IN: Record<number, number[]> = { 2: [0, 1, 2], 3: [3, 4], 4: [5], 5: [6], 6: [7], 7: [8] };
  const items = [{ product: 'LED Panel 600x600', description: 'CE; RoHS; UL', quantity: 500, unit: 'pcs', unitPrice: 12.5 }];

  beforeAll(async () => {
    tb = openTestBook();
    tb.ctx.now = () => clock;
    account = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES', city: 'Madrid' }));
    // María writes at 03:47 her time; the e-mail SLA is 4 h (05:47Z); the reply goes at 08:00Z, 2.2 h late.
    const inquiry = valueOf(await call(tb.ctx, 'inquiries.add', { accountId: account.id, source: 'email', receivedAt: '2025-06-02T01:47:00Z', subject: 'LED panels' }));
    inquiryId = inquiry.id;
    clock = '2025-06-02T08:00:00Z';
    valueOf(await call(tb.ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-06-02T08:00:00Z' }));
    valueOf(await call(tb.ctx, 'fx.add', { date: '2025-06-02', currency: 'EUR', rate: 7.8 }));
    const questions = Array.from({ length: 17 }, (_, i) => ({ question: `Spec question ${i + 1}?` }));
    quote = valueOf(
      await call(tb.ctx, 'quotes.add', { accountId: account.id, inquiryId: inquiry.id, currency: 'EUR', quoteDate: '2025-06-02', validity: { strategy: 'fixed', days: 14 }, items, questions }),
    );
    // Six revisions over eight days, answering 9 of the 17 questions.
    for (let v = 2; v <= 7; v++) {
      clock = `2025-06-${String(2 + Math.round(((v - 1) * 8) / 6)).padStart(2, '0')}T08:00:00Z`;
      const answers = ANSWERED_IN[v]!.map((k) => ({ questionId: quote.questions[k]!.id, answer: 'Yes' }));
      quote = valueOf(await call(tb.ctx, 'quotes.revise', { id: quote.id, items, answers }));
    }
    expect(quote.specCoverage).toEqual({ asked: 17, answered: 9 });
    clock = '2025-06-10T09:00:00Z';
    quote = valueOf(await call(tb.ctx, 'quotes.send', { id: quote.id, at: clock, confirmUnanswered: true }));
    valueOf(await call(tb.ctx, 'fx.add', { date: '2025-06-24', currency: 'EUR', rate: 8.1 }));
    clock = '2025-06-25T10:00:00Z';
  });
  afterAll(() => tb.close());

  it('R9: the analysis names every fact with its number, suggests the spec gap, and proposes a recovery per reason', async () => {
    const analysis = valueOf(await call(tb.ctx, 'quotes.lossAnalysis', { id: quote.id })) as LossAnalysis;
    expect(quote.validity.validThrough).toBe('2025-06-16');
    expect(analysis).toMatchObject({ quoteId: quote.id, number: quote.number, accountName: 'Iluminación Castilla S.L.', at: '2025-06-25T10:00:00Z', suggestedReason: 'spec_gap' });
    expect(analysis.facts).toEqual([
      { id: 'expired', on: '2025-06-16' },
      { id: 'fx_moved', currency: 'EUR', base: 'CNY', percent: 3.85, since: '2025-06-02' },
      { id: 'unanswered', unanswered: 8, asked: 17 },
      { id: 'late_reply', hoursLate: 2.2, slaHours: 4 },
      { id: 'many_versions', versions: 7, days: 8 },
      { id: 'no_answer', days: 15 },
    ]);
    // Wed 25 Jun 12:00 Madrid: 2 business days → Fri 27 Jun 08:15 CEST; 5 → Wed 2 Jul.
    expect(analysis.recovery.spec_gap).toEqual({ action: 'answer_questions', businessDays: 2, dueAt: '2025-06-27T06:15:00Z', dueBuyerLocal: expect.stringMatching(/^2025-06-27T08:15:00\+02:00/) });
    expect(analysis.recovery.certification).toMatchObject({ action: 'send_certificates', dueAt: '2025-07-02T06:15:00Z' });
    expect(Object.keys(analysis.recovery).sort()).toEqual(['certification', 'competitor', 'fx', 'lead_time', 'no_reply', 'other', 'payment_terms', 'price', 'spec_gap']);
  });

  it('R9: bad input is refused in the user language and writes nothing', async () => {
    const before = snapshot(tb.book.sqlite);
    const reason = errorOf(await call(tb.ctx, 'quotes.lose', { id: quote.id, at: clock, reason: 'weather' } as never));
    expect(reason.code).toBe('invalid_input');
    const early = errorOf(await call(tb.ctx, 'quotes.lose', { id: quote.id, at: clock, reason: 'price', recovery: { action: 'call', dueAt: '2025-06-25T09:00:00Z' } }));
    expect(early.message).toBe('The recovery to-do is due at 2025-06-25T09:00:00Z, not after the loss at 2025-06-25T10:00:00Z: pick a later time.');
    const beforeSent = errorOf(await call(tb.ctx, 'quotes.lose', { id: quote.id, at: '2025-06-09T09:00:00Z', reason: 'price' }, 'zh-CN'));
    expect(beforeSent.message).toBe(`报价 ${quote.number} 不能在 2025-06-09T09:00:00Z 结案：早于报价创建或发出的时间（2025-06-10T09:00:00Z）。`);
    expect(errorOf(await call(tb.ctx, 'quotes.lose', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', at: clock, reason: 'price' })).code).toBe('not_found');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('R9: marking it lost keeps the reason, the note, the facts and the accepted recovery; the inquiry is lost; it can be neither won nor lost again', async () => {
    const analysis = valueOf(await call(tb.ctx, 'quotes.lossAnalysis', { id: quote.id })) as LossAnalysis;
    const lost = valueOf(
      await call(tb.ctx, 'quotes.lose', {
        id: quote.id,
        at: clock,
        reason: 'certification',
        note: '  The buyer needs ENEC; we have CE only.  ',
        recovery: { action: analysis.recovery.certification.action, dueAt: analysis.recovery.certification.dueAt, note: 'Send the ENEC test report' },
      }),
    );
    expect(lost).toMatchObject({ status: 'lost', closedAt: clock });
    expect(lost.lost).toEqual({
      reason: 'certification',
      note: 'The buyer needs ENEC; we have CE only.',
      facts: analysis.facts,
      recovery: { action: 'send_certificates', dueAt: '2025-07-02T06:15:00Z', note: 'Send the ENEC test report' },
    });
    expect(valueOf(await call(tb.ctx, 'quotes.get', { id: quote.id })).lost).toEqual(lost.lost);
    const inquiries = valueOf(await call(tb.ctx, 'inquiries.list', { accountId: account.id, limit: 10 }));
    expect(inquiries.find((i) => i.id === inquiryId)!.status).toBe('lost');
    expect(errorOf(await call(tb.ctx, 'quotes.win', { id: quote.id, at: clock })).message).toBe(`Quote ${quote.number} is lost and can no longer change.`);
    expect(errorOf(await call(tb.ctx, 'quotes.lose', { id: quote.id, at: clock, reason: 'price' })).code).toBe('invalid_state');
    expect(errorOf(await call(tb.ctx, 'quotes.lossAnalysis', { id: quote.id })).code).toBe('invalid_state');
  });

  it("R9: the scheduler puts the accepted recovery on the board at the buyer's morning, in the user's language", async () => {
    await tick(tb.ctx, clock);
    const tasks = valueOf(await call(tb.ctx, 'tasks.list', { accountId: account.id, limit: 50 })).filter((t) => t.rule === 'R9');
    expect(tasks).toMatchObject([
      { kind: 'lost_recovery', sourceTable: 'quotes', sourceId: quote.id, dueAt: '2025-07-02T06:15:00Z', status: 'open', title: `Lost quote ${quote.number}: send Iluminación Castilla S.L. the certificates` },
    ]);
    const board = valueOf(await call(tb.ctx, 'todos.list', { at: clock }));
    expect(board.find((t) => t.id === tasks[0]!.id)).toMatchObject({ rule: 'R9', dueBuyerLocal: expect.stringMatching(/^2025-07-02T08:15:00\+02:00/) });
    // A second tick changes nothing; a rebuild makes the same to-do.
    expect(await tick(tb.ctx, clock)).toEqual({ created: 0, updated: 0, overdue: 0 });
    await tick(tb.ctx, clock, { rebuild: true });
    expect(valueOf(await call(tb.ctx, 'tasks.list', { accountId: account.id, limit: 50 })).filter((t) => t.rule === 'R9').map((t) => t.id)).toEqual([tasks[0]!.id]);
  });

  it('winning a quote closes it; a won quote cannot be lost', async () => {
    const other = valueOf(await call(tb.ctx, 'quotes.add', { accountId: account.id, currency: 'EUR', quoteDate: '2025-06-25', validity: { strategy: 'fixed', days: 30 }, items }));
    const won = valueOf(await call(tb.ctx, 'quotes.win', { id: other.id, at: '2025-06-25T11:00:00Z' }));
    expect(won).toMatchObject({ status: 'won', closedAt: '2025-06-25T11:00:00Z', lost: null });
    expect(errorOf(await call(tb.ctx, 'quotes.lose', { id: other.id, at: '2025-06-25T12:00:00Z', reason: 'price' }, 'zh-CN')).message).toBe(`报价 ${other.number} 状态为 won，不能再修改。`);
  });

  it('R9: the lost-reasons report: by month and reason over a period, with the facts that came with each reason', async () => {
    clock = '2025-07-03T10:00:00Z';
    const july = valueOf(await call(tb.ctx, 'quotes.add', { accountId: account.id, currency: 'EUR', quoteDate: '2025-07-03', validity: { strategy: 'fixed', days: 30 }, items }));
    valueOf(await call(tb.ctx, 'quotes.lose', { id: july.id, at: '2025-07-03T10:30:00Z', reason: 'certification', recovery: null }));
    const report = valueOf(await call(tb.ctx, 'quotes.lostReasons', { from: '2025-06-01', to: '2025-07-31' })) as LostReasonsReport;
    expect(report).toMatchObject({ from: '2025-06-01', to: '2025-07-31', total: 2 });
    expect(report.months).toEqual([
      { month: '2025-06', total: 1, reasons: [{ reason: 'certification', count: 1 }] },
      { month: '2025-07', total: 1, reasons: [{ reason: 'certification', count: 1 }] },
    ]);
    expect(report.reasons).toEqual([
      {
        reason: 'certification',
        count: 2,
        share: 100,
        facts: ['expired', 'fx_moved', 'late_reply', 'many_versions', 'no_answer', 'unanswered'].map((fact) => ({ fact, count: 1 })),
      },
    ]);
    // Default: the 12 months to today in the user's zone (Asia/Shanghai).
    expect(valueOf(await call(tb.ctx, 'quotes.lostReasons', {}))).toMatchObject({ from: '2024-07-04', to: '2025-07-03', total: 2 });
    expect(valueOf(await call(tb.ctx, 'quotes.lostReasons', { from: '2025-07-03', to: '2025-07-03' }))).toMatchObject({ total: 1 });
    expect(valueOf(await call(tb.ctx, 'quotes.lostReasons', { from: '2025-05-01', to: '2025-05-31' }))).toMatchObject({ total: 0, months: [], reasons: [] });
    expect(errorOf(await call(tb.ctx, 'quotes.lostReasons', { from: '2025-08-01', to: '2025-07-01' })).message).toBe('The period starts on 2025-08-01, after it ends on 2025-07-01.');
  });

  it('R9: `tradebook quotes analyse | lose | lost-reasons` in words (en and 中文) and as JSON', async () => {
    clock = '2025-07-04T10:00:00Z';
    const open = valueOf(
      await call(tb.ctx, 'quotes.add', { accountId: account.id, currency: 'EUR', quoteDate: '2025-07-04', validity: { strategy: 'fixed', days: 30 }, items, questions: [{ question: 'IP rating?' }] }),
    );
    const db = ['--db', tb.file];
    const analyse = await runTradebook([...db, 'quotes', 'analyse', open.id, '--at', '2025-07-04T12:00:00Z']);
    expect(analyse.status, analyse.stderr).toBe(0);
    expect(analyse.stdout).toContain(`Before quote ${open.number} for Iluminación Castilla S.L. is marked lost, the book knows:`);
    expect(analyse.stdout).toContain('· 1 of 1 spec questions unanswered');
    expect(analyse.stdout).toContain('Suggested reason: spec gap');
    // Fri 4 Jul 14:00 Madrid: 2 business days → Tue 8 Jul 08:15.
    expect(analyse.stdout).toContain("spec gap → answer the open spec questions, 2025-07-08 08:15 the buyer's time (2 business days later)");
    const zh = await runTradebook([...db, '--lang', 'zh-CN', 'quotes', 'analyse', open.id, '--at', '2025-07-04T12:00:00Z']);
    expect(zh.stdout).toContain('1 个规格问题中有 1 个未回答');
    // The proposal is accepted unless --no-recovery; --at --local reads Madrid's wall time (14:00 CEST = 12:00Z).
    const lose = await runTradebook([...db, '--json', 'quotes', 'lose', open.id, '--reason', 'spec_gap', '--at', '2025-07-04T14:00', '--local', '--note', 'No IP65']);
    expect(lose.status, lose.stderr).toBe(0);
    const lost = JSON.parse(lose.stdout) as Quote;
    expect(lost.closedAt).toBe('2025-07-04T12:00:00Z');
    expect(lost.lost?.recovery).toEqual({ action: 'answer_questions', dueAt: '2025-07-08T06:15:00Z', note: null });
    const again = await runTradebook([...db, 'quotes', 'win', open.id]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(`Quote ${open.number} is lost and can no longer change.`);
    expect(again.stdout).toBe('');
    const report = await runTradebook([...db, 'quotes', 'lost-reasons', '--from', '2025-06-01', '--to', '2025-07-31']);
    expect(report.stdout).toContain('Lost quotes 2025-06-01 to 2025-07-31: 3');
    expect(report.stdout).toContain('certification: 2 (66.7 %) — with: expired 1, FX moved 1');
    expect(report.stdout).toContain('2025-07: 2 (certification 1, spec gap 1)');
  });
});
