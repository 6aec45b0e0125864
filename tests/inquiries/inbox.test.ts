/**
 * R1: the inquiry inbox (`inquiries.inbox`, src-main/services/inquiry-inbox.ts) on a real book: least SLA time left
 * first, overdue first, ties by received then id; each row with the deadline `inquiries.deadlines` gives, the minutes
 * left, the account's R4 priority channel and the buyer's clock; R4/R16 halved SLAs move an inquiry up. And
 * `tradebook inquiries list`, which prints that order with the time left.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxRow } from '../../src-main/contract/inquiries';
import type { InquirySource } from '../../src-main/contract/primitives';
import { runCli } from '../../src-main/cli/main';
import { call } from '../../src-main/handlers/dispatch';
import { minutesLeft } from '../../src-main/services/inquiry-inbox';
import { errorOf, openTestBook, removeDir, tempDir, valueOf, type TestBook } from '../db/temp-book';

const M = 60_000;

describe('R1: inquiries.inbox on a real book', () => {
  let tb: TestBook;
  let clock: string;

  beforeEach(() => {
    clock = '2025-06-16T10:00:00Z'; // Monday, 12:00 in Madrid
    tb = openTestBook(clock);
    tb.ctx.now = () => clock;
  });
  afterEach(async () => {
    await tb.close();
  });

  const account = async (name: string, country = 'ES') => valueOf(await call(tb.ctx, 'accounts.add', { name, country }));
  const inquiry = async (accountId: string, source: InquirySource, receivedAt: string, extra: { urgency?: number; subject?: string } = {}) =>
    valueOf(await call(tb.ctx, 'inquiries.add', { accountId, source, receivedAt, ...extra }));
  const inbox = async (input: { open?: boolean; accountId?: string; limit?: number } = {}) => valueOf(await call(tb.ctx, 'inquiries.inbox', input));
  const order = (rows: InboxRow[]) => rows.map((r) => [r.subject, r.deadline.replyBy, r.minutesLeft]);

  it('R1: the inbox is sorted by SLA time left — overdue first, ties by received then id; a reply leaves the open inbox', async () => {
    const madrid = await account('Válvulas Ibéricas S.L.');
    const dubai = await account('Gulf Pipes LLC', 'AE');
    // SLA matrix: website 2 h, e-mail 4 h, marketplace 1 h, trade fair 24 h, phone 1 h (elapsed hours by default).
    await inquiry(madrid.id, 'fair', '2025-06-16T06:00:00Z', { subject: 'fair' }); // → 06-17 06:00, 1200 min left
    await inquiry(madrid.id, 'website', '2025-06-16T07:00:00Z', { subject: 'website, overdue' }); // → 09:00, 60 min overdue
    await inquiry(dubai.id, 'marketplace', '2025-06-16T09:30:00Z', { subject: 'marketplace' }); // → 10:30, 30 min left
    await inquiry(madrid.id, 'email', '2025-06-16T06:00:30Z', { subject: 'e-mail, tie 1' }); // → 10:00:30, 0 min left
    await inquiry(dubai.id, 'website', '2025-06-16T08:00:30Z', { subject: 'website, tie 2' }); // → 10:00:30
    const phoneA = await inquiry(dubai.id, 'phone', '2025-06-16T09:00:30Z', { subject: 'phone A' }); // → 10:00:30
    const phoneB = await inquiry(madrid.id, 'phone', '2025-06-16T09:00:30Z', { subject: 'phone B' }); // same instant: by id
    expect(phoneA.id < phoneB.id).toBe(true);
    const replied = await inquiry(madrid.id, 'email', '2025-06-16T05:00:00Z', { subject: 'replied' });
    valueOf(await call(tb.ctx, 'inquiries.reply', { id: replied.id, at: '2025-06-16T06:00:00Z' }));

    const rows = await inbox();
    expect(order(rows)).toEqual([
      ['website, overdue', '2025-06-16T09:00:00Z', -60],
      ['e-mail, tie 1', '2025-06-16T10:00:30Z', 0],
      ['website, tie 2', '2025-06-16T10:00:30Z', 0],
      ['phone A', '2025-06-16T10:00:30Z', 0],
      ['phone B', '2025-06-16T10:00:30Z', 0],
      ['marketplace', '2025-06-16T10:30:00Z', 30],
      ['fair', '2025-06-17T06:00:00Z', 1200],
    ]);
    // Each row carries exactly the deadline inquiries.deadlines gives, and the buyer's clock now.
    const deadlines = valueOf(await call(tb.ctx, 'inquiries.deadlines', { ids: rows.map((r) => r.id) }));
    expect(rows.map((r) => r.deadline)).toEqual(deadlines);
    expect(rows[0]).toMatchObject({
      accountId: madrid.id,
      source: 'website',
      firstReplyAt: null,
      status: 'open',
      priorityChannel: false,
      buyerNow: '2025-06-16T12:00:00+02:00[Europe/Madrid]',
      deadline: { accountName: 'Válvulas Ibéricas S.L.', landsBestAtBuyerLocal: '2025-06-17T08:15:00+02:00[Europe/Madrid]', sla: 'missed' },
    });
    expect(rows.find((r) => r.subject === 'marketplace')!.buyerNow).toBe('2025-06-16T14:00:00+04:00[Asia/Dubai]');

    // Filters: one account, a limit (cut after sorting), the replied ones too.
    expect((await inbox({ accountId: dubai.id })).map((r) => r.subject)).toEqual(['website, tie 2', 'phone A', 'marketplace']);
    expect((await inbox({ limit: 2 })).map((r) => r.subject)).toEqual(['website, overdue', 'e-mail, tie 1']);
    const all = await inbox({ open: false });
    expect(all[0]).toMatchObject({ subject: 'replied', firstReplyAt: '2025-06-16T06:00:00Z', deadline: { sla: 'met' }, minutesLeft: -60 });
    expect(all).toHaveLength(8);

    // Replying takes the inquiry out of the open inbox; time moving on counts the minutes down.
    valueOf(await call(tb.ctx, 'inquiries.reply', { id: rows[0]!.id, at: clock }));
    clock = '2025-06-16T10:10:59Z';
    expect(order(await inbox({ limit: 2 }))).toEqual([
      ['e-mail, tie 1', '2025-06-16T10:00:30Z', -11],
      ['website, tie 2', '2025-06-16T10:00:30Z', -11],
    ]);
    expect(await inbox({ accountId: (await account('Empty Ltd', 'GB')).id })).toEqual([]);
    expect(errorOf(await call(tb.ctx, 'inquiries.inbox', { accountId: 'nope' })).code).toBe('invalid_input');
    expect(errorOf(await call(tb.ctx, 'inquiries.inbox', { limit: 0 })).code).toBe('invalid_input');
  });

  it('R1: minutes left are rounded down, so a deadline passed by a second is already overdue', () => {
    const due = Date.parse('2025-06-16T10:00:00Z');
    expect(minutesLeft(due, due)).toBe(0);
    expect(minutesLeft(due, due - 59_999)).toBe(0);
    expect(minutesLeft(due, due - M)).toBe(1);
    expect(minutesLeft(due, due + 1000)).toBe(-1);
    expect(minutesLeft(due, due + 61 * M)).toBe(-61);
  });

  it('R4/R16: halved SLAs show in the order — urgency ≥ 4, the priority channel (earned or by hand), never stacked', async () => {
    const madrid = await account('Válvulas Ibéricas S.L.');
    const lisbon = await account('Tubos do Tejo Lda', 'PT');
    const calm = await inquiry(lisbon.id, 'email', '2025-06-16T06:30:00Z', { subject: 'calm e-mail' }); // 4 h → 10:30
    const urgent = await inquiry(lisbon.id, 'email', '2025-06-16T08:00:00Z', { subject: 'urgent e-mail', urgency: 4 }); // 2 h → 10:00
    expect((await inbox()).map((r) => [r.subject, r.deadline.slaHours, r.deadline.halved, r.minutesLeft])).toEqual([
      ['urgent e-mail', 2, true, 0],
      ['calm e-mail', 4, false, 30],
    ]);
    expect(calm.receivedAt < urgent.receivedAt).toBe(true);

    // R4 earned: three inquiries each < 48 h after the one before; from the third on the SLA is halved.
    const first = await inquiry(madrid.id, 'email', '2025-06-13T08:00:00Z', { subject: 'run 1' });
    const second = await inquiry(madrid.id, 'email', '2025-06-14T08:00:00Z', { subject: 'run 2' });
    valueOf(await call(tb.ctx, 'inquiries.reply', { id: first.id, at: '2025-06-13T09:00:00Z' }));
    valueOf(await call(tb.ctx, 'inquiries.reply', { id: second.id, at: '2025-06-14T09:00:00Z' }));
    await inquiry(madrid.id, 'email', '2025-06-16T07:00:00Z', { subject: 'run 3' }); // 4 h halved → 09:00
    await inquiry(madrid.id, 'email', '2025-06-16T07:30:00Z', { subject: 'run 4, urgent too', urgency: 5 }); // halved once → 09:30
    valueOf(await call(tb.ctx, 'schedule.run', { now: clock }));
    const rows = await inbox();
    expect(rows.map((r) => [r.subject, r.deadline.slaHours, r.priorityChannel, r.deadline.replyBy])).toEqual([
      ['run 3', 2, true, '2025-06-16T09:00:00Z'],
      ['run 4, urgent too', 2, true, '2025-06-16T09:30:00Z'],
      ['urgent e-mail', 2, false, '2025-06-16T10:00:00Z'],
      ['calm e-mail', 4, false, '2025-06-16T10:30:00Z'],
    ]);

    // By hand: the priority channel halves every inquiry of the account — the calm e-mail moves ahead.
    valueOf(await call(tb.ctx, 'accounts.update', { id: lisbon.id, priorityChannel: true }));
    expect((await inbox({ accountId: lisbon.id })).map((r) => [r.subject, r.deadline.slaHours, r.priorityChannel, r.minutesLeft])).toEqual([
      ['calm e-mail', 2, true, -90],
      ['urgent e-mail', 2, true, 0],
    ]);
  });
});

describe('tradebook inquiries list: the inbox order with the time left', () => {
  it('R1: prints least SLA time left first (overdue first) with the time left; --json gives the inbox rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'book.db');
    const out: string[] = [];
    const err: string[] = [];
    const tradebook = async (...args: string[]) => {
      out.length = 0;
      const code = await runCli(['--db', file, ...args], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      return out.join('\n');
    };
    try {
      await tradebook('init');
      const madrid = JSON.parse(await tradebook('--json', 'accounts', 'add', '--name', 'Válvulas Ibéricas S.L.', '--country', 'ES')) as { id: string };
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * M).toISOString().replace(/\.\d{3}Z$/, 'Z');
      // Newest first would be marketplace, website, e-mail; by SLA left it is website (overdue), e-mail, marketplace.
      await tradebook('inquiries', 'add', '--account', madrid.id, '--source', 'email', '--at', at(200), '--subject', 'e-mail');
      await tradebook('inquiries', 'add', '--account', madrid.id, '--source', 'website', '--at', at(180), '--subject', 'website');
      await tradebook('inquiries', 'add', '--account', madrid.id, '--source', 'marketplace', '--at', at(10), '--subject', 'marketplace');
      const lines = (await tradebook('inquiries', 'list', '--open')).split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain('website');
      expect(lines[0]).toMatch(/overdue by 1 h( \d+ min)?/);
      expect(lines[1]).toContain('e-mail');
      expect(lines[1]).toMatch(/(39|40) min left/);
      expect(lines[2]).toContain('marketplace');
      expect(lines[2]).toMatch(/(49|50) min left/);
      const rows = JSON.parse(await tradebook('--json', 'inquiries', 'list', '--open')) as InboxRow[];
      expect(rows.map((r) => r.subject)).toEqual(['website', 'e-mail', 'marketplace']);
      expect(rows.map((r) => Math.sign(r.minutesLeft))).toEqual([-1, 1, 1]);
      expect(rows[0]!.deadline).toMatchObject({ accountName: 'Válvulas Ibéricas S.L.', slaHours: 2 });
      const zh = (await tradebook('--lang', 'zh-CN', 'inquiries', 'list', '--open', '--limit', '1')).split('\n');
      expect(zh).toHaveLength(1);
      expect(zh[0]).toMatch(/已超时 1 小时/);
    } finally {
      removeDir(dir);
    }
  });
});
