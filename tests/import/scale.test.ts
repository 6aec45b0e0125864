/**
 * Issue 11 item 4: 100,000 rows stream through with bounded memory. The strict target (≤ 10 s) belongs to the
 * bench; here the bound is loose (≤ 30 s) so that a busy CI machine does not fail it, and RSS growth stays bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { runImport } from '../../src-main/services/import';
import { decodeRow, encodeRow, RowSpill, type SpilledRow } from '../../src-main/services/import/spill';
import type { TestBook } from '../db/temp-book';
import { bookWithRates, rowCount, valueOf } from './helpers';

const ROWS = 100_000;
let tb: TestBook;
let file: string;

/** A contacts-with-orders export: 25,000 companies × 4 people, each with one order, in assorted formats. */
function writeBigCsv(target: string): void {
  const countries = ['Spain', 'DE', '德国', 'United States', '中国', 'FR', 'Brazil', 'India', 'UAE', 'Japan'];
  const fd = fs.openSync(target, 'w');
  const lines: string[] = ['Company name,Country/Region,First Name,Last Name,Email,Phone Number,Order number,Order date,Amount,Currency'];
  for (let i = 0; i < ROWS; i++) {
    const company = Math.floor(i / 4);
    const day = 1 + (i % 28);
    const date = i % 3 === 0 ? `2025-03-${String(day).padStart(2, '0')}` : i % 3 === 1 ? `${String(day).padStart(2, '0')}/03/2025` : `2025年3月${day}日`;
    const amount = i % 2 === 0 ? `"${(1000 + (i % 9000)).toLocaleString('en-US')}.50"` : `"${(1000 + (i % 9000)).toLocaleString('de-DE')},50"`;
    lines.push(
      `Company ${company} Ltd,${countries[company % countries.length]},Person,${i},p${i}@c${company}.example,+44 20 7${String(i).padStart(7, '0')},PO-${i},${date},${amount},${i % 2 === 0 ? 'EUR' : 'USD'}`,
    );
    if (lines.length >= 5000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
}

beforeAll(async () => {
  tb = await bookWithRates();
  for (let day = 1; day <= 28; day++) {
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    valueOf(await call(tb.ctx, 'fx.add', { date, currency: 'EUR', rate: 7.8 }));
    valueOf(await call(tb.ctx, 'fx.add', { date, currency: 'USD', rate: 7.2 }));
  }
  file = path.join(tb.dir, 'big.csv');
  writeBigCsv(file);
}, 120_000);
afterAll(async () => {
  await tb.close();
});

describe('100k rows', () => {
  it('imports 100,000 rows in one transaction, streamed, with bounded memory', async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    let progressCalls = 0;
    const report = await runImport(tb.ctx, { file, dryRun: false }, { onProgress: () => progressCalls++ });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - rssBefore) / 1024 / 1024;
    console.log(`100k-row import: ${seconds.toFixed(2)} s, RSS ${Math.round(rssBefore / 1048576)} → peak ${Math.round(peak / 1048576)} MB (+${Math.round(growthMb)} MB), file ${Math.round(fs.statSync(file).size / 1048576)} MB`);
    expect(report).toMatchObject({ written: true, rows: ROWS, errorCount: 0, imported: { accounts: ROWS / 4, contacts: ROWS, orders: ROWS } });
    expect(progressCalls).toBeGreaterThan(100);
    expect(seconds).toBeLessThan(30);
    expect(growthMb).toBeLessThan(400);
    expect(rowCount(tb.book.sqlite, 'orders')).toBe(ROWS);
    expect(valueOf(await call(tb.ctx, 'accounts.count', { query: 'p99999@c24999' }))).toBe(1);
  }, 120_000);
});

describe('the rows between the passes', () => {
  const row = (n: number): SpilledRow => ({
    row: n, id: null, companyKey: `c${n}`, contact: null, order: null, fxRate: null,
    account: { name: `C ${n}`, country: 'ES', timeZone: 'Europe/Madrid', city: null, language: null, currency: null, source: null, owner: null, notes: '' },
  });
  it('stay in memory while small and go to a temporary database beyond the limit, in file order either way', () => {
    const small = new RowSpill();
    for (let n = 1; n <= 100; n++) small.add(row(n));
    expect(small.onDisk).toBe(false);
    expect([...small.rows()].map((r) => r.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    small.close();
    const big = new RowSpill(10_000);
    for (let n = 1; n <= 12_345; n++) big.add(row(n));
    expect(big.onDisk).toBe(true);
    expect(big.size).toBe(12_345);
    const rows = [...big.rows()].map((r) => r.row);
    expect(rows).toHaveLength(12_345);
    expect(rows.every((n, i) => n === i + 1)).toBe(true);
    big.close();
  });
  it('keep every field through their compact form', () => {
    const full: SpilledRow = {
      ...row(7), id: 'X-7', fxRate: 7.8,
      contact: { name: 'Ana', title: 'CEO', emails: ['a@x.es'], phones: ['+34912345678'], whatsapp: null, wechat: 'ana', notes: 'n' },
      order: { number: 'PO', orderedAt: '2025-03-31', amount: 1.5, currency: 'EUR', cost: null, quantity: 2, unit: 'pcs', dueOn: null, paidOn: '2025-04-01', shippedOn: null, deliveredOn: null },
    };
    expect(decodeRow(encodeRow(full))).toEqual(full);
    expect(decodeRow(encodeRow(row(1)))).toEqual(row(1));
  });
});
