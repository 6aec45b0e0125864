/**
 * `tradebook time …` as a user runs it: `node bin/tradebook.js time …` in a subprocess, no book. One JSON object on
 * stdout per call; bad input is one line on stderr and exit code 1. Expected values come from the Python fixture.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, isMoment } from './fixture';
import { root, runTradebook, type Run } from '../cli/run-cli';

// No book is involved: point TRADEBOOK_DB at nothing so a mistake cannot touch a real one.
const tradebook = (args: string[]): Promise<Run> => runTradebook(args, { TRADEBOOK_DB: path.join(root, 'no-such-dir', 'book.db') });

const time = (...args: string[]) => tradebook(['time', ...args]);

function json(run: Run): unknown {
  expect(run.status, `exit ${run.status}\n${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout.trimEnd().split('\n'), 'exactly one line of JSON').toHaveLength(1);
  return JSON.parse(run.stdout) as unknown;
}

/** Exit 1, exactly one line on stderr, no stack trace, nothing on stdout. */
function oneLineError(run: Run): string {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  return lines[0]!;
}

const issueCase = fixture.cases.slot.find((c) => c.after === '2025-03-28T10:00:00Z')!;
const hoursCase = fixture.cases.addBusinessHours.find((c) => c.window !== '09:00-18:00')!;
const gapCase = fixture.cases.toUtc.find((c) => c.zone === 'Australia/Lord_Howe' && c.disambiguation === 'earlier' && c.local.endsWith('02:15'))!;
const rejectCase = fixture.cases.toUtc.find((c) => c.zone === 'Australia/Lord_Howe' && c.disambiguation === 'reject' && c.local.endsWith('02:15'))!;
const quarterlyCase = fixture.cases.quarterly[0]!;
const expiryCase = fixture.cases.expiry[0]!;
const calendarCase = fixture.cases.calendars[0]!;

