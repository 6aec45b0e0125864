/**
 * A quote's validity (R7) as stored: on the quote (the current version's, which the scheduler reads) and on each
 * version (what that version was made with, for `quotes.diff`). `quotes.add` sets it; `quotes.revise` may change
 * it — a new strategy, more days, a new season or stage plan — or carries the current one into the new version.
 */
import type { Validity } from '../contract';
import { invalidState } from '../contract/errors';
import type { VersionValidity } from '../contract/models';
import type { BookDb } from '../db/book';
import { rowStamps, stampFields } from '../db/change-stamps';
import { newId } from '../db/ids';
import type { QuoteRow, QuoteStageRow, QuoteVersionRow } from '../db/schema';
import { addDays } from '../domain/dates';

/** The validity columns a quote and each of its versions carry. */
export type ValidityColumns = Pick<QuoteVersionRow, 'validity_strategy' | 'valid_days' | 'fx_threshold_percent' | 'season_name' | 'season_ends_on' | 'valid_through' | 'validity_stages'>;

/**
 * The columns of a validity given at `quoteDate` (fixed and FX-sensitive days count from the quote date); a last
 * day before the quote date is refused.
 */
export function validityColumns(v: Validity, quoteDate: string, defaultThreshold: number): ValidityColumns {
  const validThrough =
    v.strategy === 'fixed' || v.strategy === 'fx' ? addDays(quoteDate, v.days) : v.strategy === 'staged' ? v.stages[0]!.validThrough : v.seasonEndsOn;
  const lastDates = v.strategy === 'staged' ? v.stages.map((s) => s.validThrough) : [validThrough];
  for (const date of lastDates) {
    if (date < quoteDate) throw invalidState('validity_before_quote', { date, quoteDate });
  }
  return {
    validity_strategy: v.strategy,
    valid_days: v.strategy === 'fixed' || v.strategy === 'fx' ? v.days : null,
    fx_threshold_percent: v.strategy === 'fx' ? (v.thresholdPercent ?? defaultThreshold) : null,
    season_name: v.strategy === 'periodic' ? v.seasonName : null,
    season_ends_on: v.strategy === 'periodic' ? v.seasonEndsOn : null,
    valid_through: validThrough,
    validity_stages: JSON.stringify(v.strategy === 'staged' ? v.stages.map((s) => ({ name: s.name, validThrough: s.validThrough })) : []),
  };
}

/** The quote's current validity as version columns (its live stages, in order, for a staged one). */
export async function currentValidityColumns(db: BookDb, quote: QuoteRow): Promise<ValidityColumns> {
  const stages =
    quote.validity_strategy === 'staged'
      ? await db.selectFrom('quote_stages').select(['name', 'valid_through']).where('quote_id', '=', quote.id).where('deleted_at', 'is', null).orderBy('position').execute()
      : [];
  return {
    validity_strategy: quote.validity_strategy,
    valid_days: quote.valid_days,
    fx_threshold_percent: quote.fx_threshold_percent,
    season_name: quote.season_name,
    season_ends_on: quote.season_ends_on,
    valid_through: quote.valid_through,
    validity_stages: JSON.stringify(stages.map((s) => ({ name: s.name, validThrough: s.valid_through }))),
  };
}

/** A stored stage plan; anything but an array of `{name, validThrough}` texts reads as no stages. */
export function storedStages(text: string): VersionValidity['stages'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((s: unknown) => {
    const stage = s as { name?: unknown; validThrough?: unknown } | null;
    return stage && typeof stage.name === 'string' && typeof stage.validThrough === 'string' ? [{ name: stage.name, validThrough: stage.validThrough }] : [];
  });
}

/** A version's validity as the API shows it; a version stored without one (none since 0015) reads as the quote's. */
export function versionValidity(v: ValidityColumns, quote: QuoteRow): VersionValidity {
  const own = v.validity_strategy !== null;
  return {
    strategy: (own ? v.validity_strategy : quote.validity_strategy) as VersionValidity['strategy'],
    days: own ? v.valid_days : quote.valid_days,
    thresholdPercent: own ? v.fx_threshold_percent : quote.fx_threshold_percent,
    seasonName: own ? v.season_name : quote.season_name,
    seasonEndsOn: own ? v.season_ends_on : quote.season_ends_on,
    validThrough: own ? v.valid_through : quote.valid_through,
    stages: storedStages(v.validity_stages),
  };
}

/**
 * A revision's new validity on the quote: its columns, the FX rate at the quote date for a quote that becomes
 * FX-sensitive (one that stays so keeps its rate), the FX flag lifted (the buyer gets a new offer), and a staged
 * plan's stages replaced (the old ones left as tombstones, so colleagues' books drop them too).
 */
export async function applyValidity(
  db: BookDb,
  quote: QuoteRow,
  columns: ValidityColumns,
  rateAtQuote: () => Promise<number>,
  now: string,
  stamp: string,
): Promise<Partial<QuoteRow>> {
  const { validity_stages: stagesText, ...own } = columns;
  const changes: Partial<QuoteRow> = {
    ...own,
    validity_strategy: columns.validity_strategy!,
    fx_rate_at_quote: columns.validity_strategy === 'fx' ? (quote.validity_strategy === 'fx' && quote.fx_rate_at_quote !== null ? quote.fx_rate_at_quote : await rateAtQuote()) : null,
    fx_flagged_at: null,
    fx_flag_rate: null,
    fx_moved_percent: null,
    fx_cut_through: null,
  };
  await db
    .updateTable('quote_stages')
    .set(stampFields(stamp, { deleted_at: now, updated_at: now }))
    .where('quote_id', '=', quote.id)
    .where('deleted_at', 'is', null)
    .execute();
  const stages = storedStages(stagesText);
  if (stages.length > 0) await insertStages(db, quote.id, stages, now, stamp);
  return changes;
}

export async function insertStages(db: BookDb, quoteId: string, stages: VersionValidity['stages'], now: string, stamp: string): Promise<void> {
  const rows: QuoteStageRow[] = stages.map((s, index) => ({
    id: newId(),
    quote_id: quoteId,
    position: index + 1,
    name: s.name,
    valid_through: s.validThrough,
    completed_at: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...rowStamps(stamp),
  }));
  await db.insertInto('quote_stages').values(rows).execute();
}
