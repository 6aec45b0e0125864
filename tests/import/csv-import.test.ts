/**
 * Issue 11 item 4: CSV import through the contract — encodings, broken files, value formats, the error report, all
 * or nothing, and the derived data (change stamps, search, FX conversion, monthly aggregates) of what is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { call, dispatch } from '../../src-main/handlers/dispatch';
import type { TestBook } from '../db/temp-book';
import { bookWithRates, csv, errorOf, rowCount, snapshot, valueOf, writeFixture } from './helpers';

let tb: TestBook;
beforeEach(async () => {
  tb = await bookWithRates();
});
afterEach(async () => {
  await tb.close();
});

const run = async (file: string, extra: Record<string, unknown> = {}) => valueOf(await call(tb.ctx, 'import.run', { file, ...extra }));

const CHINESE = csv([
  ['公司名称', '国家', '联系人', '邮箱', '电话', '订单号', '下单日期', '金额', '币种'],
  ['深圳华强电子有限公司', '中国', '李雷', 'li@hq.cn', '138 1234 5678', 'PO-1', '2025年3月31日', '"1,234.56"', 'USD'],
  ['Válvulas Ibéricas S.L.', '西班牙', 'Ana García', 'ana@vi.es', '912 345 678', 'PO-2', '31/03/2025', '"1.234,56"', 'EUR'],
  ['Müller GmbH', '德国', 'Jan Müller', 'jan@mueller.de', '030 1234567', 'PO-3', '2025-03-31', '"1 234,56"', 'EUR'],
]);

describe('encodings', () => {
  it.each([
    ['UTF-8 with a BOM', 'utf-8-bom', 'UTF-8', true],
    ['UTF-8 without a BOM', 'utf-8', 'UTF-8', false],
    ['GBK (Chinese Excel)', 'gbk', 'GB18030', false],
    ['GB18030', 'gb18030', 'GB18030', false],
    ['UTF-16LE with a BOM', 'utf-16le', 'UTF-16LE', true],
  ])('%s is detected and decoded', async (_, encoding, label, bom) => {
    const file = writeFixture(tb, 'chinese.csv', CHINESE, encoding);
    const preview = valueOf(await call(tb.ctx, 'import.preview', { file }));
    expect(preview).toMatchObject({ encoding: label, bom, errors: [] });
    expect(preview.rows[0]?.cells[0]).toBe('深圳华强电子有限公司');
    const report = await run(file);
    expect(report).toMatchObject({ written: true, encoding: label, rows: 3, imported: { accounts: 3, contacts: 3, orders: 3 }, errorCount: 0 });
    const [account] = valueOf(await call(tb.ctx, 'accounts.list', { query: '华强' }));
    expect(account).toMatchObject({ name: '深圳华强电子有限公司', country: 'CN', timeZone: 'Asia/Shanghai' });
    const [contact] = valueOf(await call(tb.ctx, 'contacts.list', { accountId: account!.id }));
    expect(contact).toMatchObject({ name: '李雷', emails: ['li@hq.cn'], phones: ['+8613812345678'], isPrimary: true });
  });

  it('UTF-16 without a BOM is found from its NUL bytes', async () => {
    const file = path.join(tb.dir, 'nobom.csv');
    fs.writeFileSync(file, iconv.encode(CHINESE, 'utf-16le', { addBOM: false }));
    expect(valueOf(await call(tb.ctx, 'import.preview', { file })).encoding).toBe('UTF-16LE');
  });

  it('a file mixing UTF-8 and GBK rows reports each foreign row and writes nothing', async () => {
    const lines = CHINESE.split('\r\n');
    const file = path.join(tb.dir, 'mixed.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${lines.slice(0, 3).join('\r\n')}\r\n`, 'utf8'), iconv.encode(`${lines[3]}\r\n`, 'gbk')]));
    const before = snapshot(tb.book.sqlite);
    const report = await run(file);
    expect(report).toMatchObject({ written: false, errorCount: 1, imported: { accounts: 0, contacts: 0, orders: 0 } });
    expect(report.errors[0]).toMatchObject({ row: 4, column: '公司名称', code: 'import_encoding' });
    expect(report.errors[0]!.reason).toContain('UTF-8');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('the wrong encoding forced by the user shows up as rows that do not decode', async () => {
    const file = writeFixture(tb, 'gbk.csv', CHINESE.replace(/^[^\r]*/, 'Company,Country,Contact,Email,Phone,Order number,Order date,Amount,Currency'), 'gbk');
    const report = await run(file, { encoding: 'utf-8' });
    expect(report.written).toBe(false);
    expect(report.errors.map((e) => e.code)).toEqual(['import_encoding', 'import_encoding', 'import_encoding']);
  });
});

