/**
 * Every migration has its own test (STYLE): migrate a real file to N-1, insert rows, migrate to N, check the new
 * tables and indexes, that the old rows survived, that the new tables' STRICT/CHECK rules hold, and the version.
 * Then the open path: pragmas, backups before an upgrade, and the files Tradebook must refuse.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors';
import { openBook } from '../../src-main/db/book';
import { APPLICATION_ID, openSqlite, type Sqlite } from '../../src-main/db/connection';
import { defaultMigrationsDir, loadMigrations, migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, snapshot, tableNames, tempDir } from './temp-book';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir('tradebook-migrations-');
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-03-01T10:00:00Z';
const ids = {
  cn: '01JNA0000000000000000000A1',
  es: '01JNA0000000000000000000A2',
  contact: '01JNA0000000000000000000C1',
  interaction: '01JNA0000000000000000000I1',
  inquiry: '01JNA0000000000000000000Q1',
  quote: '01JNA0000000000000000000QT',
  version: '01JNA0000000000000000000QV',
  item: '01JNA0000000000000000000QI',
  stage: '01JNA0000000000000000000QS',
  question: '01JNA0000000000000000000QQ',
  fx: '01JNA0000000000000000000FX',
  order: '01JNA0000000000000000000O1',
  line: '01JNA0000000000000000000L1',
  complaint: '01JNA0000000000000000000CP',
  task: '01JNA0000000000000000000T1',
  override: '01JNA0000000000000000000CO',
  review: '01JNA0000000000000000000HR',
  score: '01JNA0000000000000000000SS',
};

/** Representative rows for the tables each migration creates (written with the schema of that version). */
const fixtures: Record<number, (db: Sqlite) => void> = {
  1: (db) => {
    const account = db.prepare(
      'INSERT INTO accounts (id, name, country, time_zone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    account.run(ids.cn, '深圳华强电子有限公司', 'CN', 'Asia/Shanghai', '广交会认识', T, T);
    account.run(ids.es, 'Válvulas Ibéricas S.L.', 'ES', 'Europe/Madrid', 'Met at Canton Fair', T, T);
    db.prepare(
      'INSERT INTO contacts (id, account_id, name, emails, phones, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
    ).run(ids.contact, ids.es, 'María López', '["maria.lopez@valvulas-ibericas.es"]', '["+34 912 345 678"]', T, T);
  },
  2: (db) => {
    db.prepare(
      `INSERT INTO interactions (id, account_id, contact_id, kind, direction, occurred_at, awaits_reply, created_at, updated_at)
       VALUES (?, ?, ?, 'email', 'out', ?, 1, ?, ?)`,
    ).run(ids.interaction, ids.es, ids.contact, T, T, T);
    db.prepare(
      `INSERT INTO inquiries (id, account_id, source, received_at, products, urgency, created_at, updated_at)
       VALUES (?, ?, 'website', ?, '["Ball valve DN50"]', 4, ?, ?)`,
    ).run(ids.inquiry, ids.es, T, T, T);
  },
  3: (db) => {
    db.prepare(
      `INSERT INTO quotes (id, account_id, inquiry_id, number, currency, quote_date, validity_strategy, valid_days, valid_through, created_at, updated_at)
       VALUES (?, ?, ?, 'Q2025-0001', 'EUR', '2025-03-01', 'fixed', 30, '2025-03-31', ?, ?)`,
    ).run(ids.quote, ids.es, ids.inquiry, T, T);
    db.prepare('INSERT INTO quote_versions (id, quote_id, version, total, created_at, updated_at) VALUES (?, ?, 1, 3800, ?, ?)').run(
      ids.version,
      ids.quote,
      T,
      T,
    );
    db.prepare(
      `INSERT INTO quote_items (id, quote_version_id, position, product, quantity, unit, unit_price, created_at, updated_at)
       VALUES (?, ?, 1, 'Ball valve DN50', 100, 'pcs', 38, ?, ?)`,
    ).run(ids.item, ids.version, T, T);
    db.prepare(
      `INSERT INTO quote_stages (id, quote_id, position, name, valid_through, created_at, updated_at) VALUES (?, ?, 1, 'design', '2025-04-01', ?, ?)`,
    ).run(ids.stage, ids.quote, T, T);
    db.prepare(
      `INSERT INTO quote_questions (id, quote_id, question, asked_at, created_at, updated_at) VALUES (?, ?, 'Pressure rating?', ?, ?, ?)`,
    ).run(ids.question, ids.quote, T, T, T);
  },
  4: (db) => {
    db.prepare(
      `INSERT INTO fx_rates (id, currency, base_currency, rate_date, rate, created_at, updated_at) VALUES (?, 'EUR', 'CNY', '2025-03-01', 7.8, ?, ?)`,
    ).run(ids.fx, T, T);
    db.prepare(
      `INSERT INTO orders (id, account_id, quote_id, ordered_at, amount, currency, fx_rate, amount_base, quantity, unit, created_at, updated_at)
       VALUES (?, ?, ?, '2025-03-05', 3800, 'EUR', 7.8, 29640, 100, 'pcs', ?, ?)`,
    ).run(ids.order, ids.es, ids.quote, T, T);
    db.prepare(
      `INSERT INTO order_lines (id, order_id, position, product, quantity, unit, unit_price, amount, created_at, updated_at)
       VALUES (?, ?, 1, 'Ball valve DN50', 100, 'pcs', 38, 3800, ?, ?)`,
    ).run(ids.line, ids.order, T, T);
  },
  5: (db) => {
    db.prepare(
      `INSERT INTO complaints (id, account_id, order_id, grade, subject, opened_at, created_at, updated_at) VALUES (?, ?, ?, 'B', 'Late shipment', ?, ?, ?)`,
    ).run(ids.complaint, ids.es, ids.order, T, T, T);
    db.prepare(
      `INSERT INTO tasks (id, account_id, kind, rule, dedupe_key, title, due_at, created_at, updated_at)
       VALUES (?, ?, 'follow_up', 'R2', 'R2:quote:1', 'Follow up quote', '2025-03-06T07:15:00Z', ?, ?)`,
    ).run(ids.task, ids.es, T, T);
  },
  6: (db) => {
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('followUpBusinessDays', '5', ?)`).run(T);
    db.prepare(
      `INSERT INTO calendar_overrides (id, country, day, kind, name, created_at, updated_at) VALUES (?, 'CN', '2025-01-26', 'workday', '调休', ?, ?)`,
    ).run(ids.override, T, T);
    db.prepare(`INSERT INTO health_reviews (id, account_id, due_at, created_at, updated_at) VALUES (?, ?, '2025-04-30T06:15:00Z', ?, ?)`).run(
      ids.review,
      ids.es,
      T,
      T,
    );
    db.prepare(
      `INSERT INTO score_snapshots (id, account_id, as_of, recency, frequency, monetary, tier, loyalty, computed_at, created_at, updated_at)
       VALUES (?, ?, '2025-03-01', 5, 3, 4, 'general', 'B', ?, ?, ?)`,
    ).run(ids.score, ids.es, T, T, T);
  },
};

interface BadRow {
  sql: string;
  params: unknown[];
  error: RegExp;
}

interface Expected {
  tables: string[];
  indexes: string[];
  bad: BadRow[];
}

const CHECK = /CHECK constraint failed/;
const STRICT = /cannot store/;
const expected: Record<number, Expected> = {
  1: {
    tables: ['accounts', 'contacts', 'schema_migrations'],
    indexes: ['accounts_by_name', 'accounts_by_country', 'accounts_by_owner', 'accounts_by_updated', 'contacts_by_account', 'contacts_by_updated'],
    bad: [
      { sql: `INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES ('x1', 'A', 'ESP', 'Europe/Madrid', '', '')`, params: [], error: CHECK },
      { sql: `INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES ('x2', '', 'ES', 'Europe/Madrid', '', '')`, params: [], error: CHECK },
      {
        sql: `INSERT INTO accounts (id, name, country, time_zone, strategic_fit, created_at, updated_at) VALUES ('x3', 'A', 'ES', 'Europe/Madrid', 'high', '', '')`,
        params: [],
        error: STRICT,
      },
      { sql: `INSERT INTO contacts (id, account_id, name, emails, created_at, updated_at) VALUES ('x4', ?, 'B', '{"a":1}', '', '')`, params: [ids.es], error: CHECK },
      { sql: `INSERT INTO contacts (id, account_id, name, created_at, updated_at) VALUES ('x5', 'nobody', 'B', '', '')`, params: [], error: /FOREIGN KEY/ },
    ],
  },
  2: {
    tables: ['interactions', 'inquiries'],
    indexes: ['interactions_by_account', 'interactions_by_updated', 'inquiries_by_account', 'inquiries_open', 'inquiries_by_updated'],
    bad: [
      {
        sql: `INSERT INTO interactions (id, account_id, kind, direction, occurred_at, created_at, updated_at) VALUES ('x1', ?, 'fax', 'in', '', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO inquiries (id, account_id, source, received_at, created_at, updated_at) VALUES ('x2', ?, 'tiktok', '', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO inquiries (id, account_id, source, received_at, urgency, created_at, updated_at) VALUES ('x3', ?, 'email', '', 6, '', '')`,
        params: [ids.es],
        error: CHECK,
      },
    ],
  },
  3: {
    tables: ['quotes', 'quote_versions', 'quote_items', 'quote_stages', 'quote_questions'],
    indexes: ['quotes_by_account', 'quotes_open', 'quotes_by_updated', 'quote_questions_by_quote'],
    bad: [
      {
        sql: `INSERT INTO quotes (id, account_id, number, currency, quote_date, status, validity_strategy, created_at, updated_at)
              VALUES ('x1', ?, 'Q', 'EUR', '2025-03-01', 'pending', 'fixed', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO quotes (id, account_id, number, currency, quote_date, validity_strategy, created_at, updated_at)
              VALUES ('x2', ?, 'Q', 'EUR', '2025-03-01', 'forever', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      { sql: `INSERT INTO quote_versions (id, quote_id, version, total, created_at, updated_at) VALUES ('x3', ?, 1, 5, '', '')`, params: [ids.quote], error: /UNIQUE/ },
      { sql: `INSERT INTO quote_versions (id, quote_id, version, total, created_at, updated_at) VALUES ('x4', ?, 2, -1, '', '')`, params: [ids.quote], error: CHECK },
      {
        sql: `INSERT INTO quote_items (id, quote_version_id, position, product, quantity, unit, unit_price, created_at, updated_at)
              VALUES ('x5', ?, 2, 'P', 'ten', 'pcs', 1, '', '')`,
        params: [ids.version],
        error: STRICT,
      },
    ],
  },
  4: {
    tables: ['fx_rates', 'orders', 'order_lines'],
    indexes: ['fx_rates_by_day', 'orders_by_account', 'orders_by_date', 'orders_by_updated'],
    bad: [
      {
        sql: `INSERT INTO fx_rates (id, currency, base_currency, rate_date, rate, created_at, updated_at) VALUES ('x1', 'EUR', 'CNY', '2025-03-01', 7.9, '', '')`,
        params: [],
        error: /UNIQUE/,
      },
      {
        sql: `INSERT INTO fx_rates (id, currency, base_currency, rate_date, rate, created_at, updated_at) VALUES ('x2', 'USD', 'CNY', '2025-03-01', 0, '', '')`,
        params: [],
        error: CHECK,
      },
      {
        sql: `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, quantity, created_at, updated_at)
              VALUES ('x3', ?, '2025-03-05', 1, 'EUR', 7.8, 7.8, 5, '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, created_at, updated_at)
              VALUES ('x4', ?, '2025-03-05', -1, 'EUR', 7.8, 0, '', '')`,
        params: [ids.es],
        error: CHECK,
      },
    ],
  },
  5: {
    tables: ['complaints', 'tasks'],
    indexes: ['complaints_by_account', 'complaints_open', 'tasks_by_dedupe_key', 'tasks_open_by_due', 'tasks_by_account', 'tasks_by_source'],
    bad: [
      {
        sql: `INSERT INTO complaints (id, account_id, grade, subject, opened_at, created_at, updated_at) VALUES ('x1', ?, 'D', 'S', '', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO tasks (id, kind, title, details, due_at, created_at, updated_at) VALUES ('x2', 'k', 't', 'not json', '', '', '')`,
        params: [],
        error: CHECK,
      },
      {
        sql: `INSERT INTO tasks (id, kind, title, dedupe_key, due_at, created_at, updated_at) VALUES ('x3', 'k', 't', 'R2:quote:1', '', '', '')`,
        params: [],
        error: /UNIQUE/,
      },
      {
        sql: `INSERT INTO tasks (id, kind, title, status, due_at, created_at, updated_at) VALUES ('x4', 'k', 't', 'snoozed', '', '', '')`,
        params: [],
        error: CHECK,
      },
    ],
  },
  6: {
    tables: ['settings', 'calendar_overrides', 'health_reviews', 'score_snapshots'],
    indexes: ['calendar_overrides_by_day', 'health_reviews_by_account', 'score_snapshots_by_day'],
    bad: [
      { sql: `INSERT INTO settings (key, value, updated_at) VALUES ('k', 'not json', '')`, params: [], error: CHECK },
      {
        sql: `INSERT INTO calendar_overrides (id, country, day, kind, created_at, updated_at) VALUES ('x1', 'CN', '2025-02-08', 'vacation', '', '')`,
        params: [],
        error: CHECK,
      },
      {
        sql: `INSERT INTO score_snapshots (id, account_id, as_of, loyalty, computed_at, created_at, updated_at) VALUES ('x2', ?, '2025-03-02', 'D', '', '', '')`,
        params: [ids.es],
        error: CHECK,
      },
      {
        sql: `INSERT INTO health_reviews (id, account_id, due_at, score, created_at, updated_at) VALUES ('x3', ?, '', 101, '', '')`,
        params: [ids.es],
        error: CHECK,
      },
    ],
  },
  7: {
    tables: ['search_docs', 'search_index'],
    indexes: [],
    bad: [
      { sql: `INSERT INTO search_docs (doc, account_id) VALUES ('first', ?)`, params: [ids.es], error: /datatype mismatch|cannot store/ },
      { sql: `INSERT INTO search_docs (account_id) VALUES ('nobody')`, params: [], error: /FOREIGN KEY/ },
    ],
  },
};

const migrations = loadMigrations();

function objects(db: Sqlite, type: 'table' | 'index'): string[] {
  const rows = db.prepare('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name').all(type) as { name: string }[];
  return rows.map((r) => r.name);
}

function strictTables(db: Sqlite): Set<string> {
  const rows = db.pragma('table_list') as { name: string; strict: number }[];
  return new Set(rows.filter((r) => r.strict === 1).map((r) => r.name));
}

function appErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('migrations, one test per file', () => {
  it('the migrations are 0001…0018, numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(migrations.map((m) => m.file)).toEqual([
      '0001_accounts-and-contacts.sql',
      '0002_interactions-and-inquiries.sql',
      '0003_quotes.sql',
      '0004_orders-and-fx.sql',
      '0005_complaints-and-tasks.sql',
      '0006_settings-calendar-scores.sql',
      '0007_search-index.sql',
      '0008_account-months.sql',
      '0009_quote-fx-flag.sql',
      '0010_orders-latest-move.sql',
      '0011_change-tracking.sql',
      '0012_task-states.sql',
      '0013_quote-loss.sql',
      '0014_payments.sql',
      '0015_quote-version-validity.sql',
      '0016_complaint-response-note.sql',
      '0017_trade-fair-capture.sql',
      '0018_todo-board.sql',
    ]);
  });

  // 0008 and later have their own files (tests/db/migration-NNNN.test.ts).
  for (const mig of migrations.filter((m) => expected[m.version] !== undefined)) {
    const n = mig.version;
    it(`${mig.file}: from ${n - 1} to ${n} keeps the old rows and adds strict, checked tables`, () => {
      const dir = freshDir();
      const file = path.join(dir, 'book.db');
      const db = openSqlite(file);
      try {
        migrate(db, { file, target: n - 1 });
        expect(schemaVersion(db, file)).toBe(n - 1);
        for (let v = 1; v < n; v++) fixtures[v]!(db);
        const tablesBefore = objects(db, 'table');
        const before = snapshot(db);
        delete before.schema_migrations;
        for (const table of expected[n]!.tables) expect(tablesBefore).not.toContain(table);

        const result = migrate(db, { file, target: n, appVersion: '9.9.9', now: () => T });
        expect(result).toMatchObject({ from: n - 1, to: n });

        const tables = objects(db, 'table');
        for (const table of expected[n]!.tables) expect(tables).toContain(table);
        const indexes = objects(db, 'index');
        for (const index of expected[n]!.indexes) expect(indexes).toContain(index);
        const strict = strictTables(db);
        for (const table of expected[n]!.tables.filter((t) => t !== 'search_index')) expect(strict.has(table), `${table} is STRICT`).toBe(true);

        // The old rows are all there, unchanged.
        const after = snapshot(db);
        for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
        if (n > 1) expect(Object.values(before).flat().length).toBeGreaterThan(0);

        // The new tables take a good row, and refuse bad ones.
        fixtures[n]?.(db);
        for (const bad of expected[n]!.bad) expect(() => db.prepare(bad.sql).run(...bad.params), bad.sql).toThrow(bad.error);

        const recorded = db.prepare('SELECT version, name, applied_at, app_version FROM schema_migrations ORDER BY version').all();
        expect(recorded).toHaveLength(n);
        expect(recorded[n - 1]).toEqual({ version: n, name: mig.name, applied_at: T, app_version: '9.9.9' });
        expect(db.pragma('user_version', { simple: true })).toBe(n);
        expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        expect(schemaVersion(db, file)).toBe(n);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    });
  }

  it('0007_search-index: the new index accepts a document and finds it', () => {
    const dir = freshDir();
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      migrate(db, { file, target: 6 });
      fixtures[1]!(db);
      migrate(db, { file });
      const doc = db.prepare('INSERT INTO search_docs (account_id) VALUES (?)').run(ids.es).lastInsertRowid;
      db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)').run(doc, 'Válvulas Ibéricas S.L.', '', '');
      expect(db.prepare(`SELECT rowid AS doc FROM search_index WHERE search_index MATCH '"valv"*'`).all()).toEqual([{ doc: Number(doc) }]);
    } finally {
      db.close();
    }
  });

  it('step by step and all at once give the same schema', () => {
    const schemaOf = (db: Sqlite) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
    const dir = freshDir();
    const stepFile = path.join(dir, 'step.db');
    const step = openSqlite(stepFile);
    for (let n = 1; n <= migrations.length; n++) migrate(step, { file: stepFile, target: n });
    const onceFile = path.join(dir, 'once.db');
    const once = openSqlite(onceFile);
    migrate(once, { file: onceFile });
    try {
      expect(schemaOf(step)).toEqual(schemaOf(once));
      expect(step.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      step.close();
      once.close();
    }
  });

  it('a failing migration rolls back and leaves the book at version 1, with a copy aside', () => {
    const migrationsDir = freshDir();
    fs.copyFileSync(path.join(defaultMigrationsDir, '0001_accounts-and-contacts.sql'), path.join(migrationsDir, '0001_accounts-and-contacts.sql'));
    fs.writeFileSync(
      path.join(migrationsDir, '0002_broken.sql'),
      'CREATE TABLE half_done (id TEXT PRIMARY KEY) STRICT;\nINSERT INTO half_done VALUES (\'a\');\nINSERT INTO no_such_table VALUES (1);\n',
    );
    const dir = freshDir();
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    try {
      expect(migrate(db, { file, dir: migrationsDir, target: 1 })).toMatchObject({ from: 0, to: 1, backup: null });
      fixtures[1]!(db);
      const before = snapshot(db);
      let failure: unknown;
      try {
        migrate(db, { file, dir: migrationsDir });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(AppError);
      const appError = failure as AppError;
      expect(appError.code).toBe('migration_failed');
      expect(appError.params.file).toBe('0002_broken.sql');
      expect(String(appError.params.details)).toMatch(/no_such_table/);
      expect(schemaVersion(db, file)).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
      expect(tableNames(db)).not.toContain('half_done');
      expect(snapshot(db)).toEqual(before);
      // The copy taken before the upgrade is named in the message and exists.
      const backup = String(appError.params.backup);
      expect(backup.startsWith(path.join(dir, 'backups'))).toBe(true);
      expect(fs.existsSync(backup)).toBe(true);
      expect(appError.message).toContain(backup);
    } finally {
      db.close();
    }
  });

  it('the migrations directory must be numbered without gaps', () => {
    const migrationsDir = freshDir();
    fs.writeFileSync(path.join(migrationsDir, '0001_first.sql'), 'CREATE TABLE a (x TEXT) STRICT;');
    fs.writeFileSync(path.join(migrationsDir, '0003_third.sql'), 'CREATE TABLE c (x TEXT) STRICT;');
    expect(() => loadMigrations(migrationsDir)).toThrow(/out of sequence/);
  });
});

describe('opening a book', () => {
  const savedBusy = process.env.TRADEBOOK_BUSY_MS;
  afterEach(() => {
    if (savedBusy === undefined) delete process.env.TRADEBOOK_BUSY_MS;
    else process.env.TRADEBOOK_BUSY_MS = savedBusy;
  });

  it('every open sets WAL, synchronous FULL, foreign keys on and the busy timeout (TRADEBOOK_BUSY_MS, default 5000)', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'book.db');
    const pragmas = (db: Sqlite) => ({
      journal: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      busy: db.pragma('busy_timeout', { simple: true }),
    });

    delete process.env.TRADEBOOK_BUSY_MS;
    const first = openSqlite(file);
    expect(pragmas(first)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busy: 5000 });
    migrate(first, { file });
    first.close();

    process.env.TRADEBOOK_BUSY_MS = '1234';
    const second = openSqlite(file);
    expect(pragmas(second)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busy: 1234 });
    // Foreign keys are enforced, not just reported.
    expect(() =>
      second
        .prepare(`INSERT INTO contacts (id, account_id, name, created_at, updated_at) VALUES ('c', 'no-such-account', 'X', '', '')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    second.close();

    process.env.TRADEBOOK_BUSY_MS = 'soon';
    const third = openSqlite(file);
    expect(pragmas(third).busy).toBe(5000);
    third.close();

    const explicit = openSqlite(file, { busyTimeoutMs: 250 });
    expect(pragmas(explicit).busy).toBe(250);
    explicit.close();

    process.env.TRADEBOOK_BUSY_MS = '777';
    const book = openBook(file);
    try {
      expect(pragmas(book.sqlite)).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1, busy: 777 });
    } finally {
      await book.close();
    }
  });

  it('upgrading an existing book copies it aside first: <dir>/backups/….bak, a valid book at the old schema', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'book.db');
    const v6 = openSqlite(file);
    migrate(v6, { file, target: 6 });
    for (let v = 1; v <= 6; v++) fixtures[v]!(v6);
    v6.close();

    const book = openBook(file);
    try {
      expect(book.migration.from).toBe(6);
      expect(book.migration.to).toBe(migrations.length);
      const backup = book.migration.backup;
      expect(backup).not.toBeNull();
      expect(path.dirname(backup!)).toBe(path.join(dir, 'backups'));
      expect(backup!.endsWith('.bak')).toBe(true);
      expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(backup!)]);

      const copy = new Database(backup!, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(6);
        expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        expect(copy.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 6 });
        expect(copy.prepare('SELECT name FROM accounts ORDER BY name').all()).toEqual([{ name: 'Válvulas Ibéricas S.L.' }, { name: '深圳华强电子有限公司' }]);
        expect(objects(copy, 'table')).not.toContain('search_docs');
      } finally {
        copy.close();
      }
      expect(schemaVersion(book.sqlite, file)).toBe(migrations.length);
    } finally {
      await book.close();
    }

    // A book that is up to date is not copied again.
    const again = openBook(file);
    try {
      expect(again.migration).toEqual({ from: migrations.length, to: migrations.length, backup: null });
      expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it('a book from a newer Tradebook (schema_migrations has 99) is refused with book_newer and left alone', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'book.db');
    const book = openBook(file, { create: true });
    book.sqlite.prepare(`INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (99, 'from-the-future', ?, '9.0.0')`).run(T);
    await book.close();
    const bytes = fs.readFileSync(file);

    let failure: unknown;
    try {
      openBook(file);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('book_newer');
    expect((failure as AppError).params).toMatchObject({ found: 99, known: migrations.length });
    expect(appErrorCode(() => openBook(file, { create: true }))).toBe('book_newer');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('a file of random bytes (no SQLite header) is refused with not_a_book and left as it was', () => {
    const dir = freshDir();
    const file = path.join(dir, 'noise.db');
    const bytes = Buffer.from(Array.from({ length: 16384 }, (_, i) => (i * 7919 + 13) % 251));
    fs.writeFileSync(file, bytes);
    expect(appErrorCode(() => openBook(file))).toBe('not_a_book');
    expect(appErrorCode(() => openBook(file, { create: true }))).toBe('not_a_book');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['noise.db']);
  });

  function foreignFile(): string {
    const dir = freshDir();
    const file = path.join(dir, 'crm.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('ACME');");
    other.close();
    return file;
  }

  it('a SQLite file with someone else\'s tables is refused with not_a_book, even with create', () => {
    const file = foreignFile();
    expect(appErrorCode(() => openBook(file))).toBe('not_a_book');
    expect(appErrorCode(() => openBook(file, { create: true }))).toBe('not_a_book');
    const other = new Database(file, { readonly: true });
    try {
      expect(other.prepare('SELECT name FROM customers').all()).toEqual([{ name: 'ACME' }]);
      expect(objects(other, 'table')).toEqual(['customers']);
    } finally {
      other.close();
    }
  });

  it('Trust: a refused foreign SQLite file is left byte for byte as it was (not switched to WAL)', () => {
    const file = foreignFile();
    const bytes = fs.readFileSync(file);
    expect(appErrorCode(() => openBook(file))).toBe('not_a_book');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a directory is not a book; a missing book is not created without create', () => {
    const dir = freshDir();
    expect(appErrorCode(() => openBook(dir))).toBe('not_a_book');
    const missing = path.join(dir, 'missing.db');
    expect(appErrorCode(() => openBook(missing))).toBe('book_missing');
    expect(fs.existsSync(missing)).toBe(false);
  });
});
