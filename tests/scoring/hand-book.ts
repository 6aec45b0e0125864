/**
 * Test helper (not a test file): small hand-made books for the rule tests. Records are written straight into a real
 * book with fixed ids and times; `score` runs the real service (`scores.run`, `scores.list`) through the dispatcher.
 * The user's zone is UTC so that day boundaries are easy to count by hand.
 */
import type { ApiError } from '../../src-main/contract/errors';
import type { Language } from '../../src-main/contract/messages';
import type { AccountScoreView, ScoreRunSummary } from '../../src-main/contract/models';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from '../db/temp-book';

const T = '2020-01-01T00:00:00Z';

export interface OrderSpec {
  cost?: number;
  quantity?: number;
  unit?: string;
  dueOn?: string;
  paidOn?: string;
}

export class HandBook {
  private counter = 0;

  private constructor(readonly tb: TestBook) {}

  static async open(now = '2025-06-30T12:00:00Z'): Promise<HandBook> {
    const tb = openTestBook(now);
    valueOf(await call(tb.ctx, 'settings.set', { key: 'myTimeZone', value: 'UTC' }));
    return new HandBook(tb);
  }

  /** A valid ULID: a fixed prefix and a counter (ids sort in creation order). */
  private id(): string {
    this.counter++;
    return `01JR${String(this.counter).padStart(22, '0')}`;
  }

  get db() {
    return this.tb.book.sqlite;
  }

  account(name: string, options: { createdAt?: string; strategicFit?: number; reputation?: number; priorityChannel?: boolean } = {}): string {
    const id = this.id();
    this.db
      .prepare(
        `INSERT INTO accounts (id, name, country, time_zone, strategic_fit, reputation, priority_channel, created_at, updated_at)
         VALUES (?, ?, 'ES', 'Europe/Madrid', ?, ?, ?, ?, ?)`,
      )
      .run(id, name, options.strategicFit ?? 3, options.reputation ?? 3, options.priorityChannel ? 1 : 0, options.createdAt ?? T, options.createdAt ?? T);
    return id;
  }

  order(accountId: string, orderedAt: string, amount: number, spec: OrderSpec = {}): string {
    const id = this.id();
    this.db
      .prepare(
        `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit, due_on, paid_on,
           created_at, updated_at) VALUES (?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, accountId, orderedAt, amount, amount, spec.cost ?? null, spec.cost ?? null, spec.quantity ?? null, spec.quantity === undefined ? null : (spec.unit ?? 't'), spec.dueOn ?? null, spec.paidOn ?? null, T, T);
    return id;
  }

  inquiry(
    accountId: string,
    receivedAt: string,
    spec: { source?: string; firstReplyAt?: string; authenticity?: number; urgency?: number; value?: number } = {},
  ): string {
    const id = this.id();
    this.db
      .prepare(
        `INSERT INTO inquiries (id, account_id, source, received_at, authenticity, urgency, value, first_reply_at, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        accountId,
        spec.source ?? 'email',
        receivedAt,
        spec.authenticity ?? null,
        spec.urgency ?? null,
        spec.value ?? null,
        spec.firstReplyAt ?? null,
        spec.firstReplyAt ? 'replied' : 'open',
        T,
        T,
      );
    return id;
  }

  interaction(accountId: string, occurredAt: string): void {
    this.db
      .prepare(`INSERT INTO interactions (id, account_id, kind, direction, occurred_at, created_at, updated_at) VALUES (?, ?, 'call', 'out', ?, ?, ?)`)
      .run(this.id(), accountId, occurredAt, T, T);
  }

  complaint(accountId: string, grade: 'A' | 'B' | 'C', openedAt: string, resolvedAt?: string): void {
    this.db
      .prepare(`INSERT INTO complaints (id, account_id, grade, subject, opened_at, resolved_at, created_at, updated_at) VALUES (?, ?, ?, 'Late', ?, ?, ?, ?)`)
      .run(this.id(), accountId, grade, openedAt, resolvedAt ?? null, T, T);
  }

  quote(accountId: string, status: 'won' | 'lost', closedAt: string): void {
    const id = this.id();
    this.db
      .prepare(
        `INSERT INTO quotes (id, account_id, number, currency, quote_date, status, validity_strategy, valid_days, closed_at, created_at, updated_at)
         VALUES (?, ?, ?, 'CNY', ?, ?, 'fixed', 30, ?, ?, ?)`,
      )
      .run(id, accountId, `Q-${id.slice(-6)}`, closedAt.slice(0, 10), status, closedAt, T, T);
  }

  /** Rescores the book as of a date and returns every account's scores, by account id. */
  async score(asOf?: string, language: Language = 'en'): Promise<{ summary: ScoreRunSummary; views: Map<string, AccountScoreView> }> {
    const summary = valueOf(await call(this.tb.ctx, 'scores.run', asOf === undefined ? {} : { asOf }));
    const list = valueOf(await call(this.tb.ctx, 'scores.list', { asOf: summary.asOf, limit: 10_000 }, language));
    return { summary, views: new Map(list.map((v) => [v.accountId, v])) };
  }

  async explain(accountId: string, asOf: string, language: Language = 'en'): Promise<string[]> {
    return valueOf(await call(this.tb.ctx, 'scores.explain', { accountId, asOf }, language)).lines;
  }

  async error(name: 'scores.run' | 'scores.explain' | 'scores.list', input: Record<string, unknown>, language: Language = 'en'): Promise<ApiError> {
    const result = await call(this.tb.ctx, name, input as never, language);
    if (result.ok) throw new Error(`expected an error from ${name}`);
    return result.error;
  }

  async close(): Promise<void> {
    await this.tb.close();
  }
}

/** The indicator of a view by name. */
export function indicator(view: AccountScoreView, name: string) {
  const found = view.health.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}
