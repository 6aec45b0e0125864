/**
 * Team sharing by file end to end (issue 11, item 7), two real books in Debian's Chromium. Book A (a colleague's)
 * and book B (ours) are built with the services: an account made in A reaches B by a full share file, then its
 * name is edited differently in both books and A gets a new account with a contact; A exports again. B is served:
 * on the Sharing page the user types the path, reads the dry run's figures (the server's own), merges, and reads
 * the report — the conflict with both names and the one kept, the backup made first — and the new account is on the
 * Accounts page. Then Export (snapshot and changes), the Backups page (the merge's backup, Back up now, the restore
 * command) and the public pool (claim with an owner name that is remembered), in English and 中文.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../src-main/contract/backups';
import type { Account } from '../../src-main/contract/models';
import type { PoolAccount, ShareMergeReport } from '../../src-main/contract/sharing';
import { must, withBook } from './book-calls';
import { CJK, openE2e, pageShots, type E2e } from './harness';

const slow = { timeout: 15_000 };

const ORIGINAL = 'Válvulas Ibéricas S.L.';
const NAME_IN_A = 'Válvulas Ibéricas (Madrid)';
const NAME_IN_B = 'Válvulas Ibéricas (Sevilla)';
const NEW_IN_A = 'Nordic Pumps AB';

let e2e: E2e;
let page: Page;
/** Set TRADEBOOK_E2E_SHOTS to a folder to keep a screenshot of each page looked at. */
let shot: (name: string) => Promise<void>;
let shareFile = '';
let sharedId = '';

/** Book A and book B (served) share one account, then both edit its name; A adds an account and exports again. */
async function buildBooks(bookB: string): Promise<void> {
  const dir = path.dirname(bookB);
  const bookA = path.join(dir, 'colleague.db');
  const first = path.join(dir, 'first.tbshare');
  shareFile = path.join(dir, 'colleague.tbshare');
  sharedId = await withBook(bookA, async (a) => {
    const account = await must(a, 'accounts.add', { name: ORIGINAL, country: 'ES', city: 'Madrid' });
    await must(a, 'share.export', { out: first });
    return account.id;
  });
  await withBook(bookB, async (b) => {
    await must(b, 'share.merge', { file: first, dryRun: false });
    await must(b, 'accounts.update', { id: sharedId, name: NAME_IN_B });
    await must(b, 'accounts.add', { name: 'Shenzhen Huaqiang Electronics', country: 'CN', city: 'Shenzhen' });
  });
  await withBook(bookA, async (a) => {
    await must(a, 'accounts.update', { id: sharedId, name: NAME_IN_A });
    const nordic = await must(a, 'accounts.add', { name: NEW_IN_A, country: 'SE', city: 'Göteborg' });
    await must(a, 'contacts.add', { accountId: nordic.id, name: 'Astrid Lund', emails: ['astrid@nordicpumps.se'] });
    await must(a, 'share.export', { out: shareFile });
  });
}

const attr = async (testId: string, name: string) => page.getByTestId(testId).getAttribute(name);

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-sharing-',
    buildBook: buildBooks,
    context: { viewport: { width: 1366, height: 900 } },
    timeout: 15_000,
  });
  page = e2e.page;
  shot = pageShots(page);
  await page.getByTestId('account-search').waitFor();
}, 180_000);

afterAll(() => e2e?.close());

