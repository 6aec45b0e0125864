import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { runTradebook } from '../cli/run-cli';
import { errorOf, openTestBook, valueOf, type TestBook } from '../db/temp-book';

let open: TestBook[] = [];
afterEach(async () => {
  for (const b of open) await b.close();
  open = [];
});
const book = () => {
  const b = openTestBook();
  open.push(b);
  return b;
};

describe("R3: the user's own holidays and workdays", () => {
  it('are added, replaced for the same day, listed by country and removed as tombstones', async () => {
    const { ctx, book: b } = book();
    const retreat = valueOf(await call(ctx, 'calendar.overrides.add', { country: 'es', day: '2025-03-31', kind: 'holiday', name: 'Company retreat' }));
    expect(retreat).toMatchObject({ country: 'ES', day: '2025-03-31', kind: 'holiday', name: 'Company retreat' });
    const replaced = valueOf(await call(ctx, 'calendar.overrides.add', { country: 'ES', day: '2025-03-31', kind: 'workday' }));
    expect(replaced).toEqual({ id: retreat.id, country: 'ES', day: '2025-03-31', kind: 'workday', name: '' });
    valueOf(await call(ctx, 'calendar.overrides.add', { country: 'CN', day: '2025-10-09', kind: 'holiday', name: '厂休' }));
    expect(valueOf(await call(ctx, 'calendar.overrides.list', { country: 'ES' })).map((o) => o.day)).toEqual(['2025-03-31']);
    expect(valueOf(await call(ctx, 'calendar.overrides.list', {}))).toHaveLength(2);
    valueOf(await call(ctx, 'calendar.overrides.remove', { id: retreat.id }));
    expect(valueOf(await call(ctx, 'calendar.overrides.list', { country: 'ES' }))).toEqual([]);
    expect(errorOf(await call(ctx, 'calendar.overrides.remove', { id: retreat.id })).code).toBe('not_found');
    const tombstone = b.sqlite.prepare('SELECT deleted_at FROM calendar_overrides WHERE id = ?').get(retreat.id) as { deleted_at: string | null };
    expect(tombstone.deleted_at).not.toBeNull();
  });

  it('refuses an impossible day, an unknown country or kind, changing nothing', async () => {
    const { ctx } = book();
    for (const input of [
      { country: 'ES', day: '2025-02-30', kind: 'holiday' },
      { country: 'XX', day: '2025-03-31', kind: 'holiday' },
      { country: 'ES', day: '2025-03-31', kind: 'party' },
    ]) {
      expect(errorOf(await call(ctx, 'calendar.overrides.add', input as never)).code).toBe('invalid_input');
    }
    expect(valueOf(await call(ctx, 'calendar.overrides.list', {}))).toEqual([]);
  });

  it('the time commands use the book\'s overrides: a holiday on Monday moves the Madrid slot to Tuesday', async () => {
    const { ctx, dir } = book();
    valueOf(await call(ctx, 'calendar.overrides.add', { country: 'ES', day: '2025-03-31', kind: 'holiday', name: 'Company retreat' }));
    const args = ['time', 'slot', '--zone', 'Europe/Madrid', '--country', 'ES', '--after', '2025-03-28T10:00:00Z', '--at', '08:15'];
    const withBook = await runTradebook(['--db', path.join(dir, 'book.db'), ...args]);
    expect(JSON.parse(withBook.stdout)).toEqual({ utc: '2025-04-01T06:15:00Z', local: '2025-04-01T08:15:00+02:00[Europe/Madrid]' });
    const withoutBook = await runTradebook(['--db', path.join(dir, 'none', 'book.db'), ...args]);
    expect(JSON.parse(withoutBook.stdout)).toEqual({ utc: '2025-03-31T06:15:00Z', local: '2025-03-31T08:15:00+02:00[Europe/Madrid]' });
  });
});
