/**
 * The second pass: the valid rows, in file order, compared with the book and with the rows before them, and —
 * unless it is a dry run — written. Rows of one company share one account (the first row's account fields make it).
 * Duplicates (the same record id twice in the file, a company, e-mail, phone or order number the book or an
 * earlier row already has) are handled by `mode`:
 *   skip   (default) a row with any duplicate is not imported at all, and is listed;
 *   attach a row whose company is already there adds its new contact and order to that account; a duplicate
 *          contact or order is left out (and listed), a row with nothing new is skipped;
 *   error  every duplicate is an error of its row, so nothing is written.
 * A row that repeats an earlier row's company without a contact or order adds nothing and is a duplicate too.
 * Everything runs synchronously in one write transaction: derived data (search documents, monthly order
 * aggregates) is rebuilt for the accounts touched before it commits, and any failure leaves the book as it was.
 */
import { randomBytes } from 'node:crypto';
import type { Sqlite } from '../../db/connection';
import {
  accountMonthsInserter, currentWatermark, monthRowsOf, refreshAccountMonths, storeCurrentWatermark, storedWatermark, type MonthOrder,
} from '../../db/account-months';
import { rowStamps } from '../../db/change-stamps';
import { idFactory } from '../../db/ids';
import { reindexAccounts } from '../../db/search-index';
import { emailKey } from '../../domain/import/values';
import type { RowProblem } from '../../domain/import/validate-row';
import { roundMoney, toBase } from '../../domain/money';
import { accountSearchDocument, type SearchableContact } from '../../domain/search-text';
import { readBookKeys, type BookKeys } from './book-keys';
import type { RowSpill, SpilledRow } from './spill';

export type DuplicateMode = 'skip' | 'attach' | 'error';
export type DuplicateField = 'id' | 'company' | 'email' | 'phone' | 'order';

export interface Duplicate {
  row: number;
  field: DuplicateField;
  value: string;
  /** The book's record it matches (account for a company, contact for an e-mail or phone, order for a number). */
  existingId: string | null;
  /** The earlier row of the file it matches. */
  existingRow: number | null;
  /** What became of it: left out, or (attach) the row's contact and order added to the existing account. */
  action: 'skipped' | 'attached';
}

export type KeyColumns = Partial<Record<DuplicateField, string>>;

export interface ApplyOptions {
  /** The file's columns of the duplicate keys (for the errors of mode 'error'). */
  columns: KeyColumns;
  mode: DuplicateMode;
  write: boolean;
  now: string;
  /** The change stamp of the import's transaction (one for all its rows). */
  stamp: () => string;
  baseCurrency: string;
  orderNumbers: ReadonlySet<string>;
  onRow?: (done: number) => void;
}

export interface ApplyResult {
  imported: { accounts: number; contacts: number; orders: number };
  skipped: number;
  duplicates: Duplicate[];
  /** Duplicates as row errors (mode error). */
  problems: RowProblem[];
}

interface Writer {
  account(row: SpilledRow): string;
  contact(accountId: string, row: SpilledRow, primary: boolean): void;
  order(accountId: string, row: SpilledRow): void;
  hasContacts(accountId: string): boolean;
  finish(): void;
}

/**
 * ULIDs for many rows: `ulid()` asks the OS for randomness once per character (16 calls an id, seconds for 300,000
 * ids); these draw the same crypto-grade bytes from a pool.
 */
function bulkIds(): () => string {
  let pool = randomBytes(65_536);
  let at = 0;
  const make = idFactory(() => {
    if (at >= pool.length) {
      pool = randomBytes(65_536);
      at = 0;
    }
    return pool[at++]! / 256;
  });
  return () => make(Date.now());
}

const byDay = (a: MonthOrder, b: MonthOrder) => (a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : 0);