describe('tradebook time (subprocess)', () => {
  // One call first, alone: when src-main changed, bin/tradebook.js rebuilds its bundle, and the parallel calls
  // below should not each rebuild it at the same moment.
  beforeAll(async () => {
    await time('expiry', '--zone', 'UTC', '--valid-through', '2025-01-01');
  });

  it('slot, add-business-hours, to-utc, quarterly, expiry print {"utc","local"} exactly as the fixture says', async () => {
    const [issue, hours, earlier, quarterly, expiry] = await Promise.all([
      time('slot', '--zone', issueCase.zone, '--country', issueCase.country, '--after', issueCase.after, '--at', issueCase.at),
      time('add-business-hours', '--zone', hoursCase.zone, '--country', hoursCase.country, '--from', hoursCase.from, '--hours', String(hoursCase.hours), '--window', hoursCase.window),
      time('to-utc', '--zone', gapCase.zone, '--local', gapCase.local, '--disambiguation', gapCase.disambiguation),
      time('quarterly', '--zone', quarterlyCase.zone, '--country', quarterlyCase.country, '--anchor', quarterlyCase.anchor, '--count', String(quarterlyCase.count)),
      time('expiry', '--zone', expiryCase.zone, '--valid-through', expiryCase.validThrough),
    ]);
    // The issue's own example, verbatim.
    expect(json(issue)).toEqual({ utc: '2025-03-31T06:15:00Z', local: '2025-03-31T08:15:00+02:00[Europe/Madrid]' });
    expect(json(issue)).toEqual(issueCase.expected);
    expect(json(hours)).toEqual(hoursCase.expected);
    expect(isMoment(gapCase.expected) && json(earlier)).toEqual(gapCase.expected);
    expect(json(quarterly)).toEqual(quarterlyCase.expected);
    expect(json(expiry)).toEqual(expiryCase.expected);
  });

  it('calendar prints the country-year with weekend, holidays, workdays and sources', async () => {
    const [cn, kw] = await Promise.all([
      time('calendar', '--country', calendarCase.country, '--year', String(calendarCase.year)),
      tradebook(['--lang', 'zh-CN', 'time', 'calendar', '--country', 'kw', '--year', '2025']),
    ]);
    const listing = json(cn) as {
      country: string;
      year: number;
      weekend: { from: string; to: string; days: number[] }[];
      holidays: { date: string; name: string; source: string }[];
      workdays: { date: string; name: string; source: string }[];
      approximate: boolean;
    };
    expect(Object.keys(listing)).toEqual(['country', 'year', 'weekend', 'holidays', 'workdays', 'approximate']);
    expect(listing.country).toBe('CN');
    expect(listing.year).toBe(calendarCase.year);
    expect(listing.weekend).toEqual([{ from: `${calendarCase.year}-01-01`, to: `${calendarCase.year}-12-31`, days: [6, 7] }]);
    expect(listing.holidays.map((h) => h.date)).toEqual(calendarCase.holidays);
    expect(listing.workdays.map((w) => w.date)).toEqual(calendarCase.workdays);
    expect(listing.holidays.every((h) => h.source === 'shipped' && Object.keys(h).join() === 'date,name,source')).toBe(true);
    expect(listing.approximate).toBe(false);
    const kuwait = json(kw) as typeof listing;
    expect(kuwait.country).toBe('KW');
    expect(kuwait.approximate).toBe(true);
    expect(kuwait.weekend).toEqual([{ from: '2025-01-01', to: '2025-12-31', days: [5, 6] }]);
    expect(kuwait.holidays).toContainEqual({ date: '2025-03-30', name: '开斋节', source: 'shipped' });
  });

  it('bad input: one clear line on stderr, exit code 1', async () => {
    const after = '2025-03-28T10:00:00Z';
    const runs = await Promise.all([
      time('slot', '--zone', 'Mars/Olympus_Mons', '--country', 'ES', '--after', after),
      time('slot', '--zone', 'Europe/Madrid', '--country', 'XX', '--after', after),
      time('to-utc', '--zone', rejectCase.zone, '--local', rejectCase.local, '--disambiguation', 'reject'),
      time('slot', '--zone', 'Europe/Madrid', '--country', 'ES', '--after', '2025-03-28', '--at', '8:15'),
      time('quarterly', '--zone', 'Europe/Madrid', '--country', 'ES', '--anchor', '2025-02-30T08:15', '--count', '4'),
      time('expiry', '--zone', 'Europe/Madrid', '--valid-through', '2025-13-01'),
      time('add-business-hours', '--zone', 'Europe/Madrid', '--country', 'ES', '--from', after, '--hours', '2', '--window', '18:00-09:00'),
      time('add-business-hours', '--zone', 'Europe/Madrid', '--country', 'ES', '--from', after, '--hours', '-2'),
    ]);
    const lines = runs.map(oneLineError);
    expect(lines[0]).toBe('Unknown time zone “Mars/Olympus_Mons”: use an IANA name such as Europe/Madrid.');
    expect(lines[1]).toBe('Unknown country code “XX”: use a two-letter ISO code such as ES or CN.');
    expect(lines[2]).toBe('The local time 2025-10-05T02:15:00 does not exist in Australia/Lord_Howe: the clocks jump over it that day.');
    expect(lines[3]).toBe(
      'Invalid input: --after "2025-03-28": expected an instant with its offset, such as 2025-03-28T10:00:00Z; --at "8:15": expected a time HH:MM such as 08:15',
    );
    expect(lines[4]).toBe('Invalid input: --anchor "2025-02-30T08:15": expected a local date and time YYYY-MM-DDTHH:MM such as 2025-03-31T08:15');
    expect(lines[5]).toBe('Invalid input: --valid-through "2025-13-01": expected a real date YYYY-MM-DD');
    expect(lines[6]).toBe('Invalid input: --window "18:00-09:00": the window must end after it starts');
    expect(lines[7]).toBe('Invalid input: --hours "-2": expected a number of hours, 0 or more, such as 2.5');
  });

  it('bad input is reported in Chinese with --lang zh-CN', async () => {
    const gap = await tradebook(['--lang', 'zh-CN', 'time', 'to-utc', '--zone', 'Europe/Madrid', '--local', '2025-03-30T02:30', '--disambiguation', 'reject']);
    expect(oneLineError(gap)).toBe('当地时间 2025-03-30T02:30:00 在 Europe/Madrid 不存在：那天时钟跳过了这段时间。');
  });
});
