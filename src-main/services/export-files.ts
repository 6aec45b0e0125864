/**
 * Exporting accounts, contacts or orders to CSV (papaparse's unparse, UTF-8 with a BOM so Excel shows Chinese
 * right), XLSX (exceljs's streaming writer) or contacts to vCard 4.0 (the `vcf` package). The rows are read from a
 * second, read-only connection inside one read transaction — a consistent snapshot, streamed, while the app goes on
 * using the book — and written to a temporary file beside the target, renamed into place when complete. Every text
 * cell of a spreadsheet passes `neutraliseFormula` (a cell starting with = + - @, tab or CR gets an apostrophe).
 * The headers are ones the importer recognises, so an export imports back into another book.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import VCard from 'vcf';
import type { ParsedInputOf } from '../contract';
import { AppError } from '../contract/errors';
import type { ExportResult } from '../contract/transfer';
import type { Sqlite } from '../db/connection';
import { neutraliseFormula } from '../domain/import/formula';
import type { ServiceContext } from './context';
import { settingValue } from './settings';

type Entity = ExportResult['entity'];
type Cell = string | number | null;

interface Table {
  headers: string[];
  sql: string;
  row(r: Record<string, unknown>): Cell[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const list = (json: unknown): string => {
  try {
    const value = JSON.parse(text(json)) as unknown;
    return Array.isArray(value) ? value.map(String).join('; ') : '';
  } catch {
    return '';
  }
};

function tables(baseCurrency: string): Record<Entity, Table> {
  return {
    accounts: {
      headers: ['Record ID', 'Company', 'Country', 'City', 'Time zone', 'Language', 'Currency', 'Source', 'Owner', 'Strategic fit', 'Reputation', 'Notes', 'Created', 'Updated'],
      sql: `SELECT id, name, country, city, time_zone, language, currency, source, owner, strategic_fit, reputation, notes, created_at, updated_at
            FROM accounts WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`,
      row: (r) => [text(r.id), text(r.name), text(r.country), text(r.city), text(r.time_zone), text(r.language), text(r.currency), text(r.source), text(r.owner),
        r.strategic_fit as number, r.reputation as number, text(r.notes), text(r.created_at), text(r.updated_at)],
    },
    contacts: {
      headers: ['Record ID', 'Account ID', 'Company', 'Country', 'City', 'Name', 'Title', 'Email', 'Phone', 'WhatsApp', 'WeChat', 'Primary', 'Contact notes', 'Created', 'Updated'],
      sql: `SELECT c.id, c.account_id, a.name AS company, a.country, a.city, c.name, c.title, c.emails, c.phones, c.whatsapp, c.wechat, c.is_primary, c.notes,
              c.created_at, c.updated_at
            FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL
            ORDER BY a.name COLLATE NOCASE, a.id, c.is_primary DESC, c.name, c.id`,
      row: (r) => [text(r.id), text(r.account_id), text(r.company), text(r.country), text(r.city), text(r.name), text(r.title), list(r.emails), list(r.phones),
        text(r.whatsapp), text(r.wechat), r.is_primary === 1 ? 'yes' : 'no', text(r.notes), text(r.created_at), text(r.updated_at)],
    },
    orders: {
      headers: ['Record ID', 'Account ID', 'Company', 'Country', 'Order number', 'Order date', 'Amount', 'Currency', 'FX rate', 'Amount (base)', 'Base currency',
        'Cost', 'Quantity', 'Unit', 'Due date', 'Paid date', 'Shipped date', 'Delivery date', 'Created', 'Updated'],
      sql: `SELECT o.id, o.account_id, a.name AS company, a.country, o.number, o.ordered_at, o.amount, o.currency, o.fx_rate, o.amount_base, o.cost, o.quantity,
              o.unit, o.due_on, o.paid_on, o.shipped_on, o.delivered_on, o.created_at, o.updated_at
            FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY o.ordered_at, o.id`,
      row: (r) => [text(r.id), text(r.account_id), text(r.company), text(r.country), text(r.number), text(r.ordered_at), r.amount as number, text(r.currency),
        r.fx_rate as number, r.amount_base as number, baseCurrency, (r.cost as number | null) ?? null, (r.quantity as number | null) ?? null, text(r.unit),
        text(r.due_on), text(r.paid_on), text(r.shipped_on), text(r.delivered_on), text(r.created_at), text(r.updated_at)],
    },
  };
}

/** A text cell made safe for a spreadsheet; numbers stay numbers. */
const safe = (cell: Cell): Cell => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);

