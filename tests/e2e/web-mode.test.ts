import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBook } from '../../scripts/web-mode-harness';
import { openE2e, type E2e } from './harness';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await openE2e({ prefix: 'tradebook-e2e-' });
  page = e2e.page;
});

afterAll(() => e2e?.close());

describe('web mode in Chromium', () => {
  it('shows the accounts page and drops the token from the address bar', async () => {
    await page.getByTestId('account-search').waitFor();
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('account-count').textContent()).toMatch(/0/);
  });

  it('adds an account with the zone suggested from the country; it appears in the list', async () => {
    await page.getByTestId('add-account-button').click();
    await page.getByTestId('add-account-name').fill('Válvulas Ibéricas S.L.');
    await page.getByTestId('add-account-country').click();
    await page.getByTestId('add-account-country').fill('Spain');
    await page.getByRole('option', { name: /Spain/ }).first().click();
    await expect.poll(() => page.getByTestId('add-account-zone').inputValue()).toMatch(/Europe\/Madrid/);
    await page.getByTestId('add-account-submit').click();
    await expect.poll(() => page.getByTestId('account-row').filter({ hasText: 'Válvulas Ibéricas S.L.' }).count()).toBe(1);
  });

  it('shows a message next to the field for bad input and keeps the form open', async () => {
    await page.getByTestId('add-account-button').click();
    await page.getByTestId('add-account-submit').click();
    await expect.poll(() => page.getByTestId('field-error-name').textContent()).toBeTruthy();
    await page.keyboard.press('Escape');
  });

  it('search finds the account by an accent-free prefix and by a Chinese fragment', async () => {
    await page.getByTestId('add-account-button').click();
    await page.getByTestId('add-account-name').fill('深圳华强电子有限公司');
    await page.getByTestId('add-account-country').click();
    await page.getByTestId('add-account-country').fill('China');
    await page.getByRole('option', { name: /China/ }).first().click();
    await page.getByTestId('add-account-submit').click();
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(2);

    await page.getByTestId('account-search').fill('valvu');
    await expect.poll(() => page.getByTestId('account-row').allTextContents()).toEqual([expect.stringContaining('Válvulas Ibéricas')]);
    await page.getByTestId('account-search').fill('华强');
    await expect.poll(() => page.getByTestId('account-row').allTextContents()).toEqual([expect.stringContaining('深圳华强电子有限公司')]);
    await page.getByTestId('account-search').fill('zzzz-nothing');
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(0);
    await page.getByTestId('account-search').fill('');
  });

  it('switches to Chinese: labels change, Chinese glyphs render (not boxes), and the choice persists', async () => {
    const englishLabel = await page.getByTestId('add-account-button').textContent();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('add-account-button').textContent()).not.toBe(englishLabel);
    expect(await page.getByTestId('add-account-button').textContent()).toMatch(/[\u4e00-\u9fff]/);
    // With no CJK font, two different ideographs are drawn as the same box: compare their pixels.
    const distinct = await page.evaluate(() => {
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 32;
        const g = canvas.getContext('2d')!;
        g.font = '24px sans-serif';
        g.fillText(text, 2, 26);
        return canvas.toDataURL();
      };
      return draw('客') !== draw('户');
    });
    expect(distinct).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('add-account-button').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('add-account-button').textContent()).toBe(englishLabel);
  });

  it('is keyboard-friendly: "/" jumps to the search, N opens the form with focus in Name, Esc closes it', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('account-search');
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-account-name');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('add-account-name').count()).toBe(0);
  });

  it('shows the to-do page from the book', async () => {
    await page.getByTestId('nav-todos').click();
    await expect.poll(async () => (await page.getByTestId('todo-empty').count()) + (await page.getByTestId('todo-list').count())).toBeGreaterThan(0);
  });

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('web mode on a locked book', () => {
  it('a second server on the same book gets a clear error', async () => {
    await expect(serveBook(e2e.file)).rejects.toThrow(/already open in another Tradebook/);
  });
});

describe('web mode when the server goes away', () => {
  it('an API failure shows a readable message in the chosen language, never a blank screen', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-search').waitFor();
    await e2e.served.stop();
    await page.getByTestId('account-search').fill('atlas');
    await expect.poll(() => page.getByTestId('account-error').textContent()).toMatch(/Tradebook is not answering/);
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('account-search').fill('atlas2');
    await expect.poll(() => page.getByTestId('account-error').textContent()).toMatch(/没有响应/);
    expect(await page.getByTestId('app-name').isVisible()).toBe(true);
  });
});
