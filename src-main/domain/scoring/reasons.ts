/**
 * Every score explains itself from the book (issue 7): the one-line reasons of the health indicators, the churn
 * reason, and the explanation lines, in English and Chinese. One `Phrases` per language, so the type checker makes
 * sure neither language misses a sentence.
 */
import type { AccountScore } from './account-score';
import type { ChurnResult, RecoveryStep } from './churn';
import type { HealthIndicator, IndicatorFacts } from './health';
import type { InquiryPriority } from './inquiry-quality';
import type { LoyaltyClass, Quadrant } from './loyalty';
import type { Rfm, Tier } from './rfm';
import type { ValuePart } from './value';
import { scoreParts } from '../settings';

export type ScoreLanguage = 'en' | 'zh-CN';

export interface RenderContext {
  language: ScoreLanguage;
  baseCurrency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();
function num(value: number, language: ScoreLanguage, digits = 1): string {
  const key = `${language}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, { maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(value);
}

interface Fmt {
  n(value: number, digits?: number): string;
  money(value: number): string;
  pct(value: number): string;
  signed(value: number): string;
}

function fmt(ctx: RenderContext): Fmt {
  const n = (value: number, digits = 1) => num(value, ctx.language, digits);
  return {
    n,
    money: (value) => `${n(value, 2)} ${ctx.baseCurrency}`,
    pct: (value) => `${n(value)}%`,
    signed: (value) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${n(Math.abs(value))}%`,
  };
}

interface Phrases {
  indicator: { [K in IndicatorFacts['name']]: (facts: Extract<IndicatorFacts, { name: K }>, f: Fmt) => string };
  indicatorName: Record<IndicatorFacts['name'], string>;
  tier: Record<Tier, string>;
  tierWhy(rfm: Rfm): string;
  noRfm: string;
  r(rfm: Rfm, f: Fmt): string;
  f(rfm: Rfm, f: Fmt): string;
  m(rfm: Rfm, f: Fmt): string;
  part: Record<ValuePart, string>;
  valueLine(score: number, terms: string): string;
  purchase(score: AccountScore, f: Fmt): string;
  margin(score: AccountScore, f: Fmt): string;
  growth(score: AccountScore, f: Fmt): string;
  rating(rating: number): string;
  quadrant: Record<Quadrant, string>;
  quadrantWhy(score: AccountScore, f: Fmt): string;
  loyalty(cls: LoyaltyClass, score: AccountScore, f: Fmt): string;
  noLoyalty: string;
  health(score: number): string;
  churn(churn: ChurnResult, f: Fmt): string;
  step: Record<RecoveryStep['kind'], string>;
  planLine(step: RecoveryStep): string;
  priority: Record<InquiryPriority, string>;
  inquiries(score: AccountScore, f: Fmt): string;
  header(accountId: string, asOf: string): string;
  colon: string;
  quadrantLine(name: string, why: string): string;
  churnLine(reason: string): string;
  inquiriesLine(reason: string): string;
}

const volumeOf = (value: number, unit: string | null, f: Fmt) => (unit === null ? f.money(value) : `${f.n(value, 2)} ${unit}`);

