/**
 * `tradebook inquiries …` and `tradebook complaints …` (src-main/cli/inquiries.ts, src-main/cli/complaints.ts), run
 * in-process through `runCli` (what bin/tradebook.js runs) on a real book: `--at … --local` read in the account's
 * zone, the inbox line, the R1 statistics table, and bad input as one line on stderr, exit 1, nothing written.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InquiryStats } from '../../src-main/contract/inquiries';
import type { Account, Complaint, Inquiry } from '../../src-main/contract/models';
import { runCli } from '../../src-main/cli/main';
import { openBook } from '../../src-main/db/book';
import { removeDir, snapshot, tempDir } from '../db/temp-book';

interface Ran {
  code: number;
  stdout: string;
  stderr: string[];
}

let dir: string;
let file: string;

async function tradebook(...args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', file, ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err };
}

async function json<T>(...args: string[]): Promise<T> {
  const ran = await tradebook('--json', ...args);
  expect(ran.stderr, args.join(' ')).toEqual([]);
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout) as T;
}

/** The book's rows, read with a connection of its own (the CLI closes its one after each command). */
async function rows(): Promise<Record<string, string[]>> {
  const book = openBook(file, { migrate: false });
  try {
    return snapshot(book.sqlite);
  } finally {
    await book.close();
  }
}

/** A refused command: one line on stderr, exit 1, nothing on stdout, and the book as it was. */
async function refused(args: string[]): Promise<string> {
  const before = await rows();
  const ran = await tradebook(...args);
  expect(ran.code, args.join(' ')).toBe(1);
  expect(ran.stdout).toBe('');
  expect(ran.stderr).toHaveLength(1);
  expect(ran.stderr[0]).not.toContain('\n');
  expect(await rows()).toEqual(before);
  return ran.stderr[0]!;
}

let madrid: Account;
let dubai: Account;
let maria: Inquiry;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, 'book.db');
  expect((await tradebook('init')).code).toBe(0);
  expect((await tradebook('settings', 'set', 'myTimeZone', 'Asia/Shanghai')).code).toBe(0);
  madrid = await json<Account>('accounts', 'add', '--name', 'Válvulas Ibéricas S.L.', '--country', 'ES');
  dubai = await json<Account>('accounts', 'add', '--name', 'Gulf Pipes LLC', '--country', 'AE');
});
afterAll(() => removeDir(dir));

