/**
 * XLSX rows streamed with exceljs's WorkbookReader (the first worksheet; shared strings and styles cached so date
 * cells come back as dates): one row in memory at a time. Cells become text as the CSV reader gives it — dates as
 * YYYY-MM-DD, numbers as written, a formula's last result, a hyperlink's or rich text's visible text.
 */
import fs from 'node:fs';
import type { CellValue } from 'exceljs';
import { AppError } from '../../contract/errors';
import type { RawRecord } from './csv-reader';

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell's value as text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}

/** The first worksheet's rows, numbered as the sheet numbers them (blank rows are not given). */
export async function* xlsxRecords(file: string): AsyncGenerator<RawRecord> {
  const { default: ExcelJS } = await import('exceljs');
  const input = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    let sheets;
    try {
      sheets = reader[Symbol.asyncIterator]();
    } catch (error) {
      throw new AppError('import_xlsx_invalid', { path: file, details: (error as Error).message });
    }
    let first;
    try {
      first = await sheets.next();
    } catch (error) {
      throw new AppError('import_xlsx_invalid', { path: file, details: (error as Error).message });
    }
    if (first.done) return;
    const rows = first.value[Symbol.asyncIterator]();
    for (;;) {
      let next;
      try {
        next = await rows.next();
      } catch (error) {
        throw new AppError('import_xlsx_invalid', { path: file, details: (error as Error).message });
      }
      if (next.done) break;
      const row = next.value;
      const values = Array.isArray(row.values) ? (row.values as CellValue[]) : [];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
      yield { row: row.number, cells, firstLine: row.number, lastLine: row.number, quote: null };
    }
  } finally {
    input.destroy();
  }
}