const en: Phrases = {
  indicator: {
    volume_trend: (x, f) =>
      x.changePercent === null
        ? x.recent > 0
          ? `${volumeOf(x.recent, x.unit, f)} ordered in the last 3 months, nothing in the 3 before`
          : 'no orders in the last 6 months (no data: 50)'
        : `${volumeOf(x.recent, x.unit, f)} in the last 3 months vs ${volumeOf(x.earlier, x.unit, f)} in the 3 before (${f.signed(x.changePercent)})`,
    order_rhythm: (x, f) =>
      x.medianGap === null || x.daysSinceLast === null
        ? 'fewer than two orders in 24 months: no usual gap (no data: 50)'
        : `last order ${x.daysSinceLast} days ago, usual gap ${f.n(x.medianGap)} days (${x.ratio === null ? '∞' : f.n(x.ratio, 2)}×)`,
    recency: (x) => (x.daysSinceLast === null ? 'no orders yet (no data: 50)' : `last order ${x.daysSinceLast} days ago`),
    margin_trend: (x, f) =>
      x.points === null || x.margin3 === null || x.margin12 === null
        ? 'no orders with a cost in the last 3 or 12 months (no data: 50)'
        : `margin ${f.pct(x.margin3)} in the last 3 months vs ${f.pct(x.margin12)} over 12 months (${x.points >= 0 ? '+' : '−'}${f.n(Math.abs(x.points))} points)`,
    on_time_payment: (x, f) =>
      x.due === 0 ? 'no payments due in the last 12 months (70)' : `${x.onTime} of ${x.due} payments due in 12 months paid on time (${f.pct((x.onTime / x.due) * 100)})`,
    overdue_receivables: (x, f) =>
      x.overdue === 0
        ? 'nothing overdue'
        : x.percent === null
          ? `${f.money(x.overdue)} overdue and no revenue in 12 months`
          : `${f.money(x.overdue)} overdue = ${f.pct(x.percent)} of 12-month revenue ${f.money(x.revenue12)}`,
    open_complaints: (x) => (x.A + x.B + x.C === 0 ? 'no open complaints' : `open complaints: ${x.A} A, ${x.B} B, ${x.C} C (−40/−20/−10 each)`),
    complaint_resolution: (x) =>
      x.complaints === 0 ? 'no complaints in the last 12 months (100)' : `${x.within72h} of ${x.complaints} complaints in 12 months resolved within 72 h`,
    reply_latency: (x, f) =>
      x.medianRatio === null ? 'no answered inquiries in the last 90 days (70)' : `median first reply ${f.n(x.medianRatio, 2)}× the SLA over ${x.replies} inquiries in 90 days`,
    quote_win_rate: (x, f) =>
      x.won + x.lost === 0 ? 'no quotes won or lost in the last 12 months (50)' : `won ${x.won} of ${x.won + x.lost} decided quotes in 12 months (${f.pct((x.won / (x.won + x.lost)) * 100)})`,
    inquiry_activity: (x) => `${x.inquiries} ${x.inquiries === 1 ? 'inquiry' : 'inquiries'} in the last 90 days`,
    contact_recency: (x) => (x.days === null ? 'no interactions recorded (no data: 50)' : `last contact ${x.days} days ago`),
  },
  indicatorName: {
    volume_trend: 'order volume trend',
    order_rhythm: 'order rhythm',
    recency: 'days since last order',
    margin_trend: 'margin trend',
    on_time_payment: 'on-time payment',
    overdue_receivables: 'overdue receivables',
    open_complaints: 'open complaints',
    complaint_resolution: 'complaints resolved in 72 h',
    reply_latency: 'reply latency',
    quote_win_rate: 'quote win rate',
    inquiry_activity: 'inquiry activity',
    contact_recency: 'contact recency',
  },
  tier: { new: 'new', dormant: 'dormant', VIP: 'VIP', potential: 'potential', general: 'general' },
  tierWhy: (rfm) =>
    rfm.tier === 'new'
      ? `first order ${rfm.daysSinceFirst} days ago (< 90)`
      : rfm.tier === 'dormant'
        ? `last order ${rfm.daysSinceLast} days ago (≥ 365)`
        : rfm.tier === 'VIP'
          ? 'R, F and M all ≥ 4'
          : rfm.tier === 'potential'
            ? 'M ≥ 4 with F ≤ 2'
            : 'not new, not dormant, not VIP, not potential',
  noRfm: 'RFM: no orders up to this date, so no R, F, M and no tier.',
  r: (rfm) => `R=${rfm.r}: last order ${rfm.daysSinceLast} days ago (fewer days score higher, quintiles of the book)`,
  f: (rfm) => `F=${rfm.f}: ${rfm.orders24} ${rfm.orders24 === 1 ? 'order' : 'orders'} in the last 24 months`,
  m: (rfm, f) => `M=${rfm.m}: revenue ${f.money(rfm.revenue24)} in the last 24 months`,
  part: { purchase: 'purchase amount', margin: 'profit margin', growth: 'growth potential', strategic: 'strategic fit', reputation: 'reputation/influence' },
  valueLine: (score, terms) => `Value score ${score} = ${terms}`,
  purchase: (s, f) =>
    s.value.revenue12 > 0 || s.value.parts.purchase > 0
      ? `12-month revenue ${f.money(s.value.revenue12)}: as much as or more than ${s.value.parts.purchase}% of the accounts that bought in those 12 months`
      : 'no orders in the last 12 months → 0',
  margin: (s, f) =>
    s.value.marginPercent === null
      ? 'no orders with a cost in the last 12 months (no data: 50)'
      : `margin ${f.pct(s.value.marginPercent)} on the last 12 months' orders that have a cost (0% → 0, ≥ 30% → 100)`,
  growth: (s, f) =>
    s.value.growthPercent === null
      ? s.value.revenue12 > 0
        ? `revenue ${f.money(s.value.revenue12)} in the last 12 months, none in the 12 before → 100`
        : 'no revenue in the last 24 months → 50'
      : `12-month revenue ${f.money(s.value.revenue12)} vs ${f.money(s.value.revenuePrev12)} the 12 months before (${f.signed(s.value.growthPercent)}; −50% → 0, 0 → 50, +50% → 100)`,
  rating: (rating) => `rated ${rating} of 5`,
  quadrant: { strategic: 'strategic', potential: 'potential', maintain: 'maintain', declining: 'declining' },
  quadrantWhy: (s, f) => {
    const g = s.value.growthPercent;
    const growth = g === null ? (s.value.revenue12 > 0 ? 'revenue in the last 12 months, none the 12 before' : 'no revenue in 24 months') : `12-month growth ${f.signed(g)}`;
    switch (s.quadrant) {
      case 'declining':
        return s.churn.warning && !(g !== null && g <= -15) ? 'churn warning' : `${growth} ≤ −15%`;
      case 'strategic':
        return `value ${s.value.score} ≥ 60 (${growth})`;
      case 'potential':
        return g === null ? `${growth} (value ${s.value.score} < 60)` : `${growth} ≥ +15% (value ${s.value.score} < 60)`;
      case 'maintain':
        return g === null ? `value ${s.value.score} < 60, ${growth}` : `value ${s.value.score} < 60, ${growth} between −15% and +15%`;
    }
  },
  loyalty: (cls, s, f) => {
    const l = s.loyalty!;
    const regularity = l.orders24 < 3 ? `${l.orders24} orders in 24 months (< 3)` : `gap variation ${f.n(l.gapCv ?? 0, 2)}`;
    const payment = l.due24 === 0 ? 'none due' : `${l.onTime24} of ${l.due24} paid on time`;
    return `Loyalty ${cls}: ${f.n(l.score)} = mean of monetary ${f.n(l.parts.monetary)} ((M − 1) × 25), margin ${f.n(l.parts.margin)}, repurchase regularity ${f.n(l.parts.regularity)} (${regularity}), payment ${f.n(l.parts.payment)} (${payment}); A ≥ 70, B ≥ 40`;
  },
  noLoyalty: 'Loyalty: no orders, no class.',
  health: (score) => `Health ${score}: weighted mean of the twelve indicators`,
  churn: (c, f) => {
    const months = c.months.map((m) => `${m.month} ${volumeOf(m.volume, c.unit, f)}`);
    const last = months.slice(3).join(', ');
    const earlier = `${c.months[0]?.month ?? ''}…${c.months[2]?.month ?? ''}`;
    switch (c.outcome) {
      case 'warning':
        return `volume ${last}: each at least 15% below the ${earlier} mean ${volumeOf(c.earlierMean, c.unit, f)}, and no new inquiry since`;
      case 'no_orders':
        return `no orders in ${c.months[0]?.month ?? ''}…${c.months[5]?.month ?? ''}: nothing to compare`;
      case 'no_earlier_volume':
        return `no volume in ${earlier}: nothing to compare with`;
      case 'not_below': {
        const failing = c.months.find((m) => m.month === c.failingMonth);
        return `${c.failingMonth ?? ''} ${volumeOf(failing?.volume ?? 0, c.unit, f)} is not 15% below the ${earlier} mean ${volumeOf(c.earlierMean, c.unit, f)}`;
      }
      case 'new_inquiry':
        return `volume fell (${last}) but ${c.newInquiries} new ${c.newInquiries === 1 ? 'inquiry' : 'inquiries'} arrived in those months`;
    }
  },
  step: {
    call_buyer: 'Call the buyer and ask what changed',
    tailored_offer: 'Send an offer on their usual products with current prices and lead times',
    review_account: 'Review lost quotes, complaints and payment terms of this account',
    check_recovery: 'Check whether their orders have recovered',
  },
  planLine: (step) => `${en.step[step.kind]} (in ${step.dueInBusinessDays} business ${step.dueInBusinessDays === 1 ? 'day' : 'days'})`,
  priority: { high: 'high', normal: 'normal', low: 'low' },
  inquiries: (s, f) => {
    const q = s.inquiries;
    if (q.priority === null) return 'no open inquiries';
    const quality = q.bestQuality === null ? 'not rated' : `best quality ${f.n(q.bestQuality)}`;
    return `${q.open} open ${q.open === 1 ? 'inquiry' : 'inquiries'}, priority ${q.priority} (${quality}${q.maxUrgency === null ? '' : `, urgency up to ${q.maxUrgency}`})`;
  },
  header: (id, asOf) => `Account ${id}, scores as of ${asOf}`,
  colon: ': ',
  quadrantLine: (name, why) => `Quadrant ${name}: ${why}`,
  churnLine: (reason) => `Churn: ${reason}`,
  inquiriesLine: (reason) => `Inquiries (R16): ${reason}`,
};

