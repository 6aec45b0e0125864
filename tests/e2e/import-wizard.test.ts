/**
 * The import wizard end to end (issue 11, item 7) in Debian's Chromium: file → columns with guesses → dry run with
 * the row errors → import with a progress bar → report. The served book already holds Nordic Pumps AB (and Astrid's
 * e-mail) and EUR/USD rates. A HubSpot-style CSV brings five named rows — Spanish and Chinese buyers with orders whose
 * dates come in three formats and amounts with thousands separators, the Nordic duplicate, an unknown country and a
 * broken e-mail — plus FILLER plain rows, so that reading the file takes long enough for its progress to show.
 * The user types the path, checks the guessed mapping, maps the one unguessed column by hand, reads the dry run's
 * errors (the server's own reasons), corrects the file, checks again and imports; the book gets everything at once.
 * Then, in 中文, a GB18030 file with Chinese headers (公司名称/国家/联系人/邮箱/电话) goes through the same steps.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountListItem } from '../../src-main/contract/models';
import type { ImportReport } from '../../src-main/contract/transfer';
import { must, withBook } from './book-calls';
import { CJK, openE2e, pageShots, type E2e } from './harness';

const slow = { timeout: 20_000 };
/** Plain rows after the named ones: enough that the page asks for the import's progress more than once. */
const FILLER = 25_000;

const HEADER = 'Company name,Country/Region,City,First Name,Last Name,Email,Phone Number,Order Number,Order Date,Amount,Currency,Deal notes';
const NAMED = [
  'Válvulas Ibéricas S.L.,Spain,Madrid,Lucía,García,lucia@valvulas-ibericas.es,+34 91 123 45 67,PO-1001,2025-03-31,"12,500.00",EUR,met at Canton Fair',
  'Nordic Pumps AB,Sweden,Göteborg,Astrid,Lund,astrid@nordicpumps.se,,,,,,',
  'Atlantis Trading,Atlantis,,Bob,Stone,bob@atlantis.example,,,,,,',
  'Baltic Valves OÜ,Estonia,Tallinn,Mart,Kask,not-an-email,,PO-1002,31/03/2025,"3.200,00",EUR,',
  '上海进出口有限公司,中国,上海,伟,王,wang.wei@sh-trade.cn,,PO-1003,2025年3月31日,"8,000",USD,',
];
/** The same rows as corrected by the user: a real country, a real address. */
const CORRECTED = NAMED.map((row) => row.replace(',Atlantis,', ',Greece,').replace(',not-an-email,', ',mart@balticvalves.ee,'));

let e2e: E2e;
let page: Page;
let shot: (name: string) => Promise<void>;
let leads = '';
let chinese = '';

function writeLeads(file: string, named: readonly string[]): void {
  const lines = [HEADER, ...named];
  for (let i = 0; i < FILLER; i++) lines.push(`Filler Buyer ${i} GmbH,Germany,Hamburg,Jan,Meyer,buyer${i}@filler-buyers.de,,,,,,`);
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
}

async function buildBook(file: string): Promise<void> {
  const dir = path.dirname(file);
  leads = path.join(dir, 'hubspot-export.csv');
  chinese = path.join(dir, '客户名单.csv');
  writeLeads(leads, NAMED);
  const zh = ['公司名称,国家,城市,联系人,邮箱,电话', '深圳华强电子有限公司,中国,深圳,李娜,lina@hq-electronics.cn,+86 755 8888 1234', '大阪商事株式会社,日本,大阪,佐藤健,sato@osaka-shoji.jp,'];
  fs.writeFileSync(chinese, iconv.encode(zh.join('\r\n') + '\r\n', 'gb18030'));
  await withBook(file, async (ctx) => {
    await must(ctx, 'fx.add', { date: '2025-03-28', currency: 'EUR', rate: 7.8 });
    await must(ctx, 'fx.add', { date: '2025-03-28', currency: 'USD', rate: 7.2 });
    const nordic = await must(ctx, 'accounts.add', { name: 'Nordic Pumps AB', country: 'SE', city: 'Göteborg' });
    await must(ctx, 'contacts.add', { accountId: nordic.id, name: 'Astrid Lund', emails: ['astrid@nordicpumps.se'] });
  });
}

