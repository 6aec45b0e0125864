import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../contract/errors';
import { backupFileName } from '../domain/backups';
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

/**
 * The folder backups go to: the `backupFolder` setting (absolute, or relative to the book's folder), else
 * `backups/` beside the book. Read here, below the services, because the copy before an upgrade is made before
 * anything else can run; `db` null gives the default folder.
 */
export function backupsFolderOf(db: Sqlite | null, file: string): string {
  let folder: unknown = null;
  if (db && tableExists(db, 'settings')) {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'backupFolder'").get() as { value: string } | undefined;
    try {
      folder = row ? (JSON.parse(row.value) as unknown) : null;
    } catch {
      folder = null;
    }
  }
  return path.resolve(path.dirname(path.resolve(file)), typeof folder === 'string' && folder.trim() !== '' ? folder.trim() : 'backups');
}

/** The folder, made when missing; null when it cannot be (the setting names a file, or a parent that is one). */
function usableFolder(folder: string): string | null {
  try {
    fs.mkdirSync(folder, { recursive: true });
    return fs.statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
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

/** The newest schema this version knows (the number of its migrations). */
export function latestSchemaVersion(dir?: string): number {
  return loadMigrations(dir).length;
}

/**
 * Brings the book up to the newest schema. Each file runs in its own transaction with its version recorded;
 * an existing book is copied aside first; a book from a newer Tradebook is refused.
 */
export function migrate(db: Sqlite, options: MigrateOptions): MigrateResult {
  const migrations = loadMigrations(options.dir);
  const known = migrations.length;
  const from = schemaVersion(db, options.file);
  if (from > known) throw new AppError('book_newer', { path: options.file, found: from, known });
  const target = Math.min(options.target ?? known, known);
  const pending = migrations.filter((mig) => mig.version > from && mig.version <= target);
  if (pending.length === 0) return { from, to: from, backup: null };
  const now = options.now ?? (() => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));

  let backup: string | null = null;
  if (from > 0 && options.file !== ':memory:') {
    // Named like every backup (src-main/domain/backups.ts), so `tradebook backups list` shows it and rotation keeps it.
    const folder = usableFolder(backupsFolderOf(db, options.file)) ?? usableFolder(backupsFolderOf(null, options.file));
    if (!folder) throw new AppError('backup_folder', { path: backupsFolderOf(db, options.file) });
    backup = path.join(folder, backupFileName(path.basename(options.file), now(), 'migration'));
    fs.rmSync(backup, { force: true });
    db.prepare('VACUUM INTO ?').run(backup);
  }

  for (const mig of pending) {
    // A file that rebuilds tables says so on its first line: SQLite's table rebuild runs with foreign keys off (they
    // cannot be switched inside a transaction) and checks them itself before the file commits.
    const foreignKeysOff = /^-- foreign_keys: off\b/.test(mig.sql);
    const foreignKeysWere = db.pragma('foreign_keys', { simple: true }) as number;
    const apply = db.transaction(() => {
      if (mig.version === 1) {
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.exec(`CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL, app_version TEXT NOT NULL
        ) STRICT`);
      }
      db.exec(mig.sql);
      if (foreignKeysOff) {
        const broken = db.prepare('PRAGMA foreign_key_check').all();
        if (broken.length > 0) throw new Error(`foreign key check failed after the rebuild: ${JSON.stringify(broken.slice(0, 3))}`);
      }
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, ?, ?, ?)').run(
        mig.version,
        mig.name,
        now(),
        options.appVersion ?? '0.0.0',
      );
      db.pragma(`user_version = ${mig.version}`);
    });
    try {
      if (foreignKeysOff) db.pragma('foreign_keys = OFF');
      apply.immediate();
    } catch (error) {
      const mapped = mapSqliteError(error, options.file);
      if (mapped instanceof AppError) throw mapped;
      throw new AppError('migration_failed', {
        file: mig.file,
        details: error instanceof Error ? error.message : String(error),
        backup: backup ?? '-',
      });
    } finally {
      if (foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeysWere ? 'ON' : 'OFF'}`);
    }
  }
  return { from, to: target, backup };
}
