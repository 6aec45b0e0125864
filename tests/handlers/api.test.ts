/**
 * The API map through the one dispatcher, on a real book opened the way the CLI opens it, with a fixed clock.
 * Every call of the contract is exercised (checked at the end); every bad input must leave the book as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type HandlerName, type InputOf } from '../../src-main/contract';
import type { ApiError, Result } from '../../src-main/contract/errors';
import type { Language } from '../../src-main/contract/messages';
import type { Account, Order, Quote } from '../../src-main/contract/models';
import type { ServiceContext } from '../../src-main/services/context';
import { call, dispatch } from '../../src-main/handlers/dispatch';
import { errorOf, openTestBook, snapshot, valueOf, type TestBook } from '../db/temp-book';
import { loadMigrations } from '../../src-main/db/migrator';
import { rescoreSettled } from '../../src-main/services/rescoring';

/** The schema version a new book has: the number of the newest migration file. */
const LATEST = loadMigrations().length;

const NOW = '2025-03-15T09:00:00Z';
const exercised = new Set<string>();

/** `call`, recording the name, and checking every success against the contract's output schema. */
async function run<K extends HandlerName>(ctx: ServiceContext, name: K, input: InputOf<K>, language: Language = 'en') {
  exercised.add(name);
  const result = await call(ctx, name, input, language);
  if (result.ok) {
    const parsed = contract[name].output.safeParse(result.value);
    expect(parsed.success, `${name} output matches the contract`).toBe(true);
  }
  return result;
}

/** Runs bad calls and proves the book did not change (every row of every table compared). */
async function leavesBookAsItWas(book: TestBook, work: () => Promise<void>): Promise<void> {
  const before = snapshot(book.book.sqlite);
  await work();
  expect(snapshot(book.book.sqlite)).toEqual(before);
}

function expectCode<T>(result: Result<T>, code: ApiError['code']): ApiError {
  const error = errorOf(result);
  expect(error.code, error.message).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

let tb: TestBook;
let ctx: ServiceContext;
let madrid: Account;
let shenzhen: Account;

beforeAll(async () => {
  tb = openTestBook(NOW);
  ctx = tb.ctx;
});

afterAll(async () => {
  await tb.close();
});

describe('book', () => {
  it('book.info and book.check on a new book', async () => {
    expect(valueOf(await run(ctx, 'book.info', {}))).toEqual({ path: tb.file, schemaVersion: LATEST, accounts: 0 });
    expect(valueOf(await run(ctx, 'book.check', {}))).toEqual({ ok: true, schemaVersion: LATEST, integrity: 'ok', foreignKeys: 0, accounts: 0 });
  });

  it('book.seed fills a separate book that still checks out', async () => {
    const other = openTestBook(NOW);
    try {
      const summary = valueOf(await run(other.ctx, 'book.seed', { accounts: 12, ordersPerAccount: 3, seed: 5 }));
      expect(summary.accounts).toBe(12);
      expect(summary.contacts).toBeGreaterThanOrEqual(12);
      expect(valueOf(await run(other.ctx, 'book.info', {})).accounts).toBe(12);
      expect(valueOf(await run(other.ctx, 'book.check', {}))).toMatchObject({ ok: true, integrity: 'ok', foreignKeys: 0, accounts: 12 });
    } finally {
      await other.close();
    }
  });
});

describe('accounts', () => {
  it('accounts.add suggests the buyer country\'s main zone and normalises codes', async () => {
    madrid = valueOf(await run(ctx, 'accounts.add', { name: '  Válvulas Ibéricas S.L. ', country: 'es', city: 'Madrid', owner: 'Lily', currency: 'eur' }));
    expect(madrid).toMatchObject({
      name: 'Válvulas Ibéricas S.L.',
      country: 'ES',
      timeZone: 'Europe/Madrid',
      city: 'Madrid',
      owner: 'Lily',
      currency: 'EUR',
      strategicFit: 3,
      reputation: 3,
      priorityChannel: false,
      notes: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(madrid.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    shenzhen = valueOf(await run(ctx, 'accounts.add', { name: '深圳华强电子有限公司', country: 'CN', owner: 'Kevin' }));
    expect(shenzhen.timeZone).toBe('Asia/Shanghai');
    const seattle = valueOf(await run(ctx, 'accounts.add', { name: 'Cascade Supply Inc.', country: 'US', timeZone: 'america/los_angeles' }));
    expect(seattle.timeZone).toBe('America/Los_Angeles');
    const sydney = valueOf(await run(ctx, 'accounts.add', { name: 'Bondi Tiles Pty', country: 'AU' }));
    expect(sydney.timeZone).toBe('Australia/Sydney');
  });

  it('accounts.add refuses unknown countries, zones and out-of-range fields, writing nothing', async () => {
    await leavesBookAsItWas(tb, async () => {
      const country = expectCode(await run(ctx, 'accounts.add', { name: 'X', country: 'XX' }), 'invalid_input');
      expect(country.issues).toEqual([{ path: 'country', message: expect.stringMatching(/country/) }]);
      const zone = expectCode(await run(ctx, 'accounts.add', { name: 'X', country: 'ES', timeZone: 'Europe/Atlantis' }), 'invalid_input');
      expect(zone.issues?.map((i) => i.path)).toEqual(['timeZone']);
      const fit = expectCode(await run(ctx, 'accounts.add', { name: 'X', country: 'ES', strategicFit: 6 }), 'invalid_input');
      expect(fit.issues?.map((i) => i.path)).toEqual(['strategicFit']);
      expectCode(await run(ctx, 'accounts.add', { name: '   ', country: 'ES' }), 'invalid_input');
      expectCode(await run(ctx, 'accounts.add', { name: 'x'.repeat(201), country: 'ES' }), 'invalid_input');
    });
  });

  it('accounts.get returns the account; unknown ids are not_found, malformed ids invalid_input', async () => {
    expect(valueOf(await run(ctx, 'accounts.get', { id: madrid.id }))).toEqual(madrid);
    const missing = expectCode(await run(ctx, 'accounts.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    expect(missing.message).toBe('No account with id 01ARZ3NDEKTSV4RRFFQ69G5FAV.');
    expectCode(await run(ctx, 'accounts.get', { id: 'not-an-id' }), 'invalid_input');
  });

  it('accounts.list sorts by name, pages, and filters by country and owner; accounts.count agrees', async () => {
    const all = valueOf(await run(ctx, 'accounts.list', {}));
    expect(all.map((a) => a.name)).toEqual(['Bondi Tiles Pty', 'Cascade Supply Inc.', 'Válvulas Ibéricas S.L.', '深圳华强电子有限公司']);
    expect(valueOf(await run(ctx, 'accounts.list', { limit: 2, offset: 1 })).map((a) => a.name)).toEqual(['Cascade Supply Inc.', 'Válvulas Ibéricas S.L.']);
    expect(valueOf(await run(ctx, 'accounts.list', { country: 'cn' })).map((a) => a.id)).toEqual([shenzhen.id]);
    expect(valueOf(await run(ctx, 'accounts.list', { owner: 'Lily' })).map((a) => a.id)).toEqual([madrid.id]);
    expect(valueOf(await run(ctx, 'accounts.count', {}))).toBe(4);
    expect(valueOf(await run(ctx, 'accounts.count', { query: 'valv' }))).toBe(1);
    expectCode(await run(ctx, 'accounts.list', { limit: 0 }), 'invalid_input');
  });

  it('accounts.update changes only what is given and stamps updatedAt', async () => {
    const later: ServiceContext = { ...ctx, now: () => '2025-03-16T10:00:00Z' };
    const updated = valueOf(await run(later, 'accounts.update', { id: madrid.id, priorityChannel: true, strategicFit: 5, notes: 'Met at Canton Fair' }));
    expect(updated).toEqual({ ...madrid, priorityChannel: true, strategicFit: 5, notes: 'Met at Canton Fair', updatedAt: '2025-03-16T10:00:00Z' });
    expect(valueOf(await run(ctx, 'accounts.get', { id: madrid.id }))).toEqual(updated);
    expect(valueOf(await run(ctx, 'accounts.list', { query: 'canton' })).map((a) => a.id)).toEqual([madrid.id]);
    madrid = updated;
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'accounts.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: 'Ghost' }), 'not_found');
      expectCode(await run(ctx, 'accounts.update', { id: madrid.id, reputation: 0 }), 'invalid_input');
      expectCode(await run(ctx, 'accounts.update', { id: madrid.id, timeZone: 'Nowhere/Land' }), 'invalid_input');
    });
  });
});

describe('contacts', () => {
  it('the first contact is primary; a new primary takes over; others are not primary', async () => {
    const maria = valueOf(
      await run(ctx, 'contacts.add', { accountId: madrid.id, name: 'María López', emails: ['maria.lopez@valvulas-ibericas.es'], phones: ['+34 912 345 678'] }),
    );
    // The phone is stored in E.164, read in the account's country.
    expect(maria).toMatchObject({ isPrimary: true, emails: ['maria.lopez@valvulas-ibericas.es'], phones: ['+34912345678'], title: null });
    const jorge = valueOf(await run(ctx, 'contacts.add', { accountId: madrid.id, name: 'Jorge Ruiz', isPrimary: true }));
    expect(jorge.isPrimary).toBe(true);
    const ana = valueOf(await run(ctx, 'contacts.add', { accountId: madrid.id, name: 'Ana Gil', title: 'Engineer' }));
    expect(ana.isPrimary).toBe(false);
    const listed = valueOf(await run(ctx, 'contacts.list', { accountId: madrid.id }));
    expect(listed.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Jorge Ruiz', true],
      ['Ana Gil', false],
      ['María López', false],
    ]);
    expect(listed.filter((c) => c.isPrimary)).toHaveLength(1);
    // Primary is per account: a contact elsewhere does not change this one.
    valueOf(await run(ctx, 'contacts.add', { accountId: shenzhen.id, name: '王小明', wechat: 'wx_wang' }));
    expect(valueOf(await run(ctx, 'contacts.list', { accountId: madrid.id })).filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Jorge Ruiz']);
  });

  it('bad contacts are refused and change nothing', async () => {
    await leavesBookAsItWas(tb, async () => {
      const email = expectCode(await run(ctx, 'contacts.add', { accountId: madrid.id, name: 'X', emails: ['not-an-email'] }), 'invalid_input');
      expect(email.issues?.map((i) => i.path)).toEqual(['emails.0']);
      expectCode(await run(ctx, 'contacts.add', { accountId: madrid.id, name: 'X', phones: ['call me'] }), 'invalid_input');
      expectCode(await run(ctx, 'contacts.add', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: 'X', isPrimary: true }), 'not_found');
      expectCode(await run(ctx, 'contacts.list', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
      const ana = valueOf(await call(ctx, 'contacts.list', { accountId: madrid.id })).find((c) => c.name === 'Ana Gil')!;
      const phone = expectCode(await run(ctx, 'contacts.update', { id: ana.id, phones: ['+34 600 000 000', 'call me'] }), 'invalid_input');
      expect(phone.issues?.map((i) => i.path)).toEqual(['phones.1']);
      expectCode(await run(ctx, 'contacts.update', { id: ana.id, name: '  ' }), 'invalid_input');
      expectCode(await run(ctx, 'contacts.update', { id: ana.id, surname: 'Gil' } as never), 'invalid_input');
      expectCode(await run(ctx, 'contacts.update', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: 'X' }), 'not_found');
      expectCode(await run(ctx, 'contacts.remove', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    });
  });

  it('contacts.update changes what is given and clears what is emptied; contacts.remove takes one out', async () => {
    const ana = valueOf(await run(ctx, 'contacts.list', { accountId: madrid.id })).find((c) => c.name === 'Ana Gil')!;
    const edited = valueOf(await run(ctx, 'contacts.update', { id: ana.id, title: 'Head of purchasing', phones: ['612 345 678'], wechat: 'ana_gil' }));
    expect(edited).toMatchObject({ name: 'Ana Gil', title: 'Head of purchasing', phones: ['+34612345678'], wechat: 'ana_gil', isPrimary: false });
    expect(valueOf(await run(ctx, 'contacts.update', { id: ana.id, title: '', wechat: '' }))).toMatchObject({ title: null, wechat: null });
    const removed = valueOf(await run(ctx, 'contacts.remove', { id: ana.id }));
    expect(removed.id).toBe(ana.id);
    expect(valueOf(await run(ctx, 'contacts.list', { accountId: madrid.id })).map((c) => c.name)).not.toContain('Ana Gil');
    expectCode(await run(ctx, 'contacts.update', { id: ana.id, name: 'Ana' }), 'not_found');
  });
});

describe('interactions', () => {
  it('an incoming message answers the earlier outgoing ones still awaiting a reply, and only those', async () => {
    const out1 = valueOf(
      await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'email', direction: 'out', occurredAt: '2025-03-10T09:00:00Z', awaitsReply: true, subject: 'Offer' }),
    );
    const out2 = valueOf(
      await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'message', direction: 'out', occurredAt: '2025-03-11T10:00:00+01:00', awaitsReply: true }),
    );
    expect(out2.occurredAt).toBe('2025-03-11T09:00:00Z');
    const noWait = valueOf(await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'call', direction: 'out', occurredAt: '2025-03-11T12:00:00Z' }));
    const elsewhere = valueOf(
      await run(ctx, 'interactions.add', { accountId: shenzhen.id, kind: 'email', direction: 'out', occurredAt: '2025-03-10T01:00:00Z', awaitsReply: true }),
    );
    const incoming = valueOf(
      await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'email', direction: 'in', occurredAt: '2025-03-12T08:30:00Z', awaitsReply: true }),
    );
    expect(incoming.awaitsReply).toBe(false);
    const after = valueOf(
      await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'email', direction: 'out', occurredAt: '2025-03-13T09:00:00Z', awaitsReply: true }),
    );

    const byId = new Map(valueOf(await run(ctx, 'interactions.list', { accountId: madrid.id })).map((i) => [i.id, i]));
    expect(byId.get(out1.id)!.answeredAt).toBe('2025-03-12T08:30:00Z');
    expect(byId.get(out2.id)!.answeredAt).toBe('2025-03-12T08:30:00Z');
    expect(byId.get(noWait.id)!.answeredAt).toBeNull();
    expect(byId.get(after.id)!.answeredAt).toBeNull();
    const other = valueOf(await run(ctx, 'interactions.list', { accountId: shenzhen.id }));
    expect(other.find((i) => i.id === elsewhere.id)!.answeredAt).toBeNull();
    // Newest first.
    expect([...byId.values()].map((i) => i.occurredAt)).toEqual([...byId.values()].map((i) => i.occurredAt).sort().reverse());
  });

  it('a contact of another account is refused', async () => {
    const wang = valueOf(await run(ctx, 'contacts.list', { accountId: shenzhen.id }))[0]!;
    await leavesBookAsItWas(tb, async () => {
      const error = expectCode(
        await run(ctx, 'interactions.add', { accountId: madrid.id, contactId: wang.id, kind: 'email', direction: 'in', occurredAt: '2025-03-14T08:00:00Z' }),
        'invalid_state',
      );
      expect(error.message).toContain(wang.id);
      expectCode(await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'fax', direction: 'in', occurredAt: '2025-03-14T08:00:00Z' } as never), 'invalid_input');
      expectCode(await run(ctx, 'interactions.add', { accountId: madrid.id, kind: 'email', direction: 'in', occurredAt: '2025-03-14 08:00' }), 'invalid_input');
    });
  });
});

