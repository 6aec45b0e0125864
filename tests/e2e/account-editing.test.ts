/**
 * Editing an account and its contacts end to end (issue 13 item 2): web mode, Debian's Chromium at 1280×720, a book
 * with one scored Spanish buyer and two of its people. F2 opens every field of the account; bad input is refused next
 * to its field with nothing written; a new country (typed in Chinese) brings its zone; a new rating moves the value
 * score at once (R11). The contacts card lists the people, the primary first; C adds one with its phone shown as it
 * will be stored (E.164); one is edited, made primary, and one removed after a confirmation. In Chinese the forms
 * and their messages are Chinese; axe finds no serious or critical violation in either language. Every check reads
 * the book back over its HTTP API.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountScoreView, Contact } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { valueOf } from '../db/temp-book';
import { closeDialogs } from '../../scripts/screen-tour';
import { withBook } from './book-calls';
import { CJK, openE2e, seriousAxeViolations, type E2e } from './harness';

const NOW = '2025-06-30T02:00:00Z';
let buyer: Account;

async function buildBook(file: string): Promise<void> {
  await withBook(
    file,
    async (ctx) => {
      valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'Asia/Shanghai' }));
      buyer = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES', city: 'Valencia', currency: 'EUR', source: 'fair' }));
      valueOf(await call(ctx, 'contacts.add', { accountId: buyer.id, name: 'María García', title: 'Compras', emails: ['maria@valvulas.es'], phones: ['+34 612 345 678'] }));
      valueOf(await call(ctx, 'contacts.add', { accountId: buyer.id, name: 'Jorge Ruiz', title: 'Director', wechat: 'jorge_ruiz' }));
      valueOf(await call(ctx, 'fx.add', { date: '2025-05-01', currency: 'EUR', rate: 7.8 }));
      valueOf(await call(ctx, 'orders.add', { accountId: buyer.id, orderedAt: '2025-05-02', amount: 12_000, currency: 'EUR' }));
    },
    NOW,
  );
}

let e2e: E2e;
let page: Page;
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const account = () => e2e.api<Account>('accounts.get', { id: buyer.id });
const contacts = () => e2e.api<Contact[]>('contacts.list', { accountId: buyer.id });
const rowNames = () => page.getByTestId('contact-row-name').allTextContents();

beforeAll(async () => {
  e2e = await openE2e({ prefix: 'tradebook-e2e-account-editing-', buildBook, env: { TRADEBOOK_TICKER: 'off' }, context: { viewport: { width: 1280, height: 720 } }, timeout: 10_000 });
  page = e2e.page;
  await page.getByTestId('account-row').filter({ hasText: 'Válvulas' }).click();
  await page.getByTestId('account-name').getByText('Válvulas Ibéricas S.L.').waitFor();
});

// A test that failed with a dialog open leaves the page to the next one with it closed.
afterEach(() => closeDialogs(page));

afterAll(() => e2e?.close());

describe('editing the account', () => {
  it('F2 opens every field with focus in the name; bad input is refused next to its field and nothing is written', async () => {
    await page.keyboard.press('F2');
    await expect.poll(focused).toBe('account-edit-name');
    expect(await page.getByTestId('account-edit-name').inputValue()).toBe('Válvulas Ibéricas S.L.');
    expect(await page.getByTestId('account-edit-city').inputValue()).toBe('Valencia');
    await page.getByTestId('account-edit-name').fill('   ');
    await page.getByTestId('account-edit-owner').fill('x'.repeat(201));
    await page.getByTestId('account-edit-submit').click();
    await expect.poll(() => page.getByTestId('account-edit-error-name').textContent()).toBe('Required.');
    expect(await page.getByTestId('account-edit-error-owner').textContent()).toMatch(/200/);
    // Focus goes to the first field with a message.
    await expect.poll(focused).toBe('account-edit-name');
    expect(await seriousAxeViolations(page, '[data-testid="account-edit"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('account-edit').waitFor({ state: 'hidden' });
    expect(await account()).toEqual(buyer);
  });

  it('saves a new name, country (typed in Chinese: its zone follows), owner, rating and tag; the page and the scores follow', async () => {
    expect((await e2e.api<AccountScoreView[]>('scores.list', { accountId: buyer.id, limit: 1 }))[0]!.value.parts.strategic).toBe(50);
    await page.getByTestId('account-edit-button').click();
    await expect.poll(focused).toBe('account-edit-name');
    await page.getByTestId('account-edit-name').fill('Válvulas Lusitanas Lda.');
    await page.getByTestId('account-edit-country').fill('葡萄牙');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('account-edit-zone').inputValue()).toBe('Europe/Lisbon');
    await page.getByTestId('account-edit-city').fill('Porto');
    await page.getByTestId('account-edit-owner').fill('Lily');
    await page.getByTestId('account-edit-strategicFit').getByRole('radio', { name: '5 of 5' }).check();
    await page.getByTestId('account-edit-priorityChannel').check();
    await page.getByTestId('account-edit-tags').fill('distributor');
    await page.keyboard.press('Enter');
    await page.getByTestId('account-edit-submit').click();
    await page.getByTestId('account-edit').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('account-notice').textContent()).toBe('Changes to Válvulas Lusitanas Lda. saved.');
    expect(await page.getByTestId('account-name').textContent()).toBe('Válvulas Lusitanas Lda.');
    expect(await page.getByTestId('account-country').textContent()).toBe('Portugal');
    expect(await page.getByTestId('account-tags').textContent()).toContain('distributor');

    const saved = await account();
    expect(saved).toMatchObject({ name: 'Válvulas Lusitanas Lda.', country: 'PT', timeZone: 'Europe/Lisbon', city: 'Porto', owner: 'Lily', strategicFit: 5, priorityChannel: true, tags: ['distributor'] });
    // Fields not touched are as they were.
    expect(saved).toMatchObject({ currency: 'EUR', source: 'fair', reputation: buyer.reputation, notes: buyer.notes });
    // R11: strategic fit 5 is 100 of its part, in today's snapshot (the server's today), at once; the page shows it.
    const after = (await e2e.api<AccountScoreView[]>('scores.list', { accountId: buyer.id, limit: 1 }))[0]!;
    expect(after.value.parts.strategic).toBe(100);
    expect(after.asOf).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())); // the user's today
    await expect.poll(() => page.getByTestId('account-scores').getAttribute('data-as-of')).toBe(after.asOf);
  });
});

describe('the contacts card', () => {
  it('lists the people, the primary first, with how to reach them', async () => {
    await expect.poll(rowNames).toEqual(['María García', 'Jorge Ruiz']);
    const maria = page.getByTestId('contact-row').filter({ hasText: 'María García' });
    expect(await maria.getByTestId('contact-primary').count()).toBe(1);
    expect(await maria.getByTestId('contact-row-reach').textContent()).toBe('maria@valvulas.es · +34612345678');
    expect(await page.getByTestId('contact-count').textContent()).toBe('2 contacts');
    expect(await seriousAxeViolations(page, '[data-testid="account-contacts"]')).toEqual([]);
  });

  it('C adds a contact: the phone shown as it will be stored; a bad e-mail is refused next to its field', async () => {
    await page.keyboard.press('c');
    await expect.poll(focused).toBe('contact-name');
    await page.keyboard.type('Ana Gil');
    await page.getByTestId('contact-emails').fill('ana(at)valvulas');
    await page.keyboard.press('Enter');
    // The account is in Portugal now: a number without +country is read there.
    await page.getByTestId('contact-phones').fill('912 345 678');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('contact-form').getByText('Saved as +351912345678').count()).toBe(1);
    await page.getByTestId('contact-submit').click();
    await expect.poll(() => page.getByTestId('contact-error-emails').textContent()).toMatch(/email/i);
    expect((await contacts()).map((c) => c.name)).toEqual(['María García', 'Jorge Ruiz']);
    expect(await seriousAxeViolations(page, '[data-testid="contact-form"]')).toEqual([]);
    // Take the bad address out (its pill's remove button) and give a good one.
    await page.getByTestId('contact-form').locator('.mantine-Pill-remove').first().click();
    await page.getByTestId('contact-emails').fill('ana@valvulas.pt');
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-form').waitFor({ state: 'hidden' });
    await expect.poll(rowNames).toEqual(['María García', 'Ana Gil', 'Jorge Ruiz']);
    const ana = (await contacts()).find((c) => c.name === 'Ana Gil');
    expect(ana).toMatchObject({ emails: ['ana@valvulas.pt'], phones: ['+351912345678'], isPrimary: false });
  });

  it('edits a contact: clears the job title, makes them primary; the list puts them first', async () => {
    await page.getByRole('button', { name: 'Edit Jorge Ruiz' }).click();
    await expect.poll(focused).toBe('contact-name');
    expect(await page.getByTestId('contact-title').inputValue()).toBe('Director');
    expect(await page.getByTestId('contact-wechat').inputValue()).toBe('jorge_ruiz');
    await page.getByTestId('contact-title').fill('');
    await page.getByTestId('contact-isPrimary').check();
    await page.getByTestId('contact-submit').click();
    await page.getByTestId('contact-form').waitFor({ state: 'hidden' });
    await expect.poll(rowNames).toEqual(['Jorge Ruiz', 'Ana Gil', 'María García']);
    expect((await contacts()).map((c) => [c.name, c.title, c.isPrimary])).toEqual([
      ['Jorge Ruiz', null, true],
      ['Ana Gil', null, false],
      ['María García', 'Compras', false],
    ]);
  });

  it('removes a contact after asking; Cancel keeps them', async () => {
    await page.getByRole('button', { name: 'Remove María García' }).click();
    await page.getByTestId('contact-remove-dialog').getByText('Remove María García?').waitFor();
    await page.getByTestId('contact-remove-cancel').click();
    await page.getByTestId('contact-remove-dialog').waitFor({ state: 'hidden' });
    expect((await contacts()).map((c) => c.name)).toContain('María García');
    await page.getByRole('button', { name: 'Remove María García' }).click();
    await page.getByTestId('contact-remove-confirm').click();
    await page.getByTestId('contact-remove-dialog').waitFor({ state: 'hidden' });
    await expect.poll(rowNames).toEqual(['Jorge Ruiz', 'Ana Gil']);
    expect(await page.getByTestId('account-notice').textContent()).toBe('María García was removed from the account.');
    expect((await contacts()).map((c) => c.name)).toEqual(['Jorge Ruiz', 'Ana Gil']);
  });
});

describe('in Chinese', () => {
  it('the forms, their messages and the card are Chinese; axe finds nothing serious', async () => {
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('account-contacts').textContent()).toContain('联系人');
    // Out of the language switch (its radios are inputs: page shortcuts do not act there).
    await page.getByTestId('account-name').click();
    expect(await seriousAxeViolations(page, '[data-testid="account-contacts"]')).toEqual([]);
    await page.keyboard.press('F2');
    await expect.poll(focused).toBe('account-edit-name');
    expect(CJK.test((await page.getByTestId('account-edit').textContent()) ?? '')).toBe(true);
    await page.getByTestId('account-edit-name').fill('');
    await page.getByTestId('account-edit-submit').click();
    await expect.poll(() => page.getByTestId('account-edit-error-name').textContent()).toMatch(CJK);
    expect(await seriousAxeViolations(page, '[data-testid="account-edit"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('account-edit').waitFor({ state: 'hidden' });
    // Focus leaves the dialog's fields once its closing transition ends.
    await expect.poll(focused).not.toBe('account-edit-name');
    await page.keyboard.press('c');
    await expect.poll(focused).toBe('contact-name');
    await page.getByTestId('contact-whatsapp').fill('call me');
    await page.getByTestId('contact-submit').click();
    await expect.poll(() => page.getByTestId('contact-error-name').textContent()).toMatch(CJK);
    expect(await page.getByTestId('contact-error-whatsapp').textContent()).toMatch(CJK);
    expect(await seriousAxeViolations(page, '[data-testid="contact-form"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('contact-form').waitFor({ state: 'hidden' });
    expect((await contacts()).map((c) => c.name)).toEqual(['Jorge Ruiz', 'Ana Gil']);
    await page.getByTestId('language-switch').getByText('EN').click();
    expect(e2e.pageErrors).toEqual([]);
  });
});
