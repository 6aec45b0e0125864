/**
 * Change stamps on every write path (issue 11, item 1): every call of the API map runs on a real book, and after
 * each one every shared record is compared with before — a new record carries this book's stamp on all its fields,
 * a changed field carries a new stamp of this book, larger than its old one, and the record's latest stamp is the
 * largest of its fields. Calls that only read must change no shared record. The list of calls is checked against
 * the contract: a new call that is in neither list fails here until it is added (and stamped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { rescoreSettled } from '../../src-main/services/rescoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type HandlerName, type InputOf } from '../../src-main/contract';
import type { Account, Contact, Order, Quote } from '../../src-main/contract/models';
import { LOCAL_COLUMNS, SHARED_TABLES } from '../../src-main/db/change-stamps';
import { isStamp, parseStamp } from '../../src-main/domain/sharing/hlc';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

type Row = Record<string, unknown>;
type Snapshot = Map<string, Row>;

const NOW = '2025-03-15T09:00:00Z';
let tb: TestBook;
let peer: TestBook;
const exercised = new Set<string>();

function shared(tbook: TestBook): Snapshot {
  const out: Snapshot = new Map();
  for (const table of SHARED_TABLES) {
    for (const row of tbook.book.sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[]) out.set(`${table}/${row.id as string}`, row);
  }
  return out;
}

const stampOf = (row: Row, field: string) => (JSON.parse(row.field_stamps as string) as Record<string, string>)[field] ?? (row.row_stamp as string);
const NOT_FIELDS = new Set(['id', 'row_stamp', 'field_stamps', 'last_stamp', ...LOCAL_COLUMNS]);

/** Every difference between two snapshots must be stamped; returns how many records changed. */
function expectStamped(before: Snapshot, after: Snapshot, site: string, label: string, newFrom = site): number {
  let changed = 0;
  for (const [key, row] of after) {
    const old = before.get(key);
    const fields = Object.keys(row).filter((f) => !NOT_FIELDS.has(f));
    const stamps = [row.row_stamp as string, ...fields.map((f) => stampOf(row, f))];
    expect(stamps.every(isStamp), `${label}: ${key} has well-formed stamps`).toBe(true);
    expect(row.last_stamp, `${label}: ${key} last_stamp is the largest`).toBe(stamps.reduce((a, b) => (a > b ? a : b)));
    if (!old) {
      changed += 1;
      expect(parseStamp(row.row_stamp as string).site, `${label}: new ${key} is this book's (or the sender's)`).toBe(newFrom);
      continue;
    }
    const moved = fields.filter((f) => row[f] !== old[f]);
    if (moved.length === 0 && row.field_stamps === old.field_stamps && row.last_stamp === old.last_stamp) continue;
    changed += 1;
    for (const f of moved) {
      const stamp = stampOf(row, f);
      expect(stamp > stampOf(old, f), `${label}: ${key}.${f} got a newer stamp`).toBe(true);
      expect([site, newFrom]).toContain(parseStamp(stamp).site);
    }
  }
  for (const key of before.keys()) expect(after.has(key), `${label}: ${key} was not deleted outright (tombstones only)`).toBe(true);
  return changed;
}

/** One call, checked: it succeeds, and what it changed in shared records is stamped. */
async function run<K extends HandlerName>(name: K, input: InputOf<K>, on: TestBook = tb, newFrom?: string): Promise<{ value: unknown; changed: number }> {
  exercised.add(name);
  const before = shared(on);
  const value = valueOf(await call(on.ctx, name, input));
  const changed = expectStamped(before, shared(on), on.book.clock.site, name, newFrom);
  return { value, changed };
}

beforeAll(() => {
  tb = openTestBook(NOW);
  peer = openTestBook(NOW);
});
afterAll(async () => {
  await tb.close();
  await peer.close();
});

/** The calls that only read: they must leave every shared record as it was. */
const READS: HandlerName[] = [
  'book.info',
  'book.check',
  'accounts.get',
  'accounts.list',
  'accounts.count',
  'accounts.times',
  'accounts.pool',
  'accounts.timeline',
  'contacts.list',
  'interactions.list',
  'inquiries.list',
  'inquiries.get',
  'inquiries.deadlines',
  'inquiries.inbox',
  'inquiries.stats',
  'quotes.get',
  'quotes.diff',
  'quotes.lossAnalysis',
  'quotes.lostReasons',
  'quotes.list',
  'orders.list',
  'payments.list',
  'receivables.list',
  'complaints.list',
  'complaints.get',
  'fx.list',
  'settings.get',
  'settings.list',
  'scores.list',
  'scores.explain',
  'scores.summary',
  'scores.history',
  'calendar.overrides.list',
  'calendar.year',
  'tasks.list',
  'todos.list',
  'share.export',
  'backups.list',
  'import.preview',
  'export.run',
  'progress.get',
  'leads.duplicates',
  'cardPhotos.get',
  'todos.board',
  'dashboard.work',
];

