/**
 * The book's scores at a glance (issue 7, the dashboard): each live account's latest score snapshot — or those of
 * one as-of day — counted by R10 tier, R12 quadrant and loyalty class, and the R14 churn warnings with their reasons
 * in the request language, most valuable accounts first.
 */
import { sql } from 'kysely';
import type { ParsedInputOf } from '../contract';
import type { Language } from '../contract/messages';
import type { ChurnWarningItem, ScoreSummary } from '../contract/models';
import { churnReason, decodeScore, loyaltyClasses, quadrants, scoreAccount, scoreWindows, tiers, type StoredScore } from '../domain/scoring';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

/** At most this many churn warnings are listed (the total is always given). */
export const CHURN_WARNINGS_SHOWN = 200;

interface GroupRow {
  tier: string | null;
  quadrant: string | null;
  loyalty: string | null;
  churn_warning: number;
  n: number;
  as_of: string;
}

interface WarningRow {
  account_id: string;
  name: string;
  country: string;
  as_of: string;
  value_score: number | null;
  parts: string;
  since: string | null;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const isOneOf = <K extends string>(keys: readonly K[], value: string | null): value is K => value !== null && (keys as readonly string[]).includes(value);

export async function scoreSummary(ctx: ServiceContext, input: ParsedInputOf<'scores.summary'>, language: Language): Promise<ScoreSummary> {
  const db = ctx.book.db;
  // The snapshots counted: one per live account — of the as-of day, or its newest (SQLite's max() picks the row
  // the bare columns come from; the partial unique index (account_id, as_of) serves the grouping).
  const snapshots =
    input.asOf === undefined
      ? sql`SELECT s.account_id, s.tier, s.quadrant, s.loyalty, s.churn_warning, s.value_score, s.parts, max(s.as_of) AS as_of
          FROM score_snapshots s WHERE s.deleted_at IS NULL GROUP BY s.account_id`
      : sql`SELECT s.account_id, s.tier, s.quadrant, s.loyalty, s.churn_warning, s.value_score, s.parts, s.as_of
          FROM score_snapshots s WHERE s.deleted_at IS NULL AND s.as_of = ${input.asOf}`;

  const [groups, live, warnings] = await Promise.all([
    sql<GroupRow>`
      WITH latest AS (${snapshots})
      SELECT l.tier, l.quadrant, l.loyalty, l.churn_warning, count(*) AS n, max(l.as_of) AS as_of
      FROM latest l JOIN accounts a ON a.id = l.account_id AND a.deleted_at IS NULL
      GROUP BY l.tier, l.quadrant, l.loyalty, l.churn_warning`.execute(db),
    db.selectFrom('accounts').where('deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    // `since`: the first day of the unbroken run of warning snapshots that ends with this one.
    sql<WarningRow>`
      WITH latest AS (${snapshots})
      SELECT l.account_id, a.name, a.country, l.as_of, l.value_score, l.parts,
        (SELECT min(w.as_of) FROM score_snapshots w
          WHERE w.account_id = l.account_id AND w.deleted_at IS NULL AND w.churn_warning = 1 AND w.as_of <= l.as_of
            AND w.as_of > coalesce((SELECT max(c.as_of) FROM score_snapshots c
              WHERE c.account_id = l.account_id AND c.deleted_at IS NULL AND c.churn_warning = 0 AND c.as_of < l.as_of), '')) AS since
      FROM latest l JOIN accounts a ON a.id = l.account_id AND a.deleted_at IS NULL
      WHERE l.churn_warning = 1
      ORDER BY l.value_score DESC, a.name COLLATE NOCASE, a.id
      LIMIT ${CHURN_WARNINGS_SHOWN}`.execute(db),
  ]);

  const summary: ScoreSummary = {
    asOf: null,
    accounts: 0,
    unscored: 0,
    withOrders: 0,
    tiers: zeros(tiers),
    quadrants: zeros(quadrants),
    loyalty: zeros(loyaltyClasses),
    churnWarnings: { total: 0, items: [] },
  };
  for (const g of groups.rows) {
    const n = Number(g.n);
    summary.accounts += n;
    if (summary.asOf === null || g.as_of > summary.asOf) summary.asOf = g.as_of;
    if (isOneOf(tiers, g.tier)) {
      summary.tiers[g.tier] += n;
      summary.withOrders += n;
    }
    if (isOneOf(quadrants, g.quadrant)) summary.quadrants[g.quadrant] += n;
    if (isOneOf(loyaltyClasses, g.loyalty)) summary.loyalty[g.loyalty] += n;
    if (g.churn_warning === 1) summary.churnWarnings.total += n;
  }
  summary.unscored = Math.max(0, Number(live.n) - summary.accounts);

  const render = { language, baseCurrency: await settingValue<string>(ctx, 'baseCurrency') };
  summary.churnWarnings.items = warnings.rows.map((w): ChurnWarningItem => {
    // The reason is rendered from the facts the snapshot was computed from, as scores.list does.
    const { facts, settings } = decodeScore(JSON.parse(w.parts) as StoredScore, w.account_id, scoreWindows(w.as_of).churnMonths);
    const score = scoreAccount(facts, w.as_of, settings);
    return {
      accountId: w.account_id,
      accountName: w.name,
      country: w.country,
      asOf: w.as_of,
      value: w.value_score,
      reason: churnReason(score.churn, render),
      since: w.since,
    };
  });
  return summary;
}
