/**
 * Every account's order facts as of a date, set-based in SQL (issue 7: no JS loop over order rows).
 *
 * Facts come from account_months (one row per account and month it ordered in, with its first and last order day).
 * For a fact over the window (as-of − N months, as-of], a month row counts whole when all its orders are inside the
 * window (first day after the window's start, last day on or before the as-of date) and not at all when none is;
 * only a row that a window edge falls inside ("straddling": its first day on or before the edge, its last day after)
 * has its orders read one by one and tested against the exact window — a handful of rows, found through an index on
 * (month, last day). Payment facts (due counts, paid on time, overdue) of a month are final only once its payments
 * are settled (`open_until` before the as-of date); a month still open has its orders' payment terms read from the
 * orders' account index. R14's calendar months are whole months. Every value is the same as one computed from the
 * orders directly (tests/scoring/facts.test.ts checks it on random books and dates).
 *
 * The book-relative scores are cume_dist() over the per-account result, computed in JS with SQLite's arithmetic:
 * ceil(5 × cume_dist()) for R, F and M (ties alike) and round(100 × cume_dist()) for the purchase part.
 *
 * All values are bound parameters; the SQL text is built only from the constants in this file.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './connection';
import { owedOnSql } from './order-payments';
import { startReaders, type Columns, type ReaderJob } from './scoring-threads';

type Combine = 'sum' | 'money' | 'quantity' | 'min' | 'max' | 'concat';
/** `main`: every month row with an order on or before the as-of date; `m6`: those from R14's first month on. */
type MonthSource = 'main' | 'm6';

interface Fact {
  name: string;
  combine: Combine;
  /** Aggregate over the month rows of its source. */
  month: [MonthSource, string];
  /**
   * Aggregate over the single orders `og`: `sN` / `sd` = from a row straddling the window's start / the as-of date,
   * `pN` / `ph` = payment terms of an open row inside the N-month window / the history; `gap` before 24-month orders.
   */
  order: string;
}

type Months = 3 | 6 | 12 | 24;

/** A month row whose orders are all inside the window (the sources only hold rows that end by the as-of date). */
const inside = (n: Months) => `first_day > :b${n}`;
/** Single orders of straddling rows inside the window. */
const straddling = (n: Months) => `(s${n} OR sd) AND ordered_at > :b${n}`;
/** A month whose payments were all settled before the as-of date: its due counts and unpaid amount are final. */
const SETTLED = '(open_until IS NULL OR open_until < :d)';

function windowFacts(n: Months, source: MonthSource, facts: [name: string, combine: Combine, month: string, order: string][]): Fact[] {
  return facts.map(([name, combine, month, order]) => ({
    name,
    combine,
    month: [source, `${month} FILTER (WHERE ${inside(n)})`],
    order: `${order} FILTER (WHERE ${straddling(n)})`,
  }));
}

/** What an order still owed on the as-of date (0014: its payments dated by then); "paid" below is settled. */
const OWED = owedOnSql('o', ':d');

/** Payments of the orders placed in the window whose due date has come. */
function paymentFacts(n: 12 | 24): Fact[] {
  const due = `((${straddling(n)}) OR p${n}) AND due_on <= :d`;
  return [
    { name: `due${n}`, combine: 'sum', month: ['main', `total(due_orders) FILTER (WHERE ${inside(n)} AND ${SETTLED})`], order: `count(*) FILTER (WHERE ${due})` },
    {
      name: `on_time${n}`,
      combine: 'sum',
      month: ['main', `total(due_on_time) FILTER (WHERE ${inside(n)} AND ${SETTLED})`],
      order: `count(*) FILTER (WHERE ${due} AND paid_on <= due_on)`,
    },
  ];
}

