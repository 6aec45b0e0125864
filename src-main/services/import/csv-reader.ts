/**
 * CSV records streamed through papaparse's parser: the decoded text arrives in chunks, each chunk is parsed up to
 * its last complete record and the rest carried into the next, so memory stays at a chunk plus one record whatever
 * the file's size. The delimiter (, ; tab |) and line break are papaparse's guesses from the file's start. Each
 * record keeps its physical lines (for the encoding check) and papaparse's quote problems.
 */
import Papa from 'papaparse';
import { AppError } from '../../contract/errors';
import type { RowErrorCode } from '../../domain/import/validate-row';

export interface RawRecord {
  /** The record's number: the header is row 1, as a spreadsheet shows it. */
  row: number;
  cells: string[];
  firstLine: number;
  lastLine: number;
  /** A quote left open or malformed in this record. */
  quote: Extract<RowErrorCode, 'import_quote_open' | 'import_quote_malformed'> | null;
}

/** A record longer than this is refused: a quote opened and never closed would swallow the rest of the file. */
export const MAX_RECORD_CHARS = 1_000_000;

interface StepResult {
  /** One record per step. */
  data: string[][];
  errors: { code: string }[];
  meta: { cursor: number };
}

export interface CsvLayout {
  delimiter: string;
  linebreak: '\n' | '\r\n' | '\r';
}

/** Papaparse's guess of the delimiter and line break from the file's start. */
export function guessLayout(sample: string): CsvLayout {
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: [',', ';', '\t', '|'] });
  const linebreak = guess.meta.linebreak === '\r\n' || guess.meta.linebreak === '\r' ? guess.meta.linebreak : '\n';
  return { delimiter: guess.meta.delimiter || ',', linebreak };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The file's records in order (blank lines included, as records with one empty cell). */
export async function* csvRecords(chunks: AsyncIterable<string>, onLayout?: (layout: CsvLayout) => void): AsyncGenerator<RawRecord> {
  let pending = '';
  let base = 0;
  let parser: Papa.Parser | null = null;
  let row = 0;
  let line = 1;
  const out: RawRecord[] = [];
  let started = false;
  // The text of the parse under way, and where in it the previous record ended.
  let current = '';
  let consumed = 0;

  const step = (result: StepResult) => {
    const end = result.meta.cursor - base;
    const lines = countNewlines(current, consumed, end);
    const terminated = end > consumed && current[end - 1] === '\n';
    row++;
    const code = result.errors[0]?.code;
    out.push({
      row,
      cells: result.data[0] ?? [],
      firstLine: line,
      lastLine: line + lines - (terminated ? 1 : 0),
      quote: code === 'MissingQuotes' ? 'import_quote_open' : code === 'InvalidQuotes' ? 'import_quote_malformed' : null,
    });
    line += lines;
    consumed = end;
  };

  const parse = (text: string, last: boolean): number => {
    if (!parser) {
      const layout = guessLayout(text.slice(0, 65_536));
      onLayout?.(layout);
      const config: Papa.ParseConfig = { delimiter: layout.delimiter, newline: layout.linebreak, step: step as unknown as Papa.ParseConfig['step'] };
      parser = new Papa.Parser(config);
    }
    current = text;
    consumed = 0;
    const result = parser.parse(text, base, !last) as StepResult;
    return result.meta.cursor;
  };

  for await (const chunk of chunks) {
    const text = pending + chunk;
    if (!started && text.length < 65_536) {
      pending = text;
      continue;
    }
    started = true;
    const cursor = parse(text, false);
    pending = text.slice(cursor - base);
    base = cursor;
    if (pending.length > MAX_RECORD_CHARS) throw new AppError('import_record_too_long', { row: row + 1, limit: MAX_RECORD_CHARS });
    for (const record of out) yield record;
    out.length = 0;
  }
  if (pending.length > 0) {
    parse(pending, true);
    for (const record of out) yield record;
    out.length = 0;
  }
}
