/** Issue 11 item 4: XLSX (exceljs) and vCard (3.0 and 4.0, many cards per file) import. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import type { TestBook } from '../db/temp-book';
import { bookWithRates, rowCount, snapshot, valueOf, writeFixture } from './helpers';

let tb: TestBook;
beforeEach(async () => {
  tb = await bookWithRates();
});
afterEach(async () => {
  await tb.close();
});

async function workbook(rows: unknown[][], name = 'book.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('客户');
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
  const file = path.join(tb.dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('XLSX', () => {
  it('reads the first sheet with exceljs: Chinese headers, date cells, number cells, rich text and formulas', async () => {
    const file = await workbook([
      ['客户名称', '国家', '联系人', '邮箱', '订单日期', '金额', '币种', '备注'],
      ['宁波海天贸易有限公司', '中国', '王芳', 'wang@haitian.cn', new Date(Date.UTC(2025, 2, 31)), 1234.5, 'USD', { richText: [{ text: 'VIP ' }, { text: '客户' }] }],
      ['Dubai Trading LLC', '阿联酋', 'Omar', { text: 'omar@dt.ae', hyperlink: 'mailto:omar@dt.ae' }, '31/03/2025', { formula: '1000*2', result: 2000 }, 'EUR', ''],
      [],
      ['Lagos Imports Ltd', 'Nigeria', 'Ada', 'ada@li.ng', 45747, '1,500.00', 'USD', '=HYPERLINK("x")'],
    ]);
    const preview = valueOf(await call(tb.ctx, 'import.preview', { file }));
    expect(preview).toMatchObject({ kind: 'xlsx', encoding: null, errors: [] });
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(preview.rows[0]!.cells.slice(4, 6)).toEqual(['2025-03-31', '1234.5']);
    const report = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(report).toMatchObject({ written: true, rows: 3, imported: { accounts: 3, contacts: 3, orders: 3 } });
    const orders = tb.book.sqlite.prepare('SELECT ordered_at, amount, currency FROM orders ORDER BY amount').all();
    expect(orders).toEqual([
      { ordered_at: '2025-03-31', amount: 1234.5, currency: 'USD' },
      { ordered_at: '2025-03-31', amount: 1500, currency: 'USD' },
      { ordered_at: '2025-03-31', amount: 2000, currency: 'EUR' },
    ]);
    const notes = tb.book.sqlite.prepare('SELECT name, country, notes FROM accounts ORDER BY name').all();
    expect(notes).toEqual([
      { name: 'Dubai Trading LLC', country: 'AE', notes: '' },
      { name: 'Lagos Imports Ltd', country: 'NG', notes: '=HYPERLINK("x")' },
      { name: '宁波海天贸易有限公司', country: 'CN', notes: 'VIP 客户' },
    ]);
  });

  it('row errors carry the sheet’s row numbers', async () => {
    const file = await workbook([['Company', 'Country'], ['Good', 'ES'], [], ['Bad', 'Atlantis']]);
    const before = snapshot(tb.book.sqlite);
    const report = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, 'Country', 'import_country_unknown']]);
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });
});

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Müller;Jan;;;',
  'FN:Jan Müller',
  'ORG:Müller GmbH & Co. KG;Einkauf',
  'TITLE:Leiter Einkauf\\, Ventile',
  'EMAIL;TYPE=INTERNET,WORK:jan@mueller.de',
  'EMAIL;TYPE=INTERNET,HOME:jan.privat@example.de',
  'TEL;TYPE=WORK,VOICE:030 1234567',
  'ADR;TYPE=WORK:;;Hauptstr. 1;Berlin;;10115;Germany',
  'NOTE:Met at the Canton Fair\\nInterested in DN50 val',
  ' ves',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Li Lei',
  'EMAIL;TYPE=work:li@hq.cn',
  'TEL;VALUE=uri;TYPE="cell,voice":tel:+86-138-1234-5678',
  'ADR;TYPE=work:;;;深圳;;;中国',
  'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
  'END:VCARD',
  'BEGIN:VCARD',
  'FN:No Version',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Ana García',
  'ORG:Válvulas Ibéricas S.L.',
  'EMAIL:ana@vi.es',
  'ADR:;;;Madrid;;;Spain',
  'END:VCARD',
].join('\r\n');

describe('vCard', () => {
  it('one row per card, vCard 3.0 and 4.0; a broken card is reported and nothing is written', async () => {
    const file = writeFixture(tb, 'contacts.vcf', VCARDS);
    const preview = valueOf(await call(tb.ctx, 'import.preview', { file }));
    expect(preview).toMatchObject({ kind: 'vcf', encoding: 'UTF-8', headers: ['ORG', 'FN', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'NOTE', 'UID'] });
    expect(preview.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    const before = snapshot(tb.book.sqlite);
    const refused = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'VCARD', 'import_card_invalid']]);
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('imports the cards: ORG is the company (a card without one is its own), every e-mail and phone, ADR’s city and country', async () => {
    const file = writeFixture(tb, 'good.vcf', VCARDS.replace(/BEGIN:VCARD\r\nFN:No Version\r\nEND:VCARD\r\n/, ''));
    const report = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(report).toMatchObject({ kind: 'vcf', written: true, rows: 3, imported: { accounts: 3, contacts: 3, orders: 0 } });
    const contacts = tb.book.sqlite
      .prepare('SELECT a.name AS company, a.country, a.city, c.name, c.title, c.emails, c.phones, c.notes FROM contacts c JOIN accounts a ON a.id = c.account_id ORDER BY c.name')
      .all();
    expect(contacts).toEqual([
      { company: 'Válvulas Ibéricas S.L.', country: 'ES', city: 'Madrid', name: 'Ana García', title: null, emails: '["ana@vi.es"]', phones: '[]', notes: '' },
      {
        company: 'Müller GmbH & Co. KG', country: 'DE', city: 'Berlin', name: 'Jan Müller', title: 'Leiter Einkauf, Ventile',
        emails: '["jan@mueller.de","jan.privat@example.de"]', phones: '["+49301234567"]', notes: 'Met at the Canton Fair\nInterested in DN50 valves',
      },
      { company: 'Li Lei', country: 'CN', city: '深圳', name: 'Li Lei', title: null, emails: '["li@hq.cn"]', phones: '["+8613812345678"]', notes: '' },
    ]);
    // The same cards again: every one is a duplicate.
    const again = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(again).toMatchObject({ imported: { accounts: 0, contacts: 0, orders: 0 }, skipped: 3 });
    expect(rowCount(tb.book.sqlite, 'contacts')).toBe(3);
  });

  it('cards without a country take the default one; CRLF-less files and folded lines work', async () => {
    const file = writeFixture(tb, 'lf.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:Omar\nORG:Dubai Tr\n ading LLC\nEMAIL:omar@dt.ae\nEND:VCARD\n');
    const refused = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(refused.errors.map((e) => e.code)).toEqual(['import_country_missing']);
    const report = valueOf(await call(tb.ctx, 'import.run', { file, defaultCountry: 'ae' }));
    expect(report.imported).toEqual({ accounts: 1, contacts: 1, orders: 0 });
    expect(tb.book.sqlite.prepare('SELECT name, country, time_zone FROM accounts').get()).toEqual({ name: 'Dubai Trading LLC', country: 'AE', time_zone: 'Asia/Dubai' });
  });
});