/** The facts, each defined for both row sources. */
const FACTS: Fact[] = [
  { name: 'first_order', combine: 'min', month: ['main', 'min(first_day)'], order: 'min(ordered_at) FILTER (WHERE sd)' },
  { name: 'last_order', combine: 'max', month: ['main', 'max(last_day)'], order: 'max(ordered_at) FILTER (WHERE sd)' },
  { name: 'orders_all', combine: 'sum', month: ['main', 'total(orders)'], order: 'count(*) FILTER (WHERE sd)' },
  {
    name: 'overdue',
    combine: 'money',
    month: ['main', `total(unpaid_amount) FILTER (WHERE ${SETTLED})`],
    order: 'total(owed) FILTER (WHERE (sd OR ph) AND due_on < :d AND (paid_on IS NULL OR paid_on > :d))',
  },
  ...windowFacts(24, 'main', [
    ['orders24', 'sum', 'total(orders)', 'count(*)'],
    ['revenue24', 'money', 'total(amount)', 'total(amount_base)'],
    ['gap_count', 'sum', 'total(gap_count)', 'count(gap)'],
    ['gap_sum', 'sum', 'total(gap_sum)', 'total(gap)'],
    ['gap_sumsq', 'sum', 'total(gap_sumsq)', 'total(gap * gap)'],
    ['gaps', 'concat', "group_concat(nullif(gaps, ''))", 'group_concat(gap)'],
  ]),
  ...windowFacts(12, 'main', [
    ['orders12', 'sum', 'total(orders)', 'count(*)'],
    ['revenue12', 'money', 'total(amount)', 'total(amount_base)'],
    ['costed12', 'money', 'total(costed_amount)', 'total(CASE WHEN cost_base IS NOT NULL THEN amount_base END)'],
    ['cost12', 'money', 'total(cost)', 'total(cost_base)'],
  ]),
  ...paymentFacts(24),
  ...paymentFacts(12),
  ...windowFacts(6, 'm6', [
    ['orders6', 'sum', 'total(orders)', 'count(*)'],
    ['with_quantity6', 'sum', 'total(quantity_orders)', 'count(quantity)'],
    ['unit_min6', 'min', 'min(unit_min)', 'min(unit)'],
    ['unit_max6', 'max', 'max(unit_max)', 'max(unit)'],
    ['amount6', 'money', 'total(amount)', 'total(amount_base)'],
    ['quantity6', 'quantity', 'total(quantity)', 'total(quantity)'],
  ]),
  ...windowFacts(3, 'm6', [
    ['amount3', 'money', 'total(amount)', 'total(amount_base)'],
    ['quantity3', 'quantity', 'total(quantity)', 'total(quantity)'],
    ['costed3', 'money', 'total(costed_amount)', 'total(CASE WHEN cost_base IS NOT NULL THEN amount_base END)'],
    ['cost3', 'money', 'total(cost)', 'total(cost_base)'],
  ]),
  // R14: the six complete calendar months c1…c6 before the as-of month — whole months, never straddled.
  { name: 'churn_orders', combine: 'sum', month: ['m6', 'total(orders) FILTER (WHERE month < :dm)'], order: 'NULL' },
  { name: 'churn_with_quantity', combine: 'sum', month: ['m6', 'total(quantity_orders) FILTER (WHERE month < :dm)'], order: 'NULL' },
  { name: 'churn_unit_min', combine: 'min', month: ['m6', 'min(unit_min) FILTER (WHERE month < :dm)'], order: 'NULL' },
  { name: 'churn_unit_max', combine: 'max', month: ['m6', 'max(unit_max) FILTER (WHERE month < :dm)'], order: 'NULL' },
  ...[1, 2, 3, 4, 5, 6].flatMap((i): Fact[] => [
    { name: `churn_amount${i}`, combine: 'money', month: ['m6', `total(amount) FILTER (WHERE month = :c${i})`], order: 'NULL' },
    { name: `churn_quantity${i}`, combine: 'quantity', month: ['m6', `total(quantity) FILTER (WHERE month = :c${i})`], order: 'NULL' },
  ]),
];

/**
 * The month rows whose orders all lie on or before the as-of date (a row the as-of date falls inside is read order by
 * order). `+month`: read the table in key order, not through the month index (NOT INDEXED does not bind a WITHOUT
 * ROWID table's secondary index).
 */
const MONTH_WHERE: Record<MonthSource, string> = {
  main: '+month <= :dm AND last_day <= :d',
  m6: '+month >= :c1 AND +month <= :dm AND last_day <= :d',
};

/** How the parts of a fact add up across row sources (aggregate form, for the one-account statement). */
function outer(fact: Fact): string {
  switch (fact.combine) {
    case 'sum':
      return `total(${fact.name})`;
    case 'money':
      return `round(total(${fact.name}), 2)`;
    case 'quantity':
      return `round(total(${fact.name}), 6)`;
    case 'min':
      return `min(${fact.name})`;
    case 'max':
      return `max(${fact.name})`;
    case 'concat':
      return `group_concat(${fact.name})`;
  }
}

/** The same, as a scalar merge of the parts `a` and `b` (the book statement: month rows, then single orders). */
function merge(fact: Fact, a: string, b: string): string {
  switch (fact.combine) {
    case 'sum':
    case 'money':
    case 'quantity':
      return `coalesce(${a}, 0) + coalesce(${b}, 0)`;
    case 'min':
      return `coalesce(min(${a}, ${b}), ${a}, ${b})`;
    case 'max':
      return `coalesce(max(${a}, ${b}), ${a}, ${b})`;
    case 'concat':
      return `CASE WHEN ${a} IS NULL THEN ${b} WHEN ${b} IS NULL THEN ${a} ELSE ${a} || ',' || ${b} END`;
  }
}

/** A value as the facts row gives it: sums never NULL, money to the cent (no float noise between equal books). */
function final(fact: Fact, column: string): string {
  switch (fact.combine) {
    case 'sum':
      return `coalesce(${column}, 0)`;
    case 'money':
      return `round(coalesce(${column}, 0), 2)`;
    case 'quantity':
      return `round(coalesce(${column}, 0), 6)`;
    default:
      return column;
  }
}

function monthBranch(source: MonthSource, one: boolean, all: boolean): string {
  const facts = all ? FACTS : FACTS.filter((f) => f.month[0] === source);
  return `SELECT account_id, ${facts.map((f) => `${f.month[0] === source ? f.month[1] : 'NULL'} AS ${f.name}`).join(', ')}
     FROM account_months
     WHERE ${MONTH_WHERE[source]}${one ? ' AND account_id = :account' : ''}
     GROUP BY account_id`;
}

const orderIn = (t: string) =>
  `o.account_id = ${t}.account_id AND o.ordered_at >= ${t}.month || '-01' AND o.ordered_at < date(${t}.month || '-01', '+1 month')
   AND o.ordered_at <= :d AND o.deleted_at IS NULL`;

