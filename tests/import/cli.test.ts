/** `tradebook import` and `tradebook export` as a user runs them: JSON on stdout, one line on stderr on failure. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../db/temp-book';
import { runTradebook, type Run } from '../cli/run-cli';

let dir: string;
let db: string;
const tradebook = (...args: string[]) => runTradebook(['--db', db, ...args]);
const json = <T>(run: Run): T => {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
};

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'book.db');
  expect((await tradebook('init', '--json')).status).toBe(0);
  expect((await tradebook('fx', 'add', '--date', '2025-03-28', '--currency', 'EUR', '--rate', '7.8')).status).toBe(0);
  fs.writeFileSync(
    path.join(dir, 'in.csv'),
    '\uFEFF公司名称,国家,联系人,邮箱,订单号,下单日期,金额,币种\r\nVálvulas Ibéricas S.L.,西班牙,Ana,ana@vi.es,PO-1,31/03/2025,"1.234,56",EUR\r\n',
  );
  fs.writeFileSync(path.join(dir, 'bad.csv'), 'Firma,Land\r\nAcme,Narnia\r\n');
}, 120_000);
afterAll(() => removeDir(dir));

describe('tradebook import / export', () => {
  it('--dry-run --json reports and writes nothing; then the import writes', async () => {
    const dry = await tradebook('import', path.join(dir, 'in.csv'), '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    expect(json(dry)).toMatchObject({ dryRun: true, written: false, imported: { accounts: 1, contacts: 1, orders: 1 } });
    expect(json<unknown[]>(await tradebook('accounts', 'list', '--json'))).toEqual([]);
    const run = await tradebook('import', path.join(dir, 'in.csv'), '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ written: true, encoding: 'UTF-8', imported: { accounts: 1, contacts: 1, orders: 1 } });
    const human = await tradebook('import', path.join(dir, 'in.csv'), '--lang', 'zh-CN');
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('1 行因重复被跳过');
  });

  it('a refused import: the report on stdout, one line on stderr, exit 1; --map and --country fix it', async () => {
    const run = await tradebook('import', path.join(dir, 'bad.csv'), '--json', '--map', '{"Firma":"account.name","Land":"account.country"}');
    expect(run.status).toBe(1);
    expect(json(run)).toMatchObject({ written: false, errorCount: 1, errors: [{ row: 2, column: 'Land', code: 'import_country_unknown' }] });
    expect(run.stderr.trim().split('\n')).toEqual(['Nothing was imported: 1 problem(s) in the file.']);
    const fixed = await tradebook('import', path.join(dir, 'bad.csv'), '--json', '--map', '{"Firma":"account.name","Land":null}', '--country', 'DE');
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(json(fixed)).toMatchObject({ written: true, imported: { accounts: 1 } });
  });

  it('file-level refusals and bad options are one line on stderr', async () => {
    const missing = await tradebook('import', path.join(dir, 'nope.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('There is no file at');
    const badMap = await tradebook('import', path.join(dir, 'in.csv'), '--map', '{oops');
    expect(badMap.status).toBe(1);
    expect(badMap.stderr).toContain('not valid JSON');
    const badMode = await tradebook('import', path.join(dir, 'in.csv'), '--duplicates', 'merge');
    expect(badMode.status).toBe(1);
    expect(badMode.stderr).toContain('duplicates');
  });

  it('export --out FILE picks the format from the name', async () => {
    const csv = await tradebook('export', '--out', path.join(dir, 'accounts.csv'), '--json');
    expect(csv.status, csv.stderr).toBe(0);
    expect(json(csv)).toMatchObject({ format: 'csv', entity: 'accounts', rows: 2 });
    const xlsx = await tradebook('export', '--out', path.join(dir, 'orders.xlsx'), '--entity', 'orders', '--json');
    expect(json(xlsx)).toMatchObject({ format: 'xlsx', entity: 'orders', rows: 1 });
    const vcf = await tradebook('export', '--out', path.join(dir, 'people.vcf'));
    expect(vcf.status).toBe(0);
    expect(vcf.stdout).toContain('Wrote 1 contacts');
    expect(fs.readFileSync(path.join(dir, 'people.vcf'), 'utf8')).toContain('VERSION:4.0');
    const onBook = await tradebook('export', '--out', db);
    expect(onBook.status).toBe(1);
    expect(onBook.stderr).toContain('that is the book itself');
  });
});