const zh: Phrases = {
  indicator: {
    volume_trend: (x, f) =>
      x.changePercent === null
        ? x.recent > 0
          ? `近3个月订购 ${volumeOf(x.recent, x.unit, f)}，之前3个月没有订单`
          : '近6个月没有订单（无数据：50）'
        : `近3个月 ${volumeOf(x.recent, x.unit, f)}，之前3个月 ${volumeOf(x.earlier, x.unit, f)}（${f.signed(x.changePercent)}）`,
    order_rhythm: (x, f) =>
      x.medianGap === null || x.daysSinceLast === null
        ? '24个月内订单少于两笔，无法得出惯常间隔（无数据：50）'
        : `距上次订单 ${x.daysSinceLast} 天，惯常间隔 ${f.n(x.medianGap)} 天（${x.ratio === null ? '∞' : f.n(x.ratio, 2)} 倍）`,
    recency: (x) => (x.daysSinceLast === null ? '尚无订单（无数据：50）' : `距上次订单 ${x.daysSinceLast} 天`),
    margin_trend: (x, f) =>
      x.points === null || x.margin3 === null || x.margin12 === null
        ? '近3个月或12个月没有带成本的订单（无数据：50）'
        : `近3个月毛利率 ${f.pct(x.margin3)}，12个月 ${f.pct(x.margin12)}（${x.points >= 0 ? '+' : '−'}${f.n(Math.abs(x.points))} 个百分点）`,
    on_time_payment: (x, f) =>
      x.due === 0 ? '近12个月没有到期付款（70）' : `近12个月到期 ${x.due} 笔，按时付款 ${x.onTime} 笔（${f.pct((x.onTime / x.due) * 100)}）`,
    overdue_receivables: (x, f) =>
      x.overdue === 0
        ? '没有逾期款'
        : x.percent === null
          ? `逾期 ${f.money(x.overdue)}，近12个月无销售额`
          : `逾期 ${f.money(x.overdue)}，占近12个月销售额 ${f.money(x.revenue12)} 的 ${f.pct(x.percent)}`,
    open_complaints: (x) => (x.A + x.B + x.C === 0 ? '没有未结投诉' : `未结投诉：A 级 ${x.A}，B 级 ${x.B}，C 级 ${x.C}（每件扣 40/20/10）`),
    complaint_resolution: (x) => (x.complaints === 0 ? '近12个月没有投诉（100）' : `近12个月 ${x.complaints} 件投诉中 ${x.within72h} 件在 72 小时内解决`),
    reply_latency: (x, f) =>
      x.medianRatio === null ? '近90天没有已回复的询盘（70）' : `近90天 ${x.replies} 个询盘，首次回复时间中位数为 SLA 的 ${f.n(x.medianRatio, 2)} 倍`,
    quote_win_rate: (x, f) =>
      x.won + x.lost === 0 ? '近12个月没有成交或丢单的报价（50）' : `近12个月有结果的 ${x.won + x.lost} 个报价中成交 ${x.won} 个（${f.pct((x.won / (x.won + x.lost)) * 100)}）`,
    inquiry_activity: (x) => `近90天询盘 ${x.inquiries} 个`,
    contact_recency: (x) => (x.days === null ? '没有沟通记录（无数据：50）' : `距上次联系 ${x.days} 天`),
  },
  indicatorName: {
    volume_trend: '订单量趋势',
    order_rhythm: '下单节奏',
    recency: '距上次订单天数',
    margin_trend: '毛利率趋势',
    on_time_payment: '按时付款',
    overdue_receivables: '逾期应收款',
    open_complaints: '未结投诉',
    complaint_resolution: '72小时内解决投诉',
    reply_latency: '回复速度',
    quote_win_rate: '报价成交率',
    inquiry_activity: '询盘活跃度',
    contact_recency: '最近联系',
  },
  tier: { new: '新客户', dormant: '沉睡客户', VIP: 'VIP', potential: '潜力客户', general: '一般客户' },
  tierWhy: (rfm) =>
    rfm.tier === 'new'
      ? `首次订单在 ${rfm.daysSinceFirst} 天前（< 90）`
      : rfm.tier === 'dormant'
        ? `上次订单在 ${rfm.daysSinceLast} 天前（≥ 365）`
        : rfm.tier === 'VIP'
          ? 'R、F、M 均 ≥ 4'
          : rfm.tier === 'potential'
            ? 'M ≥ 4 且 F ≤ 2'
            : '不是新客户、沉睡客户、VIP 或潜力客户',
  noRfm: 'RFM：截至该日没有订单，因此没有 R、F、M 和等级。',
  r: (rfm) => `R=${rfm.r}：上次订单在 ${rfm.daysSinceLast} 天前（天数越少得分越高，按全部客户五等分）`,
  f: (rfm) => `F=${rfm.f}：近24个月 ${rfm.orders24} 笔订单`,
  m: (rfm, f) => `M=${rfm.m}：近24个月销售额 ${f.money(rfm.revenue24)}`,
  part: { purchase: '采购金额', margin: '利润率', growth: '增长潜力', strategic: '战略匹配', reputation: '声誉/影响力' },
  valueLine: (score, terms) => `客户价值分 ${score} = ${terms}`,
  purchase: (s, f) =>
    s.value.revenue12 > 0 || s.value.parts.purchase > 0
      ? `近12个月销售额 ${f.money(s.value.revenue12)}：不低于近12个月有订单客户中 ${s.value.parts.purchase}% 的客户`
      : '近12个月没有订单 → 0',
  margin: (s, f) =>
    s.value.marginPercent === null
      ? '近12个月没有带成本的订单（无数据：50）'
      : `近12个月带成本订单的毛利率 ${f.pct(s.value.marginPercent)}（0% → 0，≥ 30% → 100）`,
  growth: (s, f) =>
    s.value.growthPercent === null
      ? s.value.revenue12 > 0
        ? `近12个月销售额 ${f.money(s.value.revenue12)}，之前12个月为零 → 100`
        : '近24个月没有销售额 → 50'
      : `近12个月销售额 ${f.money(s.value.revenue12)}，之前12个月 ${f.money(s.value.revenuePrev12)}（${f.signed(s.value.growthPercent)}；−50% → 0，0 → 50，+50% → 100）`,
  rating: (rating) => `评分 ${rating}/5`,
  quadrant: { strategic: '战略客户', potential: '潜力客户', maintain: '维持客户', declining: '衰退客户' },
  quadrantWhy: (s, f) => {
    const g = s.value.growthPercent;
    const growth = g === null ? (s.value.revenue12 > 0 ? '近12个月有销售额，之前12个月没有' : '近24个月没有销售额') : `12个月增长 ${f.signed(g)}`;
    switch (s.quadrant) {
      case 'declining':
        return s.churn.warning && !(g !== null && g <= -15) ? '有流失预警' : `${growth} ≤ −15%`;
      case 'strategic':
        return `价值分 ${s.value.score} ≥ 60（${growth}）`;
      case 'potential':
        return g === null ? `${growth}（价值分 ${s.value.score} < 60）` : `${growth} ≥ +15%（价值分 ${s.value.score} < 60）`;
      case 'maintain':
        return g === null ? `价值分 ${s.value.score} < 60，${growth}` : `价值分 ${s.value.score} < 60，${growth}，介于 −15% 与 +15% 之间`;
    }
  },
  loyalty: (cls, s, f) => {
    const l = s.loyalty!;
    const regularity = l.orders24 < 3 ? `24个月内 ${l.orders24} 笔订单（< 3）` : `间隔变异系数 ${f.n(l.gapCv ?? 0, 2)}`;
    const payment = l.due24 === 0 ? '无到期' : `${l.due24} 笔中按时付款 ${l.onTime24} 笔`;
    return `忠诚度 ${cls}：${f.n(l.score)} = 金额 ${f.n(l.parts.monetary)}（(M − 1) × 25）、利润率 ${f.n(l.parts.margin)}、复购规律性 ${f.n(l.parts.regularity)}（${regularity}）、付款 ${f.n(l.parts.payment)}（${payment}）的平均值；A ≥ 70，B ≥ 40`;
  },
  noLoyalty: '忠诚度：没有订单，不分级。',
  health: (score) => `健康度 ${score}：十二项指标的加权平均`,
  churn: (c, f) => {
    const months = c.months.map((m) => `${m.month} ${volumeOf(m.volume, c.unit, f)}`);
    const last = months.slice(3).join('，');
    const earlier = `${c.months[0]?.month ?? ''}…${c.months[2]?.month ?? ''}`;
    switch (c.outcome) {
      case 'warning':
        return `订单量 ${last}：每月都比 ${earlier} 的月均 ${volumeOf(c.earlierMean, c.unit, f)} 低至少 15%，且期间没有新询盘`;
      case 'no_orders':
        return `${c.months[0]?.month ?? ''}…${c.months[5]?.month ?? ''} 没有订单，无从比较`;
      case 'no_earlier_volume':
        return `${earlier} 没有订单量，无从比较`;
      case 'not_below': {
        const failing = c.months.find((m) => m.month === c.failingMonth);
        return `${c.failingMonth ?? ''} 的 ${volumeOf(failing?.volume ?? 0, c.unit, f)} 没有比 ${earlier} 的月均 ${volumeOf(c.earlierMean, c.unit, f)} 低 15%`;
      }
      case 'new_inquiry':
        return `订单量下降（${last}），但期间收到 ${c.newInquiries} 个新询盘`;
    }
  },
  step: {
    call_buyer: '致电买家，了解发生了什么变化',
    tailored_offer: '针对其常购产品发送报价，附最新价格和交期',
    review_account: '复盘该客户的丢单、投诉和付款条件',
    check_recovery: '检查订单是否恢复',
  },
  planLine: (step) => `${zh.step[step.kind]}（${step.dueInBusinessDays} 个工作日内）`,
  priority: { high: '高', normal: '普通', low: '低' },
  inquiries: (s, f) => {
    const q = s.inquiries;
    if (q.priority === null) return '没有未回复的询盘';
    const quality = q.bestQuality === null ? '未评分' : `最高质量分 ${f.n(q.bestQuality)}`;
    return `未回复询盘 ${q.open} 个，优先级${zh.priority[q.priority]}（${quality}${q.maxUrgency === null ? '' : `，紧急度最高 ${q.maxUrgency}`}）`;
  },
  header: (id, asOf) => `客户 ${id}，截至 ${asOf} 的评分`,
  colon: '：',
  quadrantLine: (name, why) => `象限 ${name}：${why}`,
  churnLine: (reason) => `流失预警：${reason}`,
  inquiriesLine: (reason) => `询盘（R16）：${reason}`,
};