/**
 * `og`: every order of each straddling row, flagged by the edge it straddles (`sN`, `sd`), with the gap before each
 * order of the 24 months — the account's previous order, index only unless two orders share the day (then the smaller
 * id comes first).
 */
function straddleCte(one: boolean, og = 'og', range = ''): string {
  const rows = one ? ' AND account_id = :account' : range;
  const straddle = (tag: string, month: string, edge: string) =>
    `SELECT account_id, month, ${tag} AS tag FROM account_months WHERE month = ${month} AND last_day > ${edge} AND first_day <= ${edge}${rows}`;
  return `
  straddle AS (
    ${straddle('3', ':mb3', ':b3')} UNION ALL ${straddle('6', ':c1', ':b6')} UNION ALL ${straddle('12', ':mb12', ':b12')}
    UNION ALL ${straddle('24', ':mb24', ':b24')} UNION ALL ${straddle('0', ':dm', ':d')}
  ),
  ${og} AS MATERIALIZED (
    SELECT o.account_id, o.ordered_at, o.amount_base, o.cost_base, o.quantity, o.unit, o.due_on, o.settled_on AS paid_on, ${OWED} AS owed,
      tag = 3 AS s3, tag = 6 AS s6, tag = 12 AS s12, tag = 24 AS s24, tag = 0 AS sd, 0 AS p12, 0 AS p24, 0 AS ph,
      CASE WHEN (tag IN (24, 0)) AND o.ordered_at > :b24 THEN
        CASE WHEN (SELECT count(*) FROM orders p WHERE p.account_id = o.account_id AND p.ordered_at = o.ordered_at AND p.deleted_at IS NULL) > 1
          AND EXISTS (SELECT 1 FROM orders p WHERE p.account_id = o.account_id AND p.ordered_at = o.ordered_at AND p.deleted_at IS NULL AND p.id < o.id)
          THEN 0
          ELSE CAST(julianday(o.ordered_at) - julianday((SELECT max(p.ordered_at) FROM orders p
            WHERE p.account_id = o.account_id AND p.deleted_at IS NULL AND p.ordered_at < o.ordered_at)) AS INTEGER)
        END
      END AS gap
    FROM straddle CROSS JOIN orders AS o
    WHERE ${orderIn('straddle')}
  )`;
}

/** `og`: the payment terms of each open row's orders, flagged by whether the row is inside the 12 / 24 months, the history. */
function openCte(one: boolean, og = 'og', range = ''): string {
  return `
  open_rows AS (
    SELECT account_id, month, first_day > :b12 AS p12, first_day > :b24 AS p24, 1 AS ph
    FROM account_months WHERE open_until >= :d AND month <= :dm AND last_day <= :d${one ? ' AND account_id = :account' : range}
  ),
  ${og} AS (
    SELECT o.account_id, o.ordered_at, o.amount_base, o.due_on, o.settled_on AS paid_on, ${OWED} AS owed, 0 AS s12, 0 AS s24, 0 AS sd, p12, p24, ph
    FROM open_rows CROSS JOIN orders AS o
    WHERE ${orderIn('open_rows')} AND o.due_on IS NOT NULL
  )`;
}

const PAYMENT_FACTS = new Set(['due12', 'on_time12', 'due24', 'on_time24', 'overdue']);
const STRADDLE_FACTS = FACTS.filter((f) => f.order !== 'NULL');
const OPEN_FACTS = FACTS.filter((f) => PAYMENT_FACTS.has(f.name));

/** Facts derived from others: the 12 months before the last 12, the 3 months before the last 3, the median gap. */
const DERIVED_SUMS = `round(revenue24 - revenue12, 2) AS revenue_prev12, round(amount6 - amount3, 2) AS amount_prev3,
  round(quantity6 - quantity3, 6) AS quantity_prev3`;
const DERIVED = `${DERIVED_SUMS}, (SELECT median(value) FROM json_each('[' || gaps || ']')) AS median_gap`;

/** One account's facts in one statement (no book-relative scores: those come from the last full rescore's bounds). */
function accountFactsSql(): string {
  const branch = (facts: Fact[]) => `SELECT account_id, ${FACTS.map((f) => (facts.includes(f) ? `${f.order} AS ${f.name}` : `NULL AS ${f.name}`)).join(', ')} FROM og WHERE true GROUP BY account_id`;
  return `
WITH
  parts AS (
    ${monthBranch('main', true, true)}
    UNION ALL ${monthBranch('m6', true, true)}
    UNION ALL SELECT * FROM (WITH ${straddleCte(true)} ${branch(STRADDLE_FACTS)})
    UNION ALL SELECT * FROM (WITH ${openCte(true)} ${branch(OPEN_FACTS)})
  ),
  facts AS (SELECT account_id, ${FACTS.map((f) => `${outer(f)} AS ${f.name}`).join(', ')} FROM parts GROUP BY account_id)
SELECT facts.*, ${DERIVED} FROM facts`;
}

/** The columns of a book facts row, in order. */
const ROW_COLUMNS = [
  ...FACTS.map((f) => f.name).filter((name) => !['gaps', 'amount6', 'quantity6'].includes(name)),
  'revenue_prev12',
  'amount_prev3',
  'quantity_prev3',
  'median_gap',
] as (keyof OrderFactsRow)[];

