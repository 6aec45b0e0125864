/**
 * Issue 11 item 4: duplicates against the book (normalised company name, e-mail, phone, order number) and within
 * the file (record id, e-mail, phone, order number, a repeated company row) are reported, never silently doubled.
 * Modes: skip (default), attach, error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import type { TestBook } from '../db/temp-book';
import { bookWithRates, csv, rowCount, snapshot, valueOf, writeFixture } from './helpers';

let tb: TestBook;
let acme: string;
let ana: string;
let po9: string;
let file: string;

const ROWS = [
  ['Record ID', 'Company', 'Country', 'Email', 'Phone', 'Order number', 'Order date', 'Amount', 'Currency'],
  ['1', '"ACME, S.L."', 'Spain', 'new@acme.es', '', '', '', '', ''],
  ['2', 'NewCo', 'ES', 'ANA@acme.es', '', '', '', '', ''],
  ['3', 'NewCo Two', 'ES', 'other@x.es', '912 345 678', '', '', '', ''],
  ['4', 'Fresh', 'ES', 'f1@fresh.es', '', 'PO-9', '2025-03-31', '100', 'EUR'],
  ['5', 'Fresh', 'ES', 'f2@fresh.es', '', '', '', '', ''],
  ['6', 'Fresh', 'ES', 'f2@fresh.es', '', '', '', '', ''],
  ['7', 'Fresh Ltd', 'ES', '', '', '', '', '', ''],
  ['5', 'Fresh', 'ES', 'f3@fresh.es', '', '', '', '', ''],
];

beforeEach(async () => {
  tb = await bookWithRates();
  acme = valueOf(await call(tb.ctx, 'accounts.add', { name: 'Acme SL', country: 'ES' })).id;
  ana = valueOf(await call(tb.ctx, 'contacts.add', { accountId: acme, name: 'Ana', emails: ['ana@acme.es'], phones: ['+34 912 345 678'] })).id;
  po9 = valueOf(await call(tb.ctx, 'orders.add', { accountId: acme, orderedAt: '2025-03-30', amount: 5, currency: 'EUR', number: 'PO-9' })).id;
  file = writeFixture(tb, 'dups.csv', csv(ROWS));
});
afterEach(async () => {
  await tb.close();
});

describe('duplicates', () => {
  it('skip (default): a row with any duplicate is left out and listed', async () => {
    const report = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(report).toMatchObject({ written: true, rows: 8, imported: { accounts: 1, contacts: 1, orders: 0 }, skipped: 7, errorCount: 0 });
    expect(report.duplicates.map((d) => [d.row, d.field, d.value, d.existingId, d.existingRow, d.action])).toEqual([
      [2, 'company', 'ACME, S.L.', acme, null, 'skipped'],
      [3, 'email', 'ANA@acme.es', ana, null, 'skipped'],
      [4, 'phone', '+34912345678', ana, null, 'skipped'],
      [5, 'order', 'PO-9', po9, null, 'skipped'],
      [7, 'email', 'f2@fresh.es', null, 6, 'skipped'],
      [8, 'company', 'Fresh Ltd', null, 6, 'skipped'],
      [9, 'id', '5', null, 6, 'skipped'],
    ]);
    expect(report.duplicateCount).toBe(7);
    expect(rowCount(tb.book.sqlite, 'accounts')).toBe(2);
    expect(rowCount(tb.book.sqlite, 'contacts')).toBe(2);
    expect(rowCount(tb.book.sqlite, 'orders')).toBe(1);
  });

  it('attach: new contacts and orders go to the existing account; duplicate ones are left out', async () => {
    const report = valueOf(await call(tb.ctx, 'import.run', { file, duplicates: 'attach' }));
    expect(report).toMatchObject({ written: true, imported: { accounts: 3, contacts: 3, orders: 0 }, skipped: 3 });
    expect(report.duplicates.map((d) => [d.row, d.field, d.action])).toEqual([
      [2, 'company', 'attached'], [3, 'email', 'skipped'], [4, 'phone', 'skipped'], [5, 'order', 'skipped'], [7, 'email', 'skipped'], [8, 'company', 'skipped'], [9, 'id', 'skipped'],
    ]);
    const contacts = valueOf(await call(tb.ctx, 'contacts.list', { accountId: acme }));
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([['Ana', true], ['new@acme.es', false]]);
    expect(valueOf(await call(tb.ctx, 'accounts.list', { query: 'new@acme' })).map((a) => a.id)).toEqual([acme]);
  });

  it('error: every duplicate is a row error and nothing is written', async () => {
    const before = snapshot(tb.book.sqlite);
    const report = valueOf(await call(tb.ctx, 'import.run', { file, duplicates: 'error' }));
    expect(report).toMatchObject({ written: false, imported: { accounts: 0, contacts: 0, orders: 0 }, errorCount: 7, duplicates: [] });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Company', 'import_duplicate_book'], [3, 'Email', 'import_duplicate_book'], [4, 'Phone', 'import_duplicate_book'], [5, 'Order number', 'import_duplicate_book'],
      [7, 'Email', 'import_duplicate_row'], [8, 'Company', 'import_duplicate_row'], [9, 'Record ID', 'import_duplicate_row'],
    ]);
    expect(report.errors[1]!.reason).toBe(`duplicate email “ANA@acme.es”: already in the book (${ana})`);
    expect(report.errors[6]!.reason).toBe('duplicate id “5”: already in row 6');
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('a dry run lists the same duplicates and writes nothing', async () => {
    const before = snapshot(tb.book.sqlite);
    const report = valueOf(await call(tb.ctx, 'import.run', { file, dryRun: true }));
    expect(report).toMatchObject({ written: false, imported: { accounts: 1, contacts: 1, orders: 0 }, skipped: 7, duplicateCount: 7 });
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });

  it('importing the same file twice adds nothing the second time', async () => {
    valueOf(await call(tb.ctx, 'import.run', { file }));
    const before = snapshot(tb.book.sqlite);
    const again = valueOf(await call(tb.ctx, 'import.run', { file }));
    expect(again).toMatchObject({ written: true, imported: { accounts: 0, contacts: 0, orders: 0 }, skipped: 8 });
    expect(snapshot(tb.book.sqlite)).toEqual(before);
  });
});
