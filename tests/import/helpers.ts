/** Import test helpers: fixture files written into temp dirs, a book with FX rates. Not a test file. */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

export { errorOf, rowCount, snapshot, valueOf } from '../db/temp-book';

/** A new book (base CNY) with EUR and USD rates of 2025-03-28 (good for orders up to 2025-04-04). */
export async function bookWithRates(): Promise<TestBook> {
  const tb = openTestBook('2025-04-01T09:00:00Z');
  valueOf(await call(tb.ctx, 'fx.add', { date: '2025-03-28', currency: 'EUR', rate: 7.8 }));
  valueOf(await call(tb.ctx, 'fx.add', { date: '2025-03-28', currency: 'USD', rate: 7.2 }));
  return tb;
}

/** Writes `text` into the book's temp dir as `name`, in `encoding` (utf-8 by default; utf-8-bom adds a BOM). */
export function writeFixture(tb: TestBook, name: string, text: string, encoding = 'utf-8'): string {
  const file = path.join(tb.dir, name);
  if (encoding === 'utf-8-bom') fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  else if (encoding === 'utf-8') fs.writeFileSync(file, text, 'utf8');
  else fs.writeFileSync(file, iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf-16') }));
  return file;
}

export const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