describe('inquiries', () => {
  it('add, reply (not before receipt, not twice) and list open ones', async () => {
    const inquiry = valueOf(
      await run(ctx, 'inquiries.add', {
        accountId: madrid.id,
        source: 'website',
        receivedAt: '2025-03-14T03:47:00+01:00',
        subject: 'RFQ ball valves',
        products: ['Ball valve DN50'],
        urgency: 4,
      }),
    );
    expect(inquiry).toMatchObject({ receivedAt: '2025-03-14T02:47:00Z', status: 'open', firstReplyAt: null, products: ['Ball valve DN50'], urgency: 4 });
    const second = valueOf(await run(ctx, 'inquiries.add', { accountId: shenzhen.id, source: 'marketplace', receivedAt: '2025-03-14T05:00:00Z' }));

    await leavesBookAsItWas(tb, async () => {
      const early = expectCode(await run(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-03-14T02:00:00Z' }), 'invalid_state');
      expect(early.message).toContain('2025-03-14T02:47:00Z');
      expectCode(await run(ctx, 'inquiries.reply', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', at: '2025-03-14T04:00:00Z' }), 'not_found');
      expectCode(await run(ctx, 'inquiries.add', { accountId: madrid.id, source: 'tiktok', receivedAt: NOW } as never), 'invalid_input');
      expectCode(await run(ctx, 'inquiries.add', { accountId: madrid.id, source: 'email', receivedAt: NOW, urgency: 6 }), 'invalid_input');
    });

    const replied = valueOf(await run(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-03-14T03:00:00Z' }));
    expect(replied).toMatchObject({ firstReplyAt: '2025-03-14T03:00:00Z', status: 'replied' });
    await leavesBookAsItWas(tb, async () => {
      const twice = expectCode(await run(ctx, 'inquiries.reply', { id: inquiry.id, at: '2025-03-14T04:00:00Z' }), 'invalid_state');
      expect(twice.message).toContain('2025-03-14T03:00:00Z');
    });

    expect(valueOf(await run(ctx, 'inquiries.list', { open: true })).map((i) => i.id)).toEqual([second.id]);
    expect(valueOf(await run(ctx, 'inquiries.list', { open: false })).map((i) => i.id)).toEqual([inquiry.id]);
    expect(valueOf(await run(ctx, 'inquiries.list', { accountId: madrid.id })).map((i) => i.id)).toEqual([inquiry.id]);
    // R1: the inbox, least SLA time left first: the open marketplace inquiry only, or both with the replied one.
    expect(valueOf(await run(ctx, 'inquiries.inbox', {})).map((i) => i.id)).toEqual([second.id]);
    expect(valueOf(await run(ctx, 'inquiries.inbox', { open: false })).map((i) => [i.id, i.deadline.replyBy])).toEqual([
      [inquiry.id, '2025-03-14T03:47:00Z'],
      [second.id, '2025-03-14T06:00:00Z'],
    ]);
    expectCode(await run(ctx, 'inquiries.inbox', { open: 'yes' } as never), 'invalid_input');
    expect(valueOf(await run(ctx, 'inquiries.get', { id: inquiry.id }))).toEqual(replied);
    expectCode(await run(ctx, 'inquiries.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    // R1/R16: website 2 h, halved for urgency 4; replied 13 minutes after receipt.
    const [deadline] = valueOf(await run(ctx, 'inquiries.deadlines', { ids: [inquiry.id] }));
    expect(deadline).toMatchObject({ replyBy: '2025-03-14T03:47:00Z', slaHours: 1, halved: true, sla: 'met', timeZone: 'Europe/Madrid' });
    const stats = valueOf(await run(ctx, 'inquiries.stats', {}));
    expect(stats.sources.find((r) => r.source === 'website')).toMatchObject({ count: 1, replied: 1, medianMinutes: 13, withinSlaShare: 1 });
    expectCode(await run(ctx, 'inquiries.stats', { from: '2025-03-15', to: '2025-03-01' }), 'invalid_state');
  });
});

describe('fx and orders (PRODUCT, Defaults: Money)', () => {
  it('fx.add stores base units per foreign unit; a second rate on a day replaces it; the base currency needs none', async () => {
    valueOf(await run(ctx, 'fx.add', { date: '2025-03-01', currency: 'EUR', rate: 7.7 }));
    const rate = valueOf(await run(ctx, 'fx.add', { date: '2025-03-01', currency: 'eur', rate: 7.8 }));
    expect(rate).toMatchObject({ date: '2025-03-01', currency: 'EUR', baseCurrency: 'CNY', rate: 7.8 });
    valueOf(await run(ctx, 'fx.add', { date: '2025-03-01', currency: 'USD', rate: 7.2 }));
    expect(valueOf(await run(ctx, 'fx.list', { currency: 'EUR' })).map((r) => [r.date, r.rate])).toEqual([['2025-03-01', 7.8]]);
    expect(valueOf(await run(ctx, 'fx.list', {})).map((r) => r.currency)).toEqual(['EUR', 'USD']);
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'fx.add', { date: '2025-03-01', currency: 'CNY', rate: 1 }), 'invalid_state');
      expectCode(await run(ctx, 'fx.add', { date: '2025-03-01', currency: 'EUR', rate: 0 }), 'invalid_input');
      expectCode(await run(ctx, 'fx.add', { date: '2025-02-30', currency: 'EUR', rate: 7.8 }), 'invalid_input');
      expectCode(await run(ctx, 'fx.add', { date: '2025-03-02', currency: 'EUROS', rate: 7.8 }), 'invalid_input');
    });
  });

  let order: Order;
  it('orders.add converts with the latest rate within fxMaxAgeDays and stores the converted amount', async () => {
    order = valueOf(
      await run(ctx, 'orders.add', {
        accountId: madrid.id,
        orderedAt: '2025-03-05',
        amount: 1234.56,
        currency: 'EUR',
        cost: 1000,
        quantity: 100,
        unit: 'pcs',
        dueOn: '2025-04-04',
        lines: [{ product: 'Ball valve DN50', quantity: 32.4, unit: 'pcs', unitPrice: 38.1 }],
      }),
    );
    expect(order).toMatchObject({ fxRate: 7.8, amount: 1234.56, amountBase: 9629.57, cost: 1000, costBase: 7800, quantity: 100, unit: 'pcs' });
    expect(order.lines).toEqual([{ position: 1, product: 'Ball valve DN50', quantity: 32.4, unit: 'pcs', unitPrice: 38.1, amount: 1234.44 }]);
    const stored = tb.book.sqlite.prepare('SELECT fx_rate, amount_base FROM orders WHERE id = ?').get(order.id);
    expect(stored).toEqual({ fx_rate: 7.8, amount_base: 9629.57 });

    // Exactly 7 days old is still fine.
    expect(valueOf(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-08', amount: 100, currency: 'EUR' })).amountBase).toBe(780);
    // The base currency converts at 1.
    expect(valueOf(await run(ctx, 'orders.add', { accountId: shenzhen.id, orderedAt: '2025-03-10', amount: 5000.555, currency: 'CNY' }))).toMatchObject({
      fxRate: 1,
      amount: 5000.56,
      amountBase: 5000.56,
    });
  });

  it('payments.add reduces what an order owes; payments.list, payments.delete; receivables.list ages it', async () => {
    const paid = valueOf(await run(ctx, 'payments.add', { orderId: order.id, paidOn: '2025-03-06', amount: 234.56 }));
    expect(paid).toMatchObject({ orderId: order.id, amount: 234.56, currency: 'EUR' });
    expect(valueOf(await run(ctx, 'payments.list', { orderId: order.id })).map((p) => p.id)).toEqual([paid.id]);
    const open = valueOf(await run(ctx, 'receivables.list', { accountId: madrid.id })).rows.find((r) => r.orderId === order.id);
    expect(open).toMatchObject({ paid: 234.56, outstanding: 1000, outstandingBase: 7800, bucket: 'not_due' });
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'payments.add', { orderId: order.id, paidOn: '2025-03-06', amount: 1000.01 }), 'invalid_state');
      expectCode(await run(ctx, 'payments.add', { orderId: order.id, amount: -1 }), 'invalid_input');
    });
    expect(valueOf(await run(ctx, 'payments.delete', { id: paid.id })).id).toBe(paid.id);
    expect(valueOf(await run(ctx, 'payments.list', { orderId: order.id }))).toEqual([]);
    const timeline = valueOf(await run(ctx, 'accounts.timeline', { id: madrid.id }));
    expect(timeline.find((e) => e.kind === 'order' && e.id === order.id)).toMatchObject({ amount: 1234.56, currency: 'EUR' });
    expect(timeline.some((e) => e.kind === 'payment')).toBe(false);
  });

  it('the latest rate on or before the order date is used, never a later one', async () => {
    valueOf(await run(ctx, 'fx.add', { date: '2025-03-20', currency: 'EUR', rate: 7.95 }));
    valueOf(await run(ctx, 'fx.add', { date: '2025-03-25', currency: 'EUR', rate: 8.1 }));
    const o = valueOf(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-24', amount: 10, currency: 'EUR' }));
    expect(o).toMatchObject({ fxRate: 7.95, amountBase: 79.5 });
  });

  it('no rate within 7 days → fx_missing naming the currency and the date, and nothing is written', async () => {
    await leavesBookAsItWas(tb, async () => {
      const missing = expectCode(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-10', amount: 500, currency: 'EUR' }), 'fx_missing');
      expect(missing.message).toContain('EUR');
      expect(missing.message).toContain('2025-03-10');
      expectCode(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-09', amount: 500, currency: 'EUR' }), 'fx_missing');
      expectCode(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-05', amount: 500, currency: 'GBP' }), 'fx_missing');
      const unit = expectCode(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-05', amount: 1, currency: 'EUR', quantity: 5 }), 'invalid_input');
      expect(unit.issues?.map((i) => i.path)).toEqual(['unit']);
      expectCode(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-05', amount: -1, currency: 'EUR' }), 'invalid_input');
      expectCode(await run(ctx, 'orders.add', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', orderedAt: '2025-03-05', amount: 1, currency: 'EUR' }), 'not_found');
    });
  });

  it('orders.list gives an account\'s orders newest first, with their lines', async () => {
    const listed = valueOf(await run(ctx, 'orders.list', { accountId: madrid.id }));
    expect(listed.map((o) => o.orderedAt)).toEqual(['2025-03-24', '2025-03-08', '2025-03-05']);
    expect(listed[2]).toEqual(order);
    expectCode(await run(ctx, 'orders.list', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
  });
});

describe('quotes (R7 validity, R8 versions and spec questions)', () => {
  const items = [
    { product: 'Ball valve DN50', quantity: 100, unit: 'pcs', unitPrice: 38 },
    { product: 'Gate valve DN100', quantity: 10, unit: 'pcs', unitPrice: 120.5 },
  ];

  it('fixed: valid through the quote date + N days; a draft, version 1, numbered', async () => {
    const quote = valueOf(
      await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 30 }, items, incoterm: 'FOB' }),
    );
    expect(quote).toMatchObject({ status: 'draft', currentVersion: 1, number: 'Q2025-0001', currency: 'EUR', sentAt: null });
    expect(quote.validity).toMatchObject({ strategy: 'fixed', days: 30, validThrough: '2025-03-31', rateAtQuote: null });
    expect(quote.versions).toHaveLength(1);
    expect(quote.versions[0]).toMatchObject({ version: 1, total: 5005, incoterm: 'FOB' });
    expect(quote.versions[0]!.items.map((i) => i.amount)).toEqual([3800, 1205]);
  });

  it('fx: records the rate at the quote date and the threshold (default fxThresholdPercent 3)', async () => {
    const quote = valueOf(
      await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 15 }, items }),
    );
    expect(quote.validity).toMatchObject({ strategy: 'fx', days: 15, validThrough: '2025-03-18', rateAtQuote: 7.8, thresholdPercent: 3 });
    const custom = valueOf(
      await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 15, thresholdPercent: 5 }, items }),
    );
    expect(custom.validity.thresholdPercent).toBe(5);
    await leavesBookAsItWas(tb, async () => {
      expectCode(
        await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'GBP', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 15 }, items }),
        'fx_missing',
      );
    });
  });

  it('staged: each stage has its own date; the quote is valid while its current (first) stage is', async () => {
    const quote = valueOf(
      await run(ctx, 'quotes.add', {
        accountId: shenzhen.id,
        currency: 'CNY',
        quoteDate: '2025-03-01',
        validity: {
          strategy: 'staged',
          stages: [
            { name: 'design', validThrough: '2025-04-01' },
            { name: 'sample', validThrough: '2025-05-15' },
            { name: 'mass production', validThrough: '2025-08-31' },
          ],
        },
        items,
      }),
    );
    expect(quote.validity).toMatchObject({ strategy: 'staged', validThrough: '2025-04-01', days: null });
    expect(quote.stages.map((s) => [s.position, s.name, s.validThrough, s.completedAt])).toEqual([
      [1, 'design', '2025-04-01', null],
      [2, 'sample', '2025-05-15', null],
      [3, 'mass production', '2025-08-31', null],
    ]);
  });

  it('periodic: valid through the end of the named season', async () => {
    const quote = valueOf(
      await run(ctx, 'quotes.add', {
        accountId: madrid.id,
        currency: 'EUR',
        quoteDate: '2025-03-01',
        validity: { strategy: 'periodic', seasonName: 'Spring price list 2025', seasonEndsOn: '2025-05-31' },
        items,
      }),
    );
    expect(quote.validity).toMatchObject({ strategy: 'periodic', seasonName: 'Spring price list 2025', seasonEndsOn: '2025-05-31', validThrough: '2025-05-31' });
  });

  it('validity that ends before the quote date, and bad strategies, are refused and write nothing', async () => {
    await leavesBookAsItWas(tb, async () => {
      expectCode(
        await run(ctx, 'quotes.add', {
          accountId: madrid.id,
          currency: 'EUR',
          quoteDate: '2025-03-01',
          validity: { strategy: 'periodic', seasonName: 'Winter', seasonEndsOn: '2025-02-28' },
          items,
        }),
        'invalid_state',
      );
      expectCode(
        await run(ctx, 'quotes.add', {
          accountId: madrid.id,
          currency: 'EUR',
          quoteDate: '2025-03-01',
          validity: { strategy: 'staged', stages: [{ name: 'design', validThrough: '2025-04-01' }, { name: 'sample', validThrough: '2025-02-01' }] },
          items,
        }),
        'invalid_state',
      );
      expectCode(await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 0 }, items }), 'invalid_input');
      expectCode(
        await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-01', validity: { strategy: 'forever' } as never, items }),
        'invalid_input',
      );
      expectCode(await run(ctx, 'quotes.add', { accountId: madrid.id, currency: 'EUR', quoteDate: '2025-03-01', validity: { strategy: 'fixed', days: 30 }, items: [] }), 'invalid_input');
    });
  });

  let quote: Quote;
  it('send refuses unanswered spec questions unless confirmed, and a sent quote cannot be sent again', async () => {
    quote = valueOf(
      await run(ctx, 'quotes.add', {
        accountId: madrid.id,
        currency: 'EUR',
        quoteDate: '2025-03-10',
        validity: { strategy: 'fixed', days: 20 },
        items,
        questions: [{ question: 'Pressure rating?', answer: 'PN40' }, { question: 'Material certificate EN 10204 3.1?' }],
      }),
    );
    expect(quote.specCoverage).toEqual({ asked: 2, answered: 1 });
    await leavesBookAsItWas(tb, async () => {
      const refused = expectCode(await run(ctx, 'quotes.send', { id: quote.id, at: '2025-03-10T09:00:00Z' }), 'invalid_state');
      expect(refused.message).toBe('1 of 2 spec questions are unanswered; answer them or confirm sending anyway.');
      expectCode(await run(ctx, 'quotes.send', { id: quote.id, at: '2025-03-10T09:00:00Z', confirmUnanswered: false }), 'invalid_state');
    });
    const sent = valueOf(await run(ctx, 'quotes.send', { id: quote.id, at: '2025-03-10T10:00:00+01:00', confirmUnanswered: true }));
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2025-03-10T09:00:00Z' });
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'quotes.send', { id: quote.id, at: '2025-03-11T09:00:00Z', confirmUnanswered: true }), 'invalid_state');
    });
  });

  it('revise keeps every version, answers questions and returns the quote to draft', async () => {
    const unanswered = quote.questions.find((q) => q.answer === null)!;
    const revised = valueOf(
      await run(ctx, 'quotes.revise', {
        id: quote.id,
        items: [{ product: 'Ball valve DN50', quantity: 120, unit: 'pcs', unitPrice: 36.5 }],
        paymentTerms: '30% T/T, 70% B/L',
        answers: [{ questionId: unanswered.id, answer: 'Yes, 3.1 certificate' }],
      }),
    );
    expect(revised).toMatchObject({ status: 'draft', currentVersion: 2 });
    expect(revised.versions.map((v) => [v.version, v.total])).toEqual([
      [1, 5005],
      [2, 4380],
    ]);
    expect(revised.versions[0]).toEqual(quote.versions[0]);
    expect(revised.versions[1]!.paymentTerms).toBe('30% T/T, 70% B/L');
    expect(revised.specCoverage).toEqual({ asked: 2, answered: 2 });

    await leavesBookAsItWas(tb, async () => {
      expectCode(
        await run(ctx, 'quotes.revise', { id: quote.id, items, answers: [{ questionId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', answer: 'x' }] }),
        'not_found',
      );
      expectCode(await run(ctx, 'quotes.revise', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', items }), 'not_found');
    });

    const third = valueOf(await run(ctx, 'quotes.revise', { id: quote.id, items, questions: [{ question: 'Packing?' }] }));
    expect(third.versions).toHaveLength(3);
    expect(third.specCoverage).toEqual({ asked: 3, answered: 2 });
    expectCode(await run(ctx, 'quotes.send', { id: quote.id, at: '2025-03-12T09:00:00Z' }), 'invalid_state');

    const fetched = valueOf(await run(ctx, 'quotes.get', { id: quote.id }));
    expect(fetched.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(fetched.versions[1]!.items).toEqual(revised.versions[1]!.items);
    expectCode(await run(ctx, 'quotes.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    // R8 (tests/quotes/diff.test.ts): by default the version before the current one against the current one.
    const diff = valueOf(await run(ctx, 'quotes.diff', { id: quote.id }));
    expect(diff).toMatchObject({ quoteId: quote.id, from: 2, to: 3, total: { from: 4380, to: third.versions[2]!.total } });
    expect(diff.terms.map((t) => t.field)).toContain('paymentTerms');
    // R9 (tests/quotes/loss.test.ts): the analysis, losing with a recovery to-do, the report; winning another quote.
    const analysis = valueOf(await run(ctx, 'quotes.lossAnalysis', { id: quote.id }));
    expect(analysis.facts).toEqual([{ id: 'unanswered', unanswered: 1, asked: 3 }, { id: 'many_versions', versions: 3, days: 0 }]);
    expect(analysis.suggestedReason).toBe('spec_gap');
    const lost = valueOf(await run(ctx, 'quotes.lose', { id: quote.id, at: ctx.now(), reason: 'spec_gap', recovery: { action: analysis.recovery.spec_gap.action, dueAt: analysis.recovery.spec_gap.dueAt } }));
    expect(lost.lost).toMatchObject({ reason: 'spec_gap', facts: analysis.facts, recovery: { action: 'answer_questions' } });
    expectCode(await run(ctx, 'quotes.win', { id: quote.id, at: ctx.now() }), 'invalid_state');
    expect(valueOf(await run(ctx, 'quotes.lostReasons', {}))).toMatchObject({ total: 1, reasons: [{ reason: 'spec_gap', count: 1 }] });
  });

  it('quotes.list filters by account and status', async () => {
    const mine = valueOf(await run(ctx, 'quotes.list', { accountId: shenzhen.id }));
    expect(mine.map((q) => q.validity.strategy)).toEqual(['staged']);
    const drafts = valueOf(await run(ctx, 'quotes.list', { status: 'draft' }));
    // Six made as drafts; one of them was lost (R9, above).
    expect(drafts.length).toBe(5);
    expect(valueOf(await run(ctx, 'quotes.list', { status: 'lost' })).map((q) => q.id)).toEqual([quote.id]);
    expect(valueOf(await run(ctx, 'quotes.list', { status: 'sent' }))).toEqual([]);
    expectCode(await run(ctx, 'quotes.list', { status: 'maybe' } as never), 'invalid_input');
  });

  it('quotes.add refuses an inquiry of another account', async () => {
    const foreign = valueOf(await run(ctx, 'inquiries.list', { accountId: shenzhen.id }))[0]!;
    await leavesBookAsItWas(tb, async () => {
      expectCode(
        await run(ctx, 'quotes.add', {
          accountId: madrid.id,
          inquiryId: foreign.id,
          currency: 'EUR',
          quoteDate: '2025-03-01',
          validity: { strategy: 'fixed', days: 30 },
          items,
        }),
        'not_found',
      );
    });
  });
});

describe('complaints (R15)', () => {
  it('add, respond and resolve; no second response or resolution, nothing before it was opened', async () => {
    const order = valueOf(await run(ctx, 'orders.list', { accountId: madrid.id })).at(-1)!;
    const complaint = valueOf(
      await run(ctx, 'complaints.add', { accountId: madrid.id, orderId: order.id, grade: 'A', subject: 'Leaking valves', openedAt: '2025-03-12T10:00:00Z' }),
    );
    expect(complaint).toMatchObject({ grade: 'A', orderId: order.id, respondedAt: null, resolvedAt: null, resolution: null });
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'complaints.respond', { id: complaint.id, at: '2025-03-12T09:00:00Z' }), 'invalid_state');
      expectCode(await run(ctx, 'complaints.add', { accountId: madrid.id, grade: 'D', subject: 'x', openedAt: NOW } as never), 'invalid_input');
      expectCode(await run(ctx, 'complaints.add', { accountId: shenzhen.id, orderId: order.id, grade: 'B', subject: 'x', openedAt: NOW }), 'not_found');
      expectCode(await run(ctx, 'complaints.respond', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', at: NOW }), 'not_found');
    });
    const responded = valueOf(await run(ctx, 'complaints.respond', { id: complaint.id, at: '2025-03-12T11:30:00Z', note: '12 replacement valves ship on Friday' }));
    expect(responded).toMatchObject({ respondedAt: '2025-03-12T11:30:00Z', responseNote: '12 replacement valves ship on Friday' });
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'complaints.respond', { id: complaint.id, at: '2025-03-12T12:00:00Z' }), 'invalid_state');
    });
    const resolved = valueOf(await run(ctx, 'complaints.resolve', { id: complaint.id, at: '2025-03-14T10:00:00Z', resolution: 'Replaced 12 valves' }));
    expect(resolved).toMatchObject({ respondedAt: '2025-03-12T11:30:00Z', resolvedAt: '2025-03-14T10:00:00Z', resolution: 'Replaced 12 valves' });
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'complaints.resolve', { id: complaint.id, at: '2025-03-15T10:00:00Z' }), 'invalid_state');
    });

    // Resolving counts as the response when none was logged.
    const quick = valueOf(await run(ctx, 'complaints.add', { accountId: shenzhen.id, grade: 'C', subject: 'Wrong colour', openedAt: '2025-03-13T01:00:00Z' }));
    const closed = valueOf(await run(ctx, 'complaints.resolve', { id: quick.id, at: '2025-03-13T05:00:00Z' }));
    expect(valueOf(await run(ctx, 'complaints.get', { id: quick.id }))).toEqual(closed);
    expectCode(await run(ctx, 'complaints.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    expect(closed).toMatchObject({ respondedAt: '2025-03-13T05:00:00Z', resolvedAt: '2025-03-13T05:00:00Z', resolution: null });
    const open = valueOf(await run(ctx, 'complaints.add', { accountId: shenzhen.id, grade: 'B', subject: 'Late shipment', openedAt: '2025-03-14T01:00:00Z' }));

    expect(valueOf(await run(ctx, 'complaints.list', { open: true })).map((c) => c.id)).toEqual([open.id]);
    expect(valueOf(await run(ctx, 'complaints.list', { open: false })).map((c) => c.id)).toEqual([closed.id, resolved.id]);
    expect(valueOf(await run(ctx, 'complaints.list', { accountId: madrid.id })).map((c) => c.id)).toEqual([complaint.id]);
  });
});

