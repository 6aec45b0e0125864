/**
 * An account a user merged into another (`merged_into`, a tombstone) hands its records to the survivor — in the
 * book where the user merged, and in every book that later receives either the merge or records made meanwhile for
 * the old account. Each moved record's `account_id` gets the later of the merge's stamp and its own, so every book
 * ends with the same field and stamp whatever order the files arrive in.
 */
import type { Sqlite } from '../../db/connection';
import { maxStamp } from '../../domain/sharing/hlc';
import { encodeFieldStamps, fieldStamp, lastStampOf, type StampedRecord } from '../../domain/sharing/merge-rows';
import type { Touched } from './derived';

/** The tables whose records belong to an account. */
export const ACCOUNT_CHILDREN = ['contacts', 'interactions', 'inquiries', 'quotes', 'orders', 'complaints'] as const;

interface MergedAccount {
  id: string;
  merged_into: string;
  row_stamp: string;
  field_stamps: string;
  deleted_at: string | null;
}

/** The account each merged account's records end at: follow the chain; a cycle ends at its largest id. */
function survivors(merged: readonly MergedAccount[]): Map<string, { to: string; stamp: string }> {
  const next = new Map(merged.map((a) => [a.id, a]));
  const out = new Map<string, { to: string; stamp: string }>();
  for (const start of merged) {
    const seen: string[] = [start.id];
    let stamp = '';
    let at: MergedAccount | undefined = start;
    while (at) {
      stamp = maxStamp(stamp, fieldStamp({ values: {}, rowStamp: at.row_stamp, fieldStamps: JSON.parse(at.field_stamps) as Record<string, string> }, 'merged_into'));
      if (seen.includes(at.merged_into)) {
        const cycle = seen.slice(seen.indexOf(at.merged_into));
        out.set(start.id, { to: cycle.reduce((a, b) => (a > b ? a : b)), stamp });
        break;
      }
      seen.push(at.merged_into);
      const following = next.get(at.merged_into);
      if (!following) out.set(start.id, { to: at.merged_into, stamp });
      at = following;
    }
  }
  return out;
}

export function followMergedAccounts(sqlite: Sqlite, touched: Touched | null): number {
  const merged = sqlite.prepare('SELECT id, merged_into, row_stamp, field_stamps, deleted_at FROM accounts WHERE merged_into IS NOT NULL').all() as MergedAccount[];
  if (merged.length === 0) return 0;
  const ends = survivors(merged);
  let moved = 0;
  for (const table of ACCOUNT_CHILDREN) {
    const rows = sqlite
      .prepare(`SELECT id, account_id, row_stamp, field_stamps FROM ${table} WHERE account_id IN (SELECT id FROM accounts WHERE merged_into IS NOT NULL)`)
      .all() as { id: string; account_id: string; row_stamp: string; field_stamps: string }[];
    const write = sqlite.prepare(`UPDATE ${table} SET account_id = @to, field_stamps = @fieldStamps, last_stamp = @last WHERE id = @id`);
    for (const row of rows) {
      const end = ends.get(row.account_id);
      if (!end || end.to === row.account_id) continue;
      const record: StampedRecord = { values: {}, rowStamp: row.row_stamp, fieldStamps: JSON.parse(row.field_stamps) as Record<string, string> };
      record.fieldStamps.account_id = maxStamp(end.stamp, fieldStamp(record, 'account_id'));
      write.run({ id: row.id, to: end.to, fieldStamps: encodeFieldStamps(record.fieldStamps, record.rowStamp), last: maxStamp(lastStampOf(record), record.fieldStamps.account_id) });
      touched?.note(table, row.id, { account_id: row.account_id }, { account_id: end.to });
      moved += 1;
    }
  }
  return moved;
}
