/**
 * Search as the app does it: dispatch('accounts.list', { query, limit: 50 }) on a book opened with openBook.
 * 200 queries drawn deterministically from the book itself: Latin prefixes of account and contact names,
 * Chinese fragments of Chinese company names, and e-mail prefixes, plus the usual suspects (valv, Ab, Tech,
 * 华强, 电子, 深圳). After a warm-up, the 200 run in 3 rounds; a query's time is its median, p50/p95 over the 200.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { openBook } from '../../src-main/db/book';
import type { BookSchema } from '../../src-main/db/schema';
import { dispatch } from '../../src-main/handlers/dispatch';
import { toSearchQuery } from '../../src-main/domain/search-text';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { info, target, type BenchModule, type Row } from '../lib/types';
import { mean, median, percentile, rng, round, timeSync } from '../lib/stats';

type Kind = 'latin' | 'chinese' | 'email';

export interface SearchQuery {
  kind: Kind;
  text: string;
}

const FIXED: SearchQuery[] = [
  { kind: 'latin', text: 'valv' },
  { kind: 'latin', text: 'Ab' },
  { kind: 'latin', text: 'Tech' },
  { kind: 'chinese', text: '华强' },
  { kind: 'chinese', text: '电子' },
  { kind: 'chinese', text: '深圳' },
];
const WANT: Record<Kind, number> = { latin: 100, chinese: 50, email: 50 };

const LATIN_WORD = /\p{Script=Latin}{2,}/gu;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** Draws the query mix from the book (deterministic for a given book and seed). */
export function sampleQueries(file: string, seed = 20250630): SearchQuery[] {
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const maxRow = (table: string) => (db.prepare(`SELECT max(rowid) AS n FROM ${table}`).get() as { n: number }).n;
    const accountAt = db.prepare<[number], { name: string }>('SELECT name FROM accounts WHERE rowid >= ? ORDER BY rowid LIMIT 1');
    const cjkAccountAt = db.prepare<[number], { name: string }>(
      "SELECT name FROM accounts WHERE rowid >= ? AND country IN ('CN', 'TW') ORDER BY rowid LIMIT 1",
    );
    const contactAt = db.prepare<[number], { name: string; emails: string }>(
      'SELECT name, emails FROM contacts WHERE rowid >= ? ORDER BY rowid LIMIT 1',
    );
    const accounts = maxRow('accounts');
    const contacts = maxRow('contacts');
    const out: SearchQuery[] = [...FIXED];
    const have = (kind: Kind) => out.filter((q) => q.kind === kind).length;

    const prefixOf = (word: string, lo: number, hi: number) => [...word].slice(0, lo + int(hi - lo + 1)).join('');

    for (let guard = 0; have('latin') < WANT.latin && guard < 10_000; guard++) {
      const fromContact = rand() < 0.4;
      const name = fromContact ? contactAt.get(1 + int(contacts))?.name : accountAt.get(1 + int(accounts))?.name;
      const words = name?.match(LATIN_WORD) ?? [];
      if (words.length === 0) continue;
      const word = words[int(words.length)]!;
      out.push({ kind: 'latin', text: prefixOf(word, 2, Math.min(5, word.length)) });
    }
    for (let guard = 0; have('chinese') < WANT.chinese && guard < 10_000; guard++) {
      const name = cjkAccountAt.get(1 + int(accounts))?.name;
      const runs = name?.match(HAN_RUN) ?? [];
      if (runs.length === 0) continue;
      const chars = [...runs[int(runs.length)]!];
      const len = Math.min(chars.length, rand() < 0.8 ? 2 : 3);
      const start = int(chars.length - len + 1);
      out.push({ kind: 'chinese', text: chars.slice(start, start + len).join('') });
    }
    for (let guard = 0; have('email') < WANT.email && guard < 10_000; guard++) {
      const row = contactAt.get(1 + int(contacts));
      const email = row ? (JSON.parse(row.emails) as string[])[0] : undefined;
      const at = email?.indexOf('@') ?? -1;
      if (!email || at < 1) continue;
      const local = email.slice(0, at);
      const domain = email.slice(at + 1);
      const roll = rand();
      const text =
        roll < 0.5 ? prefixOf(local, Math.min(3, local.length), Math.min(6, local.length))
        : roll < 0.8 ? `${local}@${prefixOf(domain, 3, Math.min(6, domain.length))}`
        : prefixOf(domain, 4, Math.min(8, domain.length));
      out.push({ kind: 'email', text });
    }
    // Interleave the kinds (Fisher–Yates with the same generator).
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  } finally {
    db.close();
  }
}

const ROUNDS = 3;