describe('bad files are refused with a clear message and the book unchanged', () => {
  it('a 1 GB file is refused by its size, before it is read', async () => {
    const file = path.join(tb.dir, 'huge.csv');
    fs.writeFileSync(file, 'Company,Country\n');
    fs.truncateSync(file, 1024 * 1024 * 1024);
    const before = snapshot(tb.book.sqlite);
    const started = performance.now();
    const error = errorOf(await call(tb.ctx, 'import.run', { file }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('import_too_large');
    expect(error.message).toMatch(/1024 MB.*200 MB/);
    expect(errorOf(await call(tb.ctx, 'import.preview', { file }, 'zh-CN')).message).toContain('超过 200 MB');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it.each([
    ['a missing file', (dir: string) => path.join(dir, 'nope.csv'), 'import_file_missing'],
    ['a folder', (dir: string) => dir, 'import_not_a_file'],
    ['an empty file', (dir: string) => (fs.writeFileSync(path.join(dir, 'e.csv'), ''), path.join(dir, 'e.csv')), 'import_empty'],
    ['blank lines only', (dir: string) => (fs.writeFileSync(path.join(dir, 'b.csv'), '\n\n,,\n'), path.join(dir, 'b.csv')), 'import_no_header'],
    ['an old .xls', (dir: string) => (fs.writeFileSync(path.join(dir, 'old.xls'), 'x'), path.join(dir, 'old.xls')), 'import_xls'],
    ['a .xlsx that is not a workbook', (dir: string) => (fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'a,b'), path.join(dir, 'fake.xlsx')), 'import_xlsx_invalid'],
    ['a file without a company column', (dir: string) => (fs.writeFileSync(path.join(dir, 'n.csv'), 'Foo,Country\nx,ES\n'), path.join(dir, 'n.csv')), 'import_no_company_column'],
    ['a file without a country column', (dir: string) => (fs.writeFileSync(path.join(dir, 'c.csv'), 'Company\nAcme\n'), path.join(dir, 'c.csv')), 'import_no_country_column'],
  ])('%s', async (_, make, code) => {
    const before = snapshot(tb.book.sqlite);
    expect(errorOf(await call(tb.ctx, 'import.run', { file: make(tb.dir) })).code).toBe(code);
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('a mapping naming a column the file lacks, or one field twice, is refused', async () => {
    const file = writeFixture(tb, 'm.csv', csv([['Firma', 'Land', 'Name'], ['Acme', 'DE', 'X']]));
    expect(errorOf(await call(tb.ctx, 'import.run', { file, map: { Firm: 'account.name' } }))).toMatchObject({ code: 'import_map_column' });
    expect(errorOf(await call(tb.ctx, 'import.run', { file, map: { Firma: 'account.name', Name: 'account.name' } }))).toMatchObject({ code: 'import_map_twice' });
    expect(errorOf(await dispatch(tb.ctx, 'import.run', { file, map: { Firma: 'account.nom' } })).code).toBe('invalid_input');
    const report = await run(file, { map: { Firma: 'account.name', Land: 'account.country', Name: null } });
    expect(report).toMatchObject({ written: true, imported: { accounts: 1, contacts: 0 } });
  });

  it('ragged rows and a quote left open: one clear message per row, nothing written', async () => {
    const text = [
      'Company,Country,Email',
      'Good Co,ES,a@good.es',
      'Short Co,ES',
      'Long Co,ES,b@long.es,extra,cells',
      'Trailing Co,ES,c@t.es,,',
      'Fine Co,DE,d@fine.de',
      'Open Co,ES,"e@open.es',
      'Swallowed Co,ES,f@x.es',
    ].join('\n');
    const file = writeFixture(tb, 'broken.csv', text);
    const before = snapshot(tb.book.sqlite);
    const report = await run(file);
    expect(report.written).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Country', 'import_row_length'], [4, 'Email', 'import_row_length'], [7, 'Email', 'import_quote_open'],
    ]);
    expect(report.errors[0]!.reason).toBe('the row has 2 cells but the header has 3: a cell may hold an unquoted delimiter or line break');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
    const zh = valueOf(await call(tb.ctx, 'import.run', { file }, 'zh-CN'));
    expect(zh.errors[2]!.reason).toBe('有引号（"）没有闭合');
  });

  it('a malformed quote is reported at its row', async () => {
    const file = writeFixture(tb, 'quote.csv', 'Company,Country,Email\nGood Co,ES,a@good.es\nQuote Co,ES,"c@quote.es"x\n');
    const report = await run(file);
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, 'import_quote_malformed']]);
    expect(rowCount(tb.book.sqlite, 'accounts')).toBe(0);
  });

  it('a quote left open early is refused without reading the whole file into one cell', async () => {
    const file = path.join(tb.dir, 'open.csv');
    fs.writeFileSync(file, `Company,Country\n"Open,ES\n${'Acme,ES\n'.repeat(200_000)}`);
    const error = errorOf(await call(tb.ctx, 'import.run', { file }));
    expect(error).toMatchObject({ code: 'import_record_too_long' });
    expect(error.message).toContain('Row 2');
  });
});