/** Which ends an account-id range has: from `:lo` (inclusive), up to `:hi` (exclusive); none: the whole book. */
export interface RangeBounds {
  lo?: boolean;
  hi?: boolean;
}

/** The condition that keeps a statement's account_months rows to one account-id range (each range has its own text). */
function rangeWhere(bounds: RangeBounds): string {
  return `${bounds.lo ? ' AND account_id >= :lo' : ''}${bounds.hi ? ' AND account_id < :hi' : ''}`;
}

/**
 * The whole book in one statement, one row per account with an order up to the as-of date: the month rows
 * aggregated per account in key order (`mg`, one pass, no sort), merged with the facts of R14's six months (`m6g`,
 * the same pass over far fewer rows), the straddling rows' single orders (`sg`) and the open months' payment terms
 * (`pg`) — the last three materialized and looked up per account. An account whose only orders by the as-of date lie
 * in the as-of month's straddling row comes from `sg` alone (second branch; the rows are put in order afterwards).
 * `median_gap` holds the account's 24-month gap list; its median is taken in JS (listMedian). With `bounds`, only
 * the accounts of one id range (worker threads, one range each).
 */
function bookFactsSql(bounds: RangeBounds = {}): string {
  const range = rangeWhere(bounds);
  const straddleFacts = new Set(STRADDLE_FACTS);
  const openFacts = new Set(OPEN_FACTS);
  const aggregate = (facts: Fact[], from: string) => `SELECT account_id, ${facts.map((f) => `${f.order} AS ${f.name}`).join(', ')} FROM ${from} GROUP BY account_id`;
  /** A fact's value: the month part merged with the straddling part, then with the open part (in that order). */
  const merged = (fact: Fact, fromMonths: boolean) => {
    let value = fromMonths ? `${fact.month[0] === 'main' ? 'mg' : 'm6g'}.${fact.name}` : 'NULL';
    if (straddleFacts.has(fact)) value = merge(fact, value, `sg.${fact.name}`);
    if (openFacts.has(fact)) value = merge(fact, value, `pg.${fact.name}`);
    return `${final(fact, value)} AS ${fact.name}`;
  };
  const monthFacts = (source: MonthSource) => FACTS.filter((f) => f.month[0] === source).map((f) => `${f.month[1]} AS ${f.name}`).join(', ');
  return `
WITH ${straddleCte(false, 'straddle_orders', range)},
  sg AS MATERIALIZED (${aggregate(STRADDLE_FACTS, 'straddle_orders')}),
  ${openCte(false, 'open_orders', range)},
  pg AS MATERIALIZED (${aggregate(OPEN_FACTS, 'open_orders')}),
  m6g AS MATERIALIZED (SELECT account_id, ${monthFacts('m6')} FROM account_months WHERE ${MONTH_WHERE.m6}${range} GROUP BY account_id),
  mg AS (SELECT account_id, ${monthFacts('main')} FROM account_months WHERE ${MONTH_WHERE.main}${range} GROUP BY account_id),
  facts AS (
    SELECT mg.account_id, ${FACTS.map((f) => merged(f, true)).join(', ')}
    FROM mg LEFT JOIN m6g ON m6g.account_id = mg.account_id LEFT JOIN sg ON sg.account_id = mg.account_id
      LEFT JOIN pg ON pg.account_id = mg.account_id
    UNION ALL
    SELECT sg.account_id, ${FACTS.map((f) => merged(f, false)).join(', ')}
    FROM sg LEFT JOIN pg ON pg.account_id = sg.account_id
    WHERE NOT EXISTS (SELECT 1 FROM account_months m WHERE m.account_id = sg.account_id AND m.month <= :dm AND m.last_day <= :d)
  )
SELECT account_id, ${ROW_COLUMNS.map((c) => (c === 'median_gap' ? 'gaps AS median_gap' : c)).join(', ')} FROM (SELECT *, ${DERIVED_SUMS} FROM facts)`;
}

/** The facts an account's place among the others is read from (bookQuintiles). */
const PLACE_FACTS = FACTS.filter((f) => ['orders_all', 'last_order', 'orders24', 'revenue24', 'orders12', 'revenue12'].includes(f.name));

/**
 * Only the facts of the book-relative scores, for every account with an order up to the as-of date — the book
 * statement's rows and values for those columns (the same expressions: month rows merged with the straddling rows'
 * orders; none of them has an open-payments or R14 part), at a fraction of its cost. With it, a threaded read has
 * every account's place before the ranges' facts are in, and scores each range as it comes.
 */
function bookPlaceSql(): string {
  const columns = (from: 'mg' | null) => PLACE_FACTS.map((f) => `${final(f, merge(f, from ? `${from}.${f.name}` : 'NULL', `sg.${f.name}`))} AS ${f.name}`).join(', ');
  return `
WITH ${straddleCte(false, 'straddle_orders')},
  sg AS MATERIALIZED (SELECT account_id, ${PLACE_FACTS.map((f) => `${f.order} AS ${f.name}`).join(', ')} FROM straddle_orders GROUP BY account_id),
  mg AS (SELECT account_id, ${PLACE_FACTS.map((f) => `${f.month[1]} AS ${f.name}`).join(', ')} FROM account_months WHERE ${MONTH_WHERE.main} GROUP BY account_id)
SELECT mg.account_id, ${columns('mg')} FROM mg LEFT JOIN sg ON sg.account_id = mg.account_id
UNION ALL
SELECT sg.account_id, ${columns(null)} FROM sg
WHERE NOT EXISTS (SELECT 1 FROM account_months m WHERE m.account_id = sg.account_id AND m.month <= :dm AND m.last_day <= :d)`;
}

