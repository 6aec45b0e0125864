/**
 * The CLI as a user runs it: `node bin/tradebook.js …` in a subprocess, on books in temp dirs. stdout carries only
 * the result, errors are one line on stderr (in --lang) with exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Order, Setting } from '../../src-main/contract/models';
import { removeDir, tempDir } from '../db/temp-book';
import { runCommand, runTradebook, type Run } from './run-cli';
import { loadMigrations } from '../../src-main/db/migrator';

/** The schema version a new book has: the number of the newest migration file. */
const LATEST = loadMigrations().length;

const tradebook = runTradebook;

function json<T>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

function succeeded(run: Run): Run {
  if (run.status !== 0) throw new Error(`exit ${run.status}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

interface Failure {
  ok: false;
  error: { code: string; message: string };
}

/** A failed command: exit 1, exactly one line on stderr, no stack trace. */
function expectOneLineError(run: Run): string {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  return lines[0]!;
}

let dir: string;
let db: string;
const env = (): Record<string, string> => ({ TRADEBOOK_DB: db });

beforeAll(() => {
  dir = tempDir('tradebook-cli-');
  db = path.join(dir, 'data', 'book.db');
});

afterAll(() => {
  removeDir(dir);
});

describe('tradebook CLI', () => {
  let madrid: Account;

  it('init --json creates the book (and its directory) and records the host zone and country', async () => {
    const init = succeeded(await tradebook(['init', '--json'], { ...env(), TZ: 'Asia/Tokyo' }));
    expect(json(init)).toEqual({ path: db, schemaVersion: LATEST, accounts: 0 });
    expect(fs.existsSync(db)).toBe(true);
    const settings = json<Setting[]>(succeeded(await tradebook(['settings', 'list', '--json'], env())));
    const byKey = new Map(settings.map((s) => [s.key, s]));
    expect(byKey.get('myTimeZone')).toEqual({ key: 'myTimeZone', value: 'Asia/Tokyo', isDefault: false });
    expect(byKey.get('myCountry')).toEqual({ key: 'myCountry', value: 'JP', isDefault: false });
    expect(byKey.get('baseCurrency')).toEqual({ key: 'baseCurrency', value: 'CNY', isDefault: true });
  });

  it('check --json has the exact shape {ok, schemaVersion: LATEST, integrity: "ok", foreignKeys, accounts}', async () => {
    const check = succeeded(await tradebook(['--db', db, 'check', '--json']));
    expect(json(check)).toEqual({ ok: true, schemaVersion: LATEST, integrity: 'ok', foreignKeys: 0, accounts: 0 });
    expect(check.stderr).toBe('');
  });

  it('accounts add suggests the country\'s main zone; accounts list --query searches', async () => {
    const [added, cn] = await Promise.all([
      tradebook(['accounts', 'add', '--name', 'Válvulas Ibéricas S.L.', '--country', 'ES', '--owner', 'Lily', '--json'], env()),
      tradebook(['--db', db, 'accounts', 'add', '--name', '深圳华强电子有限公司', '--country', 'cn', '--notes', '广交会认识']),
    ]);
    madrid = json<Account>(succeeded(added));
    expect(madrid).toMatchObject({ name: 'Válvulas Ibéricas S.L.', country: 'ES', timeZone: 'Europe/Madrid', owner: 'Lily' });
    // Without --json the result is printed for people.
    expect(succeeded(cn).stdout).toContain('timeZone: Asia/Shanghai');
    expect(() => JSON.parse(cn.stdout)).toThrow();

    const [valv, huaqiang, human] = await Promise.all([
      tradebook(['accounts', 'list', '--json', '--query', 'VALV'], env()),
      tradebook(['accounts', 'list', '--json', '--query', '华强'], env()),
      tradebook(['accounts', 'list'], env()),
    ]);
    expect(json<Account[]>(succeeded(valv)).map((a) => a.id)).toEqual([madrid.id]);
    expect(json<Account[]>(succeeded(huaqiang)).map((a) => a.name)).toEqual(['深圳华强电子有限公司']);
    const lines = succeeded(human).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith(`${madrid.id}  Válvulas Ibéricas S.L.  ES  Europe/Madrid`)).toBe(true);
    expect(lines[1]).toMatch(/^[0-9A-Z]{26} {2}深圳华强电子有限公司 {2}CN {2}Asia\/Shanghai\b/);
  });

  it('fx add, orders add (converted with the rate) and orders list; a missing rate fails and writes nothing', async () => {
    const fx = json<{ rate: number; currency: string }>(succeeded(await tradebook(['fx', 'add', '--date', '2025-03-01', '--currency', 'EUR', '--rate', '7.80', '--json'], env())));
    expect(fx).toMatchObject({ currency: 'EUR', rate: 7.8 });
    const order = json<Order>(
      succeeded(
        await tradebook(['orders', 'add', '--account', madrid.id, '--at', '2025-03-05', '--amount', '1234.56', '--currency', 'EUR', '--quantity', '100', '--unit', 'pcs', '--json'], env()),
      ),
    );
    expect(order).toMatchObject({ accountId: madrid.id, fxRate: 7.8, amount: 1234.56, amountBase: 9629.57, quantity: 100, unit: 'pcs' });

    const missing = await tradebook(['orders', 'add', '--account', madrid.id, '--at', '2025-03-10', '--amount', '500', '--currency', 'EUR', '--json'], env());
    const line = expectOneLineError(missing);
    expect(line).toContain('EUR');
    expect(line).toContain('2025-03-10');
    expect(json<Failure>(missing)).toEqual({ ok: false, error: { code: 'fx_missing', message: line } });

    const listed = json<Order[]>(succeeded(await tradebook(['orders', 'list', '--account', madrid.id, '--json'], env())));
    expect(listed.map((o) => o.id)).toEqual([order.id]);
  });

  it('settings get KEY prints {"key":…,"value":…} (PRODUCT, Settings)', async () => {
    const plain = succeeded(await tradebook(['settings', 'get', 'buyerMorning'], env()));
    expect(json<Setting>(plain)).toEqual({ key: 'buyerMorning', value: '08:15' });
  });

  it('settings set followUpBusinessDays 5, then get it; a wrong value is refused', async () => {
    const set = json<Setting>(succeeded(await tradebook(['settings', 'set', 'followUpBusinessDays', '5', '--json'], env())));
    expect(set).toEqual({ key: 'followUpBusinessDays', value: 5 });
    const [got, wrong] = await Promise.all([
      tradebook(['settings', 'get', 'followUpBusinessDays', '--json'], env()),
      tradebook(['settings', 'set', 'followUpBusinessDays', 'five', '--json'], env()),
    ]);
    expect(json<Setting>(succeeded(got))).toEqual({ key: 'followUpBusinessDays', value: 5 });
    expectOneLineError(wrong);
    expect(json<Failure>(wrong).error.code).toBe('invalid_setting');
  });

  it('call runs any API call with a JSON input; invalid JSON is one line on stderr, no stack trace', async () => {
    const input = JSON.stringify({ accountId: madrid.id, source: 'marketplace', receivedAt: '2025-03-14T03:47:00+01:00', subject: 'RFQ DN50' });
    const [added, badJson, badJsonPlain] = await Promise.all([
      tradebook(['call', 'inquiries.add', '--input', input, '--json'], env()),
      tradebook(['--json', 'call', 'inquiries.add', '--input', '{"accountId": '], env()),
      tradebook(['call', 'accounts.list', '--input', "{'single': 'quotes'}"], env()),
    ]);
    expect(json(succeeded(added))).toMatchObject({ accountId: madrid.id, source: 'marketplace', receivedAt: '2025-03-14T02:47:00Z', status: 'open' });
    const line = expectOneLineError(badJson);
    expect(line).toMatch(/^The input is not valid JSON: /);
    expect(json<Failure>(badJson).error.code).toBe('invalid_json');
    expectOneLineError(badJsonPlain);
    expect(badJsonPlain.stdout).toBe('');
  });

  it('--lang zh-CN: errors on stderr are in Chinese, and the bad input changed nothing', async () => {
    const [missing, invalid, unknownCommand] = await Promise.all([
      tradebook(['--lang', 'zh-CN', 'accounts', 'get', '01ARZ3NDEKTSV4RRFFQ69G5FAV'], env()),
      tradebook(['--lang', 'zh-CN', 'accounts', 'add', '--name', 'X', '--country', 'XX'], env()),
      tradebook(['frobnicate'], env()),
    ]);
    expect(expectOneLineError(missing)).toBe('找不到 id 为 01ARZ3NDEKTSV4RRFFQ69G5FAV 的客户。');
    expect(expectOneLineError(invalid)).toBe('输入无效：country: 未知的国家代码：请使用两位 ISO 代码，例如 ES 或 CN');
    expect(expectOneLineError(unknownCommand)).toMatch(/frobnicate.*tradebook --help/);
    const book = new Database(db, { readonly: true });
    try {
      expect(book.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 2 });
    } finally {
      book.close();
    }
  });

  it('check on a corrupt book and on a non-SQLite file: exit 1, a message on stderr, {"ok":false,"error":…} on stdout, file untouched', async () => {
    const corrupt = path.join(dir, 'corrupt.db');
    const bytes = fs.readFileSync(db);
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 37) & 0xff; // the schema page, after the 100-byte header
    fs.writeFileSync(corrupt, bytes);
    const noise = path.join(dir, 'noise.db');
    const noiseBytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251));
    fs.writeFileSync(noise, noiseBytes);

    const [onCorrupt, onNoise] = await Promise.all([tradebook(['--db', corrupt, 'check', '--json']), tradebook(['--db', noise, 'check', '--json'])]);
    // A damaged SQLite file is "damaged", with the way out; bytes that are not SQLite at all are "not a book".
    for (const [run, file, code, text] of [
      [onCorrupt, corrupt, 'book_corrupt', 'is damaged or is not a SQLite database: Tradebook cannot read it, and wrote nothing to it. Restore a backup (`tradebook backups list`).'],
      [onNoise, noise, 'not_a_book', 'is not a Tradebook book.'],
    ] as const) {
      const line = expectOneLineError(run);
      expect(line).toBe(`${file} ${text}`);
      expect(json<Failure>(run)).toEqual({ ok: false, error: { code, message: line } });
    }
    expect(fs.readFileSync(corrupt).equals(bytes)).toBe(true);
    expect(fs.readFileSync(noise).equals(noiseBytes)).toBe(true);
  });

  it('a --db whose parent path is a regular file → book_dir; a missing book is not created by other commands', async () => {
    const plainFile = path.join(dir, 'not-a-dir');
    fs.writeFileSync(plainFile, 'hello');
    const inside = path.join(plainFile, 'sub', 'book.db');
    const missing = path.join(dir, 'nowhere', 'book.db');
    const [bad, none] = await Promise.all([
      tradebook(['--db', inside, 'init', '--json']),
      tradebook(['--db', missing, 'accounts', 'list', '--json']),
    ]);
    expectOneLineError(bad);
    expect(json<Failure>(bad).error.code).toBe('book_dir');
    expectOneLineError(none);
    expect(json<Failure>(none).error.code).toBe('book_missing');
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    expect(fs.readFileSync(plainFile, 'utf8')).toBe('hello');
  });

  it('a busy book (another writer holds it) → book_busy after TRADEBOOK_BUSY_MS, and nothing is added', async () => {
    const holder = new Database(db);
    holder.pragma('busy_timeout = 5000');
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const run = await tradebook(['accounts', 'add', '--name', 'Busy GmbH', '--country', 'DE', '--json'], { ...env(), TRADEBOOK_BUSY_MS: '300' });
    const took = Date.now() - started;
    holder.exec('ROLLBACK');
    try {
      expect(took).toBeLessThan(10_000);
      expectOneLineError(run);
      expect(json<Failure>(run).error.code).toBe('book_busy');
      expect(holder.prepare("SELECT count(*) AS n FROM accounts WHERE name = 'Busy GmbH'").get()).toEqual({ n: 0 });
    } finally {
      holder.close();
    }
  });

  it('seed --accounts 300 --seed 7 twice gives the same book; it is realistic (countries, 3 years, payments, records of every kind)', async () => {
    const files = ['seed-a.db', 'seed-b.db', 'seed-c.db'].map((f) => path.join(dir, f));
    const runs = await Promise.all([
      tradebook(['--db', files[0]!, 'seed', '--accounts', '300', '--seed', '7', '--json']),
      tradebook(['--db', files[1]!, 'seed', '--accounts', '300', '--seed', '7', '--json']),
      tradebook(['--db', files[2]!, 'seed', '--accounts', '300', '--seed', '8', '--json']),
    ]);
    for (const run of runs) expect(json(succeeded(run))).toMatchObject({ accounts: 300 });

    const facts = files.map((file) => {
      const book = new Database(file, { readonly: true });
      try {
        const one = <T>(sql: string) => book.prepare(sql).get() as T;
        return {
          accounts: book.prepare('SELECT id, name, country, time_zone FROM accounts ORDER BY id').all(),
          orderSums: book.prepare('SELECT account_id, count(*) AS n, round(total(amount_base), 2) AS base FROM orders GROUP BY account_id ORDER BY account_id').all(),
          countries: one<{ n: number }>('SELECT count(DISTINCT country) AS n FROM accounts').n,
          span: one<{ first: string; last: string }>('SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders'),
          late: one<{ n: number }>('SELECT count(*) AS n FROM orders WHERE paid_on > due_on').n,
          onTime: one<{ n: number }>('SELECT count(*) AS n FROM orders WHERE paid_on <= due_on').n,
          contacts: one<{ n: number }>('SELECT count(*) AS n FROM contacts').n,
          inquiries: one<{ n: number }>('SELECT count(*) AS n FROM inquiries').n,
          quotes: one<{ n: number }>('SELECT count(*) AS n FROM quotes').n,
          complaints: one<{ n: number }>('SELECT count(*) AS n FROM complaints').n,
          searchDocs: one<{ n: number }>('SELECT count(*) AS n FROM search_docs').n,
        };
      } finally {
        book.close();
      }
    });
    const [a, b, c] = facts as [(typeof facts)[0], (typeof facts)[0], (typeof facts)[0]];
    expect(a.accounts).toHaveLength(300);
    expect(b.accounts).toEqual(a.accounts);
    expect(b.orderSums).toEqual(a.orderSums);
    expect(c.accounts).not.toEqual(a.accounts);

    expect(a.countries).toBeGreaterThanOrEqual(20);
    expect(a.span.first >= '2022-06-01' && a.span.first <= '2022-09-30', a.span.first).toBe(true);
    expect(a.span.last >= '2025-06-01' && a.span.last <= '2025-06-30', a.span.last).toBe(true);
    expect(a.late).toBeGreaterThan(0);
    expect(a.onTime).toBeGreaterThan(a.late);
    expect(a.contacts).toBeGreaterThanOrEqual(300);
    expect(a.inquiries).toBeGreaterThan(0);
    expect(a.quotes).toBeGreaterThan(0);
    expect(a.complaints).toBeGreaterThan(0);
    expect(a.searchDocs).toBe(300);
  });

  it('`npm run -s tradebook -- accounts list --json` prints only JSON; `npx tradebook --help` works', async () => {
    const [npmRun, help] = await Promise.all([
      runCommand('npm', ['run', '-s', 'tradebook', '--', 'accounts', 'list', '--json'], env()),
      runCommand('npx', ['tradebook', '--help']),
    ]);
    const accounts = json<Account[]>(succeeded(npmRun));
    expect(accounts.map((a) => a.name).sort()).toEqual(['Válvulas Ibéricas S.L.', '深圳华强电子有限公司']);
    expect(succeeded(help).stdout).toMatch(/^Usage: tradebook/);
    for (const command of ['init', 'check', 'seed', 'accounts', 'orders', 'fx', 'settings', 'call']) expect(help.stdout).toContain(command);
  });
});
