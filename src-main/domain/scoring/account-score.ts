/**
 * One account's scores as of a date, from its facts (R10–R14, R16). Pure: the same facts and weights always give
 * the same scores; the result is what a snapshot stores, and every reason is rendered from it (reasons.ts).
 */
import { daysBetween } from './calendar';
import { churnOf, type ChurnResult } from './churn';
import type { AccountFacts } from './facts';
import { healthOf, type Health, type HealthWeights } from './health';
import { accountInquiryPriority, type AccountInquiryPriority } from './inquiry-quality';
import { loyaltyOf, quadrantOf, type Loyalty, type Quadrant } from './loyalty';
import { rfmOf, type Rfm } from './rfm';
import { valueOf, type ScoreWeights, type ValueScore } from './value';

export interface ScoreSettings {
  scoreWeights: ScoreWeights;
  healthWeights: HealthWeights;
}

export interface AccountScore {
  accountId: string;
  asOf: string;
  rfm: Rfm | null;
  value: ValueScore;
  quadrant: Quadrant;
  loyalty: Loyalty | null;
  health: Health;
  churn: ChurnResult;
  inquiries: AccountInquiryPriority;
}

export function scoreAccount(facts: AccountFacts, asOf: string, settings: ScoreSettings): AccountScore {
  const rfm = rfmOf(facts.orders, facts.quintiles, asOf);
  const value = valueOf(facts, settings.scoreWeights);
  const churn = churnOf(facts.churn);
  const daysSinceLast = facts.orders.lastOrder === null ? null : daysBetween(facts.orders.lastOrder, asOf);
  return {
    accountId: facts.accountId,
    asOf,
    rfm,
    value,
    quadrant: quadrantOf(value.score, value.growthPercent, value.revenue12, churn.warning),
    loyalty: rfm === null ? null : loyaltyOf(rfm.m, value.parts.margin, facts.orders.orders24, facts.gaps, facts.payments),
    health: healthOf(facts, daysSinceLast, settings.healthWeights),
    churn,
    inquiries: accountInquiryPriority(
      {
        count: facts.activity.openInquiries,
        maxUrgency: facts.activity.openMaxUrgency,
        bestQuality: facts.activity.openBestQuality,
        allLowQuality: facts.activity.openAllLowQuality,
      },
      facts.priorityChannel,
    ),
  };
}
