/**
 * The merge laws of team sharing (issue 11, items 2 and 8), as property tests with fixed seeds:
 *   - record level (pure): merging is commutative, idempotent and associative, whatever the stamps and values;
 *   - book level (real books in temp dirs, their own clocks, some skewed by hours): after random edits, deletes and
 *     user merges of duplicate accounts on three books, and files exchanged in a random order — full snapshots and
 *     changes since a day — the books end with identical shared records once everyone has everyone's file;
 *     re-merging a file changes nothing, byte for byte; A then B equals B then A.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { LOCAL_COLUMNS, SHARED_TABLES } from '../../src-main/db/change-stamps';
import { formatStamp } from '../../src-main/domain/sharing/hlc';
import { encodeFieldStamps, mergeRecords, type Knowledge, type StampedRecord } from '../../src-main/domain/sharing/merge-rows';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { removeDir, snapshot, tempDir, valueOf } from '../db/temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

// ───────────── record level ─────────────

const FIELDS = ['name', 'notes', 'owner'];
const SITES = ['00000000000000a1', '00000000000000b2', '00000000000000c3'];
const arbStamp = fc.record({ ms: fc.integer({ min: 1, max: 20 }), counter: fc.integer({ min: 0, max: 2 }), site: fc.constantFrom(...SITES) }).map(formatStamp);
const arbRecord = fc
  .record({
    rowStamp: arbStamp,
    values: fc.record({ name: fc.constantFrom('A', 'B', 'C'), notes: fc.constantFrom('', 'x', 'y'), owner: fc.constantFrom(null, 'Lily', 'Kevin') }),
    later: fc.record({ name: fc.option(arbStamp, { nil: undefined }), notes: fc.option(arbStamp, { nil: undefined }), owner: fc.option(arbStamp, { nil: undefined }) }),
  })
  .map(({ rowStamp, values, later }): StampedRecord => {
    const fieldStamps: Record<string, string> = {};
    for (const [f, s] of Object.entries(later)) if (s !== undefined && s > rowStamp) fieldStamps[f] = s;
    return { rowStamp, values, fieldStamps };
  });
const none: Knowledge = { mine: () => '', theirs: () => '' };
const merge = (x: StampedRecord, y: StampedRecord) => mergeRecords(FIELDS, x, y, none).merged;
const canonical = (r: StampedRecord) => JSON.stringify([r.values, r.rowStamp, encodeFieldStamps(r.fieldStamps, r.rowStamp)]);

describe('merge laws, one record (pure)', () => {
  const params = { seed: 11, numRuns: 400 };
  it('commutative: mine ⊔ theirs = theirs ⊔ mine', () => {
    fc.assert(fc.property(arbRecord, arbRecord, (x, y) => canonical(merge(x, y)) === canonical(merge(y, x))), params);
  });
  it('idempotent: x ⊔ x = x, and (x ⊔ y) ⊔ y = x ⊔ y', () => {
    fc.assert(fc.property(arbRecord, arbRecord, (x, y) => canonical(merge(x, x)) === canonical(x) && canonical(merge(merge(x, y), y)) === canonical(merge(x, y))), params);
  });
  it('associative: (x ⊔ y) ⊔ z = x ⊔ (y ⊔ z)', () => {
    fc.assert(fc.property(arbRecord, arbRecord, arbRecord, (x, y, z) => canonical(merge(merge(x, y), z)) === canonical(merge(x, merge(y, z)))), params);
  });
  it('the later stamp wins a field; both sides changing it unknowingly is a conflict', () => {
    const base = { rowStamp: formatStamp({ ms: 1, counter: 0, site: SITES[0]! }), values: { name: 'Acme', notes: '', owner: null }, fieldStamps: {} };
    const mine = { ...base, values: { ...base.values, name: 'Acme GmbH' }, fieldStamps: { name: formatStamp({ ms: 5, counter: 0, site: SITES[0]! }) } };
    const theirs = { ...base, values: { ...base.values, name: 'ACME Ltd' }, fieldStamps: { name: formatStamp({ ms: 7, counter: 0, site: SITES[1]! }) } };
    const result = mergeRecords(FIELDS, mine, theirs, none);
    expect(result.merged.values.name).toBe('ACME Ltd');
    expect(result.conflicts).toEqual([{ field: 'name', mine: 'Acme GmbH', theirs: 'ACME Ltd', kept: 'theirs' }]);
    // Had they merged my edit before theirs, theirs is simply newer: an update, not a conflict.
    const knew: Knowledge = { mine: () => '', theirs: (site) => (site === SITES[0] ? formatStamp({ ms: 6, counter: 0, site: SITES[0]! }) : '') };
    expect(mergeRecords(FIELDS, mine, theirs, knew).conflicts).toEqual([]);
  });
});

// ───────────── book level ─────────────

interface Site {
  name: string;
  file: string;
  ctx: ServiceContext;
  accounts: string[];
}

function openSite(dir: string, name: string, skewMs: number, now: string): Site {
  const file = path.join(dir, `${name}.db`);
  const book = openBook(file, { create: true, wallMs: () => Date.now() + skewMs });
  return { name, file, ctx: { book, now: () => now, host: { timeZone: 'Asia/Shanghai', country: 'CN' } }, accounts: [] };
}

/** Every shared record of a book, all its columns (the book's own derived columns left out), in id order. */
function sharedDump(site: Site): string {
  const out: string[] = [];
  for (const table of SHARED_TABLES) {
    for (const row of site.ctx.book.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]) {
      out.push(`${table} ${JSON.stringify(Object.entries(row).filter(([k]) => !LOCAL_COLUMNS.has(k)))}`);
    }
  }
  return out.join('\n');
}

