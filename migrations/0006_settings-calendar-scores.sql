-- Settings (JSON values), the user's holiday/workday overrides, health reviews (R13) and score snapshots.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_overrides (
  id          TEXT PRIMARY KEY,
  country     TEXT NOT NULL CHECK (length(country) = 2),
  day         TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX calendar_overrides_by_day ON calendar_overrides (country, day) WHERE deleted_at IS NULL;

CREATE TABLE health_reviews (
  id           TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES accounts (id),
  due_at       TEXT NOT NULL,
  reviewed_at  TEXT,
  score        REAL CHECK (score BETWEEN 0 AND 100),
  indicators   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(indicators)),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
CREATE INDEX health_reviews_by_account ON health_reviews (account_id, due_at) WHERE deleted_at IS NULL;

CREATE TABLE score_snapshots (
  id           TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES accounts (id),
  as_of        TEXT NOT NULL,
  recency      INTEGER CHECK (recency BETWEEN 1 AND 5),
  frequency    INTEGER CHECK (frequency BETWEEN 1 AND 5),
  monetary     INTEGER CHECK (monetary BETWEEN 1 AND 5),
  tier         TEXT,
  value_score  REAL CHECK (value_score BETWEEN 0 AND 100),
  parts        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parts)),
  quadrant     TEXT,
  loyalty      TEXT CHECK (loyalty IN ('A', 'B', 'C')),
  health       REAL CHECK (health BETWEEN 0 AND 100),
  churn_warning INTEGER NOT NULL DEFAULT 0 CHECK (churn_warning IN (0, 1)),
  computed_at  TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
CREATE UNIQUE INDEX score_snapshots_by_day ON score_snapshots (account_id, as_of) WHERE deleted_at IS NULL;
