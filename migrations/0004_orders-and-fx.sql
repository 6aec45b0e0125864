-- Orders with lines, converted once to the base currency when stored; FX rates (base units per foreign unit).
CREATE TABLE fx_rates (
  id             TEXT PRIMARY KEY,
  currency       TEXT NOT NULL CHECK (length(currency) = 3),
  base_currency  TEXT NOT NULL CHECK (length(base_currency) = 3),
  rate_date      TEXT NOT NULL,
  rate           REAL NOT NULL CHECK (rate > 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
) STRICT;
CREATE UNIQUE INDEX fx_rates_by_day ON fx_rates (currency, base_currency, rate_date) WHERE deleted_at IS NULL;

CREATE TABLE orders (
  id            TEXT PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  quote_id      TEXT REFERENCES quotes (id),
  number        TEXT,
  ordered_at    TEXT NOT NULL,
  amount        REAL NOT NULL CHECK (amount >= 0),
  currency      TEXT NOT NULL CHECK (length(currency) = 3),
  fx_rate       REAL NOT NULL CHECK (fx_rate > 0),
  amount_base   REAL NOT NULL CHECK (amount_base >= 0),
  cost          REAL CHECK (cost >= 0),
  cost_base     REAL CHECK (cost_base >= 0),
  quantity      REAL CHECK (quantity > 0),
  unit          TEXT,
  due_on        TEXT,
  paid_on       TEXT,
  shipped_on    TEXT,
  delivered_on  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK ((quantity IS NULL) = (unit IS NULL)),
  CHECK ((cost IS NULL) = (cost_base IS NULL))
) STRICT;
CREATE INDEX orders_by_account ON orders (account_id, ordered_at) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_date ON orders (ordered_at) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_updated ON orders (updated_at);

CREATE TABLE order_lines (
  id          TEXT PRIMARY KEY,
  order_id    TEXT NOT NULL REFERENCES orders (id),
  position    INTEGER NOT NULL CHECK (position >= 1),
  product     TEXT NOT NULL,
  quantity    REAL NOT NULL CHECK (quantity > 0),
  unit        TEXT NOT NULL,
  unit_price  REAL NOT NULL CHECK (unit_price >= 0),
  amount      REAL NOT NULL CHECK (amount >= 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  UNIQUE (order_id, position)
) STRICT;