interface Sample {
  query: SearchQuery;
  /** Median over the rounds: one busy moment on a shared machine does not make a query slow. */
  ms: number;
  /** The first round alone (each query run exactly once). */
  firstMs: number;
  hits: number;
}

async function listOnce(ctx: ServiceContext, query: string): Promise<number> {
  const result = await dispatch(ctx, 'accounts.list', { query, limit: 50 });
  if (!result.ok) throw new Error(`accounts.list {query: ${JSON.stringify(query)}} failed: ${result.error.message}`);
  return (result.value as unknown[]).length;
}

/** The exact SQL and parameters accounts.list sends for a query, captured through a logging Kysely. */
export async function capturedSql(ctx: ServiceContext, query: string): Promise<CompiledQuery | null> {
  let captured: CompiledQuery | null = null;
  const db = new Kysely<BookSchema>({
    dialect: new SqliteDialect({ database: ctx.book.sqlite }),
    log: (event) => {
      if (event.level === 'query') captured = event.query;
    },
  });
  await dispatch({ ...ctx, book: { ...ctx.book, db } }, 'accounts.list', { query, limit: 50 });
  return captured;
}

export const search: BenchModule = {
  name: 'search',
  async run(ctx) {
    const queries = sampleQueries(ctx.bookFile);
    const book = openBook(ctx.bookFile);
    const svc: ServiceContext = { book, now: systemClock, host: hostFacts() };
    const samples: Sample[] = [];
    try {
      await listOnce(svc, '');
      for (const q of queries.slice(0, 20)) await listOnce(svc, q.text); // warm-up, not measured
      const times: number[][] = queries.map(() => []);
      const hits: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const [i, query] of queries.entries()) {
          const t0 = performance.now();
          hits[i] = await listOnce(svc, query.text);
          times[i]!.push(performance.now() - t0);
        }
      }
      queries.forEach((query, i) => samples.push({ query, ms: median(times[i]!), firstMs: times[i]![0]!, hits: hits[i]! }));

      // Diagnostics for the slowest queries: how many documents the FTS matches, and the raw SQL time.
      const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 10);
      const ftsCount = book.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM search_index WHERE search_index MATCH ?');
      const lines: string[] = ['median ms (dispatch) | raw SQL ms | FTS matches | hits | kind | query | MATCH'];
      for (const s of slowest) {
        const match = toSearchQuery(s.query.text) ?? '';
        const compiled = await capturedSql(svc, s.query.text);
        let raw = NaN;
        if (compiled) {
          const stmt = book.sqlite.prepare(compiled.sql);
          const params = compiled.parameters as unknown[];
          raw = median(timeSync(3, () => stmt.all(...params)));
        }
        const n = match ? (ftsCount.get(match)?.n ?? 0) : 0;
        lines.push(`${round(s.ms)} | ${round(raw)} | ${n} | ${s.hits} | ${s.query.kind} | ${s.query.text} | ${match}`);
      }
      ctx.detail('search: slowest 10 of 200', lines);

      const worst = slowest[0];
      if (worst) {
        const compiled = await capturedSql(svc, worst.query.text);
        if (compiled) {
          const plan = book.sqlite
            .prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
            .all(...(compiled.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
          ctx.detail(`search: plan of the slowest query (${JSON.stringify(worst.query.text)})`, [
            compiled.sql,
            ...plan.map((p) => `${p.parent === 0 ? '' : '  '}${p.detail}`),
          ]);
        }
      }
    } finally {
      await book.close();
    }

    const ms = samples.map((s) => s.ms);
    const byKind = (kind: Kind) => samples.filter((s) => s.query.kind === kind).map((s) => s.ms);
    const rows: Row[] = [
      info(`search p50 (${samples.length} queries)`, round(percentile(ms, 50)), 'ms'),
      target(`search p95 (${samples.length} queries)`, round(percentile(ms, 95)), 'ms', { max: 30 },
        `search: dispatch(accounts.list {query, limit:50}) in-process on a warm connection; per query the median of ${ROUNDS} rounds`),
      info('  search max', round(Math.max(...ms)), 'ms'),
      info('  p95 of the first round alone', round(percentile(samples.map((s) => s.firstMs), 95)), 'ms'),
    ];
    for (const kind of ['latin', 'chinese', 'email'] as const) {
      const k = byKind(kind);
      rows.push(info(`  ${kind} (${k.length}) p50 / p95`, `${round(percentile(k, 50))} / ${round(percentile(k, 95))}`, 'ms'));
    }
    rows.push(info('  mean hits per query (limit 50)', round(mean(samples.map((s) => s.hits)))));
    ctx.detail('search: query mix (first 40)', [queries.slice(0, 40).map((q) => q.text).join('  ')]);
    return rows;
  },
};