const attr = (testId: string, name: string) => page.getByTestId(testId).getAttribute(name);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const step = () => attr('import-stepper', 'data-step').then(Number);
const mappingOf = (column: string) => page.locator(`[data-testid="import-mapping-row"][data-column="${column}"]`);

/** Every value a progress bar with this test id showed, recorded in the page as it changes. */
async function recordProgress(testId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { progressSeen?: Record<string, string[]> };
    w.progressSeen ??= {};
    const seen = (w.progressSeen[id] = [] as string[]);
    const observer = new MutationObserver(() => {
      const bar = document.querySelector(`[data-testid="${id}"]`);
      if (!bar) return;
      const value = `${bar.getAttribute('data-phase')}:${bar.getAttribute('data-done')}/${bar.getAttribute('data-total')}`;
      if (seen.at(-1) !== value) seen.push(value);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-phase'] });
  }, testId);
}
const progressSeen = (testId: string) =>
  page.evaluate((id) => (window as unknown as { progressSeen?: Record<string, string[]> }).progressSeen?.[id] ?? [], testId);

beforeAll(async () => {
  e2e = await openE2e({ prefix: 'tradebook-e2e-import-', buildBook, context: { viewport: { width: 1366, height: 900 } }, timeout: 20_000 });
  page = e2e.page;
  shot = pageShots(page);
  await page.getByTestId('account-search').waitFor();
}, 180_000);

afterAll(() => e2e?.close());