function bookWriter(sqlite: Sqlite, options: ApplyOptions): Writer {
  const newId = bulkIds();
  const { now, baseCurrency } = options;
  const s = rowStamps(options.stamp());
  const watermark = currentWatermark(sqlite);
  const insertAccount = sqlite.prepare(
    `INSERT INTO accounts (id, name, country, time_zone, city, language, currency, source, owner, notes, created_at, updated_at, row_stamp, field_stamps, last_stamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (id, account_id, name, title, emails, phones, whatsapp, wechat, is_primary, notes, created_at, updated_at, row_stamp, field_stamps, last_stamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOrder = sqlite.prepare(
    `INSERT INTO orders (id, account_id, number, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit, due_on, paid_on,
       shipped_on, delivered_on, created_at, updated_at, row_stamp, field_stamps, last_stamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const anyContact = sqlite.prepare('SELECT 1 FROM contacts WHERE account_id = ? AND deleted_at IS NULL LIMIT 1');
  // Search documents: new accounts' from what this import wrote (kept in hand), existing ones' from the book.
  const newDocs = new Map<string, { name: string; notes: string; contacts: SearchableContact[] }>();
  const searched = new Set<string>();
  // The monthly aggregates: computed from the orders in hand for new accounts (as the seed does), rebuilt from the
  // book for existing ones.
  const created = new Set<string>();
  const newOrders = new Map<string, MonthOrder[]>();
  const ordered = new Set<string>();
  return {
    account(row) {
      const id = newId();
      created.add(id);
      const a = row.account;
      insertAccount.run(id, a.name, a.country, a.timeZone, a.city, a.language, a.currency, a.source, a.owner, a.notes, now, now, s.row_stamp, s.field_stamps, s.last_stamp);
      searched.add(id);
      return id;
    },
    contact(accountId, row, primary) {
      const c = row.contact!;
      insertContact.run(newId(), accountId, c.name, c.title, JSON.stringify(c.emails), JSON.stringify(c.phones), c.whatsapp, c.wechat, primary ? 1 : 0, c.notes,
        now, now, s.row_stamp, s.field_stamps, s.last_stamp);
      const doc = newDocs.get(accountId);
      if (doc) doc.contacts.push({ name: c.name, emails: c.emails, notes: c.notes, phones: [...c.phones, ...(c.whatsapp ? [c.whatsapp] : [])] });
      else searched.add(accountId);
    },
    order(accountId, row) {
      const o = row.order!;
      const rate = row.fxRate ?? 1;
      insertOrder.run(newId(), accountId, o.number, o.orderedAt, roundMoney(o.amount, o.currency), o.currency, rate, toBase(o.amount, rate, baseCurrency),
        o.cost === null ? null : roundMoney(o.cost, o.currency), o.cost === null ? null : toBase(o.cost, rate, baseCurrency), o.quantity, o.unit,
        o.dueOn, o.paidOn, o.shippedOn, o.deliveredOn, now, now, s.row_stamp, s.field_stamps, s.last_stamp);
      if (created.has(accountId)) {
        const list = newOrders.get(accountId) ?? [];
        if (list.length === 0) newOrders.set(accountId, list);
        list.push({
          orderedAt: o.orderedAt, amountBase: toBase(o.amount, rate, baseCurrency), costBase: o.cost === null ? null : toBase(o.cost, rate, baseCurrency),
          quantity: o.quantity, unit: o.unit, dueOn: o.dueOn, paidOn: o.paidOn,
        });
      } else ordered.add(accountId);
    },
    hasContacts: (accountId) => anyContact.get(accountId) !== undefined,
    finish() {
      writeSearchDocs(sqlite, newDocs);
      reindexAccounts(sqlite, [...searched]);
      const insertMonths = accountMonthsInserter(sqlite);
      for (const [accountId, orders] of newOrders) insertMonths(monthRowsOf(accountId, orders.sort(byDay)));
      for (const accountId of ordered) refreshAccountMonths(sqlite, accountId, now, watermark);
      // The months are as fresh as they were: a current watermark moves on with the new orders, a stale one stays.
      const stored = storedWatermark(sqlite);
      if (stored && stored.lastRowid === watermark.lastRowid && stored.updatedAt === watermark.updatedAt) storeCurrentWatermark(sqlite, now);
    },
  };
}

/** The search documents of accounts this import created (no document yet). */
function writeSearchDocs(sqlite: Sqlite, docs: ReadonlyMap<string, { name: string; notes: string; contacts: SearchableContact[] }>): void {
  const docOf = sqlite.prepare('INSERT INTO search_docs (account_id, name) VALUES (?, ?) RETURNING doc');
  const insert = sqlite.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)');
  for (const [id, account] of docs) {
    const { doc } = docOf.get(id, account.name) as { doc: number };
    const text = accountSearchDocument(account, account.contacts);
    insert.run(doc, text.names, text.emails, text.notes);
  }
}

const noWriter: Writer = { account: bulkIds(), contact: () => undefined, order: () => undefined, hasContacts: () => true, finish: () => undefined };

const KEEP = 1000;

/** Compares every spilled row with the book and the rows before it; writes them when `options.write`. */
export function applyRows(sqlite: Sqlite, spill: RowSpill, options: ApplyOptions): ApplyResult & { duplicateCount: number } {
  const keys: BookKeys = readBookKeys(sqlite, options.orderNumbers);
  const writer = options.write ? bookWriter(sqlite, options) : noWriter;
  const result: ApplyResult & { duplicateCount: number } = { imported: { accounts: 0, contacts: 0, orders: 0 }, skipped: 0, duplicates: [], problems: [], duplicateCount: 0 };
  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  const seenOrders = new Map<string, number>();
  const companies = new Map<string, { accountId: string; row: number }>();
  const withContacts = new Set<string>();
  let done = 0;

  const report = (dup: Duplicate, column: string | undefined) => {
    result.duplicateCount++;
    if (options.mode === 'error') {
      const code = dup.existingId !== null ? 'import_duplicate_book' : 'import_duplicate_row';
      if (result.problems.length < KEEP) {
        result.problems.push({ row: dup.row, column: column ?? dup.field, code, params: { field: dup.field, value: dup.value, id: dup.existingId ?? '', other: dup.existingRow ?? '' } });
      }
    } else if (result.duplicates.length < KEEP) result.duplicates.push(dup);
  };

  for (const r of spill.rows()) {
    done++;
    if (done % 1000 === 0) options.onRow?.(done);
    const found: Duplicate[] = [];
    const dup = (field: DuplicateField, value: string, existingId: string | undefined, existingRow: number | undefined) =>
      found.push({ row: r.row, field, value, existingId: existingId ?? null, existingRow: existingRow ?? null, action: 'skipped' });
    const prevId = r.id === null ? undefined : seenIds.get(r.id);
    if (r.id !== null && prevId !== undefined) dup('id', r.id, undefined, prevId);
    const idDup = found.length > 0;
    const contactKeys = { emails: [] as string[], phones: [] as string[] };
    let contactDup = false;
    if (r.contact) {
      for (const email of r.contact.emails) {
        const key = emailKey(email);
        contactKeys.emails.push(key);
        const inBook = keys.emails.get(key);
        const inFile = seenEmails.get(key);
        if (inBook !== undefined || inFile !== undefined) {
          dup('email', email, inBook, inBook === undefined ? inFile : undefined);
          contactDup = true;
        }
      }
      for (const phone of [...r.contact.phones, ...(r.contact.whatsapp ? [r.contact.whatsapp] : [])]) {
        contactKeys.phones.push(phone);
        const inBook = keys.phones.get(phone);
        const inFile = seenPhones.get(phone);
        if (inBook !== undefined || inFile !== undefined) {
          dup('phone', phone, inBook, inBook === undefined ? inFile : undefined);
          contactDup = true;
        }
      }
    }
    let orderDup = false;
    const number = r.order?.number ?? null;
    if (number !== null) {
      const inBook = keys.orders.get(number);
      const inFile = seenOrders.get(number);
      if (inBook !== undefined || inFile !== undefined) {
        dup('order', number, inBook, inBook === undefined ? inFile : undefined);
        orderDup = true;
      }
    }
    const inFile = companies.get(r.companyKey);
    const inBook = inFile ? undefined : keys.companies.get(r.companyKey);
    const addsNothing = (contact: boolean, order: boolean) => inFile !== undefined && !contact && !order;

    let account: string | null = null;
    let takeContact = r.contact !== null;
    let takeOrder = r.order !== null;
    if (idDup) {
      // The same record twice: nothing of it again.
    } else if (options.mode === 'attach') {
      if (contactDup) takeContact = false;
      if (orderDup) takeOrder = false;
      if (inBook !== undefined) {
        if (takeContact || takeOrder) found.push({ row: r.row, field: 'company', value: r.account.name, existingId: inBook, existingRow: null, action: 'attached' });
        account = takeContact || takeOrder ? inBook : null;
      } else account = addsNothing(takeContact, takeOrder) ? null : (inFile?.accountId ?? '');
    } else if (!contactDup && !orderDup && inBook === undefined && !addsNothing(takeContact, takeOrder)) {
      account = inFile?.accountId ?? '';
    }
    if (account === null) {
      if (inBook !== undefined && !found.some((d) => d.field === 'company')) dup('company', r.account.name, inBook, undefined);
      if (found.length === 0 && inFile) dup('company', r.account.name, undefined, inFile.row);
      for (const d of found) report(d, options.columns[d.field]);
      result.skipped++;
      continue;
    }
    for (const d of found) report(d, options.columns[d.field]);
    if (options.mode === 'error' && found.length > 0) continue;

    if (account === '') {
      account = writer.account(r);
      result.imported.accounts++;
      companies.set(r.companyKey, { accountId: account, row: r.row });
    } else if (inBook !== undefined) companies.set(r.companyKey, { accountId: account, row: r.row });
    if (r.id !== null) seenIds.set(r.id, r.row);
    if (takeContact) {
      // The account's first live contact is its primary one (as contacts.add does).
      const primary = !withContacts.has(account) && !writer.hasContacts(account);
      writer.contact(account, r, primary);
      withContacts.add(account);
      result.imported.contacts++;
      for (const key of contactKeys.emails) seenEmails.set(key, r.row);
      for (const key of contactKeys.phones) seenPhones.set(key, r.row);
    }
    if (takeOrder) {
      writer.order(account, r);
      result.imported.orders++;
      if (number !== null) seenOrders.set(number, r.row);
    }
  }
  options.onRow?.(done);
  writer.finish();
  return result;
}
