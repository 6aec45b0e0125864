/**
 * R9 on the lost-deals page and dialog, pure: a fact's words come from its numbers (through the real en / zh-CN
 * resources), the recovery the form sends (accepted, changed in the buyer's time, declined), the report's months
 * and the chart's scale.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LossFact } from '../../src-main/contract/models';
import {
  axisTicks,
  dayIn,
  draftOfProposal,
  factMessage,
  inPeriod,
  linearScale,
  LOSS_FACTS,
  LOST_REASONS,
  monthLabel,
  monthSeries,
  monthsBetween,
  niceCeiling,
  parseZoned,
  reasonColor,
  recoveryInput,
  signedPercent,
  stackSegments,
  type RecoveryProposal,
} from '../../src-renderer/features/lost-deals/lost-deals-format';
import { instantToWall, wallToInstant } from '../../src-renderer/time/wall-time';
import { en, resources, zhCN, type Language } from '../../src-renderer/i18n';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

/** What FactList renders, without React. */
function worded(fact: LossFact, language: Language): string {
  const t = i18n.getFixedT(language);
  const message = factMessage(fact, language);
  const days = message.days === undefined ? {} : { days: t('lostDeals.days', { count: message.days, formatted: String(message.days) }) };
  return t(`lostDeals.fact.${message.key}`, { ...message.values, ...days });
}

/** The seeds' lost deal (tests/quotes/loss.test.ts): every fact with its number. */
const SEEDS: LossFact[] = [
  { id: 'expired', on: '2025-06-16' },
  { id: 'fx_moved', currency: 'EUR', base: 'CNY', percent: 3.85, since: '2025-06-02' },
  { id: 'unanswered', unanswered: 8, asked: 17 },
  { id: 'late_reply', hoursLate: 2.2, slaHours: 4 },
  { id: 'many_versions', versions: 7, days: 8 },
  { id: 'no_answer', days: 15 },
];

describe('R9: a fact in words, with its number', () => {
  it('R9: the seeds’ facts read with their numbers in English', () => {
    expect(SEEDS.map((f) => worded(f, 'en'))).toEqual([
      'Expired on 2025-06-16 (the buyer’s day)',
      'EUR moved +3.85 % against CNY since the quote date (2025-06-02)',
      '8 of 17 spec questions unanswered',
      'First reply 2.2 h after the 4 h reply deadline',
      '7 versions in 8 days',
      'No answer from the buyer in 15 days since it was sent',
    ]);
  });

  it('R9: the same facts in Chinese', () => {
    expect(SEEDS.map((f) => worded(f, 'zh-CN'))).toEqual([
      '已于 2025-06-16（客户当地日期）过期',
      '自报价日（2025-06-02）起 EUR 对 CNY 变动 +3.85 %',
      '17 个规格问题中有 8 个未回答',
      '首次回复比 4 小时的回复时限晚了 2.2 小时',
      '8 天内改了 7 版',
      '发出后 15 天客户未回复',
    ]);
  });

  it('R9: an inquiry never answered reads as no reply yet, not as a late first reply', () => {
    const unreplied: LossFact = { id: 'late_reply', hoursLate: 19, slaHours: 4, unreplied: true };
    expect(worded(unreplied, 'en')).toBe('No reply yet: 19 h past the 4 h reply deadline');
    expect(worded(unreplied, 'zh-CN')).toBe('至今未回复：已超过 4 小时的回复时限 19 小时');
  });

  it('R9: one of a thing is singular; a fall is a minus sign', () => {
    expect(worded({ id: 'unanswered', unanswered: 1, asked: 1 }, 'en')).toBe('1 of 1 spec question unanswered');
    expect(worded({ id: 'no_answer', days: 1 }, 'en')).toBe('No answer from the buyer in 1 day since it was sent');
    expect(worded({ id: 'many_versions', versions: 3, days: 1 }, 'en')).toBe('3 versions in 1 day');
    expect(worded({ id: 'many_versions', versions: 3, days: 0 }, 'en')).toBe('3 versions in 0 days');
    expect(worded({ id: 'fx_moved', currency: 'USD', base: 'CNY', percent: -5, since: '2025-01-02' }, 'en')).toBe('USD moved −5 % against CNY since the quote date (2025-01-02)');
    expect(signedPercent(0, 'en')).toBe('0 %');
    expect(signedPercent(1234.567, 'en')).toBe('+1,234.57 %');
  });

  it('every fact, reason and recovery code the server sends has its words in both languages', () => {
    for (const messages of [en, zhCN]) {
      for (const fact of LOSS_FACTS) expect(messages.lostDeals.factName[fact]).toBeTruthy();
      for (const reason of LOST_REASONS) expect(messages.lostDeals.reason[reason]).toBeTruthy();
      expect(messages.lostDeals.reason.unknown).toBeTruthy();
    }
    for (const reason of [...LOST_REASONS, 'unknown']) expect(reasonColor(reason)).not.toBe('');
  });
});

const proposal: RecoveryProposal = { action: 'answer_questions', businessDays: 2, dueAt: '2025-06-27T06:15:00Z', dueBuyerLocal: '2025-06-27T08:15:00+02:00[Europe/Madrid]' };
const LOST_AT = '2025-06-25T10:00:00Z';

