/**
 * What a share file holds: the shared tables, each with its exact columns, their SQLite types and what a value
 * must look like. The export writes exactly these columns; an incoming file must have exactly these tables and
 * columns, and every cell is checked against its kind before the live book is touched (src-main/services/sharing/).
 * A test compares this list with the book's own schema, so a migration that adds a shared column must add it here.
 * The bounds mirror the book's CHECK constraints exactly (a name of 1–200 characters, a rate above 0, an order's
 * quantity with its unit): a value the spec lets through must go into the book, or the merge would fail half-way
 * with a raw constraint error instead of refusing the file; a test inserts the spec's edge values into the book.
 */

import { LOST_REASONS, RECOVERY_ACTIONS } from '../quotes/loss';

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

export type ColumnKind =
  | { kind: 'id' }
  /** A to-do's key (task_states.id): the scheduler's dedupe key, `R7:quote:<id>:3`, `R14:account:<id>:2025-05-01:call`. */
  | { kind: 'task_key' }
  | { kind: 'ref'; table: string }
  | { kind: 'text'; min: number; max: number }
  | { kind: 'instant' }
  | { kind: 'date' }
  | { kind: 'int'; min: number; max: number }
  /** `above`: the value must be greater than `min` (the book's `CHECK (x > 0)`), not merely at least `min`. */
  | { kind: 'real'; min: number; max: number; above?: true }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  /** `records`: an array of flat objects whose values are text or numbers (R9's loss facts). */
  | { kind: 'json'; shape: 'array' | 'object' | 'records' }
  | { kind: 'country' }
  | { kind: 'zone' }
  | { kind: 'currency' };

export interface SharedColumn {
  name: string;
  type: SqlType;
  nullable: boolean;
  check: ColumnKind;
}

export interface SharedTableSpec {
  name: string;
  columns: readonly SharedColumn[];
  /** Columns that identify a live record besides its id (a partial unique index in the book): two sites that made
   *  the same fact (an FX rate of a day, a quote's version 2) keep one live row, the other as a tombstone. */
  liveKey?: readonly string[];
  /** Pairs of nullable columns that are both set or both NULL (a table CHECK in the book, `(a IS NULL) = (b IS NULL)`). */
  together?: readonly (readonly [string, string])[];
}

const TEXT_MAX = 20_000;
const SHORT = 200;
const MONEY_MAX = 1e13;

const c = (name: string, type: SqlType, nullable: boolean, check: ColumnKind): SharedColumn => ({ name, type, nullable, check });
const id = c('id', 'TEXT', false, { kind: 'id' });
const ref = (name: string, table: string, nullable = false) => c(name, 'TEXT', nullable, { kind: 'ref', table });
const text = (name: string, nullable = false, max = SHORT) => c(name, 'TEXT', nullable, { kind: 'text', min: 0, max });
/** A text that is never empty, such as an account's or contact's name (`CHECK (length(name) BETWEEN 1 AND 200)`). */
const nonEmpty = (column: string) => c(column, 'TEXT', false, { kind: 'text', min: 1, max: SHORT });
const long = (name: string, nullable = false) => text(name, nullable, TEXT_MAX);
const instant = (name: string, nullable = false) => c(name, 'TEXT', nullable, { kind: 'instant' });
const date = (name: string, nullable = false) => c(name, 'TEXT', nullable, { kind: 'date' });
const int = (name: string, min: number, max: number, nullable = false) => c(name, 'INTEGER', nullable, { kind: 'int', min, max });
const real = (name: string, min: number, max: number, nullable = false) => c(name, 'REAL', nullable, { kind: 'real', min, max });
/** Above 0 (`CHECK (x > 0)`): rates and quantities. */
const positive = (name: string, max: number, nullable = false) => c(name, 'REAL', nullable, { kind: 'real', min: 0, max, above: true });
const bool = (name: string) => c(name, 'INTEGER', false, { kind: 'bool' });
const oneOf = (name: string, values: readonly string[], nullable = false) => c(name, 'TEXT', nullable, { kind: 'enum', values });
const json = (name: string, shape: 'array' | 'object' | 'records') => c(name, 'TEXT', false, { kind: 'json', shape });
const rating = (name: string, nullable = false) => int(name, 1, 5, nullable);
const times = [instant('created_at'), instant('updated_at'), instant('deleted_at', true)];