/** One row of the facts statement (snake_case as SQL gives it). */
export interface OrderFactsRow {
  account_id: string;
  first_order: string | null;
  last_order: string | null;
  orders_all: number;
  overdue: number;
  orders24: number;
  revenue24: number;
  orders12: number;
  revenue12: number;
  revenue_prev12: number;
  costed12: number;
  cost12: number;
  gap_count: number;
  gap_sum: number;
  gap_sumsq: number;
  due12: number;
  on_time12: number;
  due24: number;
  on_time24: number;
  costed3: number;
  cost3: number;
  orders6: number;
  with_quantity6: number;
  unit_min6: string | null;
  unit_max6: string | null;
  amount3: number;
  quantity3: number;
  amount_prev3: number;
  quantity_prev3: number;
  churn_orders: number;
  churn_with_quantity: number;
  churn_unit_min: string | null;
  churn_unit_max: string | null;
  churn_amount1: number;
  churn_amount2: number;
  churn_amount3: number;
  churn_amount4: number;
  churn_amount5: number;
  churn_amount6: number;
  churn_quantity1: number;
  churn_quantity2: number;
  churn_quantity3: number;
  churn_quantity4: number;
  churn_quantity5: number;
  churn_quantity6: number;
  median_gap: number | null;
  /** Book-relative scores (full rescore only). */
  q_r: number | null;
  q_f: number | null;
  q_m: number | null;
  q_purchase: number | null;
}

/** A row with every field present (one object shape for all rows) and empty: an account without orders. */
export function emptyOrderFacts(accountId: string): OrderFactsRow {
  return {
    account_id: accountId,
    first_order: null,
    last_order: null,
    orders_all: 0,
    overdue: 0,
    orders24: 0,
    revenue24: 0,
    orders12: 0,
    revenue12: 0,
    revenue_prev12: 0,
    costed12: 0,
    cost12: 0,
    gap_count: 0,
    gap_sum: 0,
    gap_sumsq: 0,
    due12: 0,
    on_time12: 0,
    due24: 0,
    on_time24: 0,
    costed3: 0,
    cost3: 0,
    orders6: 0,
    with_quantity6: 0,
    unit_min6: null,
    unit_max6: null,
    amount3: 0,
    quantity3: 0,
    amount_prev3: 0,
    quantity_prev3: 0,
    churn_orders: 0,
    churn_with_quantity: 0,
    churn_unit_min: null,
    churn_unit_max: null,
    churn_amount1: 0,
    churn_amount2: 0,
    churn_amount3: 0,
    churn_amount4: 0,
    churn_amount5: 0,
    churn_amount6: 0,
    churn_quantity1: 0,
    churn_quantity2: 0,
    churn_quantity3: 0,
    churn_quantity4: 0,
    churn_quantity5: 0,
    churn_quantity6: 0,
    median_gap: null,
    q_r: null,
    q_f: null,
    q_m: null,
    q_purchase: null,
  };
}

/** Everything the statements need, computed from the as-of date (services/scoring.ts builds it). */
export interface OrderFactsParams {
  d: string;
  b3: string;
  b6: string;
  b12: string;
  b24: string;
  mb3: string;
  mb12: string;
  mb24: string;
  dm: string;
  c1: string;
  c2: string;
  c3: string;
  c4: string;
  c5: string;
  c6: string;
}

const statements = new WeakMap<Sqlite, Map<string, Statement>>();

/** Prepared once per connection: the facts statements are long and a one-account rescore must stay within milliseconds. */
export function prepared(db: Sqlite, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The book's facts, one per account in account order; each row is built when asked for. */
export interface BookFacts {
  accountIds: string[];
  row(index: number): OrderFactsRow;
}

type Sortable = string | number;

/**
 * cume_dist() over `values` as SQLite's window function computes it (ties alike): for each value, the share of values
 * less than or equal to it, as the same double division.
 */
function cumeDist(values: Sortable[]): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    const share = j / n;
    for (let k = i; k < j; k++) out[order[k]!] = share;
    i = j;
  }
  return out;
}

/** SQLite's round(x) for x ≥ 0: (sqlite_int64)(x + 0.5). */
const roundHalfUp = (x: number) => Math.floor(x + 0.5);

/**
 * The book-relative scores (ties alike): R, F and M are ceil(5 × cume_dist()) of the last-order date, the 24-month
 * order count and revenue among the accounts with orders; the purchase part round(100 × cume_dist()) of the 12-month
 * revenue among those with orders in the last 12 months. Computed here over the facts rows, with SQLite's arithmetic.
 */
