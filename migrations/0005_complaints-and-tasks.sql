-- Complaints graded A/B/C (R15) and the to-do board's tasks, which the scheduler owns.
CREATE TABLE complaints (
  id            TEXT PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  order_id      TEXT REFERENCES orders (id),
  grade         TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C')),
  subject       TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  opened_at     TEXT NOT NULL,
  responded_at  TEXT,
  resolved_at   TEXT,
  resolution    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX complaints_by_account ON complaints (account_id, opened_at) WHERE deleted_at IS NULL;
CREATE INDEX complaints_open ON complaints (opened_at) WHERE deleted_at IS NULL AND resolved_at IS NULL;

CREATE TABLE tasks (
  id             TEXT PRIMARY KEY,
  account_id     TEXT REFERENCES accounts (id),
  kind           TEXT NOT NULL,
  rule           TEXT,
  source_table   TEXT,
  source_id      TEXT,
  dedupe_key     TEXT,
  title          TEXT NOT NULL,
  details        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  due_at         TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed')),
  snoozed_until  TEXT,
  done_at        TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT
) STRICT;
CREATE UNIQUE INDEX tasks_by_dedupe_key ON tasks (dedupe_key) WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX tasks_open_by_due ON tasks (status, due_at) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_account ON tasks (account_id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_source ON tasks (source_table, source_id) WHERE deleted_at IS NULL;
