/**
 * Scores in the accounts list and the dashboard end to end (issue 7): web mode on a book seeded and scored with the CLI
 * (`seed --accounts 60 --seed 1`, `score --as-of 2025-06-30`), in Debian's Chromium. The dashboard shows what
 * scores.summary says over HTTP; a churn warning opens its account; the tier filter lists only that tier; 中文 works.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreSummary } from '../../src-main/contract/models';
import { serveBook } from '../../scripts/web-mode-harness';
import type { RescoreJob } from '../../src-main/contract/rescoring';
import { runTradebook } from '../cli/run-cli';
import { CJK, PAGE_DEFAULTS, openE2e, seriousAxeViolations, type E2e } from './harness';

const slow = { timeout: 15_000 };

let e2e: E2e;
let page: Page;

const countOf = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-count'));

async function expectDashboardShows(summary: ScoreSummary): Promise<void> {
  await expect.poll(() => page.getByTestId('dashboard-asof').getAttribute('data-as-of'), slow).toBe(summary.asOf);
  for (const [tier, n] of Object.entries(summary.tiers)) expect(await countOf(`dashboard-tier-${tier}`), tier).toBe(n);
  for (const [quadrant, n] of Object.entries(summary.quadrants)) expect(await countOf(`dashboard-quadrant-${quadrant}`), quadrant).toBe(n);
  for (const [loyalty, n] of Object.entries(summary.loyalty)) expect(await countOf(`dashboard-loyalty-${loyalty}`), loyalty).toBe(n);
  expect(await countOf('dashboard-churn-total')).toBe(summary.churnWarnings.total);
  expect(await page.getByTestId('dashboard-churn-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account-id')))).toEqual(
    summary.churnWarnings.items.map((w) => w.accountId),
  );
}

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-scores-',
    buildBook: async (db) => {
      for (const args of [['seed', '--accounts', '60', '--seed', '1', '--json'], ['score', '--as-of', '2025-06-30', '--json']]) {
        const run = await runTradebook(['--db', db, ...args]);
        expect(run.status, run.stderr).toBe(0);
      }
    },
    context: { viewport: { width: 1440, height: 900 } },
    timeout: 15_000,
  });
  page = e2e.page;
  await page.getByTestId('account-search').waitFor();
}, 180_000);

afterAll(() => e2e?.close());

describe('Dashboard (R10, R12, R14)', () => {
  it('R10/R12/R14: shows the tier, quadrant and loyalty counts and the churn warnings that scores.summary gives', async () => {
    const summary = await e2e.api<ScoreSummary>('scores.summary', {});
    expect(summary.asOf).toBe('2025-06-30');
    expect(summary.churnWarnings.total).toBeGreaterThan(0);
    await page.getByTestId('nav-dashboard').click();
    await expectDashboardShows(summary);
    // The churn rows carry the names, countries and reasons the server gave.
    const first = summary.churnWarnings.items[0]!;
    const row = page.getByTestId('dashboard-churn-row').first();
    expect(await row.textContent()).toContain(first.accountName);
    expect(await row.textContent()).toContain(first.reason);
  });

  it('R14: clicking a churn warning opens that account\'s page; Enter on a focused row does too', async () => {
    const summary = await e2e.api<ScoreSummary>('scores.summary', {});
    const [first, second] = summary.churnWarnings.items;
    await page.getByTestId('dashboard-churn-row').first().click();
    await expect.poll(() => page.getByTestId('account-page').getAttribute('data-account-id'), slow).toBe(first!.accountId);
    await page.getByTestId('nav-dashboard').click();
    if (second) {
      await page.getByTestId('dashboard-churn-row').nth(1).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('account-page').getAttribute('data-account-id'), slow).toBe(second.accountId);
    }
  });
});

describe('Accounts list with scores', () => {
  it('R10: filtering by tier VIP lists only VIP rows and the count matches; clearing brings every account back', async () => {
    const vip = await e2e.api<number>('accounts.count', { tier: 'VIP' });
    expect(vip).toBeGreaterThan(0);
    await page.getByTestId('nav-accounts').click();
    await expect.poll(() => countOf('account-count'), slow).toBe(60);
    await page.getByTestId('filter-tier').click();
    await page.getByRole('option', { name: 'VIP' }).click();
    await expect.poll(() => countOf('account-count'), slow).toBe(vip);
    await expect.poll(() => page.getByTestId('account-row').count(), slow).toBe(vip);
    const tiers = await page.getByTestId('account-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-tier]')?.getAttribute('data-tier')));
    expect(tiers).toEqual(Array.from({ length: vip }, () => 'VIP'));
    // The filter survives a visit to another page.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-accounts').click();
    await expect.poll(() => countOf('account-count'), slow).toBe(vip);
    expect(await page.getByTestId('filter-tier').inputValue()).toBe('VIP');
  });

  it('R14: the churn chip combines with the tier filter and the search; Clear filters resets them', async () => {
    const churned = await e2e.api<number>('accounts.count', { churn: true });
    const vipChurned = await e2e.api<number>('accounts.count', { tier: 'VIP', churn: true });
    await page.getByTestId('filter-churn').click();
    await expect.poll(() => countOf('account-count'), slow).toBe(vipChurned);
    await page.getByTestId('filter-clear').click();
    await expect.poll(() => countOf('account-count'), slow).toBe(60);
    // Keyboard: the chip is reachable with Tab and toggles with Space.
    await page.getByTestId('filter-loyalty').getByText('All').click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => countOf('account-count'), slow).toBe(churned);
    const rows = await page.getByTestId('account-row').count();
    expect(await page.getByTestId('churn-badge').count()).toBe(rows);
    // With a search as well: the server's count for both.
    const name = (await page.getByTestId('account-row').first().locator('[role=cell]').first().textContent()) ?? '';
    const word = name.split(/\s+/)[0]!;
    await page.getByTestId('account-search').fill(word);
    const both = await e2e.api<number>('accounts.count', { query: word, churn: true });
    await expect.poll(() => countOf('account-count'), slow).toBe(both);
    await page.getByTestId('account-search').fill('');
    await page.getByTestId('filter-clear').click();
    await expect.poll(() => countOf('account-count'), slow).toBe(60);
  });

  it('switches to 中文: filters, columns, badges and the dashboard are in Chinese, churn reasons too', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByRole('columnheader').allTextContents(), slow).toContain('等级');
    expect(await page.getByTestId('filter-churn').textContent()).toMatch(CJK);
    expect(await page.getByTestId('filter-tier').getAttribute('placeholder')).toMatch(CJK);
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('dashboard-tiers').textContent(), slow).toContain('客户等级');
    await expect.poll(() => page.getByTestId('dashboard-churn-row').first().textContent(), slow).toMatch(/流失|销量|较|询盘/);
    await page.getByTestId('language-switch').getByText('EN').click();
  });

});

describe('a book never scored (issue 13 item 6)', () => {
  /** A served book of one account, made by the CLI and never scored. */
  async function unscoredBook(name: string): Promise<string> {
    const file = path.join(e2e.dir, name);
    for (const args of [['init', '--json'], ['accounts', 'add', '--name', 'Solo Trading Ltd', '--country', 'GB', '--json']]) {
      const run = await runTradebook(['--db', file, ...args]);
      expect(run.status, run.stderr).toBe(0);
    }
    return file;
  }

  async function jobOf(served: { url: string; token: string }): Promise<RescoreJob | null> {
    const response = await fetch(new URL('/api/call', served.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ name: 'scores.job', input: {} }),
    });
    return ((await response.json()) as { value: RescoreJob | null }).value;
  }

  it('is scored in the background as soon as it is opened: nothing to press, the dashboard fills in', async () => {
    const other = await serveBook(await unscoredBook('never-scored.db'));
    const emptyPage = await e2e.browser.newPage(PAGE_DEFAULTS);
    try {
      e2e.watch(emptyPage);
      await emptyPage.goto(other.url);
      await emptyPage.getByTestId('nav-dashboard').click();
      await emptyPage.getByTestId('dashboard-quadrants').waitFor(slow);
      // One account without orders: no tier, one quadrant, no churn warning.
      const quadrants = await emptyPage.locator('[data-testid^="dashboard-quadrant-"]').evaluateAll((tiles) => tiles.map((t) => Number(t.getAttribute('data-count'))));
      expect(quadrants.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await emptyPage.getByTestId('dashboard-churn-none').count()).toBe(1);
      expect(await jobOf(other)).toMatchObject({ state: 'done', reason: 'first', done: 1, total: 1, error: null });
      expect(await emptyPage.getByTestId('rescore-status').count()).toBe(0);
    } finally {
      await emptyPage.close();
      await other.stop();
    }
  });

  it('a rescore that dies says so above the page, nothing changed, and offers to score again', async () => {
    // The worker kills itself at its first account, as a crash would.
    const other = await serveBook(await unscoredBook('crashing.db'), { TRADEBOOK_RESCORE_CRASH_AT: '0' });
    const crashPage = await e2e.browser.newPage(PAGE_DEFAULTS);
    try {
      e2e.watch(crashPage);
      await crashPage.goto(other.url);
      await crashPage.getByTestId('rescore-failed').waitFor(slow);
      expect(await crashPage.getByTestId('rescore-failed').textContent()).toMatch(/^Scoring stopped before it was done; nothing was changed\. \(.*SIGKILL.*\)Score again$/);
      expect(await jobOf(other)).toMatchObject({ state: 'failed', error: { code: 'worker_crashed' } });
      await crashPage.getByTestId('nav-dashboard').click();
      await crashPage.getByTestId('dashboard-empty').waitFor(slow);
    } finally {
      await crashPage.close();
      await other.stop();
    }
  });
});