function bookQuintiles(col: (name: keyof OrderFactsRow) => Column, n: number): Quintiles {
  const [all, last, o24, r24, o12, r12] = [col('orders_all'), col('last_order'), col('orders24'), col('revenue24'), col('orders12'), col('revenue12')];
  const r = new Int8Array(n);
  const f = new Int8Array(n);
  const m = new Int8Array(n);
  const purchase = new Int16Array(n);
  const scored = (use: Column) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if ((use[i] as number) > 0) out.push(i);
    return out;
  };
  const withOrders = scored(all);
  const quintile = (target: Int8Array, c: Column) => {
    const dist = cumeDist(withOrders.map((i) => c[i] as Sortable));
    withOrders.forEach((i, k) => (target[i] = Math.ceil(5 * dist[k]!)));
  };
  quintile(r, last);
  quintile(f, o24);
  quintile(m, r24);
  const with12 = scored(o12);
  const dist = cumeDist(with12.map((i) => r12[i] as number));
  with12.forEach((i, k) => (purchase[i] = roundHalfUp(100 * dist[k]!)));
  return { r, f, m, purchase };
}

interface Quintiles {
  r: Int8Array;
  f: Int8Array;
  m: Int8Array;
  purchase: Int16Array;
}

/** Every account's book-relative scores, by account id (from the place statement's rows). */
type Places = Map<string, { r: number; f: number; m: number; purchase: number }>;

function placesOf({ n, columns }: Columns): Places {
  const q = bookQuintiles((name) => columns[PLACE_FACTS.findIndex((f) => f.name === name) + 1]!, n);
  const ids = columns[0] as string[];
  const places: Places = new Map();
  for (let i = 0; i < n; i++) places.set(ids[i]!, { r: q.r[i]!, f: q.f[i]!, m: q.m[i]!, purchase: q.purchase[i]! });
  return places;
}

/**
 * How a full rescore reads the book's facts: a book with at least `minAccounts` accounts is split into `chunks`
 * account-id ranges, read by `workers` worker threads and the calling thread together (db/scoring-threads.ts: whoever
 * is free takes the next range, so the calling thread joins in once its own reads are done); a smaller book is read
 * in-process. Exported so that tests can lower the threshold and point `library` at a module that fails (the fallback).
 */
export const factsThreading: { minAccounts: number; workers: number; chunks: number; library?: string } = {
  minAccounts: 5000,
  /** With the calling thread, the machine's two cores. */
  workers: 1,
  chunks: 12,
};

type Column = Float64Array | unknown[];

/**
 * A statement's rows column by column (as the worker threads hand them over, db/scoring-threads.ts): a column of
 * numbers only is a Float64Array, any other (ids, dates, a NULL anywhere) an array.
 */
function columnsOf(statement: Statement, params: OrderFactsParams, capacity: number): Columns {
  let n = 0;
  let cap = Math.max(16, capacity);
  let columns: Column[] | null = null;
  for (const row of statement.raw().iterate(params) as IterableIterator<unknown[]>) {
    columns ??= row.map(() => new Float64Array(cap));
    if (n === cap) {
      cap *= 2;
      columns = columns.map((c) => {
        if (!(c instanceof Float64Array)) return c;
        const grown = new Float64Array(cap);
        grown.set(c);
        return grown;
      });
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let column = columns[c]!;
      if (column instanceof Float64Array) {
        if (typeof v === 'number') {
          column[n] = v;
          continue;
        }
        column = Array.from(column.subarray(0, n));
        columns[c] = column;
      }
      column[n] = v;
    }
    n++;
  }
  const out = (columns ?? []).map((c) => (c instanceof Float64Array ? c.subarray(0, n) : c));
  if (out.length > MEDIAN_COLUMN) out[MEDIAN_COLUMN] = Array.from(out[MEDIAN_COLUMN]!, listMedian);
  return { n, columns: out };
}

/** The book statement gives each account's 24-month gaps as a list (`median_gap`): its median is taken in JS. */
const MEDIAN_COLUMN = ROW_COLUMNS.indexOf('median_gap') + 1;

/**
 * The median of a comma-separated list of numbers as SQLite's median() computes it (percentile 50: the sorted values'
 * element at (n − 1) / 2, interpolated v1 + (v2 − v1) × fraction); null for no list. The worker threads do the same.
 */
export function listMedian(list: unknown): number | null {
  if (typeof list !== 'string' || list === '') return null;
  const values = list.split(',').map(Number).sort((a, b) => a - b);
  const ix = (values.length - 1) * 0.5;
  const i1 = Math.floor(ix);
  const v1 = values[i1]!;
  if (ix === i1) return v1;
  return v1 + (values[i1 + 1]! - v1) * (ix - i1);
}

/**
 * The facts rows in account order with their book-relative scores — computed over these rows (the whole book), or
 * looked up in `places` (one range of it) — turned into objects one at a time.
 */
function bookFactsOf({ n, columns }: Columns, places?: Places): BookFacts {
  if (n === 0) return { accountIds: [], row: () => emptyOrderFacts('') };
  let ids = columns[0] as string[];
  // The accounts that ordered only inside the as-of month's straddling row come last (per range): put them in place.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
    columns = columns.map((c) => {
      if (c instanceof Float64Array) return Float64Array.from(order, (i) => c[i]!);
      return order.map((i) => c[i]);
    });
    ids = columns[0] as string[];
  }
  const q = places ? null : bookQuintiles((name) => columns[ROW_COLUMNS.indexOf(name) + 1]!, n);
  const rowAt = rowReader(columns);
  return {
    accountIds: ids,
    row(index: number) {
      const id = ids[index]!;
      const row = rowAt(index);
      const place = q ? { r: q.r[index]!, f: q.f[index]!, m: q.m[index]!, purchase: q.purchase[index]! } : places!.get(id);
      if (place === undefined) throw new Error(`no book-relative scores for account ${id}`);
      const withOrders = (row.orders_all ?? 0) > 0;
      row.q_r = withOrders ? place.r : null;
      row.q_f = withOrders ? place.f : null;
      row.q_m = withOrders ? place.m : null;
      row.q_purchase = (row.orders12 ?? 0) > 0 ? place.purchase : null;
      return row;
    },
  };
}

