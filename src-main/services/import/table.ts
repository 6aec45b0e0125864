/**
 * Any import file as a table: its header, the guessed and chosen mapping of its columns, and its data rows with the
 * problems the reading itself found (a quote left open, a row longer or shorter than the header, text that does not
 * decode). CSV, XLSX and vCard differ only here.
 */
import { AppError } from '../../contract/errors';
import { fieldValues, MULTI_FIELDS, type FieldValues, type ImportField } from '../../domain/import/fields';
import { applyMap, guessMapping, uniqueHeaders } from '../../domain/import/headers';
import type { RowProblem } from '../../domain/import/validate-row';
import { csvRecords, type CsvLayout, type RawRecord } from './csv-reader';
import { detectEncoding, textChunks, type SourceFile, type TextEncoding } from './file-source';
import { VCARD_COLUMNS, vcardRecords } from './vcard-reader';
import { xlsxRecords } from './xlsx-reader';

export interface TableRow {
  row: number;
  cells: string[];
  values: FieldValues;
  problems: RowProblem[];
}

export interface SourceTable {
  kind: SourceFile['kind'];
  headers: string[];
  guessed: (ImportField | null)[];
  mapping: (ImportField | null)[];
  encoding: TextEncoding | null;
  delimiter: string | null;
  /** How far through the file the reading is, 0…1 (for the progress bar). */
  readFraction(): number;
  rows(): AsyncGenerator<TableRow>;
  /** Lets go of the file (a table whose rows were not read to the end). */
  close(): Promise<void>;
}

export interface TableOptions {
  map?: Readonly<Record<string, ImportField | null>> | undefined;
  encoding?: string | undefined;
  /** Decide the encoding from the file's start only (the preview). */
  sample?: boolean;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Whether any of the sorted line numbers falls in [from, to]. */
function anyBetween(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= to;
}

function checkMap(headers: readonly string[], map: TableOptions['map'], mapping: readonly (ImportField | null)[]): void {
  for (const column of Object.keys(map ?? {})) {
    if (!headers.includes(column)) throw new AppError('import_map_column', { column, columns: headers.join(', ') });
  }
  const byField = new Map<ImportField, string[]>();
  mapping.forEach((field, i) => {
    if (field && !MULTI_FIELDS.has(field)) byField.set(field, [...(byField.get(field) ?? []), headers[i]!]);
  });
  for (const [field, columns] of byField) if (columns.length > 1) throw new AppError('import_map_twice', { field, columns: columns.join(', ') });
}

async function* counted(chunks: AsyncGenerator<string>, seen: { chars: number }): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    seen.chars += chunk.length;
    yield chunk;
  }
}

export async function openTable(source: SourceFile, options: TableOptions = {}): Promise<SourceTable> {
  const seen = { chars: 0, rows: 0 };
  if (source.kind === 'vcf') {
    const encoding = await detectEncoding(source.path, { forced: options.encoding, ...(options.sample ? { sampleBytes: 1 << 20 } : {}) });
    const headers = [...VCARD_COLUMNS];
    return {
      kind: 'vcf', headers, guessed: headers.map(() => null), mapping: headers.map(() => null), encoding, delimiter: null,
      readFraction: () => Math.min(1, seen.chars / source.size),
      async *rows() {
        for await (const card of vcardRecords(counted(textChunks(source.path, encoding.encoding), seen))) {
          const problems = [...card.problems];
          if (card.cells.some((c) => c.includes('\uFFFD'))) problems.push({ row: card.row, column: 'VCARD', code: 'import_encoding', params: { encoding: encoding.label } });
          yield { row: card.row, cells: card.cells, values: card.values, problems };
        }
      },
      close: async () => undefined,
    };
  }

  let encoding: TextEncoding | null = null;
  let layout: CsvLayout | null = null;
  let records: AsyncGenerator<RawRecord>;
  if (source.kind === 'csv') {
    encoding = await detectEncoding(source.path, { forced: options.encoding, ...(options.sample ? { sampleBytes: 1 << 20 } : {}) });
    records = csvRecords(counted(textChunks(source.path, encoding.encoding), seen), (l) => (layout = l));
  } else records = xlsxRecords(source.path);

  let header: RawRecord | undefined;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    seen.rows = next.value.row;
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    await records.return(undefined);
    throw new AppError('import_no_header', {});
  }
  const headers = uniqueHeaders(header.cells);
  while (headers.length > 1 && header.cells[headers.length - 1]?.trim() === '') headers.pop();
  const guessed = guessMapping(headers);
  const mapping = applyMap(headers, guessed, options.map);
  try {
    checkMap(headers, options.map, mapping);
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
  const suspect = encoding?.suspectLines ?? [];
  const label = encoding?.label ?? '';
  const layoutNow = layout as CsvLayout | null;

  return {
    kind: source.kind, headers, guessed, mapping, encoding, delimiter: layoutNow?.delimiter ?? null,
    readFraction: () => (source.kind === 'csv' ? Math.min(1, seen.chars / source.size) : 0),
    async *rows() {
      for await (const record of records) {
        const { row, cells } = record;
        if (isBlank(cells)) continue;
        const problems: RowProblem[] = [];
        const firstColumn = headers[0] ?? '';
        if (record.quote) problems.push({ row, column: headers[Math.min(cells.length, headers.length) - 1] ?? firstColumn, code: record.quote, params: {} });
        const used = cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '');
        if (!record.quote && (used || (source.kind === 'csv' && cells.length < headers.length))) {
          problems.push({ row, column: headers[Math.min(cells.length, headers.length) - 1] ?? firstColumn, code: 'import_row_length', params: { cells: cells.length, expected: headers.length } });
        }
        const garbled = cells.findIndex((c) => c.includes('\uFFFD'));
        const mixed = suspect.length > 0 && anyBetween(suspect, record.firstLine, record.lastLine);
        if (garbled >= 0 || mixed) {
          const at = garbled >= 0 ? garbled : Math.max(0, cells.findIndex((c) => [...c].some((ch) => ch.charCodeAt(0) > 0x7f)));
          problems.push({ row, column: headers[at] ?? firstColumn, code: 'import_encoding', params: { encoding: label } });
        }
        yield { row, cells, values: fieldValues(headers, mapping, cells), problems };
      }
    },
    async close() {
      await records.return(undefined);
    },
  };
}