describe('R9: the recovery to-do the form sends', () => {
  it('reads the buyer’s zone and wall time from the server’s zoned time', () => {
    expect(parseZoned(proposal.dueBuyerLocal)).toEqual({ zone: 'Europe/Madrid', local: '2025-06-27T08:15' });
    expect(parseZoned('2025-06-29T08:15:00+03:00[Asia/Riyadh]')).toEqual({ zone: 'Asia/Riyadh', local: '2025-06-29T08:15' });
    expect(parseZoned('2025-06-29T08:15:00Z')).toBeNull();
  });

  it('R9: accepted, the proposal goes as is; declined, none', () => {
    const draft = draftOfProposal(proposal, 'Europe/Madrid');
    expect(draft).toEqual({ mode: 'accept', action: 'answer_questions', due: '2025-06-27T08:15', note: '' });
    expect(recoveryInput(draft, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: true, value: { action: 'answer_questions', dueAt: '2025-06-27T06:15:00Z' } });
    expect(recoveryInput({ ...draft, mode: 'decline' }, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: true, value: null });
  });

  it('R9: changed, the due time typed is the buyer’s wall time; the note is trimmed', () => {
    const draft = { mode: 'edit' as const, action: 'call' as const, due: '2025-06-30T10:30', note: '  Ask about ENEC  ' };
    expect(recoveryInput(draft, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: true, value: { action: 'call', dueAt: '2025-06-30T08:30:00Z', note: 'Ask about ENEC' } });
    expect(recoveryInput({ ...draft, note: ' ' }, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: true, value: { action: 'call', dueAt: '2025-06-30T08:30:00Z' } });
  });

  it('R9: a due time that does not parse, or not after the loss, is a problem (the server would refuse it)', () => {
    const draft = { mode: 'edit' as const, action: 'call' as const, due: '', note: '' };
    expect(recoveryInput(draft, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: false, problem: 'due' });
    expect(recoveryInput({ ...draft, due: '2025-02-30T08:00' }, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: false, problem: 'due' });
    // 12:00 Madrid is the loss itself (10:00Z): not after it.
    expect(recoveryInput({ ...draft, due: '2025-06-25T12:00' }, proposal, 'Europe/Madrid', LOST_AT)).toEqual({ ok: false, problem: 'dueBeforeLoss' });
    expect(recoveryInput({ ...draft, due: '2025-06-25T12:01' }, proposal, 'Europe/Madrid', LOST_AT)).toMatchObject({ ok: true });
  });

  it('a change of reason keeps the mode and the note the user chose', () => {
    const other: RecoveryProposal = { action: 'call', businessDays: 20, dueAt: '2025-07-23T06:15:00Z', dueBuyerLocal: '2025-07-23T08:15:00+02:00[Europe/Madrid]' };
    expect(draftOfProposal(other, 'Europe/Madrid', { mode: 'edit', note: 'x' })).toEqual({ mode: 'edit', action: 'call', due: '2025-07-23T08:15', note: 'x' });
  });

  it('wall times round-trip through a zone, across a DST change', () => {
    expect(wallToInstant('2025-03-30T08:15', 'Europe/Madrid')).toBe('2025-03-30T06:15:00Z');
    expect(instantToWall('2025-03-30T06:15:00Z', 'Europe/Madrid')).toBe('2025-03-30T08:15');
    expect(wallToInstant('2025-03-29T08:15', 'Europe/Madrid')).toBe('2025-03-29T07:15:00Z');
  });
});

describe('R9: the report’s months and the chart’s scale', () => {
  it('every month of the period, quiet ones filled in', () => {
    expect(monthsBetween('2024-12-08', '2025-03-01')).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
    expect(monthsBetween('2025-03-01', '2025-03-31')).toEqual(['2025-03']);
    const series = monthSeries({ from: '2025-01-15', to: '2025-04-02', months: [{ month: '2025-03', total: 2, reasons: [{ reason: 'price', count: 2 }] }] });
    expect(series.map((m) => [m.month, m.total])).toEqual([['2025-01', 0], ['2025-02', 0], ['2025-03', 2], ['2025-04', 0]]);
  });

  it('the axis tops at 1, 2, 5, 10, 20, 50… with whole ticks', () => {
    expect([0, 1, 2, 3, 5, 6, 11, 20, 21, 99].map(niceCeiling)).toEqual([1, 1, 2, 5, 5, 10, 20, 20, 50, 100]);
    expect(axisTicks(1, 4)).toEqual([0, 1]);
    expect(axisTicks(5, 4)).toEqual([0, 2, 4]);
    expect(axisTicks(20, 4)).toEqual([0, 5, 10, 15, 20]);
    const scale = linearScale(10, 200);
    expect([scale(0), scale(5), scale(10), scale(12), scale(-1)]).toEqual([0, 100, 200, 200, 0]);
    expect(linearScale(0, 200)(3)).toBe(0);
  });

  it('a month’s bar stacks its reasons in the report’s order, bottom up, without gaps', () => {
    const scale = linearScale(10, 100);
    const month = { month: '2025-06', total: 4, reasons: [{ reason: 'fx', count: 1 }, { reason: 'price', count: 3 }] };
    expect(stackSegments(month, ['price', 'spec_gap', 'fx'], scale)).toEqual([
      { reason: 'price', count: 3, y0: 0, y1: 30 },
      { reason: 'fx', count: 1, y0: 30, y1: 40 },
    ]);
  });

  it('months and days in the user’s language and zone', () => {
    expect(monthLabel('2025-06', 'en')).toBe('Jun 2025');
    expect(monthLabel('2025-06', 'zh-CN')).toBe('2025年6月');
    expect(monthLabel('2025-06', 'en', true)).toBe('Jun');
    // 23:30Z on 30 June is 1 July in Shanghai: a loss then counts in July's period.
    expect(dayIn('2025-06-30T23:30:00Z', 'Asia/Shanghai')).toBe('2025-07-01');
    expect(inPeriod('2025-06-30T23:30:00Z', '2025-07-01', '2025-07-31', 'Asia/Shanghai')).toBe(true);
    expect(inPeriod('2025-06-30T23:30:00Z', '2025-07-01', '2025-07-31', 'UTC')).toBe(false);
  });
});
