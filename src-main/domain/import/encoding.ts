/**
 * The facts an encoding is chosen from, line by line (pure; the service reads the bytes and asks chardet). A file
 * whose non-ASCII lines are all valid UTF-8 is UTF-8; one whose non-ASCII lines are all invalid UTF-8 is in a legacy
 * encoding (GB18030/GBK from Chinese Excel, windows-1252…); a file with both is mixed, and the lines that do not
 * fit the encoding chosen (the larger group's) are marked so that their rows are reported, never imported garbled.
 */
/** The encodings an import may be told to use (iconv-lite names). */
export const IMPORT_ENCODINGS = [
  'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr',
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1256', 'iso-8859-1', 'iso-8859-2', 'iso-8859-15', 'koi8-r',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export type LineKind = 'ascii' | 'utf8' | 'invalid';

export interface Utf8Check {
  kind: LineKind;
  /** Multi-byte sequences of three or four bytes (CJK and beyond): evidence a legacy file cannot fake by chance. */
  longSequences: number;
}

/** Checks bytes[start, end) as UTF-8 (strict: no overlong forms, no surrogates, nothing above U+10FFFF). */
export function checkUtf8(bytes: Uint8Array, start: number, end: number): Utf8Check {
  let long = 0;
  let nonAscii = false;
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    nonAscii = true;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { kind: 'invalid', longSequences: long };
    if (i + need >= end) return { kind: 'invalid', longSequences: long };
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return { kind: 'invalid', longSequences: long };
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return { kind: 'invalid', longSequences: long };
    }
    if (need >= 2) long++;
    i += need + 1;
  }
  return { kind: nonAscii ? 'utf8' : 'ascii', longSequences: long };
}

/** Lines with at least this many 3-/4-byte sequences count as UTF-8 evidence in a file read as a legacy encoding. */
export const STRONG_UTF8 = 3;

export interface EncodingTally {
  utf8Lines: number;
  invalidLines: number;
  /** Line numbers (1-based) of each kind, the first few thousand. */
  utf8: number[];
  strongUtf8: number[];
  invalid: number[];
}

export const newTally = (): EncodingTally => ({ utf8Lines: 0, invalidLines: 0, utf8: [], strongUtf8: [], invalid: [] });

const KEEP = 10_000;

export function tallyLine(tally: EncodingTally, line: number, check: Utf8Check): void {
  if (check.kind === 'utf8') {
    tally.utf8Lines++;
    if (tally.utf8.length < KEEP) tally.utf8.push(line);
    if (check.longSequences >= STRONG_UTF8 && tally.strongUtf8.length < KEEP) tally.strongUtf8.push(line);
  } else if (check.kind === 'invalid') {
    tally.invalidLines++;
    if (tally.invalid.length < KEEP) tally.invalid.push(line);
  }
}

/**
 * UTF-8 unless most non-ASCII lines are not UTF-8; `suspectLines` are the lines that do not fit the choice: the
 * invalid ones in a UTF-8 file, the clearly-UTF-8 ones in a legacy file.
 */
export function chooseFamily(tally: EncodingTally): { family: 'utf8' | 'legacy'; suspectLines: number[] } {
  if (tally.invalidLines === 0 || tally.utf8Lines >= tally.invalidLines) return { family: 'utf8', suspectLines: tally.invalid };
  return { family: 'legacy', suspectLines: tally.strongUtf8 };
}
