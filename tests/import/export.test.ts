/**
 * Issue 11 item 4: export of accounts, contacts and orders to CSV and XLSX, contacts to vCard 4.0, with spreadsheet
 * formula injection neutralised (cells starting with = + - @ tab or CR), and exports that import back.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import VCard from 'vcf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, type TestBook } from '../db/temp-book';
import { bookWithRates, errorOf, snapshot, valueOf } from './helpers';

let tb: TestBook;
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];

beforeEach(async () => {
  tb = await bookWithRates();
  const evil = valueOf(await call(tb.ctx, 'accounts.add', { name: HOSTILE[0]!, country: 'ES', notes: HOSTILE[3]!, owner: HOSTILE[2]! }));
  valueOf(await call(tb.ctx, 'contacts.add', { accountId: evil.id, name: HOSTILE[1]!, notes: `${HOSTILE[4]}`, emails: ['x@evil.example'], phones: ['+34 912 345 678'] }));
  valueOf(await call(tb.ctx, 'accounts.add', { name: 'Carriage Return Co', country: 'DE', notes: HOSTILE[5]! }));
  const good = valueOf(await call(tb.ctx, 'accounts.add', { name: '深圳华强电子有限公司', country: 'CN', notes: 'a "quoted", multi\nline note' }));
  valueOf(await call(tb.ctx, 'contacts.add', { accountId: good.id, name: '李雷', emails: ['li@hq.cn', 'lei@hq.cn'], wechat: 'lilei88' }));
  valueOf(await call(tb.ctx, 'orders.add', { accountId: good.id, orderedAt: '2025-03-31', amount: 1234.56, currency: 'USD', number: '=PO-1', cost: 1000 }));
});
afterEach(async () => {
  await tb.close();
});

const exportTo = async (name: string, format: 'csv' | 'xlsx' | 'vcf', entity?: 'accounts' | 'contacts' | 'orders') =>
  valueOf(await call(tb.ctx, 'export.run', { out: path.join(tb.dir, name), format, ...(entity ? { entity } : {}) }));

function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe('formula injection is neutralised', () => {
  it('CSV: every text cell starting with = + - @ tab or CR is read back with an apostrophe in front', async () => {
    const accounts = readCsv((await exportTo('accounts.csv', 'csv')).file);
    const contacts = readCsv((await exportTo('contacts.csv', 'csv', 'contacts')).file);
    const orders = readCsv((await exportTo('orders.csv', 'csv', 'orders')).file);
    const cells = [...accounts, ...contacts, ...orders].flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const hostile of HOSTILE) expect(cells).toContain(`'${hostile}`);
    expect(cells).toContain("'+34912345678"); // the phone as stored (E.164), still neutralised
    expect(cells).toContain("'=PO-1");
    expect(accounts[0]).toEqual(['Record ID', 'Company', 'Country', 'City', 'Time zone', 'Language', 'Currency', 'Source', 'Owner', 'Strategic fit', 'Reputation', 'Notes', 'Created', 'Updated']);
    expect(accounts.map((r) => r[1])).toContain('深圳华强电子有限公司');
    expect(accounts.map((r) => r[11])).toContain('a "quoted", multi\nline note');
  });

  it('XLSX: the same in the workbook, and numbers stay numbers', async () => {
    const result = await exportTo('orders.xlsx', 'xlsx', 'orders');
    expect(result).toMatchObject({ format: 'xlsx', entity: 'orders', rows: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.file);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Order number');
    expect(sheet.getRow(2).getCell(5).value).toBe("'=PO-1");
    expect(sheet.getRow(2).getCell(7).value).toBe(1234.56);
    expect(sheet.getRow(2).getCell(10).value).toBe(8888.83);
    const accounts = new ExcelJS.Workbook();
    await accounts.xlsx.readFile((await exportTo('accounts.xlsx', 'xlsx')).file);
    const texts: string[] = [];
    accounts.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    for (const t of texts) expect(t).not.toMatch(/^[=+\-@\t\r]/);
    for (const hostile of [HOSTILE[0], HOSTILE[2], HOSTILE[3]]) expect(texts).toContain(`'${hostile}`);
    // XML reading turns the CR into a line feed; the apostrophe in front is what matters.
    expect(texts.some((t) => /^'[\r\n]=1$/.test(t))).toBe(true);
  });
});

describe('exports import back', () => {
  it('CSV and XLSX exports of contacts and orders re-import into an empty book (apostrophes taken off again)', async () => {
    const contacts = (await exportTo('contacts.csv', 'csv', 'contacts')).file;
    const orders = (await exportTo('orders.xlsx', 'xlsx', 'orders')).file;
    const other = openTestBook('2025-04-01T09:00:00Z');
    try {
      valueOf(await call(other.ctx, 'fx.add', { date: '2025-03-28', currency: 'USD', rate: 7.2 }));
      const c = valueOf(await call(other.ctx, 'import.run', { file: contacts }));
      expect(c).toMatchObject({ written: true, imported: { accounts: 2, contacts: 2, orders: 0 } });
      expect(other.book.sqlite.prepare('SELECT notes FROM contacts WHERE notes <> \'\'').get()).toEqual({ notes: HOSTILE[4] });
      const o = valueOf(await call(other.ctx, 'import.run', { file: orders, duplicates: 'attach' }));
      expect(o).toMatchObject({ written: true, imported: { accounts: 0, orders: 1 } });
      const names = other.book.sqlite.prepare('SELECT name FROM accounts ORDER BY name').all();
      expect(names).toEqual([{ name: HOSTILE[0] }, { name: '深圳华强电子有限公司' }]);
      expect(other.book.sqlite.prepare('SELECT name, emails, phones, wechat FROM contacts ORDER BY name').all()).toEqual([
        { name: HOSTILE[1], emails: '["x@evil.example"]', phones: '["+34912345678"]', wechat: null },
        { name: '李雷', emails: '["li@hq.cn","lei@hq.cn"]', phones: '[]', wechat: 'lilei88' },
      ]);
      expect(other.book.sqlite.prepare('SELECT number, amount, currency, cost, amount_base FROM orders').get()).toEqual({
        number: '=PO-1', amount: 1234.56, currency: 'USD', cost: 1000, amount_base: 8888.83,
      });
    } finally {
      await other.close();
    }
  });

  it('vCard 4.0 export: one card per contact, parsed back by vcf and by the importer', async () => {
    const result = await exportTo('contacts.vcf', 'vcf');
    expect(result).toMatchObject({ entity: 'contacts', rows: 2 });
    const text = fs.readFileSync(result.file, 'utf8');
    const cards = VCard.parse(text.trim());
    expect(cards).toHaveLength(2);
    expect(cards.every((c) => c.version === '4.0')).toBe(true);
    expect(text).toContain('ORG:深圳华强电子有限公司');
    expect(text).toContain('TEL;TYPE=work;VALUE=uri:tel:+34912345678');
    const other = openTestBook();
    try {
      const report = valueOf(await call(other.ctx, 'import.run', { file: result.file }));
      expect(report).toMatchObject({ written: true, imported: { accounts: 2, contacts: 2 } });
      expect(other.book.sqlite.prepare("SELECT country FROM accounts WHERE name = '深圳华强电子有限公司'").get()).toEqual({ country: 'CN' });
    } finally {
      await other.close();
    }
  });
});

describe('export refusals', () => {
  it('never onto the book itself, into a missing folder, or vCard for anything but contacts', async () => {
    const before = snapshot(tb.book.sqlite);
    expect(errorOf(await call(tb.ctx, 'export.run', { out: tb.file, format: 'csv' })).code).toBe('export_target_book');
    expect(errorOf(await call(tb.ctx, 'export.run', { out: `${tb.file}-wal` })).code).toBe('export_target_book');
    expect(errorOf(await call(tb.ctx, 'export.run', { out: path.join(tb.dir, 'no', 'such', 'x.csv') })).code).toBe('export_cannot_write');
    expect(errorOf(await call(tb.ctx, 'export.run', { out: tb.dir })).code).toBe('export_cannot_write');
    const vcf = errorOf(await call(tb.ctx, 'export.run', { out: path.join(tb.dir, 'a.vcf'), format: 'vcf', entity: 'orders' }));
    expect(vcf.code).toBe('invalid_input');
    expect(vcf.message).toContain('vCard');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
    expect(fs.readdirSync(tb.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
