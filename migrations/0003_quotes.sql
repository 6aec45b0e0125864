-- Quotes with every version kept (R8), items per version, validity strategies (R7), stages and spec questions.
CREATE TABLE quotes (
  id                    TEXT PRIMARY KEY,
  account_id            TEXT NOT NULL REFERENCES accounts (id),
  inquiry_id            TEXT REFERENCES inquiries (id),
  number                TEXT NOT NULL,
  currency              TEXT NOT NULL CHECK (length(currency) = 3),
  quote_date            TEXT NOT NULL,
  status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'won', 'lost', 'expired')),
  current_version       INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  validity_strategy     TEXT NOT NULL CHECK (validity_strategy IN ('fixed', 'fx', 'staged', 'periodic')),
  valid_days            INTEGER CHECK (valid_days > 0),
  fx_threshold_percent  REAL CHECK (fx_threshold_percent > 0),
  fx_rate_at_quote      REAL CHECK (fx_rate_at_quote > 0),
  season_name           TEXT,
  season_ends_on        TEXT,
  valid_through         TEXT,
  reconfirmed_at        TEXT,
  sent_at               TEXT,
  closed_at             TEXT,
  lost_reason           TEXT,
  lost_note             TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
) STRICT;
CREATE INDEX quotes_by_account ON quotes (account_id, quote_date) WHERE deleted_at IS NULL;
CREATE INDEX quotes_open ON quotes (status, valid_through) WHERE deleted_at IS NULL;
CREATE INDEX quotes_by_updated ON quotes (updated_at);

CREATE TABLE quote_versions (
  id              TEXT PRIMARY KEY,
  quote_id        TEXT NOT NULL REFERENCES quotes (id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  incoterm        TEXT,
  payment_terms   TEXT,
  lead_time_days  INTEGER CHECK (lead_time_days >= 0),
  terms           TEXT NOT NULL DEFAULT '',
  total           REAL NOT NULL CHECK (total >= 0),
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT,
  UNIQUE (quote_id, version)
) STRICT;

CREATE TABLE quote_items (
  id                TEXT PRIMARY KEY,
  quote_version_id  TEXT NOT NULL REFERENCES quote_versions (id),
  position          INTEGER NOT NULL CHECK (position >= 1),
  product           TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  quantity          REAL NOT NULL CHECK (quantity > 0),
  unit              TEXT NOT NULL,
  unit_price        REAL NOT NULL CHECK (unit_price >= 0),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  UNIQUE (quote_version_id, position)
) STRICT;

CREATE TABLE quote_stages (
  id             TEXT PRIMARY KEY,
  quote_id       TEXT NOT NULL REFERENCES quotes (id),
  position       INTEGER NOT NULL CHECK (position >= 1),
  name           TEXT NOT NULL,
  valid_through  TEXT NOT NULL,
  completed_at   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  UNIQUE (quote_id, position)
) STRICT;

CREATE TABLE quote_questions (
  id           TEXT PRIMARY KEY,
  quote_id     TEXT NOT NULL REFERENCES quotes (id),
  question     TEXT NOT NULL,
  answer       TEXT,
  asked_at     TEXT NOT NULL,
  answered_at  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
CREATE INDEX quote_questions_by_quote ON quote_questions (quote_id) WHERE deleted_at IS NULL;
