/**
 * `share.merge`: a colleague's share file into this book. The file is validated on a private copy first (see
 * ./incoming.ts); the book is backed up; then everything happens in one IMMEDIATE transaction, so a kill at any
 * moment leaves the book as it was or fully merged. For each table, parents first:
 *   - records both books hold with the same stamps are unchanged (counted in SQL, never read into JS);
 *   - records whose stamps differ are merged field by field (src-main/domain/sharing/merge-rows.ts);
 *   - new records go in with one INSERT … SELECT; two live records for one fact (an FX rate of the same day, two
 *     version 2s of a quote) keep the one with the later stamp live and the other as a tombstone, reported;
 *   - a record whose parent is in neither the file nor the book refuses the whole merge.
 * Then accounts merged into others pass their records to the survivor, the sites' knowledge moves on, and the
 * data each book derives for itself (search index, monthly order aggregates, scores, to-dos) is marked or
 * recomputed for what changed. A dry run does all of it and rolls back.
 */
import type { ShareConflict, ShareMergeReport } from '../../contract/sharing';
import { AppError } from '../../contract/errors';
import type { Sqlite } from '../../db/connection';
import { encodeFieldStamps, lastStampOf, mergeRecords, type Knowledge, type StampedRecord, type Value } from '../../domain/sharing/merge-rows';
import { maxStamp } from '../../domain/sharing/hlc';
import { mergedFields, SHARED_TABLE_SPECS, type SharedTableSpec } from '../../domain/sharing/tables';
import type { ServiceContext } from '../context';
import { settingValue } from '../settings';
import { columnsOf } from './format';
import { BULK, refreshDerived, Touched } from './derived';
import { followMergedAccounts } from './merged-accounts';
import { validateIncomingShare } from './incoming';
import { markWork, validateWorkRows, workRows, workTable } from './incoming-rows';
import { sharePhase } from './phases';
import type { ProgressListener } from './export';

const MAX_LISTED_CONFLICTS = 1000;

/**
 * The book's page cache during a merge (`PRAGMA cache_size`, negative: KiB), restored afterwards. SQLite's default
 * 2 MB makes a merge of a large file re-read the book's id indexes page by page from the OS (most of a re-merge's
 * time) and spill the transaction's dirty pages early; 64 MB holds the orders' id index of a 1M-order book and keeps
 * a merge's peak RSS under 400 MB.
 */
const MERGE_CACHE_SIZE = -65_536;

class DryRunRollback extends Error {}

interface TableCounts {
  added: number;
  updated: number;
  unchanged: number;
}

type Row = Record<string, Value>;

function recordOf(row: Row, fields: readonly string[], prefix: string): StampedRecord {
  const values: Record<string, Value> = {};
  for (const f of fields) values[f] = row[prefix + f] ?? null;
  return {
    values,
    rowStamp: row[`${prefix}row_stamp`] as string,
    fieldStamps: JSON.parse(row[`${prefix}field_stamps`] as string) as Record<string, string>,
  };
}

function knowledgeOf(sqlite: Sqlite, selfSite: string, selfStamp: string, theirs: Map<string, string>): Knowledge {
  const mine = new Map((sqlite.prepare('SELECT site, last_stamp FROM sync_sites WHERE self = 0').all() as { site: string; last_stamp: string }[]).map((r) => [r.site, r.last_stamp]));
  mine.set(selfSite, selfStamp);
  return { mine: (site) => mine.get(site) ?? '', theirs: (site) => theirs.get(site) ?? '' };
}

const isoOfStamp = (stamp: string) => new Date(parseInt(stamp.slice(0, 12), 16)).toISOString().replace(/\.\d{3}Z$/, 'Z');

class TableMerger {
  readonly counts: TableCounts = { added: 0, updated: 0, unchanged: 0 };
  /** Records of the file inserted (as tombstones) before insertNew, which must then skip them. */
  private insertedEarly = 0;
  private readonly fields: string[];
  private readonly cols: string[];

  get table(): string {
    return this.spec.name;
  }

  constructor(
    private readonly sqlite: Sqlite,
    private readonly spec: SharedTableSpec,
    private readonly knowledge: Knowledge,
    private readonly conflicts: ShareConflict[],
    private readonly touched: Touched,
  ) {
    this.fields = mergedFields(spec);
    this.cols = columnsOf(spec);
  }

  /** Before any write: which records to read, and their cells checked. */
  prepare(futureFloor: string): void {
    this.counts.unchanged += sharePhase(`mark ${this.spec.name}`, () => markWork(this.sqlite, this.spec));
    sharePhase(`check ${this.spec.name}`, () => validateWorkRows(this.sqlite, this.spec, futureFloor));
  }