/** Parents before children, so a file's new records go in in this order. */
export const SHARED_TABLE_SPECS: readonly SharedTableSpec[] = [
  {
    name: 'accounts',
    columns: [
      id,
      nonEmpty('name'),
      c('country', 'TEXT', false, { kind: 'country' }),
      c('time_zone', 'TEXT', false, { kind: 'zone' }),
      text('city', true),
      text('language', true, 35),
      c('currency', 'TEXT', true, { kind: 'currency' }),
      text('source', true),
      text('owner', true),
      rating('strategic_fit'),
      rating('reputation'),
      bool('priority_channel'),
      long('notes'),
      instant('review_anchor', true),
      ...times,
      ref('merged_into', 'accounts', true),
      json('tags', 'array'),
    ],
  },
  {
    name: 'contacts',
    columns: [
      id,
      ref('account_id', 'accounts'),
      nonEmpty('name'),
      text('title', true),
      json('emails', 'array'),
      json('phones', 'array'),
      text('whatsapp', true),
      text('wechat', true),
      bool('is_primary'),
      long('notes'),
      ...times,
    ],
  },
  {
    name: 'interactions',
    columns: [
      id,
      ref('account_id', 'accounts'),
      ref('contact_id', 'contacts', true),
      oneOf('kind', ['email', 'call', 'meeting', 'message', 'visit', 'note']),
      text('channel', true),
      oneOf('direction', ['in', 'out']),
      instant('occurred_at'),
      long('subject'),
      long('body'),
      bool('awaits_reply'),
      instant('answered_at', true),
      ...times,
    ],
  },
  {
    name: 'inquiries',
    columns: [
      id,
      ref('account_id', 'accounts'),
      ref('contact_id', 'contacts', true),
      oneOf('source', ['website', 'email', 'marketplace', 'fair', 'referral', 'phone']),
      instant('received_at'),
      long('subject'),
      long('body'),
      json('products', 'array'),
      rating('authenticity', true),
      rating('urgency', true),
      rating('value', true),
      instant('first_reply_at', true),
      oneOf('status', ['open', 'replied', 'quoted', 'won', 'lost', 'closed']),
      ...times,
    ],
  },
  {
    name: 'quotes',
    columns: [
      id,
      ref('account_id', 'accounts'),
      ref('inquiry_id', 'inquiries', true),
      text('number'),
      c('currency', 'TEXT', false, { kind: 'currency' }),
      date('quote_date'),
      oneOf('status', ['draft', 'sent', 'won', 'lost', 'expired']),
      int('current_version', 1, 10_000),
      oneOf('validity_strategy', ['fixed', 'fx', 'staged', 'periodic']),
      int('valid_days', 1, 3650, true),
      positive('fx_threshold_percent', 100, true),
      positive('fx_rate_at_quote', 1e9, true),
      text('season_name', true),
      date('season_ends_on', true),
      date('valid_through', true),
      instant('reconfirmed_at', true),
      instant('sent_at', true),
      instant('closed_at', true),
      oneOf('lost_reason', LOST_REASONS, true),
      long('lost_note', true),
      ...times,
      positive('fx_reconfirmed_rate', 1e9, true),
      json('lost_facts', 'records'),
      oneOf('recovery_action', RECOVERY_ACTIONS, true),
      instant('recovery_due_at', true),
      long('recovery_note', true),
    ],
    together: [['recovery_due_at', 'recovery_action']],
  },
  {
    name: 'quote_versions',
    columns: [
      id,
      ref('quote_id', 'quotes'),
      int('version', 1, 10_000),
      text('incoterm', true, 20),
      text('payment_terms', true),
      int('lead_time_days', 0, 3650, true),
      long('terms'),
      real('total', 0, MONEY_MAX),
      long('note'),
      ...times,
      oneOf('validity_strategy', ['fixed', 'fx', 'staged', 'periodic'], true),
      int('valid_days', 1, 3650, true),
      positive('fx_threshold_percent', 100, true),
      text('season_name', true),
      date('season_ends_on', true),
      date('valid_through', true),
      json('validity_stages', 'records'),
    ],
    liveKey: ['quote_id', 'version'],
  },
  {
    name: 'quote_items',
    columns: [
      id,
      ref('quote_version_id', 'quote_versions'),
      int('position', 1, 10_000),
      text('product'),
      long('description'),
      positive('quantity', 1e12),
      text('unit', false, 20),
      real('unit_price', 0, MONEY_MAX),
      ...times,
    ],
    liveKey: ['quote_version_id', 'position'],
  },
  {
    name: 'quote_stages',
    columns: [id, ref('quote_id', 'quotes'), int('position', 1, 10_000), text('name'), date('valid_through'), instant('completed_at', true), ...times],
    liveKey: ['quote_id', 'position'],
  },
  {
    name: 'quote_questions',
    columns: [
      id,
      ref('quote_id', 'quotes'),
      text('question', false, 1000),
      text('answer', true, 5000),
      instant('asked_at'),
      instant('answered_at', true),
      ...times,
    ],
  },
  {
    name: 'fx_rates',
    columns: [
      id,
      c('currency', 'TEXT', false, { kind: 'currency' }),
      c('base_currency', 'TEXT', false, { kind: 'currency' }),
      date('rate_date'),
      positive('rate', 1e9),
      ...times,
    ],
    liveKey: ['currency', 'base_currency', 'rate_date'],
  },
  {
    name: 'orders',
    columns: [
      id,
      ref('account_id', 'accounts'),
      ref('quote_id', 'quotes', true),
      text('number', true),
      c('ordered_at', 'TEXT', false, { kind: 'date' }),
      real('amount', 0, MONEY_MAX),
      c('currency', 'TEXT', false, { kind: 'currency' }),
      positive('fx_rate', 1e9),
      real('amount_base', 0, MONEY_MAX),
      real('cost', 0, MONEY_MAX, true),
      real('cost_base', 0, MONEY_MAX, true),
      positive('quantity', 1e12, true),
      text('unit', true, 20),
      date('due_on', true),
      date('paid_on', true),
      date('shipped_on', true),
      date('delivered_on', true),
      ...times,
    ],
    together: [
      ['quantity', 'unit'],
      ['cost', 'cost_base'],
    ],
  },
  {
    name: 'order_lines',
    columns: [
      id,
      ref('order_id', 'orders'),
      int('position', 1, 10_000),
      text('product'),
      positive('quantity', 1e12),
      text('unit', false, 20),
      real('unit_price', 0, MONEY_MAX),
      real('amount', 0, MONEY_MAX),
      ...times,
    ],
    liveKey: ['order_id', 'position'],
  },
  {
    name: 'payments',
    columns: [id, ref('order_id', 'orders'), date('paid_on'), positive('amount', MONEY_MAX), long('note', true), ...times],
  },
  {
    name: 'complaints',
    columns: [
      id,
      ref('account_id', 'accounts'),
      ref('order_id', 'orders', true),
      oneOf('grade', ['A', 'B', 'C']),
      text('subject', false, 1000),
      long('description'),
      instant('opened_at'),
      instant('responded_at', true),
      instant('resolved_at', true),
      long('resolution', true),
      ...times,
      long('response_note', true),
    ],
  },
  {
    name: 'calendar_overrides',
    columns: [id, c('country', 'TEXT', false, { kind: 'country' }), date('day'), oneOf('kind', ['holiday', 'workday']), text('name'), ...times],
    liveKey: ['country', 'day'],
  },
  {
    // What a user did to a to-do (done, snoozed, moved, undone), by the to-do's key: each book applies it to its own
    // task with that key (src-main/services/task-states.ts).
    name: 'task_states',
    columns: [
      c('id', 'TEXT', false, { kind: 'task_key' }),
      oneOf('status', ['open', 'done']),
      instant('done_at', true),
      instant('due_at', true),
      instant('snoozed_until', true),
      ...times,
    ],
  },
];

/** The stamp columns every shared table carries after its own. */
export const STAMP_COLUMNS = ['row_stamp', 'field_stamps', 'last_stamp'] as const;

/** The fields of a table whose values merge one by one (everything but the id). */
export function mergedFields(spec: SharedTableSpec): string[] {
  return spec.columns.filter((col) => col.name !== 'id').map((col) => col.name);
}

export function specOf(table: string): SharedTableSpec {
  const spec = SHARED_TABLE_SPECS.find((s) => s.name === table);
  if (!spec) throw new Error(`not a shared table: ${table}`);
  return spec;
}
