/**
 * vCard files (.vcf, any number of cards, vCard 3.0 and 4.0; 2.1 with quoted-printable too) read card by card
 * from the decoded text and parsed with the `vcf` package. Each card is one row of the import: ORG is the company
 * (a card without one is its own company, named after the person), FN (or N) the contact, EMAIL and TEL every
 * address and number, ADR's locality and country the city and country, TITLE, NOTE, UID the record id.
 */
import VCard from 'vcf';
import type { FieldValues, ImportField } from '../../domain/import/fields';
import type { RowProblem } from '../../domain/import/validate-row';

/** The columns a card's values are reported under (the vCard properties they come from). */
export const VCARD_COLUMNS = ['ORG', 'FN', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'NOTE', 'UID'] as const;

export interface CardRecord {
  row: number;
  values: FieldValues;
  problems: RowProblem[];
  /** The card's values as preview cells, in VCARD_COLUMNS order. */
  cells: string[];
}

/** vCard text escapes: \, \; \\ and \n. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The components of a structured value (N, ORG, ADR), split at unescaped semicolons. */
export function components(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescapeText);
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

type Prop = InstanceType<typeof VCard.Property>;

function list(card: VCard, key: string): Prop[] {
  const value = card.data[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(prop: Prop): string {
  const raw = String(prop.valueOf() ?? '');
  return prop.encoding?.toUpperCase() === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(raw) : raw;
}

function types(prop: Prop): string[] {
  const t = prop.type;
  return (t === undefined ? [] : Array.isArray(t) ? t : [t]).map((v) => v.toLowerCase());
}

/** One card's lines (unfolded) → its record. */
export function cardRecord(row: number, lines: readonly string[]): CardRecord {
  const values: FieldValues = {};
  const put = (field: ImportField, column: string, value: string) => {
    const v = value.trim();
    if (v) (values[field] ??= []).push({ column, value: v });
  };
  let card: VCard;
  try {
    card = new VCard().parse(lines.join('\r\n'));
    if (!['2.1', '3.0', '4.0'].includes(card.version)) throw new Error(`unsupported version ${card.version}`);
  } catch (error) {
    const details = (error as Error).message.slice(0, 200);
    return { row, values, problems: [{ row, column: 'VCARD', code: 'import_card_invalid', params: { details } }], cells: [] };
  }
  const fn = list(card, 'fn').map((p) => unescapeText(text(p)))[0];
  const n = list(card, 'n').map((p) => components(text(p)))[0];
  const person = fn?.trim() || (n ? [n[3], n[1], n[2], n[0], n[4]].filter((v) => v && v.trim()).join(' ') : '');
  const org = list(card, 'org').map((p) => components(text(p))[0] ?? '')[0]?.trim() ?? '';
  put('account.name', org ? 'ORG' : 'FN', org || person);
  put('contact.name', 'FN', person);
  for (const p of list(card, 'title')) put('contact.title', 'TITLE', unescapeText(text(p)));
  for (const p of list(card, 'email')) put('contact.email', 'EMAIL', unescapeText(text(p)));
  for (const p of list(card, 'tel')) {
    const number = unescapeText(text(p)).replace(/^tel:/i, '');
    put(types(p).includes('whatsapp') && !values['contact.whatsapp'] ? 'contact.whatsapp' : 'contact.phone', 'TEL', number);
  }
  const adrs = list(card, 'adr');
  const adr = adrs.find((p) => types(p).includes('work')) ?? adrs[0];
  if (adr) {
    const parts = components(text(adr));
    put('account.city', 'ADR', parts[3] ?? '');
    put('account.country', 'ADR', parts[6] ?? '');
  }
  for (const p of list(card, 'note')) put('contact.notes', 'NOTE', unescapeText(text(p)));
  for (const p of [...list(card, 'xWechat'), ...list(card, 'xWeixin')]) put('contact.wechat', 'X-WECHAT', unescapeText(text(p)));
  const uid = list(card, 'uid')[0];
  if (uid) put('id', 'UID', text(uid));
  const cell = (field: ImportField) => (values[field] ?? []).map((c) => c.value).join('; ');
  const cells = [cell('account.name'), cell('contact.name'), cell('contact.title'), cell('contact.email'), cell('contact.phone'),
    [cell('account.city'), cell('account.country')].filter(Boolean).join(', '), cell('contact.notes'), cell('id')];
  return { row, values, problems: [], cells };
}

/** The file's lines, unfolded (a line starting with a space or tab continues the one before). */
async function* unfoldedLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  let logical: string | null = null;
  const out: string[] = [];
  const take = (line: string) => {
    if (logical !== null && (line.startsWith(' ') || line.startsWith('\t'))) logical += line.slice(1);
    else if (logical !== null && /QUOTED-PRINTABLE/i.test(logical) && logical.endsWith('=')) logical += `\n${line}`;
    else {
      if (logical !== null) out.push(logical);
      logical = line;
    }
  };
  for await (const chunk of chunks) {
    const parts = (carry + chunk).split(/\r\n|\n|\r/);
    carry = parts.pop() ?? '';
    for (const line of parts) take(line);
    yield* out;
    out.length = 0;
  }
  if (carry) take(carry);
  yield* out;
  if (logical !== null) yield logical;
}

/** The file's cards in order; text outside cards is ignored, a card left open is reported. */
export async function* vcardRecords(chunks: AsyncIterable<string>): AsyncGenerator<CardRecord> {
  let lines: string[] | null = null;
  let row = 0;
  for await (const raw of unfoldedLines(chunks)) {
    const line = raw.replace(/^\uFEFF/, '');
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      if (lines) yield cardRecord(++row, lines);
      lines = [line];
    } else if (lines) {
      lines.push(line);
      if (/^END:VCARD\s*$/i.test(line)) {
        yield cardRecord(++row, lines);
        lines = null;
      }
    }
  }
  if (lines) yield cardRecord(++row, lines);
}
