/**
 * Importing accounts, contacts and orders from CSV, XLSX and vCard files (issue 11, item 4).
 *
 *   previewImport  the header, the guessed mapping, the first 20 rows and their problems, the encoding
 *   runImport      pass 1 streams the file: every row is checked (values, countries, FX rates) and the valid ones are
 *                  kept in a temporary store; a dry run, or any error, stops before the book is touched. Pass 2 finds
 *                  the duplicates and writes everything in one transaction (see writer.ts), so an import is all or
 *                  nothing and a refused one leaves the book byte for byte as it was.
 *
 * Progress: `onProgress({ phase: 'read' | 'write', done, total })`, at most every 1,000 rows; during 'read' the total
 * is estimated from how much of the file has been read, during 'write' it is exact.
 */
import type { ParsedInputOf } from '../../contract';
import { markScoresStale } from '../scoring';
import { AppError, renderMessage } from '../../contract/errors';
import type { ErrorCode, Language } from '../../contract/messages';
import type { ImportPreview, ImportReport, ImportRowError } from '../../contract/transfer';
import { IMPORT_FIELDS, type ImportField } from '../../domain/import/fields';
import { guessDateOrder } from '../../domain/import/dates';
import { validateRow, type ImportedRow, type RowOptions, type RowProblem } from '../../domain/import/validate-row';
import { backupBook } from '../backups';
import type { ServiceContext } from '../context';
import { rateOn } from '../money';
import { settingValue } from '../settings';
import { inspectFile, IMPORT_MAX_BYTES } from './file-source';
import { RowSpill, type SpilledRow } from './spill';
import { openTable, type SourceTable, type TableRow } from './table';
import { applyRows, type KeyColumns } from './writer';

export interface ImportProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

export interface ImportRunOptions {
  language?: Language;
  onProgress?: (progress: ImportProgress) => void;
  /** The size limit (tests); IMPORT_MAX_BYTES otherwise. */
  maxBytes?: number;
}

/** At most this many errors and duplicates are listed (all are counted). */
const KEEP = 1000;
const PREVIEW_ROWS = 20;

export function rowError(problem: RowProblem, language: Language): ImportRowError {
  const code: ErrorCode = problem.code;
  return { row: problem.row, column: problem.column, code, reason: renderMessage(language, code, problem.params) };
}

/** Looks up each order's rate once per currency and day (rateOn: the latest on or before it, within fxMaxAgeDays). */
function fxLookup(ctx: ServiceContext, base: string, maxAge: number) {
  const cache = new Map<string, number | null>();
  return async (currency: string, date: string): Promise<number | null> => {
    if (currency === base) return 1;
    const key = `${currency} ${date}`;
    if (cache.has(key)) return cache.get(key) ?? null;
    let rate: number | null;
    try {
      rate = await rateOn(ctx.book.db, currency, base, date, maxAge);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'fx_missing') throw error;
      rate = null;
    }
    cache.set(key, rate);
    return rate;
  };
}

interface Checker {
  check(row: TableRow): Promise<{ record: SpilledRow | null; problems: RowProblem[] }>;
}

/** Checks rows as pass 1 does: the row's own values, one country per company, an FX rate for each order. */
function rowChecker(ctx: ServiceContext, options: RowOptions, base: string, maxAge: number): Checker {
  const rate = fxLookup(ctx, base, maxAge);
  const companies = new Map<string, { row: number; country: string }>();
  return {
    async check(row) {
      if (row.problems.length > 0) return { record: null, problems: row.problems };
      const { record, problems } = validateRow(row.row, row.values, options);
      if (!record) return { record: null, problems };
      const column = (field: ImportField) => row.values[field]?.[0]?.column;
      const earlier = companies.get(record.companyKey);
      if (earlier && earlier.country !== record.account.country) {
        problems.push({ row: row.row, column: column('account.country') ?? 'account.country', code: 'import_company_conflict', params: { other: earlier.row, country: earlier.country } });
      } else if (!earlier) companies.set(record.companyKey, { row: row.row, country: record.account.country });
      let fxRate: number | null = null;
      if (record.order) {
        fxRate = await rate(record.order.currency, record.order.orderedAt);
        if (fxRate === null) {
          problems.push({ row: row.row, column: column('order.currency') ?? column('order.amount') ?? 'order.currency', code: 'fx_missing',
            params: { currency: record.order.currency, date: record.order.orderedAt, days: maxAge } });
        }
      }
      if (problems.length > 0) return { record: null, problems };
      const spilled: SpilledRow = { ...(record satisfies ImportedRow), fxRate };
      return { record: spilled, problems };
    },
  };
}

function rowOptions(input: { defaultCountry?: string | undefined; dateOrder?: 'dmy' | 'mdy' | undefined }, table: SourceTable): RowOptions {
  return { defaultCountry: input.defaultCountry, dateOrder: input.dateOrder ?? 'dmy', excelSerials: table.kind === 'xlsx' };
}

/** The columns the duplicate keys come from (for duplicates reported as errors). */
function keyColumns(table: SourceTable): KeyColumns {
  if (table.kind === 'vcf') return { id: 'UID', company: 'ORG', email: 'EMAIL', phone: 'TEL', order: 'order.number' };
  const of = (...fields: ImportField[]) => {
    for (const field of fields) {
      const i = table.mapping.indexOf(field);
      if (i >= 0) return table.headers[i];
    }
    return undefined;
  };
  return { id: of('id'), company: of('account.name'), email: of('contact.email'), phone: of('contact.phone', 'contact.whatsapp'), order: of('order.number') };
}