  run(): void {
    sharePhase(`existing ${this.spec.name}`, () => this.mergeExisting());
    sharePhase(`parents ${this.spec.name}`, () => this.checkParents());
    sharePhase(`live keys ${this.spec.name}`, () => this.settleLiveKeys());
    sharePhase(`insert ${this.spec.name}`, () => this.insertNew());
  }

  private writeRecord(id: string, record: StampedRecord): void {
    const set = [...this.fields.map((f) => `${f} = @${f}`), 'row_stamp = @row_stamp', 'field_stamps = @field_stamps', 'last_stamp = @last_stamp'].join(', ');
    this.sqlite.prepare(`UPDATE main.${this.spec.name} SET ${set} WHERE id = @id`).run({
      ...record.values,
      id,
      row_stamp: record.rowStamp,
      field_stamps: encodeFieldStamps(record.fieldStamps, record.rowStamp),
      last_stamp: lastStampOf(record),
    });
  }

  /** Records both books hold with different stamps: merged field by field. */
  private mergeExisting(): void {
    const t = this.spec.name;
    const pick = this.cols.map((c) => `i.${c} AS "i.${c}", m.${c} AS "m.${c}"`).join(', ');
    const differing = this.sqlite
      .prepare(`SELECT ${pick} FROM ${workRows(t)} JOIN main.${t} m ON m.id = i.id WHERE w.fresh = 0`)
      .iterate() as IterableIterator<Row>;
    const updates: [string, StampedRecord, StampedRecord][] = [];
    for (const row of differing) {
      const mine = recordOf(row, this.fields, 'm.');
      const theirs = recordOf(row, this.fields, 'i.');
      const { merged, taken, conflicts } = mergeRecords(this.fields, mine, theirs, this.knowledge);
      for (const c of conflicts) this.conflicts.push({ table: t, id: row['m.id'] as string, ...c });
      const sameStamps = encodeFieldStamps(merged.fieldStamps, merged.rowStamp) === row['m.field_stamps'] && merged.rowStamp === mine.rowStamp;
      if (taken.length === 0 && sameStamps) {
        this.counts.unchanged += 1;
        continue;
      }
      updates.push([row['m.id'] as string, merged, mine]);
    }
    for (const [id, merged, mine] of updates) {
      this.writeRecord(id, merged);
      const valuesChanged = this.fields.some((f) => merged.values[f] !== mine.values[f]);
      if (valuesChanged) this.counts.updated += 1;
      else this.counts.unchanged += 1;
      this.touched.note(this.spec.name, id, mine.values, merged.values);
    }
  }

  /** Every new record's parents must be in the book by now (parents' tables merge first) or be new in this file. */
  private checkParents(): void {
    const t = this.spec.name;
    for (const col of this.spec.columns) {
      if (col.check.kind !== 'ref') continue;
      const parent = col.check.table;
      const sameTable = parent === t ? ` AND NOT EXISTS (SELECT 1 FROM incoming.${t} j WHERE j.id = i.${col.name})` : '';
      const orphan = this.sqlite
        .prepare(
          `SELECT i.id FROM ${workRows(t)} WHERE i.${col.name} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM main.${parent} p WHERE p.id = i.${col.name})${sameTable} LIMIT 1`,
        )
        .get() as { id: string } | undefined;
      if (orphan) throw new AppError('share_missing_parent', { table: t, id: orphan.id, parent: col.name });
    }
  }

  /**
   * Two live records for one fact (the live key): the later (last stamp, then id) stays live, the other becomes a
   * tombstone stamped like the winner — the same outcome whichever book sees the pair first.
   */
  private settleLiveKeys(): void {
    const key = this.spec.liveKey;
    if (!key) return;
    const t = this.spec.name;
    const on = key.map((k) => `m.${k} = i.${k}`).join(' AND ');
    const pairs = this.sqlite
      .prepare(
        `SELECT i.id AS iid, i.last_stamp AS ist, m.id AS mid, m.last_stamp AS mst, ${key.map((k) => `i.${k} AS "k.${k}"`).join(', ')}
         FROM ${workRows(t)} JOIN main.${t} m ON ${on}
         WHERE w.fresh = 1 AND i.deleted_at IS NULL AND m.deleted_at IS NULL AND m.id <> i.id
           AND NOT EXISTS (SELECT 1 FROM main.${t} x WHERE x.id = i.id)`,
      )
      .all() as Row[];
    for (const pair of pairs) {
      const incomingWins = (pair.ist as string) > (pair.mst as string) || (pair.ist === pair.mst && (pair.iid as string) > (pair.mid as string));
      const winnerStamp = incomingWins ? (pair.ist as string) : (pair.mst as string);
      const keyText = key.map((k) => String(pair[`k.${k}`])).join(' · ');
      if (incomingWins) this.tombstoneMine(pair.mid as string, winnerStamp);
      else this.insertAsTombstone(pair.iid as string, winnerStamp);
      this.conflicts.push({
        table: t,
        id: (incomingWins ? pair.mid : pair.iid) as string,
        field: key.join('+'),
        mine: `${pair.mid as string} (${keyText})`,
        theirs: `${pair.iid as string} (${keyText})`,
        kept: incomingWins ? 'theirs' : 'mine',
      });
    }
  }

