/** `tradebook backup`, `backups list`, `restore FILE` and the cloud-sync warning of `init`, through the real CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../src-main/contract/backups';
import type { BookInfo } from '../../src-main/contract/models';
import type { RestoreResult } from '../../src-main/services/restore';
import { runTradebook, type Run } from '../cli/run-cli';
import { removeDir, tempDir } from '../db/temp-book';
import { sha256 } from './helpers';

let dir: string;
let db: string;

const tradebook = (args: string[]) => runTradebook(['--db', db, ...args], { TRADEBOOK_DB: undefined });

function ok(run: Run): Run {
  expect(run.status, run.stderr).toBe(0);
  return run;
}

function json<T>(run: Run): T {
  return JSON.parse(run.stdout) as T;
}

beforeAll(async () => {
  dir = tempDir('tradebook-backups-cli-');
  db = path.join(dir, 'book.db');
  ok(await tradebook(['init']));
  ok(await tradebook(['accounts', 'add', '--name', 'Válvulas Ibéricas S.L.', '--country', 'ES']));
});

afterAll(() => {
  removeDir(dir);
});

describe('tradebook backup / backups list / restore', () => {
  let first: BackupEntry;

  it('backup --json prints the new backup; backups list --json lists it; the human forms say the same in words', async () => {
    first = json<BackupEntry>(ok(await tradebook(['backup', '--json'])));
    expect(first).toMatchObject({ reason: 'manual', bytes: fs.statSync(first.file).size });
    expect(path.dirname(first.file)).toBe(path.join(dir, 'backups'));
    expect(path.basename(first.file)).toMatch(/^book\.db\.\d{8}T\d{6}Z\.manual\.bak$/);
    expect(json<BackupEntry[]>(ok(await tradebook(['backups', 'list', '--json'])))).toEqual([first]);
    const listed = ok(await tradebook(['backups', 'list']));
    expect(listed.stdout).toContain(first.file);
    expect(listed.stdout).toContain('manual');
    expect(ok(await tradebook(['--lang', 'zh-CN', 'backups', 'list'])).stdout).toContain('手动');
  });

  it('restore FILE puts the backup back, keeping the book as it was; --json gives the details', async () => {
    ok(await tradebook(['accounts', 'add', '--name', 'After The Backup Ltd', '--country', 'GB']));
    const restored = ok(await tradebook(['restore', first.file]));
    expect(restored.stdout).toMatch(/^Restored .*book\.db from .*manual\.bak: schema \d+, 1 accounts\.\nThe book as it was is kept at .*restore\.bak\.\n$/);
    const names = json<{ name: string }[]>(ok(await tradebook(['accounts', 'list', '--json']))).map((a) => a.name);
    expect(names).toEqual(['Válvulas Ibéricas S.L.']);
    const again = json<RestoreResult>(ok(await tradebook(['restore', first.file, '--json'])));
    expect(again).toMatchObject({ restoredFrom: first.file, accounts: 1, previous: { reason: 'restore' } });
    expect(json<{ ok: boolean }>(ok(await tradebook(['check', '--json']))).ok).toBe(true);
  });

  it('a refused restore: one line on stderr in --lang, exit 1, nothing on stdout, the book unchanged', async () => {
    const junk = path.join(dir, 'junk.bak');
    fs.writeFileSync(junk, 'this is not a database');
    const before = sha256(db);
    const zh = await tradebook(['--lang', 'zh-CN', 'restore', junk]);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toBe('');
    expect(zh.stderr.trim().split('\n')).toEqual([`${junk} 不是 SQLite 数据库，因此不是 Tradebook 备份。客户库未改动。`]);
    const en = await tradebook(['restore', path.join(dir, 'missing.bak'), '--json']);
    expect(en.status).toBe(1);
    expect(json<{ ok: boolean; error: { code: string } }>(en)).toMatchObject({ ok: false, error: { code: 'restore_missing' } });
    expect(sha256(db)).toBe(before);
  });

  it('backups with no subcommand prints its help; restore without a file is a usage error', async () => {
    expect((await tradebook(['backups', '--help'])).stdout).toContain('list');
    const usage = await tradebook(['restore']);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/missing required argument/);
  });
});

describe('init in a cloud-sync folder', () => {
  it('creates the book and warns on stderr (stdout stays the result)', async () => {
    const synced = path.join(dir, 'OneDrive - Contoso', 'crm', 'book.db');
    const run = await runTradebook(['--db', synced, 'init', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const info = json<BookInfo>(run);
    expect(info.warnings).toEqual([expect.objectContaining({ code: 'cloud_sync', folder: 'OneDrive' })]);
    expect(run.stderr).toContain('OneDrive');
    expect(run.stderr).toMatch(/corrupt a live SQLite book.*export file/);
  });
});
