/**
 * The file to import, before a byte is parsed: it exists, is a file, is not above the size limit (refused from its
 * size alone, so a 1 GB file is never read), and is CSV, XLSX or vCard. For text files the encoding is chosen here:
 * a BOM first (UTF-8, UTF-16LE/BE), then UTF-16 without one (its NUL bytes), then a strict UTF-8 check of every line;
 * lines that are not UTF-8 are handed to chardet (GB18030/GBK from Chinese Excel, Big5, Shift_JIS, windows-1252…)
 * and decoded with iconv-lite. Lines that contradict the chosen encoding are returned so their rows are reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../contract/errors';
import { checkUtf8, chooseFamily, newTally, tallyLine } from '../../domain/import/encoding';
export { IMPORT_ENCODINGS, type ImportEncoding } from '../../domain/import/encoding';

export type FileKind = 'csv' | 'xlsx' | 'vcf';

/** Files above this are refused before they are read. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export interface SourceFile {
  path: string;
  size: number;
  kind: FileKind;
}

const MB = 1024 * 1024;

function readHead(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Checks the file and tells its kind (from `kind`, its extension, or its first bytes). */
export function inspectFile(file: string, kind?: FileKind, maxBytes = IMPORT_MAX_BYTES): SourceFile {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new AppError('import_file_missing', { path: file });
  }
  if (!stat.isFile()) throw new AppError('import_not_a_file', { path: file });
  if (stat.size > maxBytes) {
    throw new AppError('import_too_large', { path: file, size: Math.ceil(stat.size / MB), limit: Math.floor(maxBytes / MB) });
  }
  if (stat.size === 0) throw new AppError('import_empty', { path: file });
  let head: Buffer;
  try {
    head = readHead(resolved, 64);
  } catch (error) {
    throw new AppError('import_unreadable', { path: file, details: (error as Error).message });
  }
  const zip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  const ole = head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const ext = path.extname(resolved).toLowerCase();
  if (ole || ext === '.xls') throw new AppError('import_xls', { path: file });
  let found: FileKind;
  if (kind) found = kind;
  else if (ext === '.xlsx' || ext === '.xlsm' || zip) found = 'xlsx';
  else if (ext === '.vcf' || ext === '.vcard') found = 'vcf';
  else if (['.csv', '.tsv', '.txt', '.tab', ''].includes(ext)) found = /^(?:\uFEFF)?\s*BEGIN:VCARD/i.test(head.toString('latin1').replace(/^\xEF\xBB\xBF/, '')) ? 'vcf' : 'csv';
  else throw new AppError('import_unknown_kind', { path: file });
  if (found === 'xlsx' && !zip) throw new AppError('import_xlsx_invalid', { path: file, details: 'not a ZIP archive' });
  return { path: resolved, size: stat.size, kind: found };
}

export interface TextEncoding {
  /** The iconv-lite name the file is decoded with. */
  encoding: string;
  /** As shown to the user: UTF-8, UTF-16LE, GB18030… */
  label: string;
  bom: boolean;
  /** Line numbers (1-based, sorted) whose bytes do not fit the encoding: their rows are reported. */
  suspectLines: number[];
}

const LABELS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', gbk: 'GBK' };
const label = (encoding: string) => LABELS[encoding] ?? encoding.toUpperCase();

/** chardet's names → iconv-lite's, for the encodings a spreadsheet export comes in. */
function iconvName(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'utf-8' || lower === 'ascii') return null;
  if (lower === 'gb18030' || lower === 'gbk' || lower === 'gb2312') return 'gb18030';
  return iconv.encodingExists(lower) ? lower : null;
}

/** UTF-16 without a BOM: every other byte of ASCII text is NUL. */
function utf16Without(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Chooses the encoding of a text file. `sampleBytes` limits the line check to the file's start (the preview);
 * `forced` skips the guess (the user said which) — rows that do not decode are still reported.
 */
export async function detectEncoding(file: string, options: { sampleBytes?: number; forced?: string } = {}): Promise<TextEncoding> {
  const head = readHead(file, 65_536);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (options.forced) return { encoding: options.forced, label: label(options.forced), bom, suspectLines: [] };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', label: 'UTF-16LE', bom: true, suspectLines: [] };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', label: 'UTF-16BE', bom: true, suspectLines: [] };
  const sixteen = bom ? null : utf16Without(head);
  if (sixteen) return { encoding: sixteen, label: label(sixteen), bom: false, suspectLines: [] };

  const tally = newTally();
  const invalidSample: Buffer[] = [];
  let sampled = 0;
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  const limit = options.sampleBytes ?? Infinity;
  let read = 0;
  const take = (bytes: Buffer, start: number, end: number) => {
    const check = checkUtf8(bytes, start, end);
    tallyLine(tally, line, check);
    if (check.kind === 'invalid' && sampled < 65_536) {
      invalidSample.push(Buffer.from(bytes.subarray(start, end)), Buffer.from('\n'));
      sampled += end - start + 1;
    }
    line++;
  };
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
        take(bytes, start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(bytes.subarray(start));
      read += chunk.length;
      if (read >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  if (carry.length > 0 && read < limit) take(carry, 0, carry.length);

  const { family, suspectLines } = chooseFamily(tally);
  if (family === 'utf8') return { encoding: 'utf-8', label: 'UTF-8', bom, suspectLines };
  const sample = Buffer.concat(invalidSample);
  const guesses = chardet.analyse(sample);
  const encoding = guesses.map((g) => iconvName(g.name)).find((name): name is string => name !== null) ?? 'gb18030';
  return { encoding, label: label(encoding), bom: false, suspectLines };
}

/** The file's text in chunks, decoded (a BOM is dropped); invalid bytes become U+FFFD, which the rows report. */
export async function* textChunks(file: string, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding);
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}
