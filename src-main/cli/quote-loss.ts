/**
 * R9 in words for `tradebook quotes analyse|lose|lost-reasons` (en and 中文): the facts of a loss analysis with
 * their numbers, the reason they suggest and the recovery each reason proposes; a lost quote; the lost-reasons
 * report by reason and by month.
 */
import { LOST_REASON_NAMES, type LostReasonName } from '../contract/lost-reason-names';
import type { Language } from '../contract/messages';
import type { LossFact, Quote } from '../contract/models';
import type { LossAnalysis, LostReasonsReport } from '../contract/quotes';
import type { LostReason, RecoveryAction } from '../domain/quotes/loss';

/** English counts with their plural form (Intl.PluralRules): "1 day", "7 days". */
const englishPlural = new Intl.PluralRules('en');
const days = (n: number) => `${n} ${englishPlural.select(n) === 'one' ? 'day' : 'days'}`;
const businessDays = (n: number) => `${n} business ${englishPlural.select(n) === 'one' ? 'day' : 'days'}`;

const fmt = (n: number, lang: Language) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n);
const signedPercent = (n: number, lang: Language) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${fmt(Math.abs(n), lang)} %`;

const words = {
  en: {
    reasons: Object.fromEntries(Object.entries(LOST_REASON_NAMES.en).map(([k, v]) => [k, v.toLocaleLowerCase('en')])) as Record<LostReasonName, string>,
    actions: {
      call: 'call the buyer',
      requote: 'send a new quote',
      answer_questions: 'answer the open spec questions',
      send_certificates: 'send the certificates',
    } as Record<RecoveryAction, string>,
    fact: (f: LossFact, lang: Language): string => {
      switch (f.id) {
        case 'expired':
          return `it expired on ${f.on} (the buyer's day)`;
        case 'fx_moved':
          return `${f.currency} moved ${signedPercent(f.percent, lang)} against ${f.base} since the quote date ${f.since}`;
        case 'unanswered':
          return `${f.unanswered} of ${f.asked} spec questions unanswered`;
        case 'late_reply':
          return f.unreplied
            ? `no reply yet, ${fmt(f.hoursLate, lang)} h past the ${fmt(f.slaHours, lang)} h SLA`
            : `the first reply came ${fmt(f.hoursLate, lang)} h after the ${fmt(f.slaHours, lang)} h SLA`;
        case 'many_versions':
          return `${f.versions} versions in ${days(f.days)}`;
        case 'no_answer':
          return `no answer from the buyer in ${days(f.days)} since it was sent`;
      }
    },
    head: (a: LossAnalysis) => `Before quote ${a.number} for ${a.accountName} is marked lost, the book knows:`,
    noFacts: '  nothing that points at a reason',
    suggested: (r: string) => `Suggested reason: ${r}`,
    noSuggestion: 'Suggested reason: none (choose one)',
    recovery: (reason: string, action: string, local: string, days: number) => `  ${reason} → ${action}, ${local} the buyer's time (${businessDays(days)} later)`,
    recoveries: 'Recovery to-do by reason:',
    lost: (q: Quote, reason: string) => `Quote ${q.number} is lost (${reason}).`,
    facts: 'Facts kept with it:',
    recoveryTask: (action: string, due: string) => `Recovery to-do: ${action}, due ${due}.`,
    noRecovery: 'No recovery to-do.',
    won: (q: Quote) => `Quote ${q.number} is won.`,
    report: (r: LostReasonsReport) => `Lost quotes ${r.from} to ${r.to}: ${r.total}`,
    byReason: 'By reason:',
    byMonth: 'By month:',
    reasonLine: (reason: string, count: number, share: number) => `  ${reason}: ${count} (${share} %)`,
    with: ' — with: ',
    list: ', ',
    month: (month: string, total: number, parts: string) => `  ${month}: ${total} (${parts})`,
  },
  'zh-CN': {
    reasons: LOST_REASON_NAMES['zh-CN'],
    actions: {
      call: '致电客户',
      requote: '重新报价',
      answer_questions: '回答未答的规格问题',
      send_certificates: '发送认证文件',
    } as Record<RecoveryAction, string>,
    fact: (f: LossFact, lang: Language): string => {
      switch (f.id) {
        case 'expired':
          return `已于 ${f.on}（客户当地日期）过期`;
        case 'fx_moved':
          return `自报价日 ${f.since} 起 ${f.currency} 对 ${f.base} 变动 ${signedPercent(f.percent, lang)}`;
        case 'unanswered':
          return `${f.asked} 个规格问题中有 ${f.unanswered} 个未回答`;
        case 'late_reply':
          return f.unreplied
            ? `至今未回复，已超过 ${fmt(f.slaHours, lang)} 小时时限 ${fmt(f.hoursLate, lang)} 小时`
            : `首次回复比 ${fmt(f.slaHours, lang)} 小时时限晚了 ${fmt(f.hoursLate, lang)} 小时`;
        case 'many_versions':
          return `${f.days} 天内改了 ${f.versions} 版`;
        case 'no_answer':
          return `发出后 ${f.days} 天客户未回复`;
      }
    },
    head: (a: LossAnalysis) => `将发给 ${a.accountName} 的报价 ${a.number} 标为丢单之前，系统已知：`,
    noFacts: '  没有指向具体原因的记录',
    suggested: (r: string) => `建议原因：${r}`,
    noSuggestion: '建议原因：无（请选择）',
    recovery: (reason: string, action: string, local: string, days: number) => `  ${reason} → ${action}，客户当地时间 ${local}（${days} 个工作日后）`,
    recoveries: '按原因建议的挽回待办：',
    lost: (q: Quote, reason: string) => `报价 ${q.number} 已标为丢单（${reason}）。`,
    facts: '随单记录的事实：',
    recoveryTask: (action: string, due: string) => `挽回待办：${action}，时间 ${due}。`,
    noRecovery: '无挽回待办。',
    won: (q: Quote) => `报价 ${q.number} 已成交。`,
    report: (r: LostReasonsReport) => `${r.from} 至 ${r.to} 丢单报价：${r.total} 个`,
    byReason: '按原因：',
    byMonth: '按月份：',
    reasonLine: (reason: string, count: number, share: number) => `  ${reason}：${count} 个（${share} %）`,
    with: ' — 同时出现：',
    list: '、',
    month: (month: string, total: number, parts: string) => `  ${month}：${total} 个（${parts}）`,
  },
} as const;