function needs(table: SourceTable, defaultCountry: string | undefined): ImportField[] {
  if (table.kind === 'vcf') return [];
  const out: ImportField[] = [];
  if (!table.mapping.includes('account.name')) out.push('account.name');
  if (!table.mapping.includes('account.country') && !defaultCountry) out.push('account.country');
  return out;
}

export async function previewImport(ctx: ServiceContext, input: ParsedInputOf<'import.preview'>, language: Language = 'en', maxBytes = IMPORT_MAX_BYTES): Promise<ImportPreview> {
  const source = inspectFile(input.file, input.kind, maxBytes);
  const table = await openTable(source, { map: input.map, encoding: input.encoding, sample: true });
  const rows: TableRow[] = [];
  try {
    for await (const row of table.rows()) {
      rows.push(row);
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } finally {
    await table.close();
  }
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const maxAge = await settingValue<number>(ctx, 'fxMaxAgeDays');
  const dateFields = new Set<ImportField>(['order.date', 'order.dueOn', 'order.paidOn', 'order.shippedOn', 'order.deliveredOn']);
  const dateOrder = input.dateOrder ?? guessDateOrder(rows.flatMap((r) => Object.entries(r.values).flatMap(([f, cells]) => (dateFields.has(f as ImportField) ? cells.map((c) => c.value) : []))));
  const checker = rowChecker(ctx, { ...rowOptions(input, table), dateOrder: dateOrder ?? 'dmy' }, base, maxAge);
  const errors: ImportRowError[] = [];
  if (needs(table, input.defaultCountry).length === 0) {
    for (const row of rows) for (const p of (await checker.check(row)).problems) errors.push(rowError(p, language));
  }
  return {
    file: source.path,
    kind: source.kind,
    encoding: table.encoding?.label ?? null,
    bom: table.encoding?.bom ?? false,
    delimiter: table.delimiter,
    headers: table.headers,
    mapping: table.headers.map((column, i) => ({ column, field: table.mapping[i] ?? null, guessed: table.guessed[i] ?? null })),
    rows: rows.map((r) => ({ row: r.row, cells: r.cells })),
    errors,
    dateOrder,
    needs: needs(table, input.defaultCountry),
    fields: [...IMPORT_FIELDS],
  };
}

/** An error in the duplicate mode 'error' undoes the write transaction. */
class Refused extends Error {}

export async function runImport(ctx: ServiceContext, input: ParsedInputOf<'import.run'>, options: ImportRunOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const language = options.language ?? 'en';
  const source = inspectFile(input.file, input.kind, options.maxBytes ?? IMPORT_MAX_BYTES);
  const table = await openTable(source, { map: input.map, encoding: input.encoding });
  const missing = needs(table, input.defaultCountry);
  if (missing.length > 0) {
    await table.close();
    throw new AppError(missing.includes('account.name') ? 'import_no_company_column' : 'import_no_country_column', {});
  }
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const maxAge = await settingValue<number>(ctx, 'fxMaxAgeDays');
  const checker = rowChecker(ctx, rowOptions(input, table), base, maxAge);
  const spill = new RowSpill();
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  let rows = 0;
  const orderNumbers = new Set<string>();
  const progress = (phase: ImportProgress['phase'], done: number, total: number) => options.onProgress?.({ phase, done, total: Math.max(done, total) });
  try {
    for await (const row of table.rows()) {
      rows++;
      const { record, problems } = await checker.check(row);
      for (const p of problems) {
        errorCount++;
        if (errors.length < KEEP) errors.push(rowError(p, language));
      }
      if (record) {
        spill.add(record);
        if (record.order?.number) orderNumbers.add(record.order.number);
      }
      if (rows % 1000 === 0) {
        const fraction = table.readFraction();
        progress('read', rows, fraction > 0 ? Math.round(rows / fraction) : rows);
      }
    }
    progress('read', rows, rows);
    const total = spill.size;
    const write = errorCount === 0 && !input.dryRun;
    const apply = (doWrite: boolean) =>
      applyRows(ctx.book.sqlite, spill, {
        mode: input.duplicates ?? 'skip',
        write: doWrite,
        now: ctx.now(),
        stamp: () => ctx.book.clock.next(),
        baseCurrency: base,
        orderNumbers,
        columns: keyColumns(table),
        onRow: (done) => progress('write', done, total),
      });
    let result: ReturnType<typeof applyRows>;
    let written = false;
    if (write) {
      // A backup before the book changes (issue 11, item 5); SQLite cannot VACUUM INTO inside the transaction.
      backupBook(ctx, 'import');
      let refused: ReturnType<typeof applyRows> | null = null;
      try {
        result = ctx.book.sqlite
          .transaction(() => {
            const applied = apply(true);
            if (applied.problems.length > 0) {
              refused = applied;
              throw new Refused();
            }
            // New accounts and orders move every account's place among the others: a full rescore follows in the
            // background (services/rescoring.ts).
            markScoresStale(ctx.book.sqlite, ctx.now());
            return applied;
          })
          .immediate();
        written = true;
      } catch (error) {
        if (!(error instanceof Refused) || !refused) throw error;
        result = refused;
      }
    } else result = apply(false);
    for (const p of result.problems) {
      errorCount++;
      if (errors.length < KEEP) errors.push(rowError(p, language));
    }
    const refusedNow = !written && !input.dryRun;
    return {
      file: source.path,
      kind: source.kind,
      encoding: table.encoding?.label ?? null,
      dryRun: input.dryRun,
      written,
      rows,
      imported: refusedNow ? { accounts: 0, contacts: 0, orders: 0 } : result.imported,
      skipped: result.skipped,
      duplicates: result.duplicates,
      duplicateCount: result.duplicateCount,
      errors: errors.sort((a, b) => a.row - b.row),
      errorCount,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    spill.close();
    await table.close();
  }
}
