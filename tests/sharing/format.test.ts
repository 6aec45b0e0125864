/**
 * The share format against the book: every shared table's columns in SHARED_TABLE_SPECS are exactly the book's
 * (minus its own derived columns and the stamps), with the same SQLite types and nullability, so a migration that
 * adds a shared column cannot forget to ship it; every value at the edges of what the spec accepts passes the book's
 * CHECK constraints (or a file could pass the checks and fail half-way through the merge). And the change-stamp
 * clock: fixed width, ordered, monotonic.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_COLUMNS, SHARED_TABLES } from '../../src-main/db/change-stamps';
import { formatStamp, HybridClock, parseStamp, stampFloor } from '../../src-main/domain/sharing/hlc';
import { SHARED_TABLE_SPECS, type SharedColumn } from '../../src-main/domain/sharing/tables';
import { shareTables } from '../../src-renderer/features/sharing/share-tables';
import { openTestBook } from '../db/temp-book';

const tb = openTestBook();
afterAll(() => tb.close());

describe('share format', () => {
  it('lists the same tables as the book, parents before children', () => {
    expect(SHARED_TABLE_SPECS.map((s) => s.name).sort()).toEqual([...SHARED_TABLES].sort());
    const seen = new Set<string>();
    for (const spec of SHARED_TABLE_SPECS) {
      for (const col of spec.columns) if (col.check.kind === 'ref' && col.check.table !== spec.name) expect(seen.has(col.check.table), `${spec.name}.${col.name}`).toBe(true);
      seen.add(spec.name);
    }
    // The Sharing page names every table a report can list, in the same order.
    expect([...shareTables]).toEqual(SHARED_TABLE_SPECS.map((s) => s.name));
  });

  it("each table's columns, types and nullability are the book's", () => {
    for (const spec of SHARED_TABLE_SPECS) {
      const book = (tb.book.sqlite.prepare(`SELECT name, type, "notnull" AS nn FROM pragma_table_info('${spec.name}')`).all() as { name: string; type: string; nn: number }[])
        .filter((c) => !LOCAL_COLUMNS.has(c.name) && !['row_stamp', 'field_stamps', 'last_stamp'].includes(c.name))
        .map((c) => [c.name, c.type, c.nn === 0]);
      expect(spec.columns.map((c) => [c.name, c.type, c.nullable]).sort(), spec.name).toEqual(book.sort());
    }
  });
});

/** The values at the edges of what the spec accepts for a column (NULL first when it may be NULL). */
function edgeValues(col: SharedColumn): unknown[] {
  const k = col.check;
  const values: unknown[] = col.nullable ? [null] : [];
  switch (k.kind) {
    case 'id':
    case 'ref':
      return [...values, 'A', 'z'.repeat(64)];
    case 'task_key':
      return [...values, 'R1:inquiry:A', `R14:account:${'z'.repeat(26)}:2025-05-01:call`, `R7:quote:x:${'9'.repeat(280)}`];
    case 'text':
      return [...values, 'x'.repeat(k.min), 'x'.repeat(k.max)];
    case 'instant':
      return [...values, '2025-03-15T09:00:00Z'];
    case 'date':
      return [...values, '2025-03-15'];
    case 'int':
      return [...values, k.min, k.max];
    case 'real':
      // The smallest value above `min` the spec lets through (every `above` bound is 0 today).
      return [...values, k.above ? (k.min === 0 ? Number.MIN_VALUE : k.min + Math.abs(k.min) * Number.EPSILON) : k.min, k.max];
    case 'bool':
      return [...values, 0, 1];
    case 'enum':
      return [...values, ...k.values];
    case 'json':
      return [...values, ...(k.shape === 'array' ? ['[]', '["a"]'] : k.shape === 'records' ? ['[]', '[{"id":"expired","on":"2025-03-15","n":1.5}]'] : ['{}'])];
    case 'country':
      return [...values, 'CN'];
    case 'zone':
      return [...values, 'Asia/Shanghai'];
    case 'currency':
      return [...values, 'CNY'];
  }
}