describe('values', () => {
  it('three date formats, three thousands separators, countries by English and Chinese name', async () => {
    const file = writeFixture(tb, 'values.csv', CHINESE);
    await run(file);
    const orders = tb.book.sqlite.prepare('SELECT number, ordered_at, amount, currency, fx_rate, amount_base FROM orders ORDER BY number').all();
    expect(orders).toEqual([
      { number: 'PO-1', ordered_at: '2025-03-31', amount: 1234.56, currency: 'USD', fx_rate: 7.2, amount_base: 8888.83 },
      { number: 'PO-2', ordered_at: '2025-03-31', amount: 1234.56, currency: 'EUR', fx_rate: 7.8, amount_base: 9629.57 },
      { number: 'PO-3', ordered_at: '2025-03-31', amount: 1234.56, currency: 'EUR', fx_rate: 7.8, amount_base: 9629.57 },
    ]);
    expect(tb.book.sqlite.prepare('SELECT country, time_zone FROM accounts ORDER BY country').all()).toEqual([
      { country: 'CN', time_zone: 'Asia/Shanghai' }, { country: 'DE', time_zone: 'Europe/Berlin' }, { country: 'ES', time_zone: 'Europe/Madrid' },
    ]);
  });

  it('unknown countries, bad amounts and dates, a currency without a rate: each row reported', async () => {
    const text = csv([
      ['Company', 'Country', 'Order date', 'Amount', 'Currency', 'Source'],
      ['A', 'Narnia', '2025-03-31', '10', 'EUR', ''],
      ['B', 'ES', '31/02/2025', '10', 'EUR', ''],
      ['C', 'ES', '03/31/2025', '"1,2,3"', 'EUR', ''],
      ['D', 'ES', '2025-03-31', '10', 'GBP', ''],
      ['E', 'ES', '2025-03-31', '10', 'EUR', 'pigeon'],
      ['F', 'ES', '2025-03-31', '10', 'EUR', 'fair'],
    ]);
    const file = writeFixture(tb, 'bad-values.csv', text);
    const report = await run(file);
    expect(report).toMatchObject({ written: false, rows: 6, errorCount: 6, imported: { accounts: 0, contacts: 0, orders: 0 } });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Country', 'import_country_unknown'], [3, 'Order date', 'import_date_invalid'], [4, 'Order date', 'import_date_order'], [4, 'Amount', 'import_amount_invalid'],
      [5, 'Currency', 'fx_missing'], [6, 'Source', 'import_source_unknown'],
    ]);
    expect(report.errors[0]!.reason).toContain('unknown country “Narnia”');
    expect(report.errors[4]!.reason).toContain('No GBP rate');
    expect(rowCount(tb.book.sqlite, 'accounts')).toBe(0);
    const dry = valueOf(await call(tb.ctx, 'import.run', { file, dryRun: true, dateOrder: 'mdy' }, 'zh-CN'));
    expect(dry.errors[0]!.reason).toContain('无法识别的国家“Narnia”');
  });
});