describe('the rescore’s progress above every page', () => {
  it('while one runs: what it does, how far, and Stop — in both languages, with nothing serious for axe', async () => {
    // The page is told a 50,000-account rescore is a quarter done (its rendering only; the real one is above).
    const running: RescoreJob = {
      id: '01JNR0000000000000000000R1', state: 'running', reason: 'first', phase: 'score', done: 12_345, total: 50_000,
      startedAt: '2026-12-07T10:00:00Z', finishedAt: null, summary: null, error: null,
    };
    await page.route('**/api/call', (route) =>
      (route.request().postDataJSON() as { name?: string } | null)?.name === 'scores.job' ? route.fulfill({ json: { ok: true, value: running } }) : route.fallback(),
    );
    try {
      await expect.poll(() => page.getByTestId('rescore-text').textContent(), slow).toBe('Scoring the book: 12,345 of 50,000 accounts…');
      expect(await page.getByTestId('rescore-status').textContent()).toContain('This book has not been scored yet');
      expect(await page.getByTestId('rescore-status').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
      expect(await seriousAxeViolations(page, '[data-testid="rescore-status"]')).toEqual([]);
      await page.getByTestId('language-switch').getByText('中文').click();
      await expect.poll(() => page.getByTestId('rescore-text').textContent()).toBe('正在评分：12,345 / 50,000 个客户…');
      expect(await page.getByTestId('rescore-cancel').textContent()).toBe('停止评分');
      await page.getByTestId('language-switch').getByText('EN').click();
    } finally {
      await page.unroute('**/api/call');
    }
    // The book's own answer again: no rescore runs, the bar goes.
    await expect.poll(() => page.getByTestId('rescore-status').count(), slow).toBe(0);
  });
});

describe('Rescore from the dashboard', () => {
  it('Rescore now rescores the book (as of today), says when it is done and shows the new figures', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-rescore').click();
    await page.getByTestId('dashboard-rescored').waitFor(slow);
    const summary = await e2e.api<ScoreSummary>('scores.summary', {});
    expect(summary.asOf).not.toBe('2025-06-30');
    await expectDashboardShows(summary);
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});
