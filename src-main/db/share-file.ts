/**
 * Opening share files (src-main/services/sharing/format.ts): a new one to write an export into, and an incoming
 * one — always a private copy — read-only, with the schema untrusted (nothing it defines may run inside our
 * connection: `trusted_schema = OFF`, no memory mapping, cell sizes checked).
 */
import Database from 'better-sqlite3';
import { mapSqliteError, type Sqlite } from './connection';

export function createShareFile(file: string, schemaSql: string, applicationId: number): void {
  const db = new Database(file, { fileMustExist: false });
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`application_id = ${Math.trunc(applicationId)}`);
    db.exec(schemaSql);
  } finally {
    db.close();
  }
}

export function openIncomingFile(file: string): Sqlite {
  let db: Sqlite;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw mapSqliteError(error, file);
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('mmap_size = 0');
    db.pragma('cell_size_check = ON');
    db.pragma('query_only = ON');
  } catch (error) {
    db.close();
    throw mapSqliteError(error, file);
  }
  return db;
}