describe('dry run, progress and what a write leaves behind', () => {
  it('a dry run reports what would be imported and writes nothing', async () => {
    const file = writeFixture(tb, 'dry.csv', CHINESE);
    const before = snapshot(tb.book.sqlite);
    const report = await run(file, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: false, imported: { accounts: 3, contacts: 3, orders: 3 }, errorCount: 0 });
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('every written row carries the transaction’s change stamp; search and monthly aggregates follow', async () => {
    const file = writeFixture(tb, 'stamps.csv', CHINESE);
    await run(file);
    const stamps = tb.book.sqlite
      .prepare(`SELECT row_stamp, field_stamps, last_stamp FROM accounts UNION ALL SELECT row_stamp, field_stamps, last_stamp FROM contacts
                UNION ALL SELECT row_stamp, field_stamps, last_stamp FROM orders`)
      .all() as { row_stamp: string; field_stamps: string; last_stamp: string }[];
    expect(stamps).toHaveLength(9);
    expect(new Set(stamps.map((s) => s.row_stamp)).size).toBe(1);
    for (const s of stamps) expect(s).toEqual({ row_stamp: stamps[0]!.row_stamp, field_stamps: '{}', last_stamp: stamps[0]!.row_stamp });
    expect(stamps[0]!.row_stamp).toMatch(/^[0-9a-f]{32}$/);
    expect(valueOf(await call(tb.ctx, 'accounts.list', { query: 'jan@mueller' })).map((a) => a.name)).toEqual(['Müller GmbH']);
    expect(valueOf(await call(tb.ctx, 'accounts.list', { query: 'García' })).map((a) => a.name)).toEqual(['Válvulas Ibéricas S.L.']);
    const months = tb.book.sqlite.prepare('SELECT month, orders, amount FROM account_months ORDER BY amount').all();
    expect(months).toEqual([
      { month: '2025-03', orders: 1, amount: 8888.83 }, { month: '2025-03', orders: 1, amount: 9629.57 }, { month: '2025-03', orders: 1, amount: 9629.57 },
    ]);
    expect(valueOf(await call(tb.ctx, 'book.check', {}))).toMatchObject({ ok: true });
  });

  it('rows of one company share one account; its first contact is the primary one', async () => {
    const text = csv([
      ['Account Name', 'Billing Country', 'First Name', 'Last Name', 'Email'],
      ['Acme Ltd', 'United Kingdom', 'Ann', 'Lee', 'ann@acme.co.uk'],
      ['ACME LIMITED', 'UK', 'Bob', 'Ray', 'bob@acme.co.uk'],
      ['Acme Ltd', 'GB', 'Cy', 'Ode', 'cy@acme.co.uk'],
    ]);
    const report = await run(writeFixture(tb, 'contacts.csv', text));
    expect(report.imported).toEqual({ accounts: 1, contacts: 3, orders: 0 });
    const [account] = valueOf(await call(tb.ctx, 'accounts.list', {}));
    const contacts = valueOf(await call(tb.ctx, 'contacts.list', { accountId: account!.id }));
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([['Ann Lee', true], ['Bob Ray', false], ['Cy Ode', false]]);
  });

  it('the same company in two countries is a row error', async () => {
    const report = await run(writeFixture(tb, 'conflict.csv', csv([['Company', 'Country'], ['Acme', 'ES'], ['Acme S.L.', 'FR']])));
    expect(report.errors).toEqual([{ row: 3, column: 'Country', code: 'import_company_conflict', reason: 'row 2 has the same company in ES: one company has one country' }]);
  });

  it('reports progress while reading and writing', async () => {
    const rows = [['Company', 'Country']];
    for (let i = 0; i < 2500; i++) rows.push([`Co ${i}`, 'ES']);
    const file = writeFixture(tb, 'progress.csv', csv(rows));
    const { runImport } = await import('../../src-main/services/import');
    const seen: { phase: string; done: number; total: number }[] = [];
    const report = await runImport(tb.ctx, { file, dryRun: false }, { onProgress: (p) => seen.push(p) });
    expect(report.imported.accounts).toBe(2500);
    expect(seen.filter((p) => p.phase === 'read').at(-1)).toEqual({ phase: 'read', done: 2500, total: 2500 });
    expect(seen.filter((p) => p.phase === 'write').at(-1)).toEqual({ phase: 'write', done: 2500, total: 2500 });
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
  });
});