describe('settings', () => {
  it('get gives the default, set stores it, list shows every key with isDefault', async () => {
    expect(valueOf(await run(ctx, 'settings.get', { key: 'followUpBusinessDays' }))).toEqual({ key: 'followUpBusinessDays', value: 3, isDefault: true });
    expect(valueOf(await run(ctx, 'settings.get', { key: 'myTimeZone' }))).toEqual({ key: 'myTimeZone', value: 'Asia/Shanghai', isDefault: true });
    expect(valueOf(await run(ctx, 'settings.set', { key: 'followUpBusinessDays', value: 5 }))).toEqual({ key: 'followUpBusinessDays', value: 5, isDefault: false });
    expect(valueOf(await run(ctx, 'settings.get', { key: 'followUpBusinessDays' }))).toEqual({ key: 'followUpBusinessDays', value: 5, isDefault: false });
    valueOf(await run(ctx, 'settings.set', { key: 'expiryReminderBusinessDays', value: [5, 2, 1] }));
    const list = valueOf(await run(ctx, 'settings.list', {}));
    const byKey = new Map(list.map((s) => [s.key, s]));
    expect(byKey.get('followUpBusinessDays')).toEqual({ key: 'followUpBusinessDays', value: 5, isDefault: false });
    expect(byKey.get('expiryReminderBusinessDays')).toEqual({ key: 'expiryReminderBusinessDays', value: [5, 2, 1], isDefault: false });
    expect(byKey.get('buyerMorning')).toEqual({ key: 'buyerMorning', value: '08:15', isDefault: true });
    expect(byKey.get('slaHours.marketplace')).toEqual({ key: 'slaHours.marketplace', value: 1, isDefault: true });
    expect(list.length).toBeGreaterThanOrEqual(35);
  });

  it('unknown keys → unknown_setting; wrong types → invalid_setting; nothing stored', async () => {
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'settings.get', { key: 'colour' }), 'unknown_setting');
      expectCode(await run(ctx, 'settings.get', { key: '__proto__' }), 'unknown_setting');
      expectCode(await run(ctx, 'settings.set', { key: 'colour', value: 'red' }), 'unknown_setting');
      const wrong = expectCode(await run(ctx, 'settings.set', { key: 'followUpBusinessDays', value: 'five' }), 'invalid_setting');
      expect(wrong.message).toMatch(/^Setting followUpBusinessDays: /);
      expectCode(await run(ctx, 'settings.set', { key: 'buyerMorning', value: '25:00' }), 'invalid_setting');
      expectCode(await run(ctx, 'settings.set', { key: 'businessWindow', value: '18:00-09:00' }), 'invalid_setting');
      expectCode(await run(ctx, 'settings.set', { key: 'slaCountsBusinessHours', value: 'true' }), 'invalid_setting');
      expectCode(await run(ctx, 'settings.set', { key: 'baseCurrency', value: 'XYZ' }), 'invalid_setting');
    });
  });

  it('fxMaxAgeDays decides how old a rate may be', async () => {
    valueOf(await run(ctx, 'settings.set', { key: 'fxMaxAgeDays', value: 10 }));
    const o = valueOf(await run(ctx, 'orders.add', { accountId: shenzhen.id, orderedAt: '2025-03-10', amount: 100, currency: 'USD' }));
    expect(o).toMatchObject({ fxRate: 7.2, amountBase: 720 });
    valueOf(await run(ctx, 'settings.set', { key: 'fxMaxAgeDays', value: 7 }));
    expectCode(await run(ctx, 'orders.add', { accountId: shenzhen.id, orderedAt: '2025-03-10', amount: 100, currency: 'USD' }), 'fx_missing');
  });

  it('baseCurrency can change while there are no orders, not once orders exist', async () => {
    const fresh = openTestBook(NOW);
    try {
      expect(valueOf(await run(fresh.ctx, 'settings.set', { key: 'baseCurrency', value: 'USD' })).value).toBe('USD');
      const buyer = valueOf(await run(fresh.ctx, 'accounts.add', { name: 'Houston Pipe Inc.', country: 'US' }));
      valueOf(await run(fresh.ctx, 'orders.add', { accountId: buyer.id, orderedAt: '2025-03-01', amount: 10, currency: 'USD' }));
      await leavesBookAsItWas(fresh, async () => {
        const locked = expectCode(await run(fresh.ctx, 'settings.set', { key: 'baseCurrency', value: 'EUR' }), 'invalid_state');
        expect(locked.message).toBe('The base currency stays USD: orders are already stored in it.');
      });
      expect(valueOf(await run(fresh.ctx, 'settings.set', { key: 'baseCurrency', value: 'USD' })).value).toBe('USD');
      expect(valueOf(await run(fresh.ctx, 'settings.get', { key: 'baseCurrency' })).value).toBe('USD');
    } finally {
      await fresh.close();
    }
  });
});

