-- Per-account monthly order aggregates for scoring (R10–R14): a full rescore reads one row per account and month
-- in which it ordered, instead of every order. A row holds the orders placed in the month: count, base-currency
-- amount, amount and cost of those with a cost, quantity and units, first and last day, the gap in days before each
-- order since the account's previous one, and their payments: how many have a due date, how many were paid by it,
-- the unpaid amount, and `open_until` — the latest due date or late payment among them, after which the month's
-- payment facts no longer change (months still open on the as-of date are read order by order). The application
-- keeps the table up to date whenever an account's orders change (src-main/db/account-months.ts); scoring_state
-- holds the orders watermark (last rowid, latest updated_at) a full rescore checks, and the bounds of the last full
-- rescore that rescoring one account reads its R, F, M and purchase scores against.
CREATE TABLE account_months (
  account_id       TEXT NOT NULL REFERENCES accounts (id),
  month            TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  orders           INTEGER NOT NULL CHECK (orders >= 1),
  amount           REAL NOT NULL CHECK (amount >= 0),
  costed_amount    REAL NOT NULL CHECK (costed_amount >= 0),
  cost             REAL NOT NULL CHECK (cost >= 0),
  quantity         REAL NOT NULL CHECK (quantity >= 0),
  quantity_orders  INTEGER NOT NULL CHECK (quantity_orders BETWEEN 0 AND orders),
  unit_min         TEXT,
  unit_max         TEXT,
  first_day        TEXT NOT NULL,
  last_day         TEXT NOT NULL CHECK (last_day >= first_day),
  gap_count        INTEGER NOT NULL CHECK (gap_count BETWEEN 0 AND orders),
  gap_sum          REAL NOT NULL CHECK (gap_sum >= 0),
  gap_sumsq        REAL NOT NULL CHECK (gap_sumsq >= 0),
  gaps             TEXT NOT NULL CHECK (gaps NOT GLOB '*[^0-9,]*'),
  due_orders       INTEGER NOT NULL CHECK (due_orders BETWEEN 0 AND orders),
  due_on_time      INTEGER NOT NULL CHECK (due_on_time BETWEEN 0 AND due_orders),
  unpaid_amount    REAL NOT NULL CHECK (unpaid_amount >= 0),
  open_until       TEXT,
  PRIMARY KEY (account_id, month)
) STRICT, WITHOUT ROWID;

-- An account's orders with their payment terms, index only, for the payments of its open months (deleted_at is
-- listed so that the planner sees the index as covering; it is always NULL in it).
DROP INDEX orders_by_account;
CREATE INDEX orders_by_account ON orders (account_id, ordered_at, due_on, paid_on, amount_base, deleted_at) WHERE deleted_at IS NULL;

CREATE TABLE scoring_state (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
) STRICT;

-- The aggregates of the orders already in the book (the same statement as src-main/db/account-months.ts).
INSERT INTO account_months
SELECT account_id, substr(ordered_at, 1, 7), count(*), round(total(amount_base), 2),
  round(total(CASE WHEN cost_base IS NOT NULL THEN amount_base END), 2), round(total(cost_base), 2), round(total(quantity), 6),
  count(quantity), min(unit), max(unit), min(ordered_at), max(ordered_at), count(gap), total(gap), total(gap * gap),
  coalesce(group_concat(gap), ''), count(due_on), count(*) FILTER (WHERE paid_on <= due_on),
  round(total(amount_base) FILTER (WHERE due_on IS NOT NULL AND paid_on IS NULL), 2),
  max(max(coalesce(due_on, ''), CASE WHEN paid_on > due_on THEN paid_on ELSE '' END)) FILTER (WHERE due_on IS NOT NULL)
FROM (
  SELECT account_id, ordered_at, amount_base, cost_base, quantity, unit, due_on, paid_on,
    CAST(julianday(ordered_at) - julianday(lag(ordered_at) OVER (PARTITION BY account_id ORDER BY ordered_at, id)) AS INTEGER) AS gap
  FROM orders WHERE deleted_at IS NULL
)
GROUP BY account_id, substr(ordered_at, 1, 7);

-- Months still open on an as-of date (an order due then or later, or paid late after it), and the months a window's
-- first day or the as-of date falls inside (their orders are read one by one). Built after the rows are in.
CREATE INDEX account_months_open ON account_months (open_until) WHERE open_until IS NOT NULL;
CREATE INDEX account_months_by_month ON account_months (month, last_day, first_day);

INSERT INTO scoring_state (key, value, updated_at) VALUES ('account_months',
  json_object('lastRowid', coalesce((SELECT max(rowid) FROM orders), 0), 'updatedAt', coalesce((SELECT max(updated_at) FROM orders), '')),
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