describe('Import wizard: a HubSpot-style CSV', () => {
  it('step 1: an empty path is refused beside the field; a missing file with the server’s message', async () => {
    await page.getByTestId('nav-transfer').click();
    await page.getByTestId('import-wizard').waitFor();
    expect(await step()).toBe(0);
    await page.getByTestId('import-read').click();
    await expect.poll(() => page.getByTestId('import-file-error').textContent(), slow).toBe('Enter the path of a file on this computer.');
    expect(await focused()).toBe('import-file');
    const missing = path.join(e2e.dir, 'nowhere.csv');
    await page.getByTestId('import-file').fill(missing);
    await page.getByTestId('import-file').press('Enter');
    const message = await e2e.api('import.preview', { file: missing }).then(
      () => '',
      (error: Error) => error.message.replace(/^import\.preview: /, ''),
    );
    expect(message).not.toBe('');
    await expect.poll(() => page.getByTestId('import-error').textContent(), slow).toContain(message);
    expect(await step()).toBe(0);
  });

  it('step 2: the columns with the guessed fields, the encoding, and the first rows’ problems', async () => {
    await page.getByTestId('import-file').fill(leads);
    await page.getByTestId('import-file').press('Enter');
    await expect.poll(step, slow).toBe(1);
    expect(await attr('import-file-info', 'data-encoding')).toBe('UTF-8');
    expect(await page.getByTestId('import-file-info').textContent()).toBe('CSV file · encoding UTF-8 · 12 columns');
    const guesses = await page.getByTestId('import-mapping-row').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-column'), r.getAttribute('data-field')])),
    );
    expect(guesses).toEqual({
      'Company name': 'account.name',
      'Country/Region': 'account.country',
      City: 'account.city',
      'First Name': 'contact.firstName',
      'Last Name': 'contact.lastName',
      Email: 'contact.email',
      'Phone Number': 'contact.phone',
      'Order Number': 'order.number',
      'Order Date': 'order.date',
      Amount: 'order.amount',
      Currency: 'order.currency',
      'Deal notes': '',
    });
    expect(await page.getByTestId('import-needs').count()).toBe(0);
    // The first rows as read, and their problems (the same as the server reports for them).
    expect(await page.getByTestId('import-preview-rows').textContent()).toContain('Válvulas Ibéricas S.L.');
    const problems = await page.getByTestId('import-preview-errors-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-row')} ${r.getAttribute('data-column')}`));
    expect(problems).toEqual(['4 Country/Region', '5 Email']);
  });

  it('the unguessed column is mapped by hand (a searchable select) and marked as changed', async () => {
    const notes = mappingOf('Deal notes');
    const select = notes.getByTestId('import-mapping-field');
    expect(await select.inputValue()).toBe('Ignore this column');
    await select.click();
    await select.fill('account no');
    await page.getByRole('option', { name: 'Account notes', exact: true }).click();
    await expect.poll(() => notes.getAttribute('data-field'), slow).toBe('account.notes');
    expect(await notes.textContent()).toContain('changed');
    await shot('import-mapping');
  });

  it('step 3: the dry run lists every row error (row, column, reason) and the duplicates, blocks Import and writes nothing', async () => {
    const expected = await e2e.api<ImportReport>('import.run', { file: leads, map: { 'Deal notes': 'account.notes' }, dateOrder: 'dmy', duplicates: 'skip', dryRun: true });
    expect(expected.errorCount).toBe(2);
    await recordProgress('import-checking-bar');
    await page.getByTestId('import-check').click();
    await expect.poll(step, slow).toBe(2);
    const check = page.getByTestId('import-check-step');
    expect(Number(await check.getAttribute('data-errors'))).toBe(2);
    expect(Number(await check.getAttribute('data-duplicates'))).toBe(expected.duplicateCount);
    expect(Number(await check.getAttribute('data-rows'))).toBe(FILLER + NAMED.length);
    const errors = await page.getByTestId('import-check-errors-row').evaluateAll((rows) =>
      rows.map((r) => ({ row: Number(r.getAttribute('data-row')), column: r.getAttribute('data-column'), code: r.getAttribute('data-code'), text: r.textContent })),
    );
    expect(errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected.errors.map(({ row, column, code }) => ({ row, column, code })));
    for (const [i, error] of errors.entries()) expect(error.text).toContain(expected.errors[i]!.reason);
    expect(errors[0]!.text).toContain('Atlantis');
    expect(await page.getByTestId('import-check-blocked').textContent()).toContain('2 row errors');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    // Nordic Pumps AB is already in the book: by name and by Astrid's e-mail, left out.
    const duplicates = await page.getByTestId('import-check-duplicates-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-row')} ${r.getAttribute('data-field')}`));
    expect(duplicates.sort()).toEqual(['3 company', '3 email']);
    expect(await page.getByTestId('import-check-duplicates').textContent()).toContain('a record in your book');
    // The check showed its progress while it read the file; the heading has the focus now.
    const seen = await progressSeen('import-checking-bar');
    expect(seen.some((v) => /^read:[1-9]\d*\//.test(v)), seen.join(' ')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dry run: nothing has been imported yet');
    expect(await e2e.api<number>('accounts.count', {})).toBe(1);
    await shot('import-check-errors');
  });

  it('after the file is corrected, Check again is clean and Import writes it all, with a progress bar, then the report', async () => {
    writeLeads(leads, CORRECTED);
    await page.getByTestId('import-check-again').click();
    await expect.poll(() => attr('import-check-step', 'data-errors').then(Number), slow).toBe(0);
    const expected = await e2e.api<ImportReport>('import.run', { file: leads, map: { 'Deal notes': 'account.notes' }, dateOrder: 'dmy', duplicates: 'skip', dryRun: true });
    expect(expected).toMatchObject({ errorCount: 0, skipped: 1, imported: { accounts: FILLER + 4, contacts: FILLER + 4, orders: 3 } });
    expect(await page.getByTestId('import-check-summary').textContent()).toBe(
      `${(FILLER + 5).toLocaleString('en')} rows read: would import ${(FILLER + 4).toLocaleString('en')} accounts, ${(FILLER + 4).toLocaleString('en')} contacts and 3 orders.`,
    );
    expect(await page.getByTestId('import-check-skipped').textContent()).toBe('1 row left out as a duplicate.');
    await recordProgress('import-running-bar');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await step()).toBe(3);
    expect(await attr('import-report', 'data-written')).toBe('true');
    expect(Number(await attr('import-report', 'data-accounts'))).toBe(FILLER + 4);
    expect(Number(await attr('import-report', 'data-orders'))).toBe(3);
    expect(await page.getByTestId('import-report-summary').textContent()).toMatch(/^25,005 rows read: imported 25,004 accounts, 25,004 contacts and 3 orders in [\d.]+ s\.$/);
    const seen = await progressSeen('import-running-bar');
    expect(seen.some((v) => /^read:[1-9]\d*\//.test(v)), seen.join(' ')).toBe(true);
    await shot('import-report');
  });

  it('the book holds every row at once, the hand-mapped notes and the orders in their currencies', async () => {
    expect(await e2e.api<number>('accounts.count', {})).toBe(FILLER + 5);
    const [spanish] = await e2e.api<AccountListItem[]>('accounts.list', { query: 'Válvulas Ibéricas', limit: 5, offset: 0 });
    expect(spanish).toBeDefined();
    const account = await e2e.api<{ notes: string | null; country: string }>('accounts.get', { id: spanish!.id });
    expect(account).toMatchObject({ notes: 'met at Canton Fair', country: 'ES' });
    const orders = await e2e.api<{ orderNumber?: string | null; amount: number; currency: string; orderedAt: string }[]>('orders.list', { accountId: spanish!.id });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ amount: 12_500, currency: 'EUR', orderedAt: '2025-03-31' });
    const [baltic] = await e2e.api<AccountListItem[]>('accounts.list', { query: 'Baltic Valves', limit: 5, offset: 0 });
    const balticOrders = await e2e.api<{ amount: number; orderedAt: string }[]>('orders.list', { accountId: baltic!.id });
    expect(balticOrders[0]).toMatchObject({ amount: 3_200, orderedAt: '2025-03-31' });
    // Nordic Pumps AB is still one account.
    expect(await e2e.api<AccountListItem[]>('accounts.list', { query: 'Nordic Pumps', limit: 5, offset: 0 })).toHaveLength(1);
    await page.getByTestId('import-open-accounts').click();
    await expect.poll(() => page.getByTestId('account-count').getAttribute('data-count').then(Number), slow).toBe(FILLER + 5);
  });
});

