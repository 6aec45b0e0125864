/**
 * The valid rows between the two passes: in memory (as JSON text) up to MEMORY_CHARS, beyond that in a private
 * temporary SQLite database (its own connection, deleted when closed; SQLite pages it to a temp file), so a 200 MB
 * file's rows cost a few MB of cache while a usual import never touches the disk for them. The book's connection is
 * never involved, so the first pass can await the file without holding a transaction.
 */
import Database from 'better-sqlite3';
import type { ImportedRow } from '../../domain/import/validate-row';

/** A valid row with what the first pass looked up in the book (the order's FX rate). */
export interface SpilledRow extends ImportedRow {
  fxRate: number | null;
}

type Tuple = [number, string | null, string, unknown[], unknown[] | null, unknown[] | null, number | null];

/** A row as compact JSON: values by position, no keys (half the text of the object, parsed twice as fast). */
export function encodeRow(r: SpilledRow): string {
  const a = r.account;
  const c = r.contact;
  const o = r.order;
  const tuple: Tuple = [
    r.row, r.id, r.companyKey,
    [a.name, a.country, a.timeZone, a.city, a.language, a.currency, a.source, a.owner, a.notes],
    c && [c.name, c.title, c.emails, c.phones, c.whatsapp, c.wechat, c.notes],
    o && [o.number, o.orderedAt, o.amount, o.currency, o.cost, o.quantity, o.unit, o.dueOn, o.paidOn, o.shippedOn, o.deliveredOn],
    r.fxRate,
  ];
  return JSON.stringify(tuple);
}

export function decodeRow(text: string): SpilledRow {
  const [row, id, companyKey, a, c, o, fxRate] = JSON.parse(text) as Tuple;
  const account = { name: a[0], country: a[1], timeZone: a[2], city: a[3], language: a[4], currency: a[5], source: a[6], owner: a[7], notes: a[8] } as SpilledRow['account'];
  const contact = c && ({ name: c[0], title: c[1], emails: c[2], phones: c[3], whatsapp: c[4], wechat: c[5], notes: c[6] } as NonNullable<SpilledRow['contact']>);
  const order =
    o &&
    ({ number: o[0], orderedAt: o[1], amount: o[2], currency: o[3], cost: o[4], quantity: o[5], unit: o[6], dueOn: o[7], paidOn: o[8], shippedOn: o[9], deliveredOn: o[10] } as NonNullable<
      SpilledRow['order']
    >);
  return { row, id, companyKey, account, contact, order, fxRate };
}

/** Rows kept in memory up to this much JSON text (then they all go to disk). */
export const MEMORY_CHARS = 8 * 1024 * 1024;
const BATCH = 2000;
const PAGE = 5000;

interface DiskStore {
  db: Database.Database;
  insert: Database.Statement;
  page: Database.Statement;
}

export class RowSpill {
  private disk: DiskStore | null = null;
  private batch: string[] = [];
  private batchChars = 0;
  private count = 0;

  constructor(private readonly memoryChars = MEMORY_CHARS) {}

  get size(): number {
    return this.count + this.batch.length;
  }

  /** Whether the rows went to the temporary database. */
  get onDisk(): boolean {
    return this.disk !== null;
  }

  add(row: SpilledRow): void {
    const data = encodeRow(row);
    this.batch.push(data);
    this.batchChars += data.length;
    if (this.disk ? this.batch.length >= BATCH : this.batchChars > this.memoryChars) this.flush();
  }

  private open(): DiskStore {
    const db = new Database('');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE rows (n INTEGER PRIMARY KEY, data TEXT NOT NULL)');
    return { db, insert: db.prepare('INSERT INTO rows (data) VALUES (?)'), page: db.prepare('SELECT n, data FROM rows WHERE n > ? ORDER BY n LIMIT ?') };
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const disk = (this.disk ??= this.open());
    const rows = this.batch;
    this.batch = [];
    this.batchChars = 0;
    disk.db.transaction(() => {
      for (const data of rows) disk.insert.run(data);
    })();
    this.count += rows.length;
  }

  /** The rows in file order (from disk a page at a time). */
  *rows(): Generator<SpilledRow> {
    if (!this.disk) {
      for (const data of this.batch) yield decodeRow(data);
      return;
    }
    this.flush();
    let last = 0;
    for (;;) {
      const page = this.disk.page.all(last, PAGE) as { n: number; data: string }[];
      if (page.length === 0) return;
      for (const { n, data } of page) {
        last = n;
        yield decodeRow(data);
      }
    }
  }

  close(): void {
    this.disk?.db.close();
    this.disk = null;
    this.batch = [];
  }
}
