/**
 * Every screen of the app and how to reach it in a running page — the pages of the navigation, the account page and
 * the dialogs — shared by the every-screen accessibility test (tests/e2e/every-screen.test.ts) and `npm run
 * screenshots` (scripts/screenshots.ts), so the two never list different screens.
 */
import type { Page } from 'playwright-core';
import { settleAnimations } from './web-mode-harness';

export interface Screen {
  /** The file name of its screenshot, and the test's name. */
  name: string;
  /** Opens it from wherever the previous screen left the page (the tour runs in this order). */
  open(page: Page): Promise<void>;
  /** What axe reads: the page's main area, or the dialog. */
  scope: string;
  /** Closes it again (a dialog), leaving the page as it was before `open`. */
  close?(page: Page): Promise<void>;
}

const main = 'body';
const visible = { state: 'visible' } as const;

/** A page of the navigation, ready once its own root is there. */
function navPage(name: string, nav: string, root: string): Screen {
  return {
    name,
    scope: main,
    open: async (page) => {
      await page.getByTestId(`nav-${nav}`).click();
      await page.getByTestId(root).first().waitFor(visible);
    },
  };
}

/** A dialog opened by a key on the current page, closed with Esc. */
function dialog(name: string, key: string, root: string): Screen {
  return {
    name,
    scope: `[data-testid="${root}"]`,
    open: async (page) => {
      // Out of any field or radio (the language switch): page shortcuts act outside them.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(key);
      // A Modal's root has no box of its own: its dialog is what shows.
      await page.getByTestId(root).getByRole('dialog').waitFor(visible);
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByTestId(root).getByRole('dialog').waitFor({ state: 'hidden' });
    },
  };
}

export const SCREENS: readonly Screen[] = [
  navPage('dashboard', 'dashboard', 'dashboard'),
  navPage('accounts', 'accounts', 'account-row'),
  dialog('add-account', 'n', 'add-account-form'),
  {
    name: 'account',
    scope: main,
    open: async (page) => {
      await page.getByTestId('nav-accounts').click();
      await page.getByTestId('account-row').first().click();
      await page.getByTestId('account-scores').waitFor(visible);
      await page.getByTestId('contact-row').first().waitFor(visible);
    },
  },
  dialog('account-edit', 'F2', 'account-edit'),
  dialog('contact-form', 'c', 'contact-form'),
  dialog('order-form', 'o', 'order-form'),
  navPage('todos', 'todos', 'todo-list'),
  dialog('quick-add', 'Control+Shift+L', 'quick-add'),
  dialog('shortcuts', 'Shift+Slash', 'shortcuts'),
  navPage('inquiries', 'inquiries', 'inquiries-page'),
  navPage('quotes', 'quotes', 'quotes-page'),
  navPage('lost-deals', 'lostDeals', 'lost-deals-page'),
  navPage('complaints', 'complaints', 'complaints-page'),
  navPage('receivables', 'receivables', 'receivables-page'),
  navPage('pool', 'pool', 'pool-page'),
  navPage('sharing', 'sharing', 'sharing-page'),
  navPage('import-export', 'transfer', 'import-export-page'),
  navPage('backups', 'backups', 'backups-page'),
  navPage('settings', 'settings', 'settings-page'),
];

/** Waits until the page has loaded what it shows: no spinner for two looks 250 ms apart, no animation running. */
export async function settle(page: Page): Promise<void> {
  let quiet = 0;
  for (let look = 0; look < 80 && quiet < 2; look++) {
    const loading = await page.locator('.mantine-Loader-root:visible, [data-loading="true"]:visible').count();
    quiet = loading === 0 ? quiet + 1 : 0;
    if (quiet < 2) await page.waitForTimeout(250);
  }
  await settleAnimations(page);
}

/**
 * Closes whatever dialog a failed step left open (Esc, a few times). Only a dialog still showing: one in its closing
 * transition is on its way out, and an Esc more would reach the page (an account page goes back to the list).
 */
export async function closeDialogs(page: Page): Promise<void> {
  const open = page.locator('[role="dialog"]:visible');
  for (let i = 0; i < 3; i++) {
    // A dialog in its closing transition goes by itself: an Escape pressed then would reach the page behind it
    // (on the account page, Escape goes back to the list), so only a dialog still there after a moment is closed.
    await open.first().waitFor({ state: 'hidden', timeout: 1_000 }).catch(() => undefined);
    if ((await open.count()) === 0) return;
    await page.keyboard.press('Escape');
  }
}

/** Switches the UI language from the header's switch ('EN' or '中文'). */
export async function chooseLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language === 'en' ? 'EN' : '中文').click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}
