/**
 * `tradebook schedule|todos|ics` in a subprocess, as a user runs them: JSON on stdout, bad input one line on stderr
 * with exit code 1 and nothing written. The .ics file must parse with python3-icalendar.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Todo } from '../../src-main/contract/models';
import { removeDir, tempDir } from '../db/temp-book';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'tradebook.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCommand(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, TRADEBOOK_BUSY_MS: undefined, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir: string;
let db: string;

function tradebook(...args: string[]): Promise<Run> {
  return runCommand(process.execPath, [bin, '--db', db, ...args]);
}

function json<T>(run: Run): T {
  if (run.status !== 0) throw new Error(`exit ${run.status}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

function expectOneLineFailure(run: Run): void {
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim().length).toBeGreaterThan(0);
}

/** The tasks table and the scheduler's state row: what a failed command must leave as it was. */
function schedulerRows(): string {
  const sqlite = new Database(db, { readonly: true });
  try {
    const rows = [sqlite.prepare('SELECT * FROM tasks ORDER BY id').all(), sqlite.prepare('SELECT * FROM settings ORDER BY key').all()];
    return JSON.stringify(rows);
  } finally {
    sqlite.close();
  }
}

let inquiryId: string;

beforeAll(async () => {
  dir = tempDir('tradebook-schedule-cli-');
  db = path.join(dir, 'book.db');
  json(await tradebook('init', '--json'));
  json(await tradebook('settings', 'set', 'myTimeZone', 'Asia/Shanghai'));
  const maria = json<{ id: string }>(await tradebook('accounts', 'add', '--name', 'María García', '--country', 'ES', '--json')).id;
  inquiryId = json<{ id: string }>(
    await tradebook('call', 'inquiries.add', '--json', '--input', JSON.stringify({ accountId: maria, source: 'website', receivedAt: '2023-08-12T01:47:00Z' })),
  ).id;
  const quote = json<{ id: string }>(
    await tradebook(
      'call',
      'quotes.add',
      '--json',
      '--input',
      JSON.stringify({
        accountId: maria,
        currency: 'CNY',
        quoteDate: '2023-08-11',
        validity: { strategy: 'fixed', days: 30 },
        items: [{ product: 'LED panel', quantity: 100, unit: 'pc', unitPrice: 12 }],
      }),
    ),
  );
  json(await tradebook('call', 'quotes.send', '--json', '--input', JSON.stringify({ id: quote.id, at: '2023-08-12T01:47:00Z' })));
}, 60_000);

afterAll(() => {
  removeDir(dir);
});

describe('tradebook schedule / todos / ics', () => {
  it('schedule --now ISO --json prints what the tick changed; a second run at the same instant prints zeros', async () => {
    // R1 (inquiry), R2 (quote), R7 ×2 (quote valid through Sun 2023-09-10).
    expect(json(await tradebook('schedule', '--now', '2023-08-12T02:00:00Z', '--json'))).toEqual({ created: 4, updated: 0, overdue: 0 });
    expect(json(await tradebook('schedule', '--now', '2023-08-12T02:00:00Z', '--json'))).toEqual({ created: 0, updated: 0, overdue: 0 });
  });

  it('todos --json lists by due instant, buyer-local and in myTimeZone', async () => {
    const list = json<Todo[]>(await tradebook('todos', '--json', '--at', '2023-08-12T02:00:00Z'));
    expect(list.map((t) => [t.rule, t.dueUtc, t.status])).toEqual([
      ['R1', '2023-08-12T03:47:00Z', 'open'], // website SLA 2 h after 01:47Z
      ['R2', '2023-08-17T06:15:00Z', 'open'], // Mon 14, (Tue 15 holiday), Wed 16, Thu 17 at 08:15 Madrid
      ['R7', '2023-09-06T06:15:00Z', 'open'], // 3 business days before the end of Sun 10 Sep: Fri 8, Thu 7, Wed 6
      ['R7', '2023-09-08T06:15:00Z', 'open'], // 1 business day before: Fri 8 Sep
    ]);
    expect(list[1]).toMatchObject({
      accountName: 'María García',
      dueBuyerLocal: '2023-08-17T08:15:00+02:00[Europe/Madrid]',
      dueMyLocal: '2023-08-17T14:15:00+08:00[Asia/Shanghai]',
    });
    const later = json<Todo[]>(await tradebook('todos', '--json', '--at', '2023-08-12T04:00:00Z'));
    expect(later[0]!.status).toBe('overdue');
  });

  it('ics --out FILE writes an iCalendar file of the open to-dos that python3-icalendar parses', async () => {
    const file = path.join(dir, 'todos.ics');
    expect(json(await tradebook('ics', '--out', file))).toEqual({ out: file, events: 4 });
    const script = [
      'import sys, json, icalendar',
      'cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())',
      'events = [e for e in cal.walk("VEVENT")]',
      'print(json.dumps([[str(e.get("summary")), e.decoded("dtstart").strftime("%Y-%m-%dT%H:%M:%SZ")] for e in events]))',
    ].join('\n');
    const parsed = await runCommand('/usr/bin/python3', ['-c', script, file]);
    expect(parsed.stderr).toBe('');
    const events = JSON.parse(parsed.stdout) as [string, string][];
    expect(events).toContainEqual(['Follow up quote Q2023-0001 with María García', '2023-08-17T06:15:00Z']);
    expect(events).toHaveLength(4);
  });

  it('bad input: one line on stderr, exit 1, nothing written', async () => {
    const before = schedulerRows();
    const notIso = await tradebook('schedule', '--now', 'next tuesday');
    expectOneLineFailure(notIso);
    expect(notIso.stdout).toBe('');
    expectOneLineFailure(await tradebook('todos', '--at', '2023-13-01T00:00:00Z'));
    expectOneLineFailure(await tradebook('settings', 'set', 'noSuchSetting', '3'));
    expectOneLineFailure(await tradebook('settings', 'set', 'followUpBusinessDays', 'three'));
    const missingDir = path.join(dir, 'missing', 'todos.ics');
    expectOneLineFailure(await tradebook('ics', '--out', missingDir));
    expect(fs.existsSync(path.dirname(missingDir))).toBe(false);
    expect(schedulerRows()).toBe(before);

    // An inquiry answered before it was received (an imported row): the tick refuses and writes nothing.
    const sqlite = new Database(db);
    sqlite
      .prepare("UPDATE inquiries SET first_reply_at = '2023-08-12T01:00:00Z', updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")
      .run(inquiryId);
    sqlite.close();
    const beforeTick = schedulerRows();
    const refused = await tradebook('schedule', '--now', '2023-08-20T00:00:00Z', '--json');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(inquiryId);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(schedulerRows()).toBe(beforeTick);
  });
});
