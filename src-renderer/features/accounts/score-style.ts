/** Colours of the score badges, shared by the accounts list and the dashboard (Mantine palette names). */
import type { AccountScoreSummary } from '../../../src-main/contract/models';

export type Tier = NonNullable<AccountScoreSummary['tier']>;
export type Quadrant = NonNullable<AccountScoreSummary['quadrant']>;
export type Loyalty = NonNullable<AccountScoreSummary['loyalty']>;

/** In the order the filters and the dashboard show them. */
export const tierOrder = ['VIP', 'potential', 'new', 'general', 'dormant'] as const satisfies readonly Tier[];
export const quadrantOrder = ['strategic', 'potential', 'maintain', 'declining'] as const satisfies readonly Quadrant[];
export const loyaltyOrder = ['A', 'B', 'C'] as const satisfies readonly Loyalty[];

export const tierColor: Record<Tier, string> = {
  VIP: 'grape',
  potential: 'blue',
  new: 'teal',
  general: 'gray',
  dormant: 'orange',
};

export const quadrantColor: Record<Quadrant, string> = {
  strategic: 'green',
  potential: 'blue',
  maintain: 'gray',
  declining: 'red',
};

export const loyaltyColor: Record<Loyalty, string> = { A: 'green', B: 'yellow', C: 'red' };

/** Health and value 0–100: green from 70, yellow from 40, red below. */
export function scoreColor(score: number): string {
  if (score >= 70) return 'green';
  if (score >= 40) return 'yellow';
  return 'red';
}
