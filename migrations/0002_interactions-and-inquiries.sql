-- What happened with a buyer: messages, calls, visits; and the inquiries they sent (R1, R4, R16).
CREATE TABLE interactions (
  id            TEXT PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts (id),
  contact_id    TEXT REFERENCES contacts (id),
  kind          TEXT NOT NULL CHECK (kind IN ('email', 'call', 'meeting', 'message', 'visit', 'note')),
  channel       TEXT,
  direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  occurred_at   TEXT NOT NULL,
  subject       TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL DEFAULT '',
  awaits_reply  INTEGER NOT NULL DEFAULT 0 CHECK (awaits_reply IN (0, 1)),
  answered_at   TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX interactions_by_account ON interactions (account_id, occurred_at) WHERE deleted_at IS NULL;
CREATE INDEX interactions_by_updated ON interactions (updated_at);

CREATE TABLE inquiries (
  id              TEXT PRIMARY KEY,
  account_id      TEXT NOT NULL REFERENCES accounts (id),
  contact_id      TEXT REFERENCES contacts (id),
  source          TEXT NOT NULL CHECK (source IN ('website', 'email', 'marketplace', 'fair', 'referral', 'phone')),
  received_at     TEXT NOT NULL,
  subject         TEXT NOT NULL DEFAULT '',
  body            TEXT NOT NULL DEFAULT '',
  products        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(products) AND json_type(products) = 'array'),
  authenticity    INTEGER CHECK (authenticity BETWEEN 1 AND 5),
  urgency         INTEGER CHECK (urgency BETWEEN 1 AND 5),
  value           INTEGER CHECK (value BETWEEN 1 AND 5),
  first_reply_at  TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied', 'quoted', 'won', 'lost', 'closed')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
) STRICT;
CREATE INDEX inquiries_by_account ON inquiries (account_id, received_at) WHERE deleted_at IS NULL;
CREATE INDEX inquiries_open ON inquiries (received_at) WHERE deleted_at IS NULL AND first_reply_at IS NULL;
CREATE INDEX inquiries_by_updated ON inquiries (updated_at);
