/**
 * Issue 15, bad input: what was accepted and stored before — an order of amount 0, a payment due before the order,
 * NUL and other control characters or broken (lone-surrogate) characters inside names and texts, FX rates dated
 * 0000-01-01 or 9999-12-31, a payment in 1989 — each gets a clear message in the user's language, and the book file
 * is byte-identical afterwards. Good input next to each rule still goes in (tabs and line breaks in a long text, a
 * due date on the order day, a date ten years ahead).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src-main/contract';
import { factDateMax } from '../../src-main/contract/primitives';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import type { ServiceContext } from '../../src-main/services/context';
import { errorOf, removeDir, tempDir, valueOf } from '../db/temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open = (file: string, create = false): ServiceContext => ({ book: openBook(file, { create }), now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } });

let file = '';
let accountId = '';
let orderId = '';

beforeAll(async () => {
  const dir = tempDir('tradebook-input-rules-');
  dirs.push(dir);
  file = path.join(dir, 'book.db');
  const ctx = open(file, true);
  valueOf(await call(ctx, 'fx.add', { date: '2025-06-01', currency: 'EUR', rate: 7.8 }));
  accountId = valueOf(await call(ctx, 'accounts.add', { name: 'Iluminación Castilla S.L.', country: 'ES' })).id;
  orderId = valueOf(await call(ctx, 'orders.add', { accountId, orderedAt: '2025-06-02', amount: 1000, currency: 'EUR', dueOn: '2025-07-02' })).id;
  await ctx.book.close();
});

type Case = { name: string; call: 'orders.add' | 'fx.add' | 'accounts.add' | 'interactions.add' | 'payments.add'; input: () => unknown; field: string; en: string; zh: string };

const cases: Case[] = [
  { name: 'an order of amount 0', call: 'orders.add', input: () => ({ accountId, orderedAt: '2025-06-10', amount: 0, currency: 'EUR' }), field: 'amount', en: 'above 0', zh: '大于 0' },
  {
    name: 'a payment due date before the order date',
    call: 'orders.add',
    input: () => ({ accountId, orderedAt: '2025-06-10', amount: 10, currency: 'EUR', dueOn: '2025-06-09' }),
    field: 'dueOn',
    en: 'cannot be before the order date',
    zh: '不能早于下单日期',
  },
  { name: 'an FX rate dated 0000-01-01', call: 'fx.add', input: () => ({ date: '0000-01-01', currency: 'USD', rate: 7.1 }), field: 'date', en: 'date', zh: '日期' },
  { name: 'an FX rate dated 9999-12-31', call: 'fx.add', input: () => ({ date: '9999-12-31', currency: 'USD', rate: 7.1 }), field: 'date', en: 'from 1990 to ten years from now', zh: '1990 年至今后十年' },
  { name: 'a payment dated 1989-12-31', call: 'payments.add', input: () => ({ orderId, paidOn: '1989-12-31', amount: 10 }), field: 'paidOn', en: 'from 1990', zh: '1990 年' },
  { name: 'a NUL inside a name', call: 'accounts.add', input: () => ({ name: 'Acme\u0000 Ltd', country: 'GB' }), field: 'name', en: 'control characters', zh: '控制字符' },
  { name: 'a bell character inside a name', call: 'accounts.add', input: () => ({ name: 'Acme \u0007Ltd', country: 'GB' }), field: 'name', en: 'control characters', zh: '控制字符' },
  { name: 'a lone surrogate inside a name', call: 'accounts.add', input: () => ({ name: 'Acme \uD800 Ltd', country: 'GB' }), field: 'name', en: 'broken characters', zh: '损坏的字符' },
  {
    name: 'an escape character inside a message body',
    call: 'interactions.add',
    input: () => ({ accountId, kind: 'email', direction: 'in', occurredAt: '2025-06-03T08:00:00Z', body: 'Hello\u001b[31m' }),
    field: 'body',
    en: 'control characters',
    zh: '控制字符',
  },
  {
    name: 'an account source outside the list (carrier-pigeon)',
    call: 'accounts.add',
    input: () => ({ name: 'Acme Ltd', country: 'GB', source: 'carrier-pigeon' }),
    field: 'source',
    en: 'website',
    zh: 'website',
  },
  {
    name: 'an interaction in the year 0000',
    call: 'interactions.add',
    input: () => ({ accountId, kind: 'call', direction: 'out', occurredAt: '0000-01-01T00:00:00Z' }),
    field: 'occurredAt',
    en: 'from 1990 to ten years from now',
    zh: '1990 年至今后十年',
  },
  {
    name: 'an interaction on 9999-12-31',
    call: 'interactions.add',
    input: () => ({ accountId, kind: 'call', direction: 'out', occurredAt: '9999-12-31T23:00:00Z' }),
    field: 'occurredAt',
    en: 'from 1990 to ten years from now',
    zh: '1990 年至今后十年',
  },
];

describe('issue 15: input that was stored before is refused, the book byte-identical', () => {
  for (const c of cases) {
    it(`${c.name}: a clear message (en and 中文) on the field, nothing written`, async () => {
      const before = sha256(file);
      const ctx = open(file);
      try {
        const en = errorOf(await call(ctx, c.call, c.input() as InputOf<typeof c.call>));
        expect(en.code).toBe('invalid_input');
        expect(en.issues?.map((i) => i.path)).toContain(c.field);
        expect(en.message).toContain(c.en);
        const zh = errorOf(await call(ctx, c.call, c.input() as InputOf<typeof c.call>, 'zh-CN'));
        expect(zh.message).toContain(c.zh);
      } finally {
        await ctx.book.close();
      }
      expect(sha256(file)).toBe(before);
    });
  }

  it('good input beside each rule still goes in', async () => {
    const ctx = open(file);
    try {
      valueOf(await call(ctx, 'orders.add', { accountId, orderedAt: '2025-06-05', amount: 0.01, currency: 'EUR', dueOn: '2025-06-05' }));
      valueOf(await call(ctx, 'fx.add', { date: '1990-01-01', currency: 'USD', rate: 4.7 }));
      valueOf(await call(ctx, 'fx.add', { date: factDateMax(), currency: 'USD', rate: 7.1 }));
      const mail = valueOf(await call(ctx, 'interactions.add', { accountId, kind: 'email', direction: 'in', occurredAt: '2025-06-03T08:00:00Z', body: 'Line 1\n\tLine 2\r\nÓptica 光学 🚢' }));
      expect(mail.body).toBe('Line 1\n\tLine 2\r\nÓptica 光学 🚢');
      valueOf(await call(ctx, 'accounts.add', { name: 'Ñandú Óptica 光学 🚢', country: 'AR' }));
      expect(valueOf(await call(ctx, 'accounts.add', { name: 'Óptica Fair Lead', country: 'ES', source: 'fair' })).source).toBe('fair');
      valueOf(await call(ctx, 'interactions.add', { accountId, kind: 'call', direction: 'out', occurredAt: '1990-01-01T00:00:00Z' }));
    } finally {
      await ctx.book.close();
    }
  });
});
