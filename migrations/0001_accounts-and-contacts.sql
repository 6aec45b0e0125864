-- Accounts (the buyers) and their contacts. Text ULID ids, ISO-8601 UTC stamps, soft deletes.
CREATE TABLE accounts (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country          TEXT NOT NULL CHECK (length(country) = 2),
  time_zone        TEXT NOT NULL,
  city             TEXT,
  language         TEXT,
  currency         TEXT CHECK (currency IS NULL OR length(currency) = 3),
  source           TEXT,
  owner            TEXT,
  strategic_fit    INTEGER NOT NULL DEFAULT 3 CHECK (strategic_fit BETWEEN 1 AND 5),
  reputation       INTEGER NOT NULL DEFAULT 3 CHECK (reputation BETWEEN 1 AND 5),
  priority_channel INTEGER NOT NULL DEFAULT 0 CHECK (priority_channel IN (0, 1)),
  notes            TEXT NOT NULL DEFAULT '',
  review_anchor    TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT
) STRICT;
CREATE INDEX accounts_by_name ON accounts (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_country ON accounts (country) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_owner ON accounts (owner) WHERE deleted_at IS NULL;
CREATE INDEX accounts_by_updated ON accounts (updated_at);

CREATE TABLE contacts (
  id          TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts (id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  title       TEXT,
  emails      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(emails) AND json_type(emails) = 'array'),
  phones      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones) AND json_type(phones) = 'array'),
  whatsapp    TEXT,
  wechat      TEXT,
  is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;
CREATE INDEX contacts_by_account ON contacts (account_id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_updated ON contacts (updated_at);
