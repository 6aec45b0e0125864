/**
 * `npm run screenshots`: every screen of the app (scripts/screen-tour.ts, the tour the every-screen test takes) in
 * English and in Chinese, at 1280×720, written to docs/screenshots/<language>/<screen>.png. The book is the seeded,
 * scored sample of the tests (scripts/sample-book.ts) and the page's clock is the day after the sample ends, so the
 * pictures are the same from one run to the next (up to the rendering of fonts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedScoredBook } from './sample-book';
import { chooseLanguage, SCREENS, settle } from './screen-tour';
import { ensureRendererBuilt, launchChromium, serveBook } from './web-mode-harness';
import { repoRoot } from './renderer-build';

const OUT = path.join(repoRoot, 'docs', 'screenshots');

async function main(): Promise<void> {
  ensureRendererBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradebook-screenshots-'));
  const file = path.join(dir, 'book.db');
  process.stderr.write('Seeding a sample book…\n');
  await seedScoredBook(file, 30);
  const served = await serveBook(file, { TRADEBOOK_TICKER: 'off', TZ: 'Asia/Shanghai' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.clock.install({ time: new Date('2025-07-01T02:00:00Z') });
    await page.goto(served.url);
    for (const language of ['en', 'zh-CN'] as const) {
      await chooseLanguage(page, language);
      fs.mkdirSync(path.join(OUT, language), { recursive: true });
      for (const screen of SCREENS) {
        await screen.open(page);
        await settle(page);
        const out = path.join(OUT, language, `${screen.name}.png`);
        await page.screenshot({ path: out });
        process.stderr.write(`${path.relative(repoRoot, out)}\n`);
        await screen.close?.(page);
      }
    }
  } finally {
    await browser.close();
    await served.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