describe('tradebook inquiries', () => {
  it('R2: add with --local reads --at in the account’s zone: 03:47 Madrid on 2023-08-12 is 01:47Z', async () => {
    maria = await json<Inquiry>(
      'inquiries', 'add', '--account', madrid.id, '--source', 'email', '--at', '2023-08-12T03:47', '--local',
      '--subject', 'RFQ ball valves', '--product', 'Ball valve DN50', '--product', 'Gate valve DN80', '--urgency', '3',
    );
    expect(maria).toMatchObject({ receivedAt: '2023-08-12T01:47:00Z', source: 'email', products: ['Ball valve DN50', 'Gate valve DN80'], urgency: 3, firstReplyAt: null });
    // Without --local an instant is taken as given; without --at it is now.
    const utc = await json<Inquiry>('inquiries', 'add', '--account', dubai.id, '--source', 'marketplace', '--at', '2023-08-12T06:00:00Z');
    expect(utc.receivedAt).toBe('2023-08-12T06:00:00Z');
    const now = await json<Inquiry>('inquiries', 'add', '--account', dubai.id, '--source', 'phone');
    expect(Math.abs(Date.parse(now.receivedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('R1: the inbox line — account, source, received buyer-local and UTC, reply by, SLA left, lands best at', async () => {
    const ran = await tradebook('inquiries', 'list', '--account', madrid.id);
    expect(ran.code).toBe(0);
    const line = ran.stdout;
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(maria.id);
    expect(line).toContain('Válvulas Ibéricas S.L.');
    expect(line).toContain('e-mail');
    expect(line).toContain('received Sat 2023-08-12 03:47 Europe/Madrid (2023-08-12 01:47 UTC)');
    expect(line).toContain('reply by Sat 2023-08-12 07:47 Europe/Madrid (2023-08-12 05:47 UTC), SLA 4 h');
    expect(line).toMatch(/overdue by \d+ d/);
    expect(line).toContain('lands best at Mon 2023-08-14 08:15 Europe/Madrid (2023-08-14 06:15 UTC)');
    const zh = (await tradebook('--lang', 'zh-CN', 'inquiries', 'list', '--account', madrid.id)).stdout;
    expect(zh).toContain('邮件');
    expect(zh).toContain('收到 周六 2023-08-12 03:47 Europe/Madrid');
    expect(zh).toContain('最佳送达 周一 2023-08-14 08:15 Europe/Madrid');
    expect(zh).toMatch(/已超时 \d+ 天/);
  });

  it('R1: reply with --local in the zone of the inquiry’s account; list --open; bad input refused and nothing written', async () => {
    expect(await refused(['inquiries', 'reply', maria.id, '--at', '2023-08-12T03:00', '--local'])).toBe(
      'The time given, 2023-08-12T01:00:00Z, is before the record was received or opened (2023-08-12T01:47:00Z).',
    );
    expect(await refused(['--lang', 'zh-CN', 'inquiries', 'reply', maria.id, '--at', '2023-08-12T03:00', '--local'])).toBe(
      '所填时间 2023-08-12T01:00:00Z 早于收到或登记的时间（2023-08-12T01:47:00Z）。',
    );
    const replied = await json<Inquiry>('inquiries', 'reply', maria.id, '--at', '2023-08-12T07:59', '--local');
    expect(replied).toMatchObject({ firstReplyAt: '2023-08-12T05:59:00Z', status: 'replied' });
    const human = (await tradebook('inquiries', 'list', '--account', madrid.id)).stdout;
    expect(human).toContain('replied after 4 h 12 min, 12 min late');
    const open = await json<Inquiry[]>('inquiries', 'list', '--open');
    expect(open.map((i) => i.accountId)).toEqual([dubai.id, dubai.id]);
    expect(await json<Inquiry[]>('inquiries', 'list', '--limit', '1')).toHaveLength(1);
    expect(await refused(['inquiries', 'reply', maria.id, '--at', '2023-08-12T09:00:00Z'])).toBe('Inquiry ' + maria.id + ' was already answered at 2023-08-12T05:59:00Z.');
    expect(await refused(['inquiries', 'reply', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--at', '2023-08-12T09:00', '--local'])).toBe(
      'No inquiry with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.',
    );
  });

  it('bad input to add: an unknown account, a --at that is not a time, a bad rating; in --lang zh-CN too', async () => {
    expect(await refused(['inquiries', 'add', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--source', 'email', '--at', '2023-08-12T03:47', '--local'])).toBe(
      'No account with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.',
    );
    expect(await refused(['inquiries', 'add', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--source', 'email', '--at', '2023-08-12T03:47:00Z'])).toBe(
      'No account with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.',
    );
    expect(await refused(['inquiries', 'add', '--account', madrid.id, '--source', 'email', '--at', 'yesterday'])).toBe(
      'Invalid input: receivedAt: expected an instant with its offset, such as 2025-03-28T10:00:00Z',
    );
    expect(await refused(['inquiries', 'add', '--account', madrid.id, '--source', 'email', '--at', 'yesterday', '--local'])).toBe(
      'Invalid input: --at yesterday --local (Europe/Madrid)',
    );
    expect(await refused(['--lang', 'zh-CN', 'inquiries', 'add', '--account', madrid.id, '--source', 'email', '--at', 'yesterday'])).toBe(
      '输入无效：receivedAt: 需要带时区偏移的时间，例如 2025-03-28T10:00:00Z',
    );
    expect(await refused(['--lang', 'zh-CN', 'inquiries', 'add', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--source', 'email'])).toBe(
      '找不到 id 为 01ARZ3NDEKTSV4RRFFQ69G5FAV 的客户。',
    );
    expect(await refused(['inquiries', 'add', '--account', madrid.id, '--source', 'tiktok'])).toMatch(/^Invalid input: source: /);
    expect(await refused(['inquiries', 'add', '--account', madrid.id, '--source', 'email', '--urgency', '6'])).toMatch(/^Invalid input: urgency: /);
    expect(await refused(['inquiries', 'add', '--source', 'email'])).toMatch(/--account/);
  });

  it('R1: stats — the median per source, as JSON and as a table in en and zh-CN', async () => {
    const stats = await json<InquiryStats>('inquiries', 'stats', '--from', '2023-08-01', '--to', '2023-08-31');
    expect(stats).toMatchObject({ from: '2023-08-01', to: '2023-08-31' });
    expect(stats.sources.find((r) => r.source === 'email')).toEqual({ source: 'email', count: 1, replied: 1, medianMinutes: 252, p90Minutes: 252, withinSlaShare: 0, slaHours: 4 });
    expect(stats.sources.find((r) => r.source === 'marketplace')).toMatchObject({ count: 1, replied: 0, medianMinutes: null, withinSlaShare: 0 });
    const table = (await tradebook('inquiries', 'stats', '--from', '2023-08-01', '--to', '2023-08-31')).stdout.split('\n');
    expect(table[0]).toContain('2023-08-01 – 2023-08-31');
    expect(table[1]).toMatch(/^source\s+SLA\s+inquiries\s+replied\s+median\s+p90\s+within SLA$/);
    expect(table.find((l) => l.startsWith('e-mail'))).toMatch(/^e-mail\s+4 h\s+1\s+1\s+4 h 12 min\s+4 h 12 min\s+0 %$/);
    expect(table.at(-1)).toMatch(/^all sources\s+2\s+1\s+4 h 12 min/);
    const zh = (await tradebook('--lang', 'zh-CN', 'inquiries', 'stats', '--from', '2023-08-01', '--to', '2023-08-31')).stdout;
    expect(zh).toMatch(/邮件\s+4 小时\s+1\s+1\s+4 小时 12 分钟/);
    expect(await refused(['inquiries', 'stats', '--from', '2023-09-01', '--to', '2023-08-31'])).toBe('The period starts on 2023-09-01, after it ends on 2023-08-31.');
    expect(await refused(['inquiries', 'stats', '--from', 'last-week'])).toMatch(/^Invalid input: from: /);
  });
});

describe('tradebook complaints', () => {
  let complaint: Complaint;

  it('R15: add with --local, respond, resolve, list (JSON and lines)', async () => {
    complaint = await json<Complaint>('complaints', 'add', '--account', madrid.id, '--grade', 'A', '--subject', 'Two valves leak', '--at', '2023-08-14T09:30', '--local', '--description', 'DN50, batch 7');
    expect(complaint).toMatchObject({ openedAt: '2023-08-14T07:30:00Z', grade: 'A', description: 'DN50, batch 7', respondedAt: null });
    const responded = await json<Complaint>('complaints', 'respond', complaint.id, '--at', '2023-08-14T10:15', '--local', '--note', 'Two new valves ship today');
    expect(responded).toMatchObject({ respondedAt: '2023-08-14T08:15:00Z', responseNote: 'Two new valves ship today' });
    const resolved = await json<Complaint>('complaints', 'resolve', complaint.id, '--at', '2023-08-15T09:00:00Z', '--resolution', 'Replaced 2 valves');
    expect(resolved).toMatchObject({ resolvedAt: '2023-08-15T09:00:00Z', resolution: 'Replaced 2 valves' });
    const other = await json<Complaint>('complaints', 'add', '--account', dubai.id, '--grade', 'C', '--subject', 'Wrong colour', '--at', '2023-08-16T06:00:00Z');
    expect((await json<Complaint[]>('complaints', 'list', '--open')).map((c) => c.id)).toEqual([other.id]);
    expect((await json<Complaint[]>('complaints', 'list', '--account', madrid.id)).map((c) => c.id)).toEqual([complaint.id]);
    const lines = (await tradebook('complaints', 'list')).stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Gulf Pipes LLC  ·  grade C  ·  Wrong colour  ·  opened Wed 2023-08-16 10:00 Asia/Dubai (2023-08-16 06:00 UTC)  ·  open, no response yet');
    expect(lines[1]).toContain('Válvulas Ibéricas S.L.  ·  grade A  ·  Two valves leak  ·  opened Mon 2023-08-14 09:30 Europe/Madrid (2023-08-14 07:30 UTC)  ·  resolved 2023-08-15 09:00 UTC  ·  Replaced 2 valves');
    const zh = (await tradebook('--lang', 'zh-CN', 'complaints', 'list', '--open')).stdout;
    expect(zh).toContain('C 级');
    expect(zh).toContain('未处理，尚未响应');
  });

  it('bad input: a response before it was opened, twice resolved, an unknown complaint or account, a bad grade or time', async () => {
    const open = (await json<Complaint[]>('complaints', 'list', '--open'))[0]!;
    expect(await refused(['complaints', 'respond', open.id, '--at', '2023-08-16T05:00:00Z'])).toBe(
      'The time given, 2023-08-16T05:00:00Z, is before the record was received or opened (2023-08-16T06:00:00Z).',
    );
    expect(await refused(['--lang', 'zh-CN', 'complaints', 'resolve', complaint.id, '--at', '2023-08-20T09:00:00Z'])).toBe(`投诉 ${complaint.id} 已于 2023-08-15T09:00:00Z 解决。`);
    expect(await refused(['complaints', 'respond', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--at', '2023-08-16T07:00', '--local'])).toBe('No complaint with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.');
    expect(await refused(['complaints', 'add', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--grade', 'A', '--subject', 'x'])).toBe('No account with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.');
    expect(await refused(['complaints', 'add', '--account', madrid.id, '--grade', 'D', '--subject', 'x'])).toMatch(/^Invalid input: grade: /);
    expect(await refused(['complaints', 'add', '--account', madrid.id, '--grade', 'B', '--subject', 'x', '--at', '2023-13-01T09:00', '--local'])).toBe(
      'Invalid input: --at 2023-13-01T09:00 --local (Europe/Madrid)',
    );
  });
});
