/** Backup file names and the rotation policy (src-main/domain/backups.ts): pure, so checked on many dates. */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupReasons,
  backupStamp,
  parseBackupFileName,
  planRotation,
  type BackupReason,
  type RotationEntry,
} from '../../src-main/domain/backups';

const entry = (takenAt: string, reason: BackupReason = 'daily'): RotationEntry => ({
  name: backupFileName('book.db', takenAt, reason),
  takenAt,
  reason,
});

/** One backup a day at `time` from `first` for `count` days. */
function everyDay(first: string, count: number, time = '03:00:00'): RotationEntry[] {
  const start = Temporal.PlainDate.from(first);
  return Array.from({ length: count }, (_, i) => entry(`${start.add({ days: i }).toString()}T${time}Z`));
}

const keptDays = (entries: readonly RotationEntry[], now: string) => planRotation(entries, now).keep.map((e) => e.takenAt.slice(0, 10));

describe('backup file names', () => {
  it('are <book>.<YYYYMMDDTHHMMSSZ>.<reason>.bak, in UTC, to the second', () => {
    expect(backupFileName('book.db', '2025-03-15T09:00:00Z', 'daily')).toBe('book.db.20250315T090000Z.daily.bak');
    expect(backupFileName('book.db', '2025-03-15T17:04:05+08:00', 'merge')).toBe('book.db.20250315T090405Z.merge.bak');
    expect(backupFileName('tradebook.db', '2025-03-15T09:00:00.999Z', 'manual')).toBe('tradebook.db.20250315T090000Z.manual.bak');
    expect(backupStamp('2024-02-29T23:59:59Z')).toBe('20240229T235959Z');
  });

  it('read back to the same book, instant and reason, for every reason', () => {
    for (const reason of backupReasons) {
      const name = backupFileName('my.book.v2.db', '2025-12-31T23:59:58Z', reason);
      expect(parseBackupFileName(name)).toEqual({ name, book: 'my.book.v2.db', takenAt: '2025-12-31T23:59:58Z', reason });
    }
  });

  it('round-trip for any instant between 1970 and 2200 (property, fixed seed)', () => {
    const instants = fc.integer({ min: 0, max: 7_258_118_399 }).map((s) => Temporal.Instant.fromEpochMilliseconds(s * 1000).toString());
    fc.assert(
      fc.property(instants, fc.constantFrom(...backupReasons), (takenAt, reason) => {
        expect(parseBackupFileName(backupFileName('book.db', takenAt, reason))?.takenAt).toBe(takenAt);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('the migrator’s earlier names (<book>.schema-N.<stamp>.bak) read as migration backups', () => {
    expect(parseBackupFileName('book.db.schema-6.20250315T090000Z.bak')).toEqual({
      name: 'book.db.schema-6.20250315T090000Z.bak',
      book: 'book.db',
      takenAt: '2025-03-15T09:00:00Z',
      reason: 'migration',
    });
  });

  it('anything else in the folder is not a backup: temp files, unknown reasons, impossible dates, other files', () => {
    for (const name of [
      'book.db.20250315T090000Z.daily.bak.4242.tmp',
      'book.db.20250315T090000Z.weekly.bak',
      'book.db.20250230T090000Z.daily.bak',
      'book.db.20250315T250000Z.daily.bak',
      'book.db.2025-03-15.daily.bak',
      'book.db.20250315T090000Z.daily',
      '.20250315T090000Z.daily.bak',
      'notes.txt',
      'book.db.20250315T090000Z.damaged',
    ]) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });

  it('an unknown reason cannot be written', () => {
    expect(() => backupFileName('book.db', '2025-03-15T09:00:00Z', 'weekly' as BackupReason)).toThrow();
  });
});

describe('rotation: 7 daily, then 4 weekly', () => {
  it('74 daily backups up to Saturday 2025-03-15: the last 7 days, then the newest of ISO weeks 10, 9, 8 and 7', () => {
    const all = everyDay('2025-01-01', 74);
    expect(keptDays(all, '2025-03-15T12:00:00Z')).toEqual([
      '2025-03-15',
      '2025-03-14',
      '2025-03-13',
      '2025-03-12',
      '2025-03-11',
      '2025-03-10',
      '2025-03-09',
      // Sunday 9 March closes ISO week 10; Saturday 8 March is the newest of what is left of it.
      '2025-03-08',
      '2025-03-02',
      '2025-02-23',
      '2025-02-16',
    ]);
    expect(planRotation(all, '2025-03-15T12:00:00Z').remove).toHaveLength(74 - 11);
  });

  it('several backups on a day (daily, before import, before merge): once a day old, the newest of the day stands for it', () => {
    const day = [entry('2025-03-15T03:00:00Z', 'daily'), entry('2025-03-15T10:00:00Z', 'import'), entry('2025-03-15T15:30:00Z', 'merge')];
    const plan = planRotation([...everyDay('2025-03-08', 7), ...day], '2025-03-16T16:00:00Z');
    expect(plan.keep[0]).toEqual(day[2]);
    expect(plan.remove).toEqual(expect.arrayContaining([day[0], day[1]]));
    expect(plan.keep.map((e) => e.takenAt.slice(0, 10))).toEqual(['2025-03-15', '2025-03-14', '2025-03-13', '2025-03-12', '2025-03-11', '2025-03-10', '2025-03-09', '2025-03-08']);
  });

  it('“the last 7 days with backups”: a book used now and then keeps its last 7 days however far apart', () => {
    const sparse = ['2024-11-02', '2024-12-20', '2025-01-15', '2025-01-16', '2025-02-03', '2025-02-28', '2025-03-01', '2025-03-14'].map((d) =>
      entry(`${d}T08:00:00Z`),
    );
    // Seven days are kept daily; the oldest (2024-11-02) is the newest of the first week beyond them.
    expect(keptDays(sparse, '2025-03-15T00:00:00Z')).toEqual(['2025-03-14', '2025-03-01', '2025-02-28', '2025-02-03', '2025-01-16', '2025-01-15', '2024-12-20', '2024-11-02']);
  });

  it('every backup of the last 24 hours is kept: the copy before an import is still there after the merge that follows', () => {
    const recent = [entry('2025-03-15T10:00:00Z', 'import'), entry('2025-03-15T10:05:00Z', 'merge'), entry('2025-03-15T23:59:00Z', 'manual')];
    const older = [entry('2025-03-14T09:00:00Z', 'daily'), entry('2025-03-14T11:00:00Z', 'import')];
    const at = (now: string) => planRotation([...recent, ...older], now).keep.map((e) => `${e.takenAt} ${e.reason}`);
    expect(at('2025-03-16T09:59:59Z')).toEqual([
      '2025-03-15T23:59:00Z manual',
      '2025-03-15T10:05:00Z merge',
      '2025-03-15T10:00:00Z import',
      '2025-03-14T11:00:00Z import',
    ]);
    // A day later only the newest of each day is left.
    expect(at('2025-03-17T00:00:00Z')).toEqual(['2025-03-15T23:59:00Z manual', '2025-03-14T11:00:00Z import']);
  });

  it('fewer than 7 days: one per day is kept, the older ones of each day go', () => {
    const entries = [entry('2025-03-15T01:00:00Z'), entry('2025-03-15T02:00:00Z', 'manual'), entry('2025-03-14T01:00:00Z')];
    const plan = planRotation(entries, '2025-03-16T03:00:00Z');
    expect(plan.keep.map((e) => e.takenAt)).toEqual(['2025-03-15T02:00:00Z', '2025-03-14T01:00:00Z']);
    expect(plan.remove.map((e) => e.takenAt)).toEqual(['2025-03-15T01:00:00Z']);
  });

  it('weeks are ISO weeks across the year end: 2020-12-28 and 2021-01-03 are both 2020-W53', () => {
    const recent = everyDay('2021-01-20', 7);
    const older = [entry('2021-01-03T05:00:00Z'), entry('2020-12-28T05:00:00Z'), entry('2020-12-27T05:00:00Z')];
    expect(keptDays([...recent, ...older], '2021-01-27T00:00:00Z').slice(7)).toEqual(['2021-01-03', '2020-12-27']);
    // 2024-12-30 is a Monday of 2025-W01: with 2025-01-05 it makes one week.
    const across = [...everyDay('2025-01-20', 7), entry('2025-01-05T05:00:00Z'), entry('2024-12-30T05:00:00Z'), entry('2024-12-29T05:00:00Z')];
    expect(keptDays(across, '2025-01-27T00:00:00Z').slice(7)).toEqual(['2025-01-05', '2024-12-29']);
  });

  it('a backup dated after now (the clock was wrong) is kept and pushes no real backup out', () => {
    const future = entry('2031-01-01T00:00:00Z', 'manual');
    const all = [...everyDay('2025-01-01', 74), future];
    const plan = planRotation(all, '2025-03-15T12:00:00Z');
    expect(plan.keep).toContainEqual(future);
    expect(plan.keep).toHaveLength(12);
  });

  it('the migrator’s old-style copies rotate like any backup of their day', () => {
    const legacy = { name: 'book.db.schema-6.20250301T090000Z.bak', takenAt: '2025-03-01T09:00:00Z', reason: 'migration' as const };
    const plan = planRotation([...everyDay('2025-03-05', 11), legacy], '2025-03-15T12:00:00Z');
    // Seven days, then the newest of what is left of ISO week 10 (8 March) and of week 9 (the copy of 1 March).
    expect(plan.keep.map((e) => e.takenAt.slice(0, 10))).toEqual(['2025-03-15', '2025-03-14', '2025-03-13', '2025-03-12', '2025-03-11', '2025-03-10', '2025-03-09', '2025-03-08', '2025-03-01']);
    expect(plan.keep).toContainEqual(legacy);
  });

  it('nothing to rotate: no backups, one backup', () => {
    expect(planRotation([], '2025-03-15T12:00:00Z')).toEqual({ keep: [], remove: [] });
    const one = entry('2019-01-01T00:00:00Z');
    expect(planRotation([one], '2025-03-15T12:00:00Z')).toEqual({ keep: [one], remove: [] });
  });

  const histories = fc
    .array(
      fc.record({
        minute: fc.integer({ min: 0, max: 400 * 24 * 60 }),
        reason: fc.constantFrom(...backupReasons),
      }),
      { maxLength: 120 },
    )
    .map((items) => {
      const base = Temporal.Instant.from('2024-01-01T00:00:00Z');
      const byName = new Map(items.map((i) => entry(base.add({ minutes: i.minute }).toString(), i.reason)).map((e) => [e.name, e]));
      return [...byName.values()];
    });
  const NOW = '2025-02-05T00:00:00Z';

  it('properties (fixed seed): the newest and the last 24 h are kept, at most 11 older ones, one per day, and rotating again keeps the same', () => {
    fc.assert(
      fc.property(histories, (all) => {
        const plan = planRotation(all, NOW);
        expect(plan.keep.length + plan.remove.length).toBe(all.length);
        if (all.length === 0) return;
        const newest = [...all].sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0]!;
        expect(plan.keep[0]!.takenAt).toBe(newest.takenAt);
        const dayAgo = Temporal.Instant.from(NOW).subtract({ hours: 24 }).toString();
        for (const e of all) if (e.takenAt > dayAgo) expect(plan.keep).toContainEqual(e);
        const past = plan.keep.filter((e) => e.takenAt <= dayAgo);
        expect(past.length).toBeLessThanOrEqual(11);
        expect(new Set(past.map((e) => e.takenAt.slice(0, 10))).size).toBe(past.length);
        for (const kept of past) {
          const sameDay = all.filter((e) => e.takenAt.slice(0, 10) === kept.takenAt.slice(0, 10) && e.takenAt <= dayAgo);
          expect(sameDay.every((e) => e.takenAt <= kept.takenAt)).toBe(true);
        }
        expect(planRotation(plan.keep, NOW).remove).toEqual([]);
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('rotating every day as backups are made leaves what one rotation of the whole history leaves (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.array(fc.boolean(), { minLength: 150, maxLength: 150 }), (days, skips) => {
        let folder: RotationEntry[] = [];
        const history: RotationEntry[] = [];
        const start = Temporal.PlainDate.from('2024-12-01');
        for (let i = 0; i < days; i++) {
          if (skips[i]) continue;
          const made = entry(`${start.add({ days: i }).toString()}T06:00:00Z`);
          history.push(made);
          folder = planRotation([...folder, made], made.takenAt).keep;
        }
        const end = `${start.add({ days }).toString()}T00:00:00Z`;
        expect(folder.map((e) => e.name)).toEqual(planRotation(history, end).keep.map((e) => e.name));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