describe('tasks', () => {
  it('tasks.list shows tasks with their account name, filtered by status, account and due time', async () => {
    const stamp = { created_at: NOW, updated_at: NOW, deleted_at: null };
    await tb.book.db
      .insertInto('tasks')
      .values([
        { ...stamp, id: '01JP0000000000000000000T01', account_id: madrid.id, kind: 'follow_up', rule: 'R2', source_table: 'quotes', source_id: null, dedupe_key: 'R2:a', title: 'Follow up the quote', details: '{}', due_at: '2025-03-17T07:15:00Z', status: 'open', snoozed_until: null, done_at: null },
        { ...stamp, id: '01JP0000000000000000000T02', account_id: shenzhen.id, kind: 'reply', rule: 'R1', source_table: 'inquiries', source_id: null, dedupe_key: 'R1:b', title: 'Reply to the inquiry', details: '{}', due_at: '2025-03-14T07:00:00Z', status: 'open', snoozed_until: null, done_at: null },
        { ...stamp, id: '01JP0000000000000000000T03', account_id: null, kind: 'review', rule: null, source_table: null, source_id: null, dedupe_key: null, title: 'Check FX rates', details: '{}', due_at: '2025-03-13T00:00:00Z', status: 'done', snoozed_until: null, done_at: NOW },
        { ...stamp, id: '01JP0000000000000000000T04', account_id: madrid.id, kind: 'follow_up', rule: 'R2', source_table: null, source_id: null, dedupe_key: null, title: 'Deleted', details: '{}', due_at: '2025-03-01T00:00:00Z', status: 'open', snoozed_until: null, done_at: null, deleted_at: NOW },
      ])
      .execute();
    const all = valueOf(await run(ctx, 'tasks.list', {}));
    expect(all.map((t) => [t.title, t.accountName, t.dueAt])).toEqual([
      ['Check FX rates', null, '2025-03-13T00:00:00Z'],
      ['Reply to the inquiry', '深圳华强电子有限公司', '2025-03-14T07:00:00Z'],
      ['Follow up the quote', 'Válvulas Ibéricas S.L.', '2025-03-17T07:15:00Z'],
    ]);
    expect(valueOf(await run(ctx, 'tasks.list', { status: 'open' })).map((t) => t.id)).toEqual(['01JP0000000000000000000T02', '01JP0000000000000000000T01']);
    expect(valueOf(await run(ctx, 'tasks.list', { accountId: madrid.id })).map((t) => t.rule)).toEqual(['R2']);
    expect(valueOf(await run(ctx, 'tasks.list', { dueBefore: '2025-03-15T00:00:00+08:00' })).map((t) => t.id)).toEqual(['01JP0000000000000000000T03', '01JP0000000000000000000T02']);
    expectCode(await run(ctx, 'tasks.list', { status: 'later' } as never), 'invalid_input');
  });
});

