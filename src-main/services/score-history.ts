/**
 * An account's health over time (R13): one point per quarterly health review, with the health score stored at the
 * review and the account's other scores from the snapshot of the rescore that recorded it.
 *
 * A review is recorded by the full rescore (services/scoring.ts) whose as-of date falls within
 * `scheduleHorizonDays` after the review's anchored date; its `due_at` is that date at the buyer's morning in the
 * buyer's zone. The point's date is that local date; its other scores come from the account's first snapshot on or
 * after it (the snapshot written by the same rescore), or are null when the snapshot is gone.
 */
import type { ParsedInputOf } from '../contract';
import type { ScoreHistoryPoint } from '../contract/models';
import type { Sqlite } from '../db/connection';
import { prepared } from '../db/scoring-facts';
import { dateInZone } from '../domain/dates';
import { loyaltyClasses, quadrants, tiers } from '../domain/scoring';
import { requireAccount } from './accounts';
import type { ServiceContext } from './context';

interface ReviewRow {
  due_at: string;
  score: number;
}

interface SnapshotRow {
  as_of: string;
  value_score: number | null;
  tier: string | null;
  quadrant: string | null;
  loyalty: string | null;
  churn_warning: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The latest `limit` reviews with a score, oldest first. */
function reviewsOf(db: Sqlite, accountId: string, limit: number): ReviewRow[] {
  const rows = prepared(
    db,
    `SELECT due_at, score FROM health_reviews
     WHERE account_id = ? AND deleted_at IS NULL AND score IS NOT NULL
     ORDER BY due_at DESC LIMIT ?`,
  ).all(accountId, limit) as ReviewRow[];
  return rows.reverse();
}

/** The account's history of quarterly health reviews, oldest first (the latest `limit` of them). */
export async function scoreHistory(ctx: ServiceContext, input: ParsedInputOf<'scores.history'>): Promise<ScoreHistoryPoint[]> {
  const account = await requireAccount(ctx.book.db, input.accountId);
  const db = ctx.book.sqlite;
  const snapshotFrom = prepared(
    db,
    `SELECT as_of, value_score, tier, quadrant, loyalty, churn_warning FROM score_snapshots
     WHERE account_id = ? AND as_of >= ? AND deleted_at IS NULL ORDER BY as_of LIMIT 1`,
  );
  return reviewsOf(db, account.id, input.limit).map((review) => {
    const asOf = dateInZone(review.due_at, account.time_zone);
    const snapshot = snapshotFrom.get(account.id, asOf) as SnapshotRow | undefined;
    return {
      asOf,
      dueAt: review.due_at,
      health: review.score,
      scoredAsOf: snapshot?.as_of ?? null,
      valueScore: snapshot?.value_score ?? null,
      tier: oneOf(tiers, snapshot?.tier ?? null),
      quadrant: oneOf(quadrants, snapshot?.quadrant ?? null),
      loyalty: oneOf(loyaltyClasses, snapshot?.loyalty ?? null),
      churnWarning: snapshot ? snapshot.churn_warning === 1 : null,
    };
  });
}
