/**
 * Every screen in both languages (issue 13 items 7 and 8): web mode, Debian's Chromium at 1280×720, a seeded and
 * scored book, the user's clock on the seed's last day. Each page of the navigation, the account page and each
 * dialog (scripts/screen-tour.ts, the same tour `npm run screenshots` takes) opens, settles, shows no page error, no
 * text outside the window sideways, and axe finds no serious or critical violation in it — in English, then in
 * Chinese; then each again at 1920×1080.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedScoredBook } from '../../scripts/sample-book';
import { chooseLanguage, closeDialogs, SCREENS, settle } from '../../scripts/screen-tour';
import { CJK, openE2e, seriousAxeViolations, type E2e } from './harness';

let e2e: E2e;
let page: Page;

beforeAll(async () => {
  e2e = await openE2e({
    prefix: 'tradebook-e2e-every-screen-',
    buildBook: (file) => seedScoredBook(file, 30),
    env: { TRADEBOOK_TICKER: 'off', TZ: 'Asia/Shanghai' },
    context: { viewport: { width: 1280, height: 720 } },
    timeout: 15_000,
    beforeLoad: async (first) => {
      await first.clock.install({ time: new Date('2025-07-01T02:00:00Z') });
    },
  });
  page = e2e.page;
}, 180_000);

// A screen that failed with its dialog open leaves the next one the page with it closed.
afterEach(() => closeDialogs(page));

afterAll(() => e2e?.close());

for (const language of ['en', 'zh-CN'] as const) {
  describe(`every screen in ${language}`, () => {
    beforeAll(async () => {
      await chooseLanguage(page, language);
    });

    for (const screen of SCREENS) {
      it(`${screen.name}: opens, fits the window, and axe finds nothing serious`, async () => {
        await screen.open(page);
        await settle(page);
        const text = (await page.locator(screen.scope).first().textContent()) ?? '';
        if (language === 'zh-CN') expect(CJK.test(text), `${screen.name} is in Chinese`).toBe(true);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        expect(sideways, `${screen.name} scrolls sideways`).toBe(false);
        const violations = await seriousAxeViolations(page, screen.scope);
        await screen.close?.(page);
        expect(violations).toEqual([]);
        expect(e2e.pageErrors).toEqual([]);
      });
    }
  });
}

describe('every screen at 1920×1080', () => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await chooseLanguage(page, 'en');
  });

  for (const screen of SCREENS) {
    it(`${screen.name}: opens and fits the window`, async () => {
      await screen.open(page);
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
      await screen.close?.(page);
      expect(e2e.pageErrors).toEqual([]);
    });
  }
});