describe('change stamps', () => {
  let a: Account;
  let b: Account;
  let contact: Contact;
  let quote: Quote;
  let order: Order;

  it('every write call stamps what it writes', async () => {
    a = (await run('accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES', owner: 'Lily' })).value as Account;
    b = (await run('accounts.add', { name: 'Válvulas Ibericas SL', country: 'ES' })).value as Account;
    expect((await run('accounts.update', { id: a.id, notes: 'Prefers WhatsApp', reputation: 4 })).changed).toBe(1);
    contact = (await run('contacts.add', { accountId: a.id, name: 'María García', emails: ['maria@valvulas.es'] })).value as Contact;
    // A second primary contact takes the flag from the first: two records change, both stamped.
    const jorgeAdded = await run('contacts.add', { accountId: a.id, name: 'Jorge Ruiz', isPrimary: true, phones: ['+34 600 000 001'] });
    expect(jorgeAdded.changed).toBe(2);
    const jorge = jorgeAdded.value as Contact;
    // Editing a contact stamps the fields it changed; making María primary again takes the flag from Jorge (two records).
    expect((await run('contacts.update', { id: jorge.id, title: 'Buyer', phones: ['+34 600 000 002'] })).changed).toBe(1);
    expect((await run('contacts.update', { id: contact.id, isPrimary: true })).changed).toBe(2);
    // A removed contact is a stamped tombstone, never deleted outright.
    const temp = (await run('contacts.add', { accountId: a.id, name: 'Temp Contact' })).value as Contact;
    expect((await run('contacts.remove', { id: temp.id })).changed).toBe(1);
    await run('interactions.add', { accountId: a.id, kind: 'email', direction: 'out', occurredAt: '2025-03-10T09:00:00Z', awaitsReply: true });
    expect((await run('interactions.add', { accountId: a.id, kind: 'email', direction: 'in', occurredAt: '2025-03-11T09:00:00Z' })).changed).toBe(2);
    const inquiry = (await run('inquiries.add', { accountId: a.id, contactId: contact.id, source: 'website', receivedAt: '2025-03-12T03:47:00Z' })).value as { id: string };
    await run('inquiries.reply', { id: inquiry.id, at: '2025-03-12T06:15:00Z' });
    await run('fx.add', { date: '2025-03-05', currency: 'EUR', rate: 7.8 });
    expect((await run('fx.add', { date: '2025-03-05', currency: 'EUR', rate: 7.85 })).changed).toBe(1);
    quote = (
      await run('quotes.add', {
        accountId: a.id,
        inquiryId: inquiry.id,
        currency: 'EUR',
        quoteDate: '2025-03-12',
        validity: { strategy: 'fx', days: 30 },
        items: [{ product: 'Ball valve DN50', quantity: 100, unit: 'pcs', unitPrice: 12.5 }],
        questions: [{ question: 'CE certificate?' }],
      })
    ).value as Quote;
    const questionId = (tb.book.sqlite.prepare('SELECT id FROM quote_questions WHERE quote_id = ?').get(quote.id) as { id: string }).id;
    await run('quotes.revise', { id: quote.id, answers: [{ questionId, answer: 'Yes, CE and ISO 9001' }], items: [{ product: 'Ball valve DN50', quantity: 120, unit: 'pcs', unitPrice: 12 }] });
    await run('quotes.send', { id: quote.id, at: '2025-03-13T08:15:00Z' });
    // The scheduler's R7 flag is the book's own derived data (no stamp); re-confirming it is the user's change.
    tb.book.sqlite.prepare("UPDATE quotes SET fx_flagged_at = '2025-03-14T00:00:00Z', fx_flag_rate = 8.2, fx_moved_percent = 5 WHERE id = ?").run(quote.id);
    await run('quotes.reconfirm', { id: quote.id });
    // R9: a quote lost with a recovery to-do, and one won: one stamped record each.
    const terms: InputOf<'quotes.add'> = {
      accountId: a.id,
      currency: 'EUR',
      quoteDate: '2025-03-15',
      validity: { strategy: 'fixed', days: 30 },
      items: [{ product: 'Gate valve DN80', quantity: 10, unit: 'pcs', unitPrice: 40 }],
    };
    const lost = (await run('quotes.add', terms)).value as Quote;
    expect((await run('quotes.lose', { id: lost.id, at: NOW, reason: 'price', note: 'Too dear', recovery: { action: 'requote', dueAt: '2025-03-20T08:15:00Z' } })).changed).toBe(1);
    const won = (await run('quotes.add', terms)).value as Quote;
    expect((await run('quotes.win', { id: won.id, at: NOW })).changed).toBe(1);
    order = (
      await run('orders.add', { accountId: a.id, orderedAt: '2025-03-05', amount: 12500, currency: 'EUR', lines: [{ product: 'Ball valve DN50', quantity: 100, unit: 'pcs', unitPrice: 125 }] })
    ).value as Order;
    const complaint = (await run('complaints.add', { accountId: a.id, orderId: order.id, grade: 'B', subject: 'Two valves leak', openedAt: '2025-03-14T10:00:00Z' })).value as { id: string };
    await run('complaints.respond', { id: complaint.id, at: '2025-03-14T12:00:00Z' });
    const payment = (await run('payments.add', { orderId: order.id, paidOn: '2025-03-10', amount: 2500 })).value as { id: string };
    expect((await run('payments.delete', { id: payment.id })).changed).toBe(1);
    await run('payments.add', { orderId: order.id, paidOn: '2025-03-11', amount: 1000, note: 'deposit' });
    await run('complaints.resolve', { id: complaint.id, at: '2025-03-15T08:00:00Z', resolution: 'Replaced' } as InputOf<'complaints.resolve'>);
    const override = (await run('calendar.overrides.add', { country: 'ES', day: '2025-03-19', kind: 'holiday', name: 'San José' })).value as { id: string };
    expect((await run('calendar.overrides.add', { country: 'ES', day: '2025-03-19', kind: 'holiday', name: 'San José (Valencia)' })).changed).toBe(1);
    await run('calendar.overrides.remove', { id: override.id });
    await run('settings.set', { key: 'poolDays', value: 10 });
    // R4: three inquiries less than 48 h apart give the priority channel at the next tick — a stamped field change.
    for (const at of ['2025-03-13T01:00:00Z', '2025-03-14T01:00:00Z']) await run('inquiries.add', { accountId: b.id, source: 'email', receivedAt: at });
    await run('inquiries.add', { accountId: b.id, source: 'email', receivedAt: '2025-03-14T20:00:00Z' });
    await run('schedule.run', { now: NOW });
    expect((tb.book.sqlite.prepare('SELECT priority_channel FROM accounts WHERE id = ?').get(b.id) as { priority_channel: number }).priority_channel).toBe(1);
    await run('scores.run', {});
    // The background rescore writes from its own process: whatever shared it changes is stamped all the same.
    for (const name of ['scores.start', 'scores.job', 'scores.cancel'] as const) exercised.add(name);
    const beforeRescore = shared(tb);
    valueOf(await call(tb.ctx, 'scores.start', {}));
    expect((await rescoreSettled(tb.ctx))!.state).toBe('done');
    expect(valueOf(await call(tb.ctx, 'scores.job', {}))!.state).toBe('done');
    expect(valueOf(await call(tb.ctx, 'scores.cancel', {}))!.state).toBe('done');
    expectStamped(beforeRescore, shared(tb), tb.book.clock.site, 'scores.start');
    const todo = valueOf(await call(tb.ctx, 'todos.list', { limit: 10 }))[0]!;
    // What the user does to a to-do is a shared record of its own (task_states, by the to-do's key).
    expect((await run('tasks.snooze', { id: todo.id, until: 'buyer-morning' })).changed).toBe(1);
    expect((await run('tasks.reschedule', { id: todo.id, dueAt: '2025-03-20T08:00:00Z' })).changed).toBe(1);
    expect((await run('tasks.done', { id: todo.id, at: NOW })).changed).toBe(1);
    expect((await run('tasks.reopen', { id: todo.id })).changed).toBe(1);
    await run('backups.create', {});
    await run('accounts.claim', { id: b.id, owner: 'Kevin' });
    // The user's merge of a duplicate: the old account is a tombstone pointing to the survivor, its records moved.
    expect((await run('accounts.merge', { id: b.id, into: a.id })).changed).toBeGreaterThanOrEqual(4);
    // Trade-fair capture: a new lead (account, contact, meeting: three new records), then one added to an account. The
    // lead's save ticks the scheduler; a tick first, so the merge's R4 grant (b's inquiries moved to a) is not counted.
    await run('schedule.run', { now: NOW });
    expect((await run('leads.add', { company: 'Nordlicht Armaturen GmbH', contact: 'Jonas Weber', country: 'DE', email: 'jonas@nordlicht.de', tags: ['Hannover Messe'] })).changed).toBe(3);
    expect((await run('leads.add', { contact: 'María García', country: 'ES', phone: '612 345 678', into: a.id, tags: ['Hannover Messe'] })).changed).toBeGreaterThanOrEqual(3);
    const removable = (await run('accounts.add', { name: 'Typo Trading', country: 'DE' })).value as Account;
    await run('accounts.remove', { id: removable.id });
  });

  it('a merged file arrives with its own stamps, and derived data leaves shared records alone', async () => {
    const file = path.join(tb.dir, 'a.tbshare');
    await run('share.export', { out: file });
    const merged = await run('share.merge', { file, dryRun: false }, peer, tb.book.clock.site);
    expect(merged.changed).toBeGreaterThan(10);
    for (const row of shared(peer).values()) expect(parseStamp(row.row_stamp as string).site).toBe(tb.book.clock.site);
    await run('book.seed', { accounts: 5, ordersPerAccount: 3, seed: 3 }, peer);
    await run('import.run', { file: writeCsv(tb.dir), dryRun: false } as InputOf<'import.run'>);
  });

  it('calls that read change no shared record', async () => {
    const firstId = (table: string) => (tb.book.sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: string }).id;
    const inputs: Partial<Record<HandlerName, unknown>> = {
      'accounts.get': { id: a.id },
      'accounts.times': { id: a.id },
      'contacts.list': { accountId: a.id },
      'interactions.list': { accountId: a.id },
      'accounts.timeline': { id: a.id },
      'quotes.get': { id: quote.id },
      'quotes.diff': { id: quote.id },
      'inquiries.get': { id: firstId('inquiries') },
      'inquiries.deadlines': { ids: [firstId('inquiries')] },
      'complaints.get': { id: firstId('complaints') },
      'quotes.lossAnalysis': { id: quote.id },
      'orders.list': { accountId: a.id },
      'payments.list': { orderId: order.id },
      'settings.get': { key: 'language' },
      'scores.explain': { accountId: a.id },
      'scores.history': { accountId: a.id },
      'share.export': { out: path.join(tb.dir, 'again.tbshare') },
      'import.preview': { file: writeCsv(tb.dir) },
      'export.run': { out: path.join(tb.dir, 'accounts.csv'), format: 'csv', entity: 'accounts' },
      'progress.get': { job: 'no-such-job-1' },
      'calendar.year': { country: 'ES', year: 2025 },
      'leads.duplicates': { company: 'Valvulas Ibericas', email: 'maria@valvulas.es', country: 'ES' },
      'cardPhotos.get': { accountId: a.id },
      'todos.board': { at: NOW },
    };
    for (const name of READS) {
      const before = shared(tb);
      exercised.add(name);
      const result = await call(tb.ctx, name, (inputs[name] ?? {}) as InputOf<typeof name>);
      expect(result.ok, `${name}: ${result.ok ? '' : result.error.message}`).toBe(true);
      expect(expectStamped(before, shared(tb), tb.book.clock.site, name), `${name} changed nothing shared`).toBe(0);
    }
  });

  it('a restore puts back the backup\'s shared records exactly, stamps and all (it replaces the book: nothing to stamp)', async () => {
    const backup = valueOf(await call(tb.ctx, 'backups.create', {}));
    const before = shared(tb);
    valueOf(await call(tb.ctx, 'accounts.add', { name: 'Made After The Backup Ltd', country: 'GB' }));
    exercised.add('backups.restore');
    valueOf(await call(tb.ctx, 'backups.restore', { file: backup.file }));
    expect(shared(tb)).toEqual(before);
  });

  it('every call of the contract is in one of the lists above', () => {
    expect([...exercised].sort()).toEqual(Object.keys(contract).sort());
  });
});

function writeCsv(dir: string): string {
  const file = path.join(dir, 'leads.csv');
  fs.writeFileSync(file, 'Company name,Country,Email\nNordic Pumps AB,Sweden,info@nordicpumps.se\n');
  return file;
}