describe('Sharing: merge a colleague’s file', () => {
  let expected: ShareMergeReport;

  it('an empty path is refused beside the field, a missing file with the server’s own message', async () => {
    await page.getByTestId('nav-sharing').click();
    await page.getByTestId('share-merge-dry-run').click();
    await expect.poll(() => page.getByTestId('share-merge-file-error').textContent(), slow).toBe('Enter the path of a file on this computer.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-merge-file');
    const missing = path.join(e2e.dir, 'nowhere.tbshare');
    await page.getByTestId('share-merge-file').fill(missing);
    await page.getByTestId('share-merge-dry-run').click();
    const message = await e2e.api('share.merge', { file: missing, dryRun: true }).then(
      () => '',
      (error: Error) => error.message.replace(/^share\.merge: /, ''),
    );
    expect(message).not.toBe('');
    await expect.poll(() => page.getByTestId('share-merge-error-message').textContent(), slow).toBe(message);
  });

  it('the dry run (Enter in the path field) shows the server’s figures per table and the conflict, and changes nothing', async () => {
    expected = await e2e.api<ShareMergeReport>('share.merge', { file: shareFile, dryRun: true });
    expect(expected.added).toBeGreaterThanOrEqual(2); // the new account and its contact
    expect(expected.conflicts.some((c) => c.id === sharedId && c.field === 'name')).toBe(true);
    await page.getByTestId('share-merge-file').fill(shareFile);
    await page.getByTestId('share-merge-file').press('Enter');
    await page.getByTestId('share-preview').waitFor(slow);
    expect(await attr('share-preview', 'data-dry-run')).toBe('true');
    expect(Number(await attr('share-preview', 'data-added'))).toBe(expected.added);
    expect(Number(await attr('share-preview', 'data-updated'))).toBe(expected.updated);
    expect(Number(await attr('share-preview', 'data-conflicts'))).toBe(expected.conflicts.length + expected.moreConflicts);
    const summary = (await page.getByTestId('share-preview-summary').textContent()) ?? '';
    expect(summary).toMatch(new RegExp(`^Would add ${expected.added} records? and update ${expected.updated} records?; ${expected.conflicts.length} conflicts?\\.$`));
    // Per table: accounts +1, contacts +1, in the server's numbers.
    const rows = await page.getByTestId('share-preview-tables-row').evaluateAll((trs) =>
      trs.map((tr) => ({ table: tr.getAttribute('data-table'), added: Number(tr.getAttribute('data-added')), updated: Number(tr.getAttribute('data-updated')) })),
    );
    for (const row of rows) expect(row, row.table ?? '').toMatchObject({ added: expected.tables[row.table!]!.added, updated: expected.tables[row.table!]!.updated });
    expect(rows.find((r) => r.table === 'accounts')?.added).toBe(1);
    expect(rows.find((r) => r.table === 'contacts')?.added).toBe(1);
    expect(await page.getByTestId('share-preview-tables').textContent()).toContain('Accounts');
    // Focus moved to the preview, so keyboard users read it first; nothing was written.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-preview-title');
    expect(await e2e.api<number>('accounts.count', {})).toBe(2);
    await shot('sharing-preview');
  });

  it('Merge applies it; the report lists every conflict with both values and the one kept, and the backup made first', async () => {
    await page.getByTestId('share-merge-apply').click();
    await page.getByTestId('share-report').waitFor(slow);
    expect(await attr('share-report', 'data-dry-run')).toBe('false');
    expect(Number(await attr('share-report', 'data-added'))).toBe(expected.added);
    expect(await page.getByTestId('share-report-summary').textContent()).toMatch(/^Added \d+ records?, updated \d+ records?, \d+ unchanged; \d+ conflicts?\.$/);
    const conflict = page.locator(`[data-testid="share-report-conflicts-row"][data-id="${sharedId}"][data-field="name"]`);
    await conflict.waitFor();
    const expectedConflict = expected.conflicts.find((c) => c.id === sharedId && c.field === 'name')!;
    expect(await conflict.getByTestId('share-report-conflicts-mine').textContent()).toContain(NAME_IN_B);
    expect(await conflict.getByTestId('share-report-conflicts-theirs').textContent()).toContain(NAME_IN_A);
    expect(await conflict.getAttribute('data-kept')).toBe(expectedConflict.kept);
    expect(await conflict.textContent()).toContain('Accounts');
    // The kept value is marked in words, not by colour alone, in its own cell only.
    const keptCell = conflict.getByTestId(`share-report-conflicts-${expectedConflict.kept}`);
    expect(await keptCell.getByTestId('merge-conflict-kept-mark').textContent()).toBe('✓ kept');
    expect(await conflict.getByTestId('merge-conflict-kept-mark').count()).toBe(1);
    const keptName = expectedConflict.kept === 'mine' ? NAME_IN_B : NAME_IN_A;
    expect((await e2e.api<Account>('accounts.get', { id: sharedId })).name).toBe(keptName);
    // The backup made before the merge is named, and is on the disk.
    const backup = (await page.getByTestId('share-report-backup').textContent()) ?? '';
    expect(backup).toMatch(/\.merge\.bak$/);
    expect(fs.existsSync(backup)).toBe(true);
    await shot('sharing-report');
  });

  it('the account the file brought is on the Accounts page', async () => {
    const kept = (await e2e.api<Account>('accounts.get', { id: sharedId })).name;
    await page.getByTestId('share-open-accounts').click();
    await expect.poll(() => page.getByTestId('account-count').getAttribute('data-count').then(Number), slow).toBe(3);
    await expect.poll(() => page.getByTestId('account-row').allTextContents(), slow).toEqual(
      expect.arrayContaining([expect.stringContaining(NEW_IN_A), expect.stringContaining(kept)]),
    );
  });

  it('the report is still there after a visit to another page; merging the same file again changes nothing', async () => {
    await page.getByTestId('nav-sharing').click();
    await page.getByTestId('share-report').waitFor(slow);
    await page.getByTestId('share-merge-again').click();
    expect(await page.getByTestId('share-merge-file').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-merge-file');
    await page.getByTestId('share-merge-file').fill(shareFile);
    await page.getByTestId('share-merge-dry-run').click();
    await page.getByTestId('share-preview').waitFor(slow);
    expect(await page.getByTestId('share-preview-summary').textContent()).toBe('Nothing to merge: your book already holds everything in this file.');
    await page.getByTestId('share-merge-file').fill('');
    expect(await page.getByTestId('share-preview').count()).toBe(0);
  });
});

describe('Sharing: export a share file', () => {
  it('exports a snapshot of the whole book and shows its records and size', async () => {
    const out = path.join(e2e.dir, 'mine.tbshare');
    await page.getByTestId('share-export-submit').click();
    await expect.poll(() => page.getByTestId('share-export-out-error').textContent(), slow).toBe('Enter the path of a file on this computer.');
    await page.getByTestId('share-export-out').fill(out);
    await page.getByTestId('share-export-submit').click();
    await page.getByTestId('share-export-done').waitFor(slow);
    expect(fs.existsSync(out)).toBe(true);
    expect(Number(await attr('share-export-done', 'data-bytes'))).toBe(fs.statSync(out).size);
    expect(Number(await attr('share-export-done', 'data-total'))).toBe(4); // 3 accounts + 1 contact
    expect(await page.getByTestId('share-export-summary').textContent()).toMatch(/^A snapshot of the whole book: 4 records, [\d.]+ kB, in [\d.]+ s\.$/);
    expect(await page.getByTestId('share-export-file').textContent()).toBe(out);
    expect(await page.locator('[data-testid="share-export-records"] tr[data-table="accounts"]').getAttribute('data-count')).toBe('3');
    await shot('sharing-export');
  });

  it('exports the changes since a day (keyboard: the radio with the arrow keys)', async () => {
    const out = path.join(e2e.dir, 'changes.tbshare');
    await page.getByTestId('share-export-full').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('share-export-since').waitFor();
    await page.getByTestId('share-export-submit').click();
    await expect.poll(() => page.getByTestId('share-export-since').getAttribute('aria-invalid'), slow).toBe('true');
    await page.getByTestId('share-export-since').fill('2000-01-01');
    await page.getByTestId('share-export-out').fill(out);
    await page.getByTestId('share-export-out').press('Enter');
    await expect.poll(() => page.getByTestId('share-export-summary').textContent(), slow).toMatch(/^The changes since Jan 1, 2000: 4 records/);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('Backups', () => {
  it('lists the backups (the merge made one) with the date in the user’s locale, the reason and the size', async () => {
    const backups = await e2e.api<BackupEntry[]>('backups.list', {});
    expect(backups.some((b) => b.reason === 'merge')).toBe(true);
    await page.getByTestId('nav-backups').click();
    await expect.poll(() => page.getByTestId('backup-row').count(), slow).toBe(backups.length);
    const merge = page.locator('[data-testid="backup-row"][data-reason="merge"]').first();
    expect(await merge.textContent()).toContain('Before a merge');
    expect(await merge.textContent()).toMatch(/\d+(\.\d)? kB/);
    // en-US in Asia/Shanghai: "Jun 30, 2025, 6:00 PM"-style, in the browser's zone.
    const takenAt = (await merge.getAttribute('data-taken-at'))!;
    const shown = await page.evaluate((iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)), takenAt);
    expect(await merge.getByTestId('backup-taken-at').textContent()).toBe(shown);
  });

  it('Back up now adds a manual backup and says where it went', async () => {
    const before = await page.getByTestId('backup-row').count();
    await page.getByTestId('backups-create').click();
    await page.getByTestId('backups-created').waitFor(slow);
    await expect.poll(() => page.getByTestId('backup-row').count(), slow).toBe(before + 1);
    expect(await page.getByTestId('backup-row').first().getAttribute('data-reason')).toBe('manual');
    expect(await page.getByTestId('backups-created').textContent()).toMatch(/^Backed up to book\.db\.\d{8}T\d{6}Z\.manual\.bak/);
  });

  it('restores a backup from the list after asking: the book is the backup again, the book as it was is kept', async () => {
    const newest = (await e2e.api<BackupEntry[]>('backups.list', {}))[0]!;
    const total = await e2e.api<number>('accounts.count', {});
    await e2e.api('accounts.add', { name: 'Made After The Backup Ltd', country: 'GB' });
    await page.getByTestId('backup-restore').first().click();
    const dialog = page.getByTestId('backup-restore-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('every change made since then is replaced');
    expect(await page.getByTestId('backup-restore-file').textContent()).toBe(newest.file);
    // Focus starts on Cancel: Enter or Escape by mistake restores nothing.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('backup-restore-confirm').count(), slow).toBe(0);
    expect(await e2e.api<number>('accounts.count', {})).toBe(total + 1);

    await page.getByTestId('backup-restore').first().click();
    await shot('backups-restore-dialog');
    await page.getByTestId('backup-restore-confirm').click();
    await page.getByTestId('backups-restored').waitFor(slow);
    const restored = (await page.getByTestId('backups-restored').textContent())!;
    expect(restored.startsWith(`Restored ${path.basename(newest.file)}: the book now holds ${total} accounts.`), restored).toBe(true);
    expect(restored).toMatch(/The book as it was is kept as book\.db\.\d{8}T\d{6}Z\.restore\.bak\.$/);
    expect(await e2e.api<number>('accounts.count', {})).toBe(total);
    await expect.poll(() => page.getByTestId('backup-row').first().getAttribute('data-reason'), slow).toBe('restore');
    await shot('backups-restored');
  });

  it('a file that is not a backup is refused in the dialog, the book untouched; the terminal way is there too', async () => {
    const total = await e2e.api<number>('accounts.count', {});
    await page.getByTestId('backups-restore-file').click();
    expect(await page.getByTestId('backups-restore-path-error').textContent()).toBe('Enter the path of a file on this computer.');
    await page.getByTestId('backups-restore-path').fill(path.join(path.dirname(e2e.file), 'no-such-backup.bak'));
    await page.getByTestId('backups-restore-path').press('Enter');
    await page.getByTestId('backup-restore-confirm').click();
    await page.getByTestId('backup-restore-error').waitFor(slow);
    expect(await page.getByTestId('backup-restore-error-message').textContent()).toMatch(/^There is no file at .*no-such-backup\.bak to restore\. The book was not changed\.$/);
    await page.getByTestId('backup-restore-cancel').click();
    await expect.poll(() => page.getByTestId('backup-restore-dialog').count(), slow).toBe(0);
    expect(await e2e.api<number>('accounts.count', {})).toBe(total);

    const newest = (await e2e.api<BackupEntry[]>('backups.list', {}))[0]!;
    expect(await page.getByTestId('backups-restore-steps').textContent()).toContain('If Tradebook cannot start');
    expect(await page.getByTestId('backups-restore-steps-command').inputValue()).toBe(`tradebook --db ${e2e.file} restore ${newest.file}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('backups-restore-steps-copy').click();
    await expect.poll(() => page.getByTestId('backups-restore-steps-copy').textContent(), slow).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`tradebook --db ${e2e.file} restore ${newest.file}`);
    await shot('backups');
  });
});

describe('Public pool (公海)', () => {
  it('lists the accounts nobody owns with the pool length (poolDays) shown', async () => {
    const pool = await e2e.api<{ days: number; total: number; accounts: PoolAccount[] }>('accounts.pool', { limit: 100, offset: 0 });
    expect(pool.days).toBe(30);
    expect(pool.total).toBe(3);
    await page.getByTestId('nav-pool').click();
    await expect.poll(() => page.getByTestId('pool-row').count(), slow).toBe(3);
    expect(await page.getByTestId('pool-count').textContent()).toBe('3 claimable accounts');
    expect(await page.getByTestId('pool-intro').textContent()).toContain('30 days');
    expect(await page.getByTestId('pool-days').inputValue()).toBe('30');
    const row = page.locator('[data-testid="pool-row"]', { hasText: NEW_IN_A });
    expect(await row.textContent()).toContain('Sweden');
    expect(await row.getByTestId('pool-row-owner').textContent()).toBe('Nobody');
    expect(await row.getByTestId('pool-row-idle').textContent()).toBe('0 days');
    await shot('pool');
  });

  it('Claim asks for the owner; the account leaves the pool, and the next claim offers the same name', async () => {
    const row = page.locator('[data-testid="pool-row"]', { hasText: NEW_IN_A });
    const id = (await row.getAttribute('data-account-id'))!;
    await row.getByRole('button', { name: `Claim ${NEW_IN_A}` }).click();
    const owner = page.getByTestId('pool-claim-owner');
    await owner.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), slow).toBe('pool-claim-owner');
    await page.getByTestId('pool-claim-submit').click();
    await expect.poll(() => page.getByTestId('pool-claim-form').textContent(), slow).toContain('Required.');
    await owner.fill('Li Wei');
    await shot('pool-claim');
    await owner.press('Enter');
    await page.getByTestId('pool-claimed').waitFor(slow);
    expect(await page.getByTestId('pool-claimed').textContent()).toBe(`${NEW_IN_A} is now owned by Li Wei.`);
    await expect.poll(() => page.getByTestId('pool-row').count(), slow).toBe(2);
    expect((await e2e.api<Account>('accounts.get', { id })).owner).toBe('Li Wei');
    // The next claim remembers the name.
    await page.getByTestId('pool-claim').first().click();
    await expect.poll(() => page.getByTestId('pool-claim-owner').inputValue(), slow).toBe('Li Wei');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('pool-claim-form').count(), slow).toBe(0);
  });

  it('poolDays 0 turns the pool off; a number turns it on again', async () => {
    await page.getByTestId('pool-days').fill('0');
    await page.getByTestId('pool-days').press('Enter');
    await page.getByTestId('pool-off').waitFor(slow);
    expect(await page.getByTestId('pool-row').count()).toBe(0);
    await page.getByTestId('pool-days').fill('30');
    await page.getByTestId('pool-days-save').click();
    await expect.poll(() => page.getByTestId('pool-row').count(), slow).toBe(2);
  });
});

describe('in 中文', () => {
  it('the four pages are in Chinese, the merge report too', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('nav-pool').textContent(), slow).toBe('公海');
    expect(await page.getByTestId('pool-page').textContent()).toMatch(CJK);
    await page.getByTestId('nav-sharing').click();
    await page.getByTestId('share-merge-file').fill(shareFile);
    await page.getByTestId('share-merge-dry-run').click();
    await expect.poll(() => page.getByTestId('share-preview-title').textContent(), slow).toBe('试运行：尚未做任何修改');
    expect(await page.getByTestId('share-export-submit').textContent()).toBe('导出');
    await shot('sharing-zh');
    await page.getByTestId('nav-backups').click();
    // The newest backup is the one the restore above made of the book as it was.
    await expect.poll(() => page.getByTestId('backup-row').first().textContent(), slow).toContain('恢复前');
    expect(await page.getByTestId('backup-restore').first().textContent()).toBe('恢复…');
    await shot('backups-zh');
    await page.getByTestId('nav-transfer').click();
    await expect.poll(() => page.getByTestId('import-export-page').textContent(), slow).toContain('导入客户、联系人和订单');
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