/** `2026-12-09T08:15:00+01:00[Europe/Madrid]` → `2026-12-09 08:15`. */
const wall = (zoned: string) => zoned.slice(0, 16).replace('T', ' ');

const reasonName = (lang: Language, reason: string) => words[lang].reasons[reason as LostReason | 'unknown'] ?? reason;

export function lossAnalysisText(a: LossAnalysis, lang: Language): string {
  const w = words[lang];
  return [
    w.head(a),
    ...(a.facts.length === 0 ? [w.noFacts] : a.facts.map((f) => `  · ${w.fact(f, lang)}`)),
    a.suggestedReason === null ? w.noSuggestion : w.suggested(reasonName(lang, a.suggestedReason)),
    w.recoveries,
    ...Object.entries(a.recovery).map(([reason, p]) => w.recovery(reasonName(lang, reason), w.actions[p.action], wall(p.dueBuyerLocal), p.businessDays)),
  ].join('\n');
}

export function lostQuoteText(q: Quote, lang: Language): string {
  const w = words[lang];
  const lost = q.lost;
  if (lost === null) return w.won(q);
  return [
    w.lost(q, reasonName(lang, lost.reason ?? 'unknown')),
    ...(lost.facts.length === 0 ? [] : [w.facts, ...lost.facts.map((f) => `  · ${w.fact(f, lang)}`)]),
    lost.recovery === null ? w.noRecovery : w.recoveryTask(w.actions[lost.recovery.action], lost.recovery.dueAt),
  ].join('\n');
}

const factName = (lang: Language, fact: string): string =>
  ({
    en: { expired: 'expired', fx_moved: 'FX moved', unanswered: 'questions unanswered', late_reply: 'late first reply', many_versions: 'many versions', no_answer: 'no answer' },
    'zh-CN': { expired: '已过期', fx_moved: '汇率变动', unanswered: '问题未答', late_reply: '首次回复超时', many_versions: '多次改版', no_answer: '客户未回复' },
  })[lang][fact as LossFact['id']] ?? fact;

export function lostReasonsText(r: LostReasonsReport, lang: Language): string {
  const w = words[lang];
  return [
    w.report(r),
    ...(r.total === 0
      ? []
      : [
          w.byReason,
          ...r.reasons.map((x) => {
            const facts = x.facts.map((f) => `${factName(lang, f.fact)} ${f.count}`).join(w.list);
            return `${w.reasonLine(reasonName(lang, x.reason), x.count, x.share)}${facts === '' ? '' : `${w.with}${facts}`}`;
          }),
          w.byMonth,
          ...r.months.map((m) => w.month(m.month, m.total, m.reasons.map((x) => `${reasonName(lang, x.reason)} ${x.count}`).join(w.list))),
        ]),
  ].join('\n');
}