/**
 * The facts row of index `i` of a statement's columns, as one object literal (a full rescore builds 50,000 of them:
 * fixed fields, no keyed stores); the book-relative scores are filled in by the caller.
 */
function rowReader(columns: Column[]): (i: number) => OrderFactsRow {
  const col = (name: keyof OrderFactsRow) => {
    const at = ROW_COLUMNS.indexOf(name);
    if (at < 0) throw new Error(`the facts statement has no column ${name}`);
    return columns[at + 1]!;
  };
  const ids = columns[0]!;
  const first_order = col('first_order');
  const last_order = col('last_order');
  const orders_all = col('orders_all');
  const overdue = col('overdue');
  const orders24 = col('orders24');
  const revenue24 = col('revenue24');
  const orders12 = col('orders12');
  const revenue12 = col('revenue12');
  const revenue_prev12 = col('revenue_prev12');
  const costed12 = col('costed12');
  const cost12 = col('cost12');
  const gap_count = col('gap_count');
  const gap_sum = col('gap_sum');
  const gap_sumsq = col('gap_sumsq');
  const due12 = col('due12');
  const on_time12 = col('on_time12');
  const due24 = col('due24');
  const on_time24 = col('on_time24');
  const costed3 = col('costed3');
  const cost3 = col('cost3');
  const orders6 = col('orders6');
  const with_quantity6 = col('with_quantity6');
  const unit_min6 = col('unit_min6');
  const unit_max6 = col('unit_max6');
  const amount3 = col('amount3');
  const quantity3 = col('quantity3');
  const amount_prev3 = col('amount_prev3');
  const quantity_prev3 = col('quantity_prev3');
  const churn_orders = col('churn_orders');
  const churn_with_quantity = col('churn_with_quantity');
  const churn_unit_min = col('churn_unit_min');
  const churn_unit_max = col('churn_unit_max');
  const churn_amount1 = col('churn_amount1');
  const churn_amount2 = col('churn_amount2');
  const churn_amount3 = col('churn_amount3');
  const churn_amount4 = col('churn_amount4');
  const churn_amount5 = col('churn_amount5');
  const churn_amount6 = col('churn_amount6');
  const churn_quantity1 = col('churn_quantity1');
  const churn_quantity2 = col('churn_quantity2');
  const churn_quantity3 = col('churn_quantity3');
  const churn_quantity4 = col('churn_quantity4');
  const churn_quantity5 = col('churn_quantity5');
  const churn_quantity6 = col('churn_quantity6');
  const median_gap = col('median_gap');
  return (i) =>
    ({
      account_id: ids[i] as string,
      first_order: first_order[i] as string | null,
      last_order: last_order[i] as string | null,
      orders_all: orders_all[i] as number,
      overdue: overdue[i] as number,
      orders24: orders24[i] as number,
      revenue24: revenue24[i] as number,
      orders12: orders12[i] as number,
      revenue12: revenue12[i] as number,
      revenue_prev12: revenue_prev12[i] as number,
      costed12: costed12[i] as number,
      cost12: cost12[i] as number,
      gap_count: gap_count[i] as number,
      gap_sum: gap_sum[i] as number,
      gap_sumsq: gap_sumsq[i] as number,
      due12: due12[i] as number,
      on_time12: on_time12[i] as number,
      due24: due24[i] as number,
      on_time24: on_time24[i] as number,
      costed3: costed3[i] as number,
      cost3: cost3[i] as number,
      orders6: orders6[i] as number,
      with_quantity6: with_quantity6[i] as number,
      unit_min6: unit_min6[i] as string | null,
      unit_max6: unit_max6[i] as string | null,
      amount3: amount3[i] as number,
      quantity3: quantity3[i] as number,
      amount_prev3: amount_prev3[i] as number,
      quantity_prev3: quantity_prev3[i] as number,
      churn_orders: churn_orders[i] as number,
      churn_with_quantity: churn_with_quantity[i] as number,
      churn_unit_min: churn_unit_min[i] as string | null,
      churn_unit_max: churn_unit_max[i] as string | null,
      churn_amount1: churn_amount1[i] as number,
      churn_amount2: churn_amount2[i] as number,
      churn_amount3: churn_amount3[i] as number,
      churn_amount4: churn_amount4[i] as number,
      churn_amount5: churn_amount5[i] as number,
      churn_amount6: churn_amount6[i] as number,
      churn_quantity1: churn_quantity1[i] as number,
      churn_quantity2: churn_quantity2[i] as number,
      churn_quantity3: churn_quantity3[i] as number,
      churn_quantity4: churn_quantity4[i] as number,
      churn_quantity5: churn_quantity5[i] as number,
      churn_quantity6: churn_quantity6[i] as number,
      median_gap: median_gap[i] as number | null,
      q_r: null,
      q_f: null,
      q_m: null,
      q_purchase: null,
    }) satisfies OrderFactsRow;
}