async function exportFrom(site: Site, dir: string, label: string, since?: string): Promise<string> {
  const out = path.join(dir, `${site.name}-${label}.tbshare`);
  valueOf(await call(site.ctx, 'share.export', since ? { out, since } : { out }));
  return out;
}

async function mergeInto(site: Site, file: string) {
  return valueOf(await call(site.ctx, 'share.merge', { file, dryRun: false }));
}

type Op =
  | { kind: 'add'; site: number; name: string }
  | { kind: 'edit'; site: number; account: number; field: 'name' | 'notes' | 'owner'; value: string }
  | { kind: 'contact'; site: number; account: number; name: string }
  | { kind: 'remove'; site: number; account: number }
  | { kind: 'mergeDuplicate'; site: number; account: number; into: number }
  | { kind: 'exchange'; from: number; to: number; delta: boolean };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), site: fc.nat(2), name: fc.constantFrom('Nordic Pumps AB', 'Válvulas Ibéricas', '深圳华强电子', 'Gulf Trading LLC') }),
  fc.record({ kind: fc.constant('edit' as const), site: fc.nat(2), account: fc.nat(20), field: fc.constantFrom('name' as const, 'notes' as const, 'owner' as const), value: fc.constantFrom('Lily', 'Kevin', 'Anna', 'call back Monday', 'Acme') }),
  fc.record({ kind: fc.constant('contact' as const), site: fc.nat(2), account: fc.nat(20), name: fc.constantFrom('María García', 'Ahmed Al-Sayed', '王伟') }),
  fc.record({ kind: fc.constant('remove' as const), site: fc.nat(2), account: fc.nat(20) }),
  fc.record({ kind: fc.constant('mergeDuplicate' as const), site: fc.nat(2), account: fc.nat(20), into: fc.nat(20) }),
  fc.record({ kind: fc.constant('exchange' as const), from: fc.nat(2), to: fc.nat(2), delta: fc.boolean() }),
);

/** The ids a site knows of (live or not): an op names one by index. */
function known(site: Site): string[] {
  return (site.ctx.book.sqlite.prepare('SELECT id FROM accounts ORDER BY id').all() as { id: string }[]).map((r) => r.id);
}

async function apply(sites: Site[], op: Op, dir: string, step: number): Promise<void> {
  if (op.kind === 'exchange') {
    if (op.from === op.to) return;
    const file = await exportFrom(sites[op.from]!, dir, `step${step}`, op.delta ? '2000-01-01' : undefined);
    await mergeInto(sites[op.to]!, file);
    return;
  }
  const site = sites[op.site]!;
  const ids = known(site);
  if (op.kind === 'add') {
    valueOf(await call(site.ctx, 'accounts.add', { name: op.name, country: 'SE' }));
    return;
  }
  if (ids.length === 0) return;
  const id = ids[op.account % ids.length]!;
  // Edits of a tombstone are refused (not found): that is part of the behaviour under test, not a failure.
  if (op.kind === 'edit') await call(site.ctx, 'accounts.update', { id, [op.field]: op.value });
  if (op.kind === 'contact') await call(site.ctx, 'contacts.add', { accountId: id, name: op.name });
  if (op.kind === 'remove') await call(site.ctx, 'accounts.remove', { id });
  if (op.kind === 'mergeDuplicate') await call(site.ctx, 'accounts.merge', { id, into: ids[op.into % ids.length]! });
}

