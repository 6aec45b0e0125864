/**
 * SQL for what an order still owes (migrations/0014_payments.sql keeps `paid_amount`, `last_paid_on`,
 * `paid_in_full_on` and the generated `settled_on` from its payments). One definition, read by the receivables
 * list, the monthly aggregates and the health score's facts, so the three show the same numbers.
 */

/** The order's open amount now, in its own currency: 0 once settled (marked paid, or paid in full). */
export function outstandingSql(o: string): string {
  return `(CASE WHEN ${o}.settled_on IS NOT NULL THEN 0 ELSE max(0, round(${o}.amount - ${o}.paid_amount, 2)) END)`;
}

/** The same in the base currency, at the order's own rate (its amount_base, in proportion). */
export function outstandingBaseSql(o: string): string {
  return `(CASE WHEN ${o}.settled_on IS NOT NULL OR ${o}.amount <= 0 THEN 0 ELSE round(${o}.amount_base * max(0, ${o}.amount - ${o}.paid_amount) / ${o}.amount, 2) END)`;
}

/**
 * What the order still owed in the base currency on day `day` (a bound parameter such as `:d`), whether or not it
 * was settled later: its amount less the payments dated by then (an order marked paid without payments owed it all
 * until its paid date; the caller asks only about days before it settled).
 */
export function owedOnSql(o: string, day: string): string {
  const paidBy = `(CASE WHEN ${o}.paid_amount = 0 THEN 0 WHEN ${o}.last_paid_on <= ${day} THEN ${o}.paid_amount
    ELSE (SELECT total(p.amount) FROM payments p WHERE p.order_id = ${o}.id AND p.deleted_at IS NULL AND p.paid_on <= ${day}) END)`;
  return `(CASE WHEN ${o}.amount <= 0 THEN 0 ELSE ${o}.amount_base * max(0, ${o}.amount - ${paidBy}) / ${o}.amount END)`;
}
