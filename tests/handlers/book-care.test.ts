import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { openSqlite } from '../../src-main/db/connection';
import { loadMigrations, migrate } from '../../src-main/db/migrator';
import { call } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, removeDir, tempDir, valueOf, type TestBook } from '../db/temp-book';

let open: TestBook[] = [];
const book = () => {
  const b = openTestBook();
  open.push(b);
  return b;
};
afterEach(async () => {
  for (const b of open) await b.close();
  open = [];
});

describe('accounts: keeping what the user meant', () => {
  it('moving an account to another country re-suggests the zone unless the old zone is used there', async () => {
    const { ctx } = book();
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Atlas Trading', country: 'ES' }));
    expect(account.timeZone).toBe('Europe/Madrid');
    const moved = valueOf(await call(ctx, 'accounts.update', { id: account.id, country: 'US' }));
    expect(moved.timeZone).toBe('America/New_York');
    const west = valueOf(await call(ctx, 'accounts.update', { id: account.id, timeZone: 'America/Los_Angeles' }));
    const sameCountry = valueOf(await call(ctx, 'accounts.update', { id: west.id, country: 'US', name: 'Atlas Trading Inc.' }));
    expect(sameCountry.timeZone).toBe('America/Los_Angeles');
  });

  it('stores zones as the tz database spells them, also renamed ones typed in lower case', async () => {
    const { ctx } = book();
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Mumbai Steel', country: 'IN', timeZone: 'asia/kolkata' }));
    expect(account.timeZone).toBe('Asia/Kolkata');
    expect(valueOf(await call(ctx, 'settings.set', { key: 'myTimeZone', value: 'europe/madrid' })).value).toBe('Europe/Madrid');
    expect(valueOf(await call(ctx, 'settings.set', { key: 'myCountry', value: 'es' })).value).toBe('ES');
  });

  it('Search: a query of punctuation only finds nothing', async () => {
    const { ctx } = book();
    valueOf(await call(ctx, 'accounts.add', { name: 'Atlas Trading', country: 'ES' }));
    expect(valueOf(await call(ctx, 'accounts.list', { query: '!!! ...' }))).toEqual([]);
    expect(valueOf(await call(ctx, 'accounts.list', { query: '   ' }))).toHaveLength(1);
  });

  it('Search: a search with a country or owner filter lists and counts only matching accounts, by name', async () => {
    const { ctx } = book();
    for (const [name, country, owner] of [
      ['Zeta Valves GmbH', 'DE', 'Lily'],
      ['Alpha Valves GmbH', 'DE', 'Kevin'],
      ['Beta Valves S.L.', 'ES', 'Lily'],
      ['Gamma Pumps GmbH', 'DE', 'Lily'],
    ] as const) {
      valueOf(await call(ctx, 'accounts.add', { name, country, owner }));
    }
    const names = async (input: { query?: string; country?: string; owner?: string; limit?: number; offset?: number }) =>
      valueOf(await call(ctx, 'accounts.list', input)).map((a) => a.name);
    expect(await names({ query: 'valv' })).toEqual(['Alpha Valves GmbH', 'Beta Valves S.L.', 'Zeta Valves GmbH']);
    expect(await names({ query: 'valv', country: 'DE' })).toEqual(['Alpha Valves GmbH', 'Zeta Valves GmbH']);
    expect(await names({ query: 'gmbh', country: 'DE', owner: 'Lily' })).toEqual(['Gamma Pumps GmbH', 'Zeta Valves GmbH']);
    expect(valueOf(await call(ctx, 'accounts.count', { query: 'valv' }))).toBe(3);
    expect(valueOf(await call(ctx, 'accounts.count', { query: 'valv', country: 'DE' }))).toBe(2);
    expect(valueOf(await call(ctx, 'accounts.count', { query: 'valv', owner: 'Lily' }))).toBe(2);
    expect(await names({ query: 'valv', limit: 1, offset: 1 })).toEqual(['Beta Valves S.L.']);
  });

  it('automatic quote numbers follow the highest number of the year, even after one typed by hand', async () => {
    const { ctx } = book();
    const account = valueOf(await call(ctx, 'accounts.add', { name: 'Atlas Trading', country: 'ES' }));
    const base = {
      accountId: account.id,
      currency: 'CNY',
      quoteDate: '2025-03-01',
      validity: { strategy: 'fixed' as const, days: 30 },
      items: [{ product: 'Ball valve', quantity: 10, unit: 'pcs', unitPrice: 38 }],
    };
    expect(valueOf(await call(ctx, 'quotes.add', base)).number).toBe('Q2025-0001');
    expect(valueOf(await call(ctx, 'quotes.add', { ...base, number: 'Q2025-0007' })).number).toBe('Q2025-0007');
    expect(valueOf(await call(ctx, 'quotes.add', base)).number).toBe('Q2025-0008');
    expect(valueOf(await call(ctx, 'quotes.add', { ...base, quoteDate: '2026-01-05' })).number).toBe('Q2026-0001');
  });

  it('dispatch answers an unknown language in English rather than throwing', async () => {
    const { ctx } = book();
    const error = errorOf(await call(ctx, 'accounts.add', { name: '', country: 'ES' }, 'fr' as 'en'));
    expect(error.code).toBe('invalid_input');
  });
});

describe('upgrading and checking books', () => {
  it('an account written before the search index existed is found after the upgrade', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const sqlite = openSqlite(file);
    migrate(sqlite, { file, target: 6 });
    sqlite
      .prepare(
        "INSERT INTO accounts (id, name, country, time_zone, created_at, updated_at) VALUES ('01JD0000000000000000000001', '宁波恒信阀门有限公司', 'CN', 'Asia/Shanghai', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
      )
      .run();
    sqlite.close();
    const upgraded = openBook(file);
    expect(upgraded.migration).toMatchObject({ from: 6, to: loadMigrations().length });
    const ctx = { book: upgraded, now: () => '2025-01-01T00:00:00Z', host: { timeZone: 'UTC', country: 'CN' } };
    expect(valueOf(await call(ctx, 'accounts.list', { query: '恒信' })).map((a) => a.name)).toEqual(['宁波恒信阀门有限公司']);
    await upgraded.close();
    removeDir(dir);
  });

  it('checking an older book reports its version and does not upgrade it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const sqlite = openSqlite(file);
    migrate(sqlite, { file, target: 5 });
    sqlite.close();
    const checked = openBook(file, { migrate: false });
    const ctx = { book: checked, now: () => '2025-01-01T00:00:00Z', host: { timeZone: 'UTC', country: 'CN' } };
    expect(valueOf(await call(ctx, 'book.check', {}))).toMatchObject({ ok: true, schemaVersion: 5, integrity: 'ok' });
    await checked.close();
    const again = openSqlite(file);
    expect(again.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 5 });
    again.close();
    removeDir(dir);
  });
});