describe('merge laws, three books', () => {
  it('three books that exchange files in any order end identical; re-merging changes nothing; no resurrection', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { minLength: 6, maxLength: 22 }), fc.constantFrom(0, 3_600_000, -5_400_000), async (ops, skew) => {
        const dir = tempDir('tradebook-merge-laws-');
        dirs.push(dir);
        run += 1;
        const sites = [openSite(dir, 'a', 0, '2025-03-15T09:00:00Z'), openSite(dir, 'b', skew, '2025-03-15T09:00:00Z'), openSite(dir, 'c', -skew, '2025-03-15T09:00:00Z')];
        try {
          for (const [step, op] of ops.entries()) await apply(sites, op, dir, step);
          // Everyone gets everyone's file, twice round: a full snapshot each.
          for (let round = 0; round < 2; round++) {
            for (const from of sites) {
              const file = await exportFrom(from, dir, `round${round}`);
              for (const to of sites) if (to !== from) await mergeInto(to, file);
            }
          }
          const dumps = sites.map(sharedDump);
          expect(dumps[1]).toBe(dumps[0]);
          expect(dumps[2]).toBe(dumps[0]);
          // Idempotent, byte for byte: the same file again changes no row of any table.
          const file = await exportFrom(sites[0]!, dir, 'again');
          const before = snapshot(sites[1]!.ctx.book.sqlite);
          const again = await mergeInto(sites[1]!, file);
          expect(again.added + again.updated).toBe(0);
          expect(again.conflicts).toEqual([]);
          expect(snapshot(sites[1]!.ctx.book.sqlite)).toEqual(before);
          // No resurrection: a removed account stays removed everywhere.
          const live = (s: Site) => (s.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM accounts WHERE deleted_at IS NULL').get() as { n: number }).n;
          expect(new Set(sites.map(live)).size).toBe(1);
          // Records of merged accounts all sit with a survivor.
          const stray = sites[0]!.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE a.merged_into IS NOT NULL').get() as { n: number };
          expect(stray.n).toBe(0);
        } finally {
          for (const s of sites) await s.ctx.book.close();
        }
      }),
      { seed: 20261204, numRuns: 12 },
    );
    expect(run).toBe(12);
  }, 120_000);

  it('A then B equals B then A, and a concurrent edit of one field is reported with both values', async () => {
    const dir = tempDir('tradebook-merge-order-');
    dirs.push(dir);
    const [a, b, x, y] = ['a', 'b', 'x', 'y'].map((n) => openSite(dir, n, 0, '2025-03-15T09:00:00Z')) as [Site, Site, Site, Site];
    try {
      const acme = valueOf(await call(a.ctx, 'accounts.add', { name: 'Acme', country: 'DE', owner: 'Lily' }));
      await mergeInto(b, await exportFrom(a, dir, 'first'));
      valueOf(await call(a.ctx, 'accounts.update', { id: acme.id, name: 'Acme GmbH' }));
      valueOf(await call(b.ctx, 'accounts.update', { id: acme.id, name: 'ACME Ltd', notes: 'met at Hannover Messe' }));
      valueOf(await call(b.ctx, 'accounts.add', { name: 'Bosphorus Tekstil', country: 'TR' }));
      const fa = await exportFrom(a, dir, 'a');
      const fb = await exportFrom(b, dir, 'b');
      await mergeInto(x, fa);
      await mergeInto(x, fb);
      await mergeInto(y, fb);
      await mergeInto(y, fa);
      expect(sharedDump(y)).toBe(sharedDump(x));
      // The dry run reports and changes nothing; the real merge reports the same.
      const before = snapshot(a.ctx.book.sqlite);
      const dry = valueOf(await call(a.ctx, 'share.merge', { file: fb, dryRun: true }));
      expect(snapshot(a.ctx.book.sqlite)).toEqual(before);
      const report = await mergeInto(a, fb);
      expect({ ...report, seconds: 0, backup: null, dryRun: true }).toEqual({ ...dry, seconds: 0 });
      expect(report.conflicts).toEqual([{ table: 'accounts', id: acme.id, field: 'name', mine: 'Acme GmbH', theirs: 'ACME Ltd', kept: 'theirs' }]);
      expect(report.added).toBe(1);
      expect(report.updated).toBe(1);
      expect(report.backup).toMatch(/merge/);
      // A changes-since file from b now only holds what b changed since that day, and merging it again is a no-op.
      const delta = await exportFrom(b, dir, 'delta', '2000-01-01');
      expect((await mergeInto(a, delta)).added).toBe(0);
    } finally {
      for (const s of [a, b, x, y]) await s.ctx.book.close();
    }
  });

  it('a laptop whose clock runs ahead cannot win over edits made after its file was merged (HLC causality)', async () => {
    const dir = tempDir('tradebook-merge-skew-');
    dirs.push(dir);
    const fast = openSite(dir, 'fast', 6 * 3_600_000, '2025-03-15T09:00:00Z');
    const me = openSite(dir, 'me', 0, '2025-03-15T09:00:00Z');
    try {
      const acme = valueOf(await call(fast.ctx, 'accounts.add', { name: 'Acme', country: 'DE' }));
      valueOf(await call(fast.ctx, 'accounts.update', { id: acme.id, owner: 'Kevin' }));
      await mergeInto(me, await exportFrom(fast, dir, 'one'));
      valueOf(await call(me.ctx, 'accounts.update', { id: acme.id, owner: 'Lily' }));
      await mergeInto(fast, await exportFrom(me, dir, 'two'));
      for (const s of [fast, me]) expect(valueOf(await call(s.ctx, 'accounts.get', { id: acme.id })).owner).toBe('Lily');
    } finally {
      await fast.ctx.book.close();
      await me.ctx.book.close();
    }
  });
});
