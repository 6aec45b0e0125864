/**
 * Merging one record that two books both hold: field by field, the value with the larger stamp wins (equal stamps
 * with different values — a copied book — fall back to comparing the values), so any books that have seen the same
 * edits hold the same record, whatever order the files came in (idempotent, commutative, associative).
 *
 * A field is a conflict when both books changed it without knowing of the other's change: the other's stamp is
 * newer than what this book had merged from that site. It is still resolved the same way; the report shows both.
 */
import { maxStamp } from './hlc';

export type Value = string | number | null;

export interface StampedRecord {
  values: Record<string, Value>;
  rowStamp: string;
  fieldStamps: Record<string, string>;
}

export interface FieldConflict {
  field: string;
  mine: Value;
  theirs: Value;
  kept: 'mine' | 'theirs';
}

export interface RecordMerge {
  merged: StampedRecord;
  /** The fields whose value or stamp now comes from the other book. */
  taken: string[];
  conflicts: FieldConflict[];
}

/** The latest stamp each book had from each site before this merge ('' when none). */
export interface Knowledge {
  mine(site: string): string;
  theirs(site: string): string;
}

export function fieldStamp(record: StampedRecord, field: string): string {
  return record.fieldStamps[field] ?? record.rowStamp;
}

const siteOf = (stamp: string) => stamp.slice(16);

/** A total order on cell values for the (rare) tie of equal stamps: null < numbers < text. */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** The canonical stamps text: keys in order, fields stamped like the row left out (the book's SQL does the same). */
export function encodeFieldStamps(fieldStamps: Record<string, string>, rowStamp: string): string {
  const kept = Object.keys(fieldStamps)
    .filter((k) => fieldStamps[k] !== rowStamp)
    .sort();
  if (kept.length === 0) return '{}';
  return JSON.stringify(Object.fromEntries(kept.map((k) => [k, fieldStamps[k]])));
}

export function lastStampOf(record: StampedRecord): string {
  let last = record.rowStamp;
  for (const stamp of Object.values(record.fieldStamps)) last = maxStamp(last, stamp);
  return last;
}

export function mergeRecords(fields: readonly string[], mine: StampedRecord, theirs: StampedRecord, knowledge: Knowledge): RecordMerge {
  const rowStamp = maxStamp(mine.rowStamp, theirs.rowStamp);
  const values: Record<string, Value> = { ...mine.values };
  const fieldStamps: Record<string, string> = {};
  const taken: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const m = fieldStamp(mine, field);
    const t = fieldStamp(theirs, field);
    const mv = mine.values[field] ?? null;
    const tv = theirs.values[field] ?? null;
    const theirsWins = t > m || (t === m && compareValues(tv, mv) > 0);
    const stamp = theirsWins ? t : m;
    if (stamp !== rowStamp) fieldStamps[field] = stamp;
    if (theirsWins) {
      values[field] = tv;
      taken.push(field);
    }
    if (mv === tv || t === m) continue;
    // Both changed it, neither knowing of the other's change.
    const theyKnewMine = m <= knowledge.theirs(siteOf(m));
    const iKnewTheirs = t <= knowledge.mine(siteOf(t));
    if (!theyKnewMine && !iKnewTheirs) conflicts.push({ field, mine: mv, theirs: tv, kept: theirsWins ? 'theirs' : 'mine' });
  }
  return { merged: { values, rowStamp, fieldStamps }, taken, conflicts };
}
