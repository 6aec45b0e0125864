/**
 * R14 churn warning, exactly as PRODUCT defines it: volume in each of the last three complete calendar months at
 * least 15 % below the mean monthly volume of the three months before them (that mean above 0), and no new inquiry
 * in those three months. Volume is the quantity when every order of the six months has one in the same unit, else
 * the base-currency amount.
 */
import type { ChurnFacts } from './facts';

/** "At least 15 % below": volume ≤ 85 % of the earlier mean. */
export const CHURN_DROP_PERCENT = 15;

export type ChurnOutcome = 'warning' | 'no_orders' | 'no_earlier_volume' | 'not_below' | 'new_inquiry';

/** A task of the recovery plan, for the scheduler to create (issue 6): kind and business days after the warning. */
export interface RecoveryStep {
  kind: 'call_buyer' | 'tailored_offer' | 'review_account' | 'check_recovery';
  dueInBusinessDays: number;
}

export const recoveryPlan: readonly RecoveryStep[] = [
  { kind: 'call_buyer', dueInBusinessDays: 1 },
  { kind: 'tailored_offer', dueInBusinessDays: 3 },
  { kind: 'review_account', dueInBusinessDays: 5 },
  { kind: 'check_recovery', dueInBusinessDays: 30 },
];

export interface ChurnResult {
  warning: boolean;
  outcome: ChurnOutcome;
  /** What "volume" means for this account: a unit's quantity, or the amount in the base currency. */
  basis: 'quantity' | 'amount';
  unit: string | null;
  /** The six months, oldest first, with their volume. */
  months: { month: string; volume: number }[];
  earlierMean: number;
  /** For `not_below`: the first of the last three months that is not 15 % below. */
  failingMonth: string | null;
  newInquiries: number;
  /** The recovery tasks a warning asks for (empty without a warning). */
  recoveryPlan: RecoveryStep[];
}

function sameUnit(facts: ChurnFacts): boolean {
  return facts.orders > 0 && facts.withQuantity === facts.orders && facts.unitMin !== null && facts.unitMin === facts.unitMax;
}

/** volume ≤ (1 − 15 %) × mean, with mean = earlier sum / 3, compared without dividing (no rounding at the edge). */
function fifteenPercentBelow(volume: number, earlierSum: number): boolean {
  const left = volume * 3 * 100;
  const right = (100 - CHURN_DROP_PERCENT) * earlierSum;
  return left <= right + 1e-9 * Math.max(1, Math.abs(right));
}

export function churnOf(facts: ChurnFacts): ChurnResult {
  const basis = sameUnit(facts) ? 'quantity' : 'amount';
  const volumes = basis === 'quantity' ? facts.quantities : facts.amounts;
  const months = facts.months.map((month, i) => ({ month, volume: volumes[i] ?? 0 }));
  const earlierSum = (months[0]?.volume ?? 0) + (months[1]?.volume ?? 0) + (months[2]?.volume ?? 0);
  let outcome: ChurnOutcome = 'warning';
  let failingMonth: string | null = null;
  if (facts.orders === 0) outcome = 'no_orders';
  else if (!(earlierSum > 0)) outcome = 'no_earlier_volume';
  else {
    for (const m of months.slice(3)) {
      if (!fifteenPercentBelow(m.volume, earlierSum)) {
        outcome = 'not_below';
        failingMonth = m.month;
        break;
      }
    }
    if (outcome === 'warning' && facts.newInquiries > 0) outcome = 'new_inquiry';
  }
  const warning = outcome === 'warning';
  return {
    warning,
    outcome,
    basis,
    unit: basis === 'quantity' ? facts.unitMin : null,
    months,
    earlierMean: earlierSum / 3,
    failingMonth,
    newInquiries: facts.newInquiries,
    recoveryPlan: warning ? [...recoveryPlan] : [],
  };
}
