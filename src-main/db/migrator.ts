import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../contract/errors';
import { APPLICATION_ID, isForeignDatabase, mapSqliteError, type Sqlite } from './connection';

export const defaultMigrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
}

const cache = new Map<string, Migration[]>();

/** migrations/NNNN_kebab-name.sql, numbered 1, 2, 3… without gaps. */
export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file, index) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file name must be NNNN_kebab-name.sql: ${file}`);
      const version = Number(match[1]);
      if (version !== index + 1) throw new Error(`migration ${file} is out of sequence (expected ${index + 1})`);
      return { version, name: match[2]!, file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    });
  cache.set(dir, migrations);
  return migrations;
}

function tableExists(db: Sqlite, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The book's schema version: the highest migration applied (0 for a new, empty file). */
export function schemaVersion(db: Sqlite, file = ''): number {
  try {
    if (isForeignDatabase(db)) throw new AppError('not_a_book', { path: file });
    if (!tableExists(db, 'schema_migrations')) return 0;
    const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  } catch (error) {
    throw mapSqliteError(error, file);
  }
}

export interface MigrateOptions {
  file: string;
  dir?: string;
  /** Stop after this version (tests migrate step by step). */
  target?: number;
  appVersion?: string;
  now?: () => string;
}

export interface MigrateResult {
  from: number;
  to: number;
  backup: string | null;
}

/**
 * Brings the book up to the newest schema. Each file runs in its own transaction with its version recorded;
 * an existing book is copied aside first; a book from a newer Tradebook is refused.
 */
export function migrate(db: Sqlite, options: MigrateOptions): MigrateResult {
  const migrations = loadMigrations(options.dir);
  const known = migrations.length;
  const from = schemaVersion(db, options.file);
  if (from > known) throw new AppError('book_newer', { found: from, known });
  const target = Math.min(options.target ?? known, known);
  const pending = migrations.filter((mig) => mig.version > from && mig.version <= target);
  if (pending.length === 0) return { from, to: from, backup: null };
  const now = options.now ?? (() => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));

  let backup: string | null = null;
  if (from > 0 && options.file !== ':memory:') {
    const stamp = now().replace(/[-:]/g, '');
    backup = path.join(path.dirname(path.resolve(options.file)), 'backups', `${path.basename(options.file)}.schema-${from}.${stamp}.bak`);
    fs.mkdirSync(path.dirname(backup), { recursive: true });
    db.prepare('VACUUM INTO ?').run(backup);
  }

  for (const mig of pending) {
    const apply = db.transaction(() => {
      if (mig.version === 1) {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.exec(`CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL, app_version TEXT NOT NULL
        ) STRICT`);
      }
      db.exec(mig.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, ?, ?, ?)').run(
        mig.version,
        mig.name,
        now(),
        options.appVersion ?? '0.0.0',
      );
      db.pragma(`user_version = ${mig.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      const mapped = mapSqliteError(error, options.file);
      if (mapped instanceof AppError) throw mapped;
      throw new AppError('migration_failed', {
        file: mig.file,
        details: error instanceof Error ? error.message : String(error),
        backup: backup ?? '-',
      });
    }
  }
  return { from, to: target, backup };
}