const phrasebook: Record<ScoreLanguage, Phrases> = { en, 'zh-CN': zh };

export function phrases(language: ScoreLanguage): Phrases {
  return phrasebook[language];
}

/** The one-line reason of a health indicator ("last order 214 days ago → 35"). */
export function indicatorReason(indicator: HealthIndicator, ctx: RenderContext): string {
  const p = phrases(ctx.language);
  const render = p.indicator[indicator.facts.name] as (facts: IndicatorFacts, f: Fmt) => string;
  return `${render(indicator.facts, fmt(ctx))} → ${num(indicator.score, ctx.language)}`;
}

export function churnReason(churn: ChurnResult, ctx: RenderContext): string {
  return phrases(ctx.language).churn(churn, fmt(ctx));
}

export function recoveryStepTitle(step: RecoveryStep, language: ScoreLanguage): string {
  return phrases(language).step[step.kind];
}

export function inquiriesReason(score: AccountScore, ctx: RenderContext): string {
  return phrases(ctx.language).inquiries(score, fmt(ctx));
}

/** The reasoning behind every number of an account's scores, line by line, in the user's language. */
export function explanationLines(score: AccountScore, ctx: RenderContext): string[] {
  const p = phrases(ctx.language);
  const f = fmt(ctx);
  const lines: string[] = [p.header(score.accountId, score.asOf)];
  if (score.rfm === null) lines.push(p.noRfm);
  else {
    lines.push(`RFM ${score.rfm.r}/${score.rfm.f}/${score.rfm.m} → ${p.tier[score.rfm.tier]} (${p.tierWhy(score.rfm)})`);
    lines.push(`  ${p.r(score.rfm, f)}`, `  ${p.f(score.rfm, f)}`, `  ${p.m(score.rfm, f)}`);
  }
  const terms = scoreParts.map((part) => `${p.part[part]} ${f.n(score.value.parts[part])} × ${f.n(score.value.weights[part])}%`).join(' + ');
  lines.push(p.valueLine(score.value.score, terms));
  const partWhy: Record<ValuePart, string> = {
    purchase: p.purchase(score, f),
    margin: p.margin(score, f),
    growth: p.growth(score, f),
    strategic: p.rating(score.value.parts.strategic / 25 + 1),
    reputation: p.rating(score.value.parts.reputation / 25 + 1),
  };
  for (const part of scoreParts) lines.push(`  ${p.part[part]} ${f.n(score.value.parts[part])}${p.colon}${partWhy[part]}`);
  lines.push(p.quadrantLine(p.quadrant[score.quadrant], p.quadrantWhy(score, f)));
  lines.push(score.loyalty === null ? p.noLoyalty : p.loyalty(score.loyalty.class, score, f));
  lines.push(p.health(score.health.score));
  for (const indicator of score.health.indicators) {
    lines.push(`  ${p.indicatorName[indicator.name]} (×${f.n(indicator.weight)})${p.colon}${indicatorReason(indicator, ctx)}`);
  }
  lines.push(p.churnLine(`${score.churn.warning ? '⚠ ' : ''}${churnReason(score.churn, ctx)}`));
  for (const step of score.churn.recoveryPlan) lines.push(`  → ${p.planLine(step)}`);
  lines.push(p.inquiriesLine(inquiriesReason(score, ctx)));
  return lines;
}