describe("the spec mirrors the book's CHECK constraints", () => {
  it('every value at the edges of SHARED_TABLE_SPECS (and every pair set together) goes into the book', () => {
    // The book's own table definitions, without their indexes, triggers or foreign keys: only the CHECKs speak.
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    const refused: string[] = [];
    try {
      for (const spec of SHARED_TABLE_SPECS) {
        const sql = tb.book.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(spec.name) as string;
        db.exec(sql);
        const base = Object.fromEntries(spec.columns.map((col) => [col.name, edgeValues(col)[0]]));
        const firstSet = (name: string) => edgeValues(spec.columns.find((col) => col.name === name)!).find((v) => v !== null);
        const insert = db.prepare(`INSERT INTO ${spec.name} (${spec.columns.map((col) => col.name).join(', ')}) VALUES (${spec.columns.map((col) => `@${col.name}`).join(', ')})`);
        let tried = 0;
        for (const col of spec.columns) {
          for (const value of edgeValues(col)) {
            const row: Record<string, unknown> = { ...base, [col.name]: value };
            // A pair the spec declares set together gets its partner when one of them is set.
            for (const [a, b] of spec.together ?? []) {
              const partner = col.name === a ? b : col.name === b ? a : null;
              if (partner) row[partner] = value === null ? null : firstSet(partner);
            }
            db.exec(`DELETE FROM ${spec.name}`);
            tried++;
            try {
              insert.run(row);
            } catch (error) {
              refused.push(`${spec.name}.${col.name} = ${JSON.stringify(value)?.slice(0, 40)}: ${(error as Error).message}`);
            }
          }
        }
        expect(tried, spec.name).toBeGreaterThan(spec.columns.length);
      }
    } finally {
      db.close();
    }
    expect(refused).toEqual([]);
  });

  it("the pairs the spec sets together are exactly the book's `CHECK ((a IS NULL) = (b IS NULL))`", () => {
    for (const spec of SHARED_TABLE_SPECS) {
      const sql = tb.book.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(spec.name) as string;
      const pairs = [...sql.matchAll(/CHECK \(\((\w+) IS NULL\) = \((\w+) IS NULL\)\)/g)].map((m) => [m[1], m[2]]);
      expect(spec.together ?? [], spec.name).toEqual(pairs);
    }
    expect(SHARED_TABLE_SPECS.find((s) => s.name === 'orders')?.together).toHaveLength(2);
  });
});

describe('change-stamp clock', () => {
  const site = '0123456789abcdef';
  it('stamps are fixed-width and order as (time, counter, site)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 0, max: 0xffff }), (m1, c1, m2, c2) => {
        const a = formatStamp({ ms: m1, counter: c1, site });
        const b = formatStamp({ ms: m2, counter: c2, site });
        expect(a).toHaveLength(32);
        expect(parseStamp(a)).toEqual({ ms: m1, counter: c1, site });
        expect(a < b).toBe(m1 < m2 || (m1 === m2 && c1 < c2));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('next() always grows, even when the wall clock stands still or goes back, and observe() moves it past a seen stamp', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5000, max: 5000 }).map((d) => ({ d })), fc.integer({ min: 0, max: 10_000 }).map((o) => ({ o }))), { maxLength: 200 }), (steps) => {
        let wall = 1_700_000_000_000;
        const clock = new HybridClock(site, () => wall);
        let last = '';
        for (const step of steps) {
          if ('d' in step) wall += step.d;
          else clock.observe(formatStamp({ ms: 1_700_000_000_000 + step.o, counter: 3, site: 'fedcba9876543210' }));
          const next = clock.next();
          expect(next > last).toBe(true);
          expect(next >= clock.current()).toBe(true);
          last = next;
        }
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it('stampFloor(ms) sorts below every stamp of that millisecond and above the one before', () => {
    expect(stampFloor(1000) <= formatStamp({ ms: 1000, counter: 0, site: '0000000000000000' })).toBe(true);
    expect(stampFloor(1000) > formatStamp({ ms: 999, counter: 0xffff, site: 'ffffffffffffffff' })).toBe(true);
  });
});