  private tombstoneMine(id: string, winnerStamp: string): void {
    const row = this.sqlite.prepare(`SELECT * FROM main.${this.spec.name} WHERE id = ?`).get(id) as Row;
    const record = recordOf(row, this.fields, '');
    record.values.deleted_at = isoOfStamp(winnerStamp);
    record.fieldStamps.deleted_at = maxStamp(winnerStamp, record.fieldStamps.deleted_at ?? record.rowStamp);
    this.writeRecord(id, record);
    this.counts.updated += 1;
    this.touched.note(this.spec.name, id, recordOf(row, this.fields, '').values, record.values);
  }

  private insertAsTombstone(id: string, winnerStamp: string): void {
    const row = this.sqlite.prepare(`SELECT * FROM incoming.${this.spec.name} WHERE id = ?`).get(id) as Row;
    const record = recordOf(row, this.fields, '');
    record.values.deleted_at = isoOfStamp(winnerStamp);
    record.fieldStamps.deleted_at = maxStamp(winnerStamp, record.fieldStamps.deleted_at ?? record.rowStamp);
    const cols = this.cols.join(', ');
    this.sqlite.prepare(`INSERT INTO main.${this.spec.name} (${cols}) VALUES (${this.cols.map((c) => `@${c}`).join(', ')})`).run({
      ...record.values,
      id,
      row_stamp: record.rowStamp,
      field_stamps: encodeFieldStamps(record.fieldStamps, record.rowStamp),
      last_stamp: lastStampOf(record),
    });
    this.counts.added += 1;
    this.insertedEarly += 1;
    this.touched.note(this.spec.name, id, null, record.values);
  }

  /**
   * A bulk insert (a full snapshot into an empty or small book) goes faster with the table's own indexes built
   * once afterwards than kept up row by row: they are dropped and made again from their stored definitions (the
   * book's, never the file's), inside the same transaction.
   */
  private withoutIndexesForBulk<T>(insert: () => T): T {
    const t = this.spec.name;
    const fresh = (this.sqlite.prepare(`SELECT count(*) AS n FROM ${workTable(t)} WHERE fresh = 1`).get() as { n: number }).n;
    const existing = (this.sqlite.prepare(`SELECT count(*) AS n FROM main.${t}`).get() as { n: number }).n;
    // A table with triggers (payments: each keeps its order's totals through an index) keeps its indexes.
    const triggers = this.sqlite.prepare("SELECT count(*) AS n FROM main.sqlite_schema WHERE type = 'trigger' AND tbl_name = ?").get(t) as { n: number };
    if (fresh < 20_000 || fresh < existing || triggers.n > 0) return insert();
    const indexes = this.sqlite.prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(t) as {
      name: string;
      sql: string;
    }[];
    for (const index of indexes) this.sqlite.exec(`DROP INDEX main."${index.name.replace(/"/g, '""')}"`);
    const out = sharePhase(`insert ${t}: rows`, insert);
    for (const index of indexes) sharePhase(`insert ${t}: index ${index.name}`, () => this.sqlite.exec(index.sql));
    return out;
  }

  private insertNew(): void {
    const t = this.spec.name;
    const cols = this.cols.join(', ');
    // A record marked fresh was not in the book before the merge, and nothing but insertAsTombstone put one of this
    // table's records in since: without such, there is nothing to look up (one id-index probe per record saved).
    const notYet = this.insertedEarly > 0 ? ` AND NOT EXISTS (SELECT 1 FROM main.${t} m WHERE m.id = i.id)` : '';
    const fresh = `FROM ${workRows(t)} WHERE w.fresh = 1${notYet}`;
    const accountColumn = t === 'accounts' ? 'id' : this.spec.columns.some((c) => c.name === 'account_id') ? 'account_id' : null;
    if (accountColumn) {
      const accounts = this.sqlite.prepare(`SELECT DISTINCT i.${accountColumn} ${fresh} LIMIT ${BULK + 1}`).pluck().all() as string[];
      this.touched.added(t, accounts);
    } else if (t === 'payments') {
      // A payment's account is its order's (the orders went in before: parents first).
      const accounts = this.sqlite
        .prepare(`SELECT DISTINCT o.account_id FROM main.orders o WHERE o.id IN (SELECT i.order_id ${fresh}) LIMIT ${BULK + 1}`)
        .pluck()
        .all() as string[];
      this.touched.added('orders', accounts);
    }
    // In the file's order (no sort of the whole table): a book made from a colleague's file keeps their book's layout,
    // so re-merging a file of theirs reads both books in step. Which rowid a record gets is not shared data.
    const result = this.withoutIndexesForBulk(() => this.sqlite.prepare(`INSERT INTO main.${t} (${cols}) SELECT ${cols} ${fresh}`).run());
    this.counts.added += result.changes;
    if (result.changes > 0) this.touched.added(t, []);
  }
}

