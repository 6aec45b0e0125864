import { describe, expect, it } from 'vitest';
import { durationParts, inboxState, todayIn, zoneOfLocal } from '../../src-renderer/features/inquiries/inquiry-format';
import { instantToWall, wallToInstant } from '../../src-renderer/time/wall-time';

const row = (receivedAt: string, replyBy: string, firstReplyAt: string | null = null) => ({
  receivedAt,
  firstReplyAt,
  deadline: { replyBy } as never,
});

describe('the Inquiries page’s pure logic', () => {
  it('R1: time left is rounded down to the minute, overdue once the deadline has passed', () => {
    const r = row('2025-06-02T01:47:00Z', '2025-06-02T07:00:00Z');
    expect(inboxState(r, Date.parse('2025-06-02T03:47:30Z'))).toEqual({ kind: 'left', minutes: 192 });
    expect(inboxState(r, Date.parse('2025-06-02T06:59:59Z'))).toEqual({ kind: 'left', minutes: 0 });
    expect(inboxState(r, Date.parse('2025-06-02T07:00:00Z'))).toEqual({ kind: 'left', minutes: 0 });
    expect(inboxState(r, Date.parse('2025-06-02T07:00:01Z'))).toEqual({ kind: 'overdue', minutes: 1 });
    expect(inboxState(r, Date.parse('2025-06-02T13:00:00Z'))).toEqual({ kind: 'overdue', minutes: 360 });
  });

  it('R1: a replied inquiry shows how long the reply took and whether it met the deadline, whatever the clock says', () => {
    expect(inboxState(row('2025-06-02T01:47:00Z', '2025-06-02T07:00:00Z', '2025-06-02T06:15:00Z'), 0)).toEqual({ kind: 'replied', minutes: 268, met: true });
    expect(inboxState(row('2025-06-02T01:47:00Z', '2025-06-02T07:00:00Z', '2025-06-02T07:00:00Z'), 0)).toEqual({ kind: 'replied', minutes: 313, met: true });
    expect(inboxState(row('2025-06-02T01:47:00Z', '2025-06-02T07:00:00Z', '2025-06-02T13:47:00Z'), 0)).toEqual({ kind: 'replied', minutes: 720, met: false });
  });

  it('durations use the two largest units', () => {
    expect(durationParts(0)).toEqual([{ unit: 'minutes', count: 0 }]);
    expect(durationParts(12)).toEqual([{ unit: 'minutes', count: 12 }]);
    expect(durationParts(60)).toEqual([{ unit: 'hours', count: 1 }]);
    expect(durationParts(252)).toEqual([{ unit: 'hours', count: 4 }, { unit: 'minutes', count: 12 }]);
    expect(durationParts(1440)).toEqual([{ unit: 'days', count: 1 }]);
    expect(durationParts(3 * 1440 + 125)).toEqual([{ unit: 'days', count: 3 }, { unit: 'hours', count: 2 }]);
    expect(durationParts(-5)).toEqual([{ unit: 'minutes', count: 0 }]);
  });

  it('R2: a buyer-local wall time becomes the right instant, and a time in a DST gap is refused, not shifted', () => {
    expect(wallToInstant('2025-06-02T03:47', 'Europe/Madrid')).toBe('2025-06-02T01:47:00Z');
    expect(wallToInstant('2025-01-15T08:15', 'Europe/Madrid')).toBe('2025-01-15T07:15:00Z');
    expect(wallToInstant('2025-03-30T02:30', 'Europe/Madrid')).toBeNull(); // clocks jump 02:00 → 03:00
    expect(wallToInstant('2025-10-26T02:30', 'Europe/Madrid')).toBe('2025-10-26T00:30:00Z'); // the first 02:30
    expect(wallToInstant('2025-02-30T10:00', 'Europe/Madrid')).toBeNull();
    expect(wallToInstant('', 'Europe/Madrid')).toBeNull();
    expect(wallToInstant('2025-06-02 03:47', 'Europe/Madrid')).toBeNull();
    expect(instantToWall('2025-06-02T01:47:00Z', 'Europe/Madrid')).toBe('2025-06-02T03:47');
    expect(instantToWall(Date.parse('2025-06-02T01:47:00Z'), 'Asia/Shanghai')).toBe('2025-06-02T09:47');
    expect(zoneOfLocal('2025-03-31T08:15:00+02:00[Europe/Madrid]')).toBe('Europe/Madrid');
    expect(todayIn('Asia/Shanghai', Date.parse('2025-06-01T16:30:00Z'))).toBe('2025-06-02');
  });

  it('round trip: minutes of a year in Madrid map back to the same wall time (fixed seed)', () => {
    let seed = 20251206;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const ms = Date.parse('2025-01-01T00:00:00Z') + Math.floor(next() * 365 * 1440) * 60_000;
      const wall = instantToWall(ms, 'Europe/Madrid');
      const back = wallToInstant(wall, 'Europe/Madrid');
      expect(back).not.toBeNull();
      // In the repeated hour at the end of October the earlier instant is taken: same wall time, maybe an hour before.
      expect(instantToWall(back!, 'Europe/Madrid')).toBe(wall);
      expect([ms, ms - 3_600_000]).toContain(Date.parse(back!));
    }
  });
});