describe('Import wizard in 中文: a GB18030 file with Chinese headers', () => {
  it('reads the encoding, guesses 公司名称/国家/联系人/邮箱/电话, checks and imports, all in Chinese', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('nav-transfer').click();
    await page.getByTestId('import-another').click();
    await expect.poll(step, slow).toBe(0);
    expect(await page.getByTestId('import-file').inputValue()).toBe('');
    await page.getByTestId('import-file').fill(chinese);
    await page.getByTestId('import-read').click();
    await expect.poll(step, slow).toBe(1);
    expect(await attr('import-file-info', 'data-encoding')).toBe('GB18030');
    const guesses = await page.getByTestId('import-mapping-row').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-column'), r.getAttribute('data-field')])),
    );
    expect(guesses).toEqual({ 公司名称: 'account.name', 国家: 'account.country', 城市: 'account.city', 联系人: 'contact.name', 邮箱: 'contact.email', 电话: 'contact.phone' });
    expect(await page.getByTestId('import-preview-rows').textContent()).toContain('深圳华强电子有限公司');
    await page.getByTestId('import-check').click();
    await expect.poll(step, slow).toBe(2);
    expect(await page.getByTestId('import-check-summary').textContent()).toMatch(CJK);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor(slow);
    expect(await attr('import-report', 'data-accounts')).toBe('2');
    expect(await page.getByTestId('import-report-summary').textContent()).toMatch(CJK);
    await shot('import-report-zh');
    const [osaka] = await e2e.api<AccountListItem[]>('accounts.list', { query: '大阪商事', limit: 5, offset: 0 });
    expect(osaka).toMatchObject({ country: 'JP' });
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
