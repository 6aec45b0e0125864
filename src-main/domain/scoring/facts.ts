/**
 * What the book says about one account as of a date: the aggregates the scoring service computes set-based in SQL
 * (services/scoring.ts) and the domain turns into scores. Amounts are in the base currency; dates YYYY-MM-DD.
 */

/** Orders placed up to the as-of date, in the windows of PRODUCT's Defaults. */
export interface OrderFacts {
  /** All orders up to the as-of date. */
  count: number;
  firstOrder: string | null;
  lastOrder: string | null;
  /** (as-of − 24 months, as-of]. */
  orders24: number;
  revenue24: number;
  /** (as-of − 12 months, as-of] and the 12 months before it. */
  orders12: number;
  revenue12: number;
  revenuePrev12: number;
  /** Revenue and cost of the orders that have a cost, in the last 12 and 3 months. */
  costedRevenue12: number;
  cost12: number;
  costedRevenue3: number;
  cost3: number;
}

/** The account's volume over the last six months (rolling windows), for R13's volume trend. */
export interface VolumeFacts {
  orders6: number;
  /** Orders of the six months that have a quantity, and the smallest and largest unit among them. */
  withQuantity6: number;
  unitMin: string | null;
  unitMax: string | null;
  amount3: number;
  quantity3: number;
  amountPrev3: number;
  quantityPrev3: number;
}

/** R14: the six complete calendar months before the as-of month, oldest first. */
export interface ChurnFacts {
  months: string[];
  orders: number;
  withQuantity: number;
  unitMin: string | null;
  unitMax: string | null;
  amounts: number[];
  quantities: number[];
  /** Inquiries received in the last three of the six months. */
  newInquiries: number;
}

/** Gaps in days before each order of the last 24 months (since the account's previous order). */
export interface GapFacts {
  count: number;
  sum: number;
  sumOfSquares: number;
  median: number | null;
}

export interface PaymentFacts {
  /** Orders due in (as-of − 12 months, as-of] and how many of them were paid by their due date. */
  due12: number;
  onTime12: number;
  /** The same over 24 months (loyalty). */
  due24: number;
  onTime24: number;
  /** Unpaid amount of orders due before the as-of date. */
  overdue: number;
}

export interface ActivityFacts {
  inquiries90: number;
  /** Answered inquiries of the last 90 days and the median of (first-reply time ÷ their SLA). */
  replies90: number;
  medianReplyRatio: number | null;
  quotesWon12: number;
  quotesLost12: number;
  openComplaints: { A: number; B: number; C: number };
  /** Complaints opened in the last 12 months whose 72 h are over or that were resolved, and those resolved in 72 h. */
  complaints12: number;
  resolvedIn72h12: number;
  daysSinceContact: number | null;
  /** R16: inquiries not answered by the as-of date and their best urgency and quality. */
  openInquiries: number;
  openMaxUrgency: number | null;
  openBestQuality: number | null;
  /** True when every open inquiry is rated and its quality is below 2.5. */
  openAllLowQuality: boolean;
}

/** Book-relative positions, computed in SQL with window functions over all accounts (ties alike). */
export interface Quintiles {
  /** ceil(5 × cume_dist()) of last-order date, 24-month order count and 24-month revenue; null without orders. */
  r: number | null;
  f: number | null;
  m: number | null;
  /** round(100 × cume_dist()) of 12-month revenue among accounts with orders in those 12 months; null without. */
  purchase: number | null;
}

export interface AccountFacts {
  accountId: string;
  strategicFit: number;
  reputation: number;
  priorityChannel: boolean;
  orders: OrderFacts;
  volume: VolumeFacts;
  churn: ChurnFacts;
  gaps: GapFacts;
  payments: PaymentFacts;
  activity: ActivityFacts;
  quintiles: Quintiles;
}