/** The rows of a query from a read-only snapshot of the book (the book's own connection for an in-memory book). */
async function* snapshotRows(ctx: ServiceContext, sql: string): AsyncGenerator<Record<string, unknown>> {
  const onDisk = ctx.book.file !== ':memory:' && ctx.book.file !== '' && fs.existsSync(ctx.book.file);
  if (!onDisk) {
    yield* ctx.book.sqlite.prepare(sql).all() as Record<string, unknown>[];
    return;
  }
  const reader: Sqlite = new Database(ctx.book.file, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    reader.exec('BEGIN');
    let n = 0;
    for (const row of reader.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>) {
      yield row;
      // Let the rest of the app run now and then (and the output stream drain).
      if (++n % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    reader.exec('COMMIT');
  } finally {
    reader.close();
  }
}

/** RFC 6350 text escaping. */
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

function contactCard(r: Record<string, unknown>, countryName: (code: string) => string): string {
  const card = new VCard();
  card.set('fn', esc(text(r.name)));
  if (text(r.company)) card.set('org', esc(text(r.company)));
  if (text(r.title)) card.set('title', esc(text(r.title)));
  for (const email of list(r.emails).split('; ').filter(Boolean)) card.add('email', esc(email), { type: 'work' });
  for (const phone of list(r.phones).split('; ').filter(Boolean)) card.add('tel', `tel:${phone.replace(/\s+/g, '')}`, { type: 'work', value: 'uri' });
  if (text(r.whatsapp)) card.add('tel', `tel:${text(r.whatsapp).replace(/\s+/g, '')}`, { type: 'cell', value: 'uri' });
  card.set('adr', ['', '', '', esc(text(r.city)), '', '', esc(countryName(text(r.country)))].join(';'), { type: 'work' });
  if (text(r.wechat)) card.set('xWechat', esc(text(r.wechat)));
  if (text(r.notes)) card.set('note', esc(text(r.notes)));
  card.set('uid', `urn:tradebook:${text(r.id)}`);
  return card.toString('4.0');
}

interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

function fileSink(file: string): Sink {
  const stream = fs.createWriteStream(file, { flags: 'wx' });
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}

async function writeCsv(ctx: ServiceContext, table: Table, file: string): Promise<number> {
  const sink = fileSink(file);
  await sink.write(`\uFEFF${Papa.unparse([table.headers.map(neutraliseFormula)])}\r\n`);
  let batch: Cell[][] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length > 0) await sink.write(`${Papa.unparse(batch, { newline: '\r\n' })}\r\n`);
    batch = [];
  };
  for await (const r of snapshotRows(ctx, table.sql)) {
    batch.push(table.row(r).map(safe));
    rows++;
    if (batch.length >= 1000) await flush();
  }
  await flush();
  await sink.close();
  return rows;
}

async function writeXlsx(ctx: ServiceContext, table: Table, entity: Entity, file: string): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(entity);
  sheet.addRow(table.headers.map(neutraliseFormula)).commit();
  let rows = 0;
  for await (const r of snapshotRows(ctx, table.sql)) {
    sheet.addRow(table.row(r).map(safe)).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

async function writeVcf(ctx: ServiceContext, table: Table, file: string): Promise<number> {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const countryName = (code: string) => (code ? (names.of(code) ?? code) : '');
  const sink = fileSink(file);
  let rows = 0;
  for await (const r of snapshotRows(ctx, table.sql)) {
    await sink.write(`${contactCard(r, countryName)}\r\n`);
    rows++;
  }
  await sink.close();
  return rows;
}

/** The target may be any new or existing file except the book itself (or its WAL, shared-memory or lock file). */
function checkTarget(ctx: ServiceContext, out: string): string {
  const target = path.resolve(out);
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const book = real(ctx.book.file);
  const realTarget = fs.existsSync(target) ? real(target) : path.join(real(path.dirname(target)), path.basename(target));
  if ([book, `${book}-wal`, `${book}-shm`, `${book}-journal`, `${book}.lock`].includes(realTarget)) throw new AppError('export_target_book', { path: out });
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AppError('export_cannot_write', { path: out, details: `${dir} is not a folder` });
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new AppError('export_cannot_write', { path: out, details: 'it is a folder' });
  return target;
}

export async function exportFile(ctx: ServiceContext, input: ParsedInputOf<'export.run'>): Promise<ExportResult> {
  const format = input.format;
  const entity: Entity = input.entity ?? (format === 'vcf' ? 'contacts' : 'accounts');
  const target = checkTarget(ctx, input.out);
  const table = tables(await settingValue<string>(ctx, 'baseCurrency'))[entity];
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    const rows = format === 'csv' ? await writeCsv(ctx, table, temp) : format === 'xlsx' ? await writeXlsx(ctx, table, entity, temp) : await writeVcf(ctx, table, temp);
    fs.renameSync(temp, target);
    return { file: target, format, entity, rows };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('export_cannot_write', { path: input.out, details: (error as Error).message });
  }
}