describe('calendar overrides (R3)', () => {
  it('calendar.overrides.add|list|remove through the dispatcher (details in calendar-overrides.test.ts)', async () => {
    const added = valueOf(await run(ctx, 'calendar.overrides.add', { country: 'CN', day: '2025-10-09', kind: 'holiday', name: '厂休' }));
    expect(valueOf(await run(ctx, 'calendar.overrides.list', { country: 'CN' }))).toEqual([added]);
    expect(valueOf(await run(ctx, 'calendar.overrides.remove', { id: added.id })).id).toBe(added.id);
    expect(valueOf(await run(ctx, 'calendar.overrides.list', {}))).toEqual([]);
    expectCode(await run(ctx, 'calendar.overrides.add', { country: 'CN', day: '2025-13-01', kind: 'holiday' }), 'invalid_input');
  });

  it('R3: calendar.year lists a country\'s weekends, holidays and make-up workdays with the user\'s own days applied (the Settings calendar)', async () => {
    const spain = valueOf(await run(ctx, 'calendar.year', { country: 'es', year: 2025 }));
    expect(spain).toMatchObject({ country: 'ES', year: 2025, approximate: false });
    expect(spain.weekend.map((rule) => rule.days)).toEqual([[6, 7]]);
    expect(spain.holidays.find((day) => day.date === '2025-04-18')).toMatchObject({ source: 'date-holidays' }); // Good Friday
    expect(spain.holidays.some((day) => day.date === '2025-04-22')).toBe(false);
    const fair = valueOf(await run(ctx, 'calendar.overrides.add', { country: 'ES', day: '2025-04-22', kind: 'holiday', name: 'Feria' }));
    const good = valueOf(await run(ctx, 'calendar.overrides.add', { country: 'ES', day: '2025-04-18', kind: 'workday', name: 'Stand open' }));
    const marked = valueOf(await run(ctx, 'calendar.year', { country: 'ES', year: 2025 }));
    expect(marked.holidays.find((day) => day.date === '2025-04-22')).toEqual({ date: '2025-04-22', name: 'Feria', source: 'user' });
    expect(marked.holidays.some((day) => day.date === '2025-04-18')).toBe(false);
    expect(marked.workdays.find((day) => day.date === '2025-04-18')).toEqual({ date: '2025-04-18', name: 'Stand open', source: 'user' });
    for (const id of [fair.id, good.id]) valueOf(await run(ctx, 'calendar.overrides.remove', { id }));
    // China's make-up workdays come from the calendars Tradebook ships, named in the request's language.
    const china = valueOf(await run(ctx, 'calendar.year', { country: 'CN', year: 2025 }, 'zh-CN'));
    expect(china.workdays.length).toBeGreaterThan(0);
    expect(china.workdays.every((day) => day.source === 'shipped' && /[\u4e00-\u9fff]/.test(day.name))).toBe(true);
    expectCode(await run(ctx, 'calendar.year', { country: 'ES', year: 1800 }), 'invalid_input');
    expectCode(await run(ctx, 'calendar.year', { country: 'XX', year: 2025 }), 'invalid_input');
  });
});