/** The account ids that split the book into `parts` ranges of about as many accounts each (ascending, parts − 1). */
function splitIds(db: Sqlite, accounts: number, parts: number): string[] {
  const at = prepared(db, 'SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const ids: string[] = [];
  for (let k = 1; k < parts; k++) {
    const id = at.get(Math.floor((accounts * k) / parts)) as string | undefined;
    if (id !== undefined && (ids.length === 0 || id > ids[ids.length - 1]!)) ids.push(id);
  }
  return ids;
}

/** The facts of one account-id range: the accounts from the previous range's `hi` up to this one's (null: the end). */
export interface BookRange extends BookFacts {
  hi: string | null;
}

/** A pending read of the book's facts: `ranges` hands them over range by range, in account order. */
export interface PendingBookFacts {
  /** The ranges in account order, each as soon as it is read (waiting for the worker threads, if any). */
  ranges(): Generator<BookRange>;
  /** Every range at once. */
  finish(): BookFacts;
  /** How the facts were read: in-process, on worker threads, or in-process after the workers failed. */
  readonly how: 'in-process' | 'threads' | 'fallback';
}

/**
 * Starts reading every account's order facts as of `params.d`; the caller may do other reads before taking them.
 * `threads`: the caller has committed everything the facts read (see db/scoring-threads.ts), so a large book is read
 * on a worker thread and the calling thread together: first every account's place among the others (bookPlaceSql),
 * then the book statement range by range; the ranges' rows together are exactly the whole statement's. Without
 * threads, or when they fail, the statement runs in-process (one consistent read of the book, nothing written).
 */
export function startBookOrderFacts(db: Sqlite, params: OrderFactsParams, threads = false): PendingBookFacts {
  const { minAccounts, workers, chunks, library } = factsThreading;
  const accounts = threads && !db.memory && workers > 0 ? (prepared(db, 'SELECT count(*) FROM accounts').pluck().get() as number) : 0;
  const ids = accounts >= minAccounts ? splitIds(db, accounts, Math.max(2, chunks)) : [];
  const capacity = Math.ceil((1.1 * accounts) / (ids.length + 1));
  const jobs = [
    { sql: bookPlaceSql(), params: { ...params }, capacity: accounts },
    ...[...ids, null].map((hi, k) => {
      const lo = k > 0 ? ids[k - 1]! : null;
      const rangeParams = { ...params, ...(lo !== null ? { lo } : {}), ...(hi !== null ? { hi } : {}) };
      return { sql: bookFactsSql({ lo: lo !== null, hi: hi !== null }), params: rangeParams, capacity, hi };
    }),
  ];
  const readers = ids.length > 0 ? startReaders(db.name, jobs, { workers, medianColumn: MEDIAN_COLUMN, ...(library === undefined ? {} : { library }) }) : null;
  let how: PendingBookFacts['how'] = readers ? 'threads' : 'in-process';
  function* ranges(): Generator<BookRange> {
    if (!readers) {
      yield { ...bookFactsOf(columnsOf(prepared(db, bookFactsSql()), params, 1024)), hi: null };
      return;
    }
    try {
      const runHere = (job: ReaderJob) => columnsOf(prepared(db, job.sql), job.params as unknown as OrderFactsParams, job.capacity);
      const places = placesOf(readers.take(0, runHere));
      for (let k = 1; k < jobs.length; k++) yield { ...bookFactsOf(readers.take(k, runHere), places), hi: (jobs[k] as { hi: string | null }).hi };
    } finally {
      if (readers.close()) how = 'fallback';
    }
  }
  return {
    get how() {
      return how;
    },
    ranges,
    finish() {
      const parts = [...ranges()];
      const offsets = parts.map((_, k) => parts.slice(0, k).reduce((sum, p) => sum + p.accountIds.length, 0));
      return {
        accountIds: parts.flatMap((p) => p.accountIds),
        row(index: number) {
          let k = parts.length - 1;
          while (offsets[k]! > index) k--;
          return parts[k]!.row(index - offsets[k]!);
        },
      };
    },
  };
}

/** Every account's order facts and book-relative scores as of `params.d`, read in-process. */
export function bookOrderFacts(db: Sqlite, params: OrderFactsParams): BookFacts {
  return startBookOrderFacts(db, params).finish();
}

/** One account's order facts (no book-relative scores). */
export function accountOrderFacts(db: Sqlite, params: OrderFactsParams, accountId: string): OrderFactsRow | undefined {
  const row = prepared(db, accountFactsSql()).get({ ...params, account: accountId }) as Omit<OrderFactsRow, 'q_r' | 'q_f' | 'q_m' | 'q_purchase'> | undefined;
  return row ? { ...emptyOrderFacts(accountId), ...row } : undefined;
}

/** The SQL of the facts statements, for the benchmark's diagnostics and for tests. */
export function orderFactsSql(scope: 'book' | 'account', bounds: RangeBounds = {}): string[] {
  return scope === 'account' ? [accountFactsSql()] : [bookFactsSql(bounds)];
}
