/**
 * R9's reasons by name, in both languages: one list for the CLI's sentences (src-main/cli/quote-loss.ts, which
 * writes them in lower case inside a sentence) and the app's lost-deal form and report (src-renderer/i18n/features/lost-deals.ts).
 * `unknown` names a lost quote stored without a reason (from a share file of an older version).
 */
import type { LostReason } from '../domain/quotes/loss';
import type { Language } from './messages';

export type LostReasonName = LostReason | 'unknown';

export const LOST_REASON_NAMES: Readonly<Record<Language, Readonly<Record<LostReasonName, string>>>> = {
  en: {
    price: 'Price',
    spec_gap: 'Spec gap',
    certification: 'Certification',
    lead_time: 'Lead time',
    payment_terms: 'Payment terms',
    fx: 'Exchange rate',
    competitor: 'Competitor',
    no_reply: 'No reply',
    other: 'Other',
    unknown: 'No reason given',
  },
  'zh-CN': {
    price: '价格',
    spec_gap: '规格不符',
    certification: '认证',
    lead_time: '交期',
    payment_terms: '付款方式',
    fx: '汇率',
    competitor: '竞争对手',
    no_reply: '客户未回复',
    other: '其他',
    unknown: '未填原因',
  },
};