describe('scores summary and score filters (issue 7)', () => {
  it('scores.summary and accounts.list|count score filters through the dispatcher (details in score-summary.test.ts)', async () => {
    const empty = valueOf(await run(ctx, 'scores.summary', { asOf: '1999-12-31' }));
    expect(empty).toMatchObject({ asOf: null, accounts: 0, churnWarnings: { total: 0, items: [] } });
    expect(valueOf(await run(ctx, 'accounts.count', { tier: 'VIP' }))).toBe(0);
    expect(valueOf(await run(ctx, 'accounts.list', { churn: true }))).toEqual([]);
    expectCode(await run(ctx, 'scores.summary', { asOf: 'today' } as never), 'invalid_input');
  });
});

describe('scheduler', () => {
  it('schedule.run, todos.list and tasks.done|snooze|reschedule through the dispatcher (details in tests/scheduler)', async () => {
    const fresh = openTestBook('2025-03-31T10:00:00Z');
    try {
      const buyer = valueOf(await run(fresh.ctx, 'accounts.add', { name: 'María García', country: 'ES' }));
      await run(fresh.ctx, 'inquiries.add', { accountId: buyer.id, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
      expect(valueOf(await run(fresh.ctx, 'schedule.run', { now: '2025-03-31T10:00:00Z' }))).toEqual({ created: 1, updated: 0, overdue: 0 });
      const [todo] = valueOf(await run(fresh.ctx, 'todos.list', {}));
      expect(todo).toMatchObject({ rule: 'R1', dueUtc: '2025-03-31T12:00:00Z', dueMyLocal: '2025-03-31T20:00:00+08:00[Asia/Shanghai]' });
      expect(valueOf(await run(fresh.ctx, 'tasks.snooze', { id: todo!.id })).dueUtc).toBe('2025-04-01T06:15:00Z');
      expect(valueOf(await run(fresh.ctx, 'tasks.reschedule', { id: todo!.id, dueAt: '2025-04-02T06:00:00Z' })).dueUtc).toBe('2025-04-02T06:00:00Z');
      expect(valueOf(await run(fresh.ctx, 'tasks.done', { id: todo!.id, at: '2025-03-31T11:00:00Z' })).status).toBe('done');
      expectCode(await run(fresh.ctx, 'schedule.run', { now: 'soon' }), 'invalid_input');
    } finally {
      await fresh.close();
    }
  });
});

describe('quotes.reconfirm (R7 FX cut)', () => {
  it('R7: re-confirms a quote the scheduler flagged for an FX move; refuses one that is not flagged (details in tests/scheduler/fx-cut)', async () => {
    const fresh = openTestBook('2025-03-05T10:00:00Z');
    try {
      const buyer = valueOf(await run(fresh.ctx, 'accounts.add', { name: 'María García', country: 'ES' }));
      await run(fresh.ctx, 'fx.add', { date: '2025-03-03', currency: 'EUR', rate: 7.8 });
      const items = [{ product: 'LED panel', quantity: 100, unit: 'pc', unitPrice: 12 }];
      const quote = valueOf(await run(fresh.ctx, 'quotes.add', { accountId: buyer.id, currency: 'EUR', quoteDate: '2025-03-03', validity: { strategy: 'fx', days: 10 }, items }));
      await run(fresh.ctx, 'quotes.send', { id: quote.id, at: '2025-03-03T10:00:00Z' });
      await leavesBookAsItWas(fresh, async () => {
        expectCode(await run(fresh.ctx, 'quotes.reconfirm', { id: quote.id }), 'invalid_state');
        expectCode(await run(fresh.ctx, 'quotes.reconfirm', { id: '01JP0000000000000000000XXX' }), 'not_found');
        expectCode(await run(fresh.ctx, 'quotes.reconfirm', { id: 'nope' }), 'invalid_input');
      });
      await run(fresh.ctx, 'fx.add', { date: '2025-03-05', currency: 'EUR', rate: 8.1 });
      await run(fresh.ctx, 'schedule.run', { now: '2025-03-05T10:00:00Z' });
      expect(valueOf(await run(fresh.ctx, 'quotes.get', { id: quote.id })).validity.fxFlag).toMatchObject({ cutThrough: '2025-03-06' });
      const confirmed = valueOf(await run(fresh.ctx, 'quotes.reconfirm', { id: quote.id }));
      expect(confirmed.validity).toMatchObject({ fxFlag: null, reconfirmedAt: '2025-03-05T10:00:00Z', reconfirmedRate: 8.1 });
    } finally {
      await fresh.close();
    }
  });
});

describe('to-do board: undo and snooze from the user’s instant', () => {
  it('R2: tasks.snooze at an instant goes to the buyer’s next business morning after it; tasks.reopen undoes done', async () => {
    const fresh = openTestBook('2025-03-31T10:00:00Z');
    try {
      const buyer = valueOf(await run(fresh.ctx, 'accounts.add', { name: 'María García', country: 'ES' }));
      await run(fresh.ctx, 'inquiries.add', { accountId: buyer.id, source: 'website', receivedAt: '2025-03-31T10:00:00Z' });
      await run(fresh.ctx, 'schedule.run', { now: '2025-03-31T10:00:00Z' });
      const [todo] = valueOf(await run(fresh.ctx, 'todos.list', {}));
      expect(todo!.priorityChannel).toBeUndefined();
      // Fri 4 Apr 2025 12:00 Madrid → Mon 7 Apr 08:15 CEST = 06:15Z, whatever the book's clock says.
      expect(valueOf(await run(fresh.ctx, 'tasks.snooze', { id: todo!.id, at: '2025-04-04T10:00:00Z' })).dueUtc).toBe('2025-04-07T06:15:00Z');
      expectCode(await run(fresh.ctx, 'tasks.reopen', { id: todo!.id }), 'invalid_state');
      valueOf(await run(fresh.ctx, 'tasks.done', { id: todo!.id, at: '2025-03-31T11:00:00Z' }));
      const reopened = valueOf(await run(fresh.ctx, 'tasks.reopen', { id: todo!.id }));
      expect(reopened).toMatchObject({ id: todo!.id, status: 'open', dueUtc: '2025-04-07T06:15:00Z' });
      expect(fresh.book.sqlite.prepare('SELECT status, done_at FROM tasks WHERE id = ?').get(todo!.id)).toEqual({ status: 'open', done_at: null });
      // Undo of the snooze: back at 12:00Z, the scheduler's to place again.
      expect(valueOf(await run(fresh.ctx, 'tasks.reopen', { id: todo!.id, dueAt: '2025-03-31T12:00:00Z' })).dueUtc).toBe('2025-03-31T12:00:00Z');
      expect(fresh.book.sqlite.prepare('SELECT snoozed_until FROM tasks WHERE id = ?').get(todo!.id)).toEqual({ snoozed_until: null });
      expectCode(await run(fresh.ctx, 'tasks.reopen', { id: '01JP0000000000000000000XXX' }), 'not_found');
      fresh.book.sqlite.prepare('UPDATE accounts SET priority_channel = 1 WHERE id = ?').run(buyer.id);
      expect(valueOf(await run(fresh.ctx, 'todos.list', {}))[0]!.priorityChannel).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

describe('accounts.times (the account page: the buyer’s time now and next business morning)', () => {
  it('R2: a Madrid account asked on Fri 2025-03-28T10:00:00Z → 11:00 CET now, next morning Mon 31 Mar 08:15 CEST = 06:15Z', async () => {
    const fresh = openTestBook('2025-03-15T09:00:00Z');
    try {
      const buyer = valueOf(await run(fresh.ctx, 'accounts.add', { name: 'María García', country: 'ES' }));
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-03-28T10:00:00Z' }))).toEqual({
        localNow: '2025-03-28T11:00:00+01:00[Europe/Madrid]',
        nextMorning: { utc: '2025-03-31T06:15:00Z', local: '2025-03-31T08:15:00+02:00[Europe/Madrid]' },
        today: { date: '2025-03-28', business: true, holiday: null },
      });
      // Without `at`: the book's now, Sat 15 Mar 10:00 CET → Mon 17 Mar 08:15 CET = 07:15Z.
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id }))).toEqual({
        localNow: '2025-03-15T10:00:00+01:00[Europe/Madrid]',
        nextMorning: { utc: '2025-03-17T07:15:00Z', local: '2025-03-17T08:15:00+01:00[Europe/Madrid]' },
        today: { date: '2025-03-15', business: false, holiday: null }, // their Saturday
      });
      // R3: the book's own holiday on Monday moves it to Tuesday; buyerMorning moves the hour.
      valueOf(await run(fresh.ctx, 'calendar.overrides.add', { country: 'ES', day: '2025-03-31', kind: 'holiday' }));
      valueOf(await run(fresh.ctx, 'settings.set', { key: 'buyerMorning', value: '09:00' }));
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-03-28T10:00:00Z' })).nextMorning).toEqual({
        utc: '2025-04-01T07:00:00Z',
        local: '2025-04-01T09:00:00+02:00[Europe/Madrid]',
      });
      // R3: their today is a holiday, named in the request's language: Good Friday 2025 in Spain; and the book's own.
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-04-18T10:00:00Z' })).today).toEqual({ date: '2025-04-18', business: false, holiday: 'Good Friday' });
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-03-31T10:00:00Z' })).today).toMatchObject({ date: '2025-03-31', business: false });
      // Their date, not UTC's: 23:30Z on Thursday 17 April is already Good Friday in Madrid.
      expect(valueOf(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-04-17T23:30:00Z' })).today.date).toBe('2025-04-18');
      expectCode(await run(fresh.ctx, 'accounts.times', { id: '01JP0000000000000000000XXX' }), 'not_found');
      expectCode(await run(fresh.ctx, 'accounts.times', { id: buyer.id, at: '2025-03-28 10:00' }), 'invalid_input');
    } finally {
      await fresh.close();
    }
  });
});

describe('scores (issue 7)', () => {
  it('scores.run rescores the book; scores.list gives each account in the issue\'s shape; scores.explain the reasoning', async () => {
    const summary = valueOf(await run(ctx, 'scores.run', { asOf: '2025-03-31' }));
    expect(summary).toMatchObject({ asOf: '2025-03-31', rebuiltAggregates: false });
    expect(summary.accounts).toBeGreaterThanOrEqual(2);
    const list = valueOf(await run(ctx, 'scores.list', { asOf: '2025-03-31' }));
    expect(list.map((v) => v.accountId)).toContain(madrid.id);
    const mine = valueOf(await run(ctx, 'scores.list', { accountId: madrid.id }))[0]!;
    expect(mine).toMatchObject({ accountId: madrid.id, asOf: '2025-03-31' });
    expect(mine.health.indicators.map((i) => i.name)).toEqual([
      'volume_trend', 'order_rhythm', 'recency', 'margin_trend', 'on_time_payment', 'overdue_receivables',
      'open_complaints', 'complaint_resolution', 'reply_latency', 'quote_win_rate', 'inquiry_activity', 'contact_recency',
    ]);
    const en = valueOf(await run(ctx, 'scores.explain', { accountId: madrid.id, asOf: '2025-03-31' }));
    expect(en.lines[0]).toBe(`Account ${madrid.id}, scores as of 2025-03-31`);
    const zh = valueOf(await run(ctx, 'scores.explain', { accountId: madrid.id, asOf: '2025-03-31' }, 'zh-CN'));
    expect(zh.lines[0]).toBe(`客户 ${madrid.id}，截至 2025-03-31 的评分`);
    const zhList = valueOf(await run(ctx, 'scores.list', { accountId: madrid.id, asOf: '2025-03-31' }, 'zh-CN'))[0]!;
    expect(zhList.churn.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('unknown accounts, dates that are not dates and bad weights are refused and write nothing', async () => {
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'scores.explain', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
      expectCode(await run(ctx, 'scores.list', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
      expectCode(await run(ctx, 'scores.run', { asOf: '2025-02-30' }), 'invalid_input');
      expectCode(await run(ctx, 'scores.run', { asOf: 'today' } as never), 'invalid_input');
      expectCode(await run(ctx, 'settings.set', { key: 'scoreWeights.margin', value: 30 }), 'score_weights_sum');
      expectCode(await run(ctx, 'settings.set', { key: 'scoreWeights.margin', value: -5 }), 'invalid_setting');
    });
  });
});

describe('score history (R13)', () => {
  it('scores.history through the dispatcher (details in score-history.test.ts)', async () => {
    const points = valueOf(await run(ctx, 'scores.history', { accountId: madrid.id, limit: 8 }));
    expect(Array.isArray(points)).toBe(true);
    expect(points.map((p) => p.asOf)).toEqual([...points.map((p) => p.asOf)].sort());
    expectCode(await run(ctx, 'scores.history', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
  });
});

describe('dispatch', () => {
  it('an unknown call name → unknown_handler (prototype names included)', async () => {
    for (const name of ['accounts.delete', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'accounts.add ']) {
      const result = await dispatch(ctx, name, {});
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code, name).toBe('unknown_handler');
    }
    const huge = await dispatch(ctx, 'x'.repeat(1_000_000), {});
    expect(huge.ok).toBe(false);
    if (!huge.ok) {
      expect(huge.error.code).toBe('unknown_handler');
      expect(huge.error.message.length).toBeLessThan(300);
    }
  });

  it('invalid input → invalid_input with issues (path and message for every problem)', async () => {
    const result = await dispatch(ctx, 'accounts.add', { name: '', country: 'XX', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toEqual(['name', 'country', '']);
    for (const issue of result.error.issues ?? []) expect(issue.message.length).toBeGreaterThan(0);
    expect(result.error.message).toMatch(/^Invalid input: /);
  });

  it('zh-CN gives Chinese messages, for field checks, missing records, states and rates', async () => {
    const input = errorOf(await run(ctx, 'accounts.add', { name: '', country: 'XX' }, 'zh-CN'));
    expect(input.code).toBe('invalid_input');
    expect(input.message).toMatch(/^输入无效：/);
    expect(input.issues?.find((i) => i.path === 'country')?.message).toBe('未知的国家代码：请使用两位 ISO 代码，例如 ES 或 CN');
    expect(input.issues?.find((i) => i.path === 'name')?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(errorOf(await run(ctx, 'accounts.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 'zh-CN')).message).toBe('找不到 id 为 01ARZ3NDEKTSV4RRFFQ69G5FAV 的客户。');
    const inquiry = valueOf(await run(ctx, 'inquiries.list', { accountId: madrid.id }))[0]!;
    expect(errorOf(await run(ctx, 'inquiries.reply', { id: inquiry.id, at: NOW }, 'zh-CN')).message).toBe(`询盘 ${inquiry.id} 已于 2025-03-14T03:00:00Z 回复。`);
    const fx = errorOf(await run(ctx, 'orders.add', { accountId: madrid.id, orderedAt: '2025-03-10', amount: 1, currency: 'EUR' }, 'zh-CN'));
    expect(fx.code).toBe('fx_missing');
    expect(fx.message).toMatch(/^2025-03-10 当天及之前 7 天内没有 EUR 汇率/);
    expect(errorOf(await run(ctx, 'settings.get', { key: 'colour' }, 'zh-CN')).message).toBe('未知的设置项“colour”。');
    const unknown = await dispatch(ctx, 'nope', {}, 'zh-CN');
    expect(unknown.ok ? '' : unknown.error.message).toBe('未知的调用“nope”。');
    // …and English again afterwards (the language is per call, not sticky).
    expect(errorOf(await run(ctx, 'accounts.add', { name: '', country: 'ES' })).message).toMatch(/^Invalid input: name: Too small/);
  });

  it('garbage input never throws and changes nothing', async () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      -0,
      Number.NaN,
      'accounts',
      'x'.repeat(1_000_000),
      [],
      [1, 2, 3],
      true,
      { name: 'x'.repeat(1_000_000), country: 'ES' },
      { name: 'A', country: 'ES', notes: 'n'.repeat(20_001) },
      { name: { toString: 'A' }, country: ['ES'] },
      JSON.parse('{"__proto__": {"polluted": true}, "name": "A", "country": "ES"}'),
      { name: 'A', country: 'ES', strategicFit: Number.POSITIVE_INFINITY },
      { id: null, items: 'all' },
    ];
    await leavesBookAsItWas(tb, async () => {
      for (const name of ['accounts.add', 'accounts.update', 'orders.add', 'quotes.revise', 'settings.set', 'fx.add']) {
        for (const input of garbage) {
          const result = await dispatch(ctx, name, input);
          expect(result.ok, `${name} ${String(input).slice(0, 40)}`).toBe(false);
          if (!result.ok) expect(['invalid_input', 'invalid_setting', 'unknown_setting']).toContain(result.error.code);
        }
      }
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('garbage call names (null, numbers, objects) never throw either: they are unknown calls', async () => {
    for (const name of [null, undefined, 42, {}, ['accounts.add'], Symbol.iterator]) {
      let result: Result<unknown> | undefined;
      let thrown: unknown;
      try {
        result = await dispatch(ctx, name as unknown as string, {});
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `dispatch threw for ${String(name)}`).toBeUndefined();
      expect(result?.ok).toBe(false);
      if (result && !result.ok) expect(result.error.code).toBe('unknown_handler');
    }
  });
});

describe('backups', () => {
  it('backups.create makes a manual backup beside the book; backups.list shows it, newest first', async () => {
    const made = valueOf(await run(ctx, 'backups.create', {}));
    expect(made).toMatchObject({ reason: 'manual', takenAt: NOW });
    expect(made.file.startsWith(tb.dir)).toBe(true);
    expect(valueOf(await run(ctx, 'backups.list', {}))[0]).toEqual(made);
    expectCode(await run(ctx, 'backups.list', { extra: 1 } as unknown as InputOf<'backups.list'>), 'invalid_input');
  });

  it('backups.restore refuses what is not a backup and leaves the book open (the restore itself: tests/backups/restore-open.test.ts)', async () => {
    expectCode(await run(ctx, 'backups.restore', { file: `${tb.dir}/no-such.bak` }), 'restore_missing');
    expectCode(await run(ctx, 'backups.restore', { file: tb.file }), 'restore_same_file');
    expectCode(await run(ctx, 'backups.restore', {} as unknown as InputOf<'backups.restore'>), 'invalid_input');
    expect(valueOf(await run(ctx, 'backups.list', {})).length).toBeGreaterThan(0);
  });
});

describe('sharing', () => {
  it('share.export and share.merge: a second book receives everything; bad paths are clear errors, nothing written', async () => {
    const out = `${tb.dir}/team.tbshare`;
    const exported = valueOf(await run(ctx, 'share.export', { out }));
    expect(exported).toMatchObject({ file: out, kind: 'full', since: null });
    expect(exported.records.accounts).toBeGreaterThan(2);
    const other = openTestBook(NOW);
    try {
      const merged = valueOf(await run(other.ctx, 'share.merge', { file: out, dryRun: false }));
      expect(merged.added).toBe(exported.total);
      expect(merged.conflicts).toEqual([]);
      expect(valueOf(await run(other.ctx, 'accounts.count', {}))).toBe(valueOf(await run(ctx, 'accounts.count', {})));
      await leavesBookAsItWas(other, async () => {
        expectCode(await run(other.ctx, 'share.merge', { file: `${tb.dir}/nope.tbshare`, dryRun: false }), 'share_missing');
        tb.book.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        expectCode(await run(other.ctx, 'share.merge', { file: tb.file, dryRun: false }), 'share_is_book');
      });
    } finally {
      await other.close();
    }
    expectCode(await run(ctx, 'share.export', { out: `${tb.file}/inside/x.tbshare` }), 'share_out_dir');
  });

  it('accounts.merge moves the records to the survivor; accounts.remove leaves a tombstone; both refuse nonsense', async () => {
    const dup = valueOf(await run(ctx, 'accounts.add', { name: 'Valvulas Ibericas', country: 'ES' }));
    valueOf(await run(ctx, 'contacts.add', { accountId: dup.id, name: 'Carmen López' }));
    const survivor = valueOf(await run(ctx, 'accounts.merge', { id: dup.id, into: madrid.id }));
    expect(survivor.id).toBe(madrid.id);
    expect(valueOf(await run(ctx, 'contacts.list', { accountId: madrid.id })).map((c) => c.name)).toContain('Carmen López');
    expectCode(await run(ctx, 'accounts.get', { id: dup.id }), 'not_found');
    expectCode(await run(ctx, 'accounts.merge', { id: madrid.id, into: madrid.id }), 'invalid_state');
    const typo = valueOf(await run(ctx, 'accounts.add', { name: 'Tpyo GmbH', country: 'DE' }));
    valueOf(await run(ctx, 'accounts.remove', { id: typo.id }));
    expectCode(await run(ctx, 'accounts.remove', { id: typo.id }), 'not_found');
  });

  it('accounts.pool lists accounts nobody followed up; accounts.claim takes one, and refuses an owned active one', async () => {
    const pool = valueOf(await run(ctx, 'accounts.pool', { limit: 500 }));
    expect(pool.days).toBe(30);
    const unowned = pool.accounts.find((a) => a.owner === null);
    expect(unowned).toBeDefined();
    const claimed = valueOf(await run(ctx, 'accounts.claim', { id: unowned!.id, owner: 'Anna' }));
    expect(claimed.owner).toBe('Anna');
    // Just claimed and created today: the owner has it, not the pool.
    const fresh = valueOf(await run(ctx, 'accounts.add', { name: 'Fresh Lead Ltd', country: 'GB', owner: 'Leo' }));
    expectCode(await run(ctx, 'accounts.claim', { id: fresh.id, owner: 'Anna' }), 'invalid_state');
  });
});

describe('import and export files', () => {
  it('import.preview guesses the mapping, import.run brings the rows in, export.run writes them out', async () => {
    const file = `${tb.dir}/leads.csv`;
    const fs = await import('node:fs');
    fs.writeFileSync(file, '\uFEFF公司名称,国家,邮箱\nNordic Pumps AB,Sweden,info@nordicpumps.se\n');
    const preview = valueOf(await run(ctx, 'import.preview', { file }));
    expect(JSON.stringify(preview)).toContain('Nordic Pumps AB');
    const before = valueOf(await run(ctx, 'accounts.count', {}));
    const report = valueOf(await run(ctx, 'import.run', { file, dryRun: false, job: 'api-test-import' }));
    expect(report.errors).toEqual([]);
    // The job's progress is kept after the call, finished, with the rows written.
    expect(valueOf(await run(ctx, 'progress.get', { job: 'api-test-import' }))).toEqual({ phase: 'write', done: 1, total: 1, finished: true });
    expect(valueOf(await run(ctx, 'progress.get', { job: 'never-started' }))).toBeNull();
    expect(valueOf(await run(ctx, 'accounts.count', {}))).toBe(before + 1);
    const out = valueOf(await run(ctx, 'export.run', { out: `${tb.dir}/accounts.csv`, format: 'csv', entity: 'accounts' }));
    expect(fs.readFileSync(out.file, 'utf8')).toContain('Nordic Pumps AB');
  });
});

describe('trade-fair capture (issue 13 item 1)', () => {
  it('leads.add, leads.duplicates and cardPhotos.get through the dispatcher (details in tests/leads/leads.test.ts)', async () => {
    // A 1×1 PNG.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    // Met Sat 2025-03-15 09:00Z (NOW): R2's first follow-up at Mon 2025-03-17 08:15 Berlin (CET) = 07:15Z.
    const saved = valueOf(
      await run(ctx, 'leads.add', { company: 'Lichtwerk GmbH', contact: 'Jonas Weber', country: 'DE', phone: '030 1234567', email: 'jonas@lichtwerk.de', tags: ['Light + Building 2025'], photo: { data: png } }),
    );
    expect(saved).toMatchObject({ merged: false, photo: true, followUpAt: '2025-03-17T07:15:00Z', account: { source: 'fair', timeZone: 'Europe/Berlin', tags: ['Light + Building 2025'] } });
    expect(saved.contact?.phones).toEqual(['+49301234567']);
    const [found] = valueOf(await run(ctx, 'leads.duplicates', { email: 'JONAS@lichtwerk.de', company: 'Lichtwerk' }));
    expect(found).toMatchObject({ account: { id: saved.account.id }, contact: { id: saved.contact!.id }, reasons: ['email', 'company'], conclusive: true });
    expect(valueOf(await run(ctx, 'cardPhotos.get', { accountId: saved.account.id }))).toEqual({ mime: 'image/png', data: png, addedAt: NOW });
    expect(valueOf(await run(ctx, 'cardPhotos.get', { accountId: madrid.id }))).toBeNull();
    await leavesBookAsItWas(tb, async () => {
      expectCode(await run(ctx, 'leads.add', { country: 'DE' }), 'invalid_input');
      expectCode(await run(ctx, 'leads.add', { company: 'X', country: 'DE', photo: { data: Buffer.from('not a photo').toString('base64') } }), 'invalid_state');
      expectCode(await run(ctx, 'cardPhotos.get', { accountId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'not_found');
    });
  });
});

describe('the board and the background rescore (issues 13 and 14)', () => {
  it('todos.board, and scores.start / scores.job / scores.cancel through the dispatcher (details in tests/todos and tests/scoring/background.test.ts)', async () => {
    const board = valueOf(await run(ctx, 'todos.board', { at: NOW, limit: 5 }));
    expect(board.groups.map((g) => g.group)).toEqual(['overdue', 'today', 'upcoming']);
    expect(board.rows.length).toBeLessThanOrEqual(5);
    expectCode(await run(ctx, 'todos.board', { at: NOW, rule: 'X1', limit: 5 }), 'invalid_input');

    const started = valueOf(await run(ctx, 'scores.start', {}));
    expect(started).toMatchObject({ state: 'running', reason: 'asked', summary: null, error: null });
    expect(valueOf(await run(ctx, 'scores.start', {})).id).toBe(started.id);
    const done = await rescoreSettled(ctx);
    expect(done).toMatchObject({ id: started.id, state: 'done', error: null });
    expect(done!.summary!.accounts).toBe(valueOf(await run(ctx, 'accounts.count', {})));
    expect(valueOf(await run(ctx, 'scores.job', {}))).toEqual(done);
    // Cancelling a finished rescore changes nothing.
    expect(valueOf(await run(ctx, 'scores.cancel', {}))).toEqual(done);
    expectCode(await run(ctx, 'scores.start', { asOf: '1800-01-01' }), 'invalid_input');
  });
});

describe('the dashboard’s work lists (issue 13 item 4)', () => {
  it('dashboard.work answers in the contract’s shape; a bad instant is refused', async () => {
    const work = valueOf(await run(ctx, 'dashboard.work', {}));
    expect(work.at).toBe(NOW);
    expect(work.quotesExpiring.rows.length).toBeLessThanOrEqual(work.quotesExpiring.count);
    expectCode(await run(ctx, 'dashboard.work', { at: '2025-13-01T00:00:00Z' }), 'invalid_input');
  });
});

describe('coverage of the contract', () => {
  it('every call in the contract map was exercised', () => {
    expect(Object.keys(contract).filter((name) => !exercised.has(name))).toEqual([]);
  });
});