export async function mergeShare(
  ctx: ServiceContext,
  input: { file: string; dryRun: boolean },
  options: { backup?: (ctx: ServiceContext) => Promise<string | null>; onProgress?: ProgressListener; wallMs?: () => number } = {},
): Promise<ShareMergeReport> {
  const started = performance.now();
  const nowMs = (options.wallMs ?? Date.now)();
  options.onProgress?.({ phase: 'validate', done: 0, total: 1 });
  const incoming = sharePhase('validate file', () => validateIncomingShare(input.file, nowMs));
  const sqlite = ctx.book.sqlite;
  try {
    options.onProgress?.({ phase: 'validate', done: 1, total: 1 });
    const mine = await settingValue<string>(ctx, 'baseCurrency');
    const carriesMoney = (incoming.records.orders ?? 0) + (incoming.records.fx_rates ?? 0) + (incoming.records.quotes ?? 0) > 0;
    if (carriesMoney && incoming.meta.baseCurrency !== mine) throw new AppError('share_base_currency', { theirs: incoming.meta.baseCurrency, mine });
    const backup = input.dryRun || !options.backup ? null : await options.backup(ctx);
    const clock = ctx.book.clock;
    const conflicts: ShareConflict[] = [];
    const tables: Record<string, TableCounts> = {};
    const now = ctx.now();
    const touched = new Touched(sqlite);
    sqlite.prepare('ATTACH DATABASE ? AS incoming').run(incoming.copy);
    const trusted = sqlite.pragma('trusted_schema', { simple: true }) as number;
    const cacheSize = sqlite.pragma('main.cache_size', { simple: true }) as number;
    sqlite.pragma('trusted_schema = OFF');
    sqlite.pragma(`main.cache_size = ${MERGE_CACHE_SIZE}`);
    try {
      const knowledge = knowledgeOf(sqlite, clock.site, clock.current(), incoming.sites);
      const merge = sqlite.transaction(() => {
        sqlite.pragma('defer_foreign_keys = ON');
        const mergers = SHARED_TABLE_SPECS.map((spec) => new TableMerger(sqlite, spec, knowledge, conflicts, touched));
        // Every table's records are checked before the first write.
        for (const merger of mergers) merger.prepare(incoming.futureFloor);
        mergers.forEach((merger, index) => {
          merger.run();
          tables[merger.table] = merger.counts;
          options.onProgress?.({ phase: 'merge', done: index + 1, total: mergers.length });
        });
        followMergedAccounts(sqlite, touched);
        const learn = sqlite.prepare(
          `INSERT INTO sync_sites (site, self, last_stamp) VALUES (?, 0, ?)
           ON CONFLICT (site) DO UPDATE SET last_stamp = excluded.last_stamp WHERE excluded.last_stamp > sync_sites.last_stamp`,
        );
        for (const [site, stamp] of incoming.sites) if (site !== clock.site) learn.run(site, stamp);
        options.onProgress?.({ phase: 'derive', done: 0, total: 1 });
        sharePhase('derived', () => refreshDerived(ctx, touched, now));
        if (input.dryRun) throw new DryRunRollback();
      });
      try {
        sharePhase('transaction', () => merge.immediate());
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
      }
    } finally {
      sqlite.pragma(`trusted_schema = ${trusted ? 'ON' : 'OFF'}`);
      sqlite.pragma(`main.cache_size = ${Math.trunc(cacheSize)}`);
      for (const spec of SHARED_TABLE_SPECS) sqlite.exec(`DROP TABLE IF EXISTS ${workTable(spec.name)}`);
      sqlite.prepare('DETACH DATABASE incoming').run();
    }
    if (!input.dryRun && incoming.latestStamp) clock.observe(incoming.latestStamp);
    const sum = (k: keyof TableCounts) => Object.values(tables).reduce((a, c) => a + c[k], 0);
    return {
      file: input.file,
      dryRun: input.dryRun,
      from: { site: incoming.meta.site, kind: incoming.meta.kind, since: incoming.meta.since, createdAt: incoming.meta.createdAt },
      added: sum('added'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      tables,
      conflicts: conflicts.slice(0, MAX_LISTED_CONFLICTS),
      moreConflicts: Math.max(0, conflicts.length - MAX_LISTED_CONFLICTS),
      backup,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    incoming.discard();
  }
}
