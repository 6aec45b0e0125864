-- foreign_keys: off
-- Change tracking for team sharing (issue 11). Every shared record carries, per field, a change stamp: a hybrid
-- logical clock (12 hex digits of Unix ms, 4 of counter) followed by the site id of the book that wrote it (16 hex),
-- so text comparison picks the same winner for a field in every book. `row_stamp` is the stamp of the record's
-- creation and the default of every field; `field_stamps` (a JSON object, keys in alphabetical order) holds the
-- fields written later, each with its own stamp; `last_stamp` is the largest of them (indexed: a file of the changes
-- since a day reads only those rows). Deletes stay tombstones (`deleted_at` is a field like any other); an account a
-- user merged into another points to the survivor (`merged_into`).
--
-- The book's own site id is made here (a new book gets one at `init`, an existing one on upgrade), and every existing
-- row is stamped with its `updated_at` instant and this site. `sync_sites` also remembers, for each colleague's site,
-- the latest stamp merged from it (what a file from this book is known to contain).
--
-- quote_versions, quote_items, quote_stages and order_lines are rebuilt (foreign keys off for this file, checked
-- before it commits): their positions were unique among deleted rows too, so a colleague's concurrent revision of a
-- quote could not be kept beside ours as a tombstone; now only live rows must be unique.
CREATE TABLE sync_sites (
  site        TEXT PRIMARY KEY CHECK (length(site) = 16 AND site NOT GLOB '*[^0-9a-f]*'),
  self        INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
  last_stamp  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX sync_sites_self ON sync_sites (self) WHERE self = 1;
INSERT INTO sync_sites (site, self) VALUES (lower(hex(randomblob(8))), 1);

ALTER TABLE accounts ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE accounts ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE accounts SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE accounts SET last_stamp = row_stamp;
CREATE INDEX accounts_by_stamp ON accounts (last_stamp);

ALTER TABLE contacts ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE contacts ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE contacts SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE contacts SET last_stamp = row_stamp;
CREATE INDEX contacts_by_stamp ON contacts (last_stamp);

ALTER TABLE interactions ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE interactions ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE interactions ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE interactions SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE interactions SET last_stamp = row_stamp;
CREATE INDEX interactions_by_stamp ON interactions (last_stamp);

ALTER TABLE inquiries ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE inquiries ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE inquiries ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE inquiries SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE inquiries SET last_stamp = row_stamp;
CREATE INDEX inquiries_by_stamp ON inquiries (last_stamp);

ALTER TABLE quotes ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE quotes ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE quotes SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE quotes SET last_stamp = row_stamp;
CREATE INDEX quotes_by_stamp ON quotes (last_stamp);

ALTER TABLE quote_questions ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE quote_questions ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE quote_questions ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE quote_questions SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE quote_questions SET last_stamp = row_stamp;
CREATE INDEX quote_questions_by_stamp ON quote_questions (last_stamp);

ALTER TABLE fx_rates ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE fx_rates ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE fx_rates ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE fx_rates SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE fx_rates SET last_stamp = row_stamp;
CREATE INDEX fx_rates_by_stamp ON fx_rates (last_stamp);

ALTER TABLE orders ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE orders ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE orders SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE orders SET last_stamp = row_stamp;
CREATE INDEX orders_by_stamp ON orders (last_stamp);

ALTER TABLE complaints ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE complaints ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE complaints SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE complaints SET last_stamp = row_stamp;
CREATE INDEX complaints_by_stamp ON complaints (last_stamp);

ALTER TABLE calendar_overrides ADD COLUMN row_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE calendar_overrides ADD COLUMN field_stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object');
ALTER TABLE calendar_overrides ADD COLUMN last_stamp TEXT NOT NULL DEFAULT '';
UPDATE calendar_overrides SET row_stamp = 
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE calendar_overrides SET last_stamp = row_stamp;
CREATE INDEX calendar_overrides_by_stamp ON calendar_overrides (last_stamp);

ALTER TABLE accounts ADD COLUMN merged_into TEXT REFERENCES accounts (id);

CREATE TABLE quote_versions_new (
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
  row_stamp         TEXT NOT NULL DEFAULT '',
  field_stamps      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp        TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO quote_versions_new (id, quote_id, version, incoterm, payment_terms, lead_time_days, terms, total, note, created_at, updated_at, deleted_at, row_stamp, last_stamp)
SELECT id, quote_id, version, incoterm, payment_terms, lead_time_days, terms, total, note, created_at, updated_at, deleted_at,
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1),
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1)
FROM quote_versions;
DROP TABLE quote_versions;
ALTER TABLE quote_versions_new RENAME TO quote_versions;
CREATE UNIQUE INDEX quote_versions_by_position ON quote_versions (quote_id, version) WHERE deleted_at IS NULL;
CREATE INDEX quote_versions_by_stamp ON quote_versions (last_stamp);

CREATE TABLE quote_items_new (
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
  row_stamp         TEXT NOT NULL DEFAULT '',
  field_stamps      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp        TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO quote_items_new (id, quote_version_id, position, product, description, quantity, unit, unit_price, created_at, updated_at, deleted_at, row_stamp, last_stamp)
SELECT id, quote_version_id, position, product, description, quantity, unit, unit_price, created_at, updated_at, deleted_at,
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1),
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1)
FROM quote_items;
DROP TABLE quote_items;
ALTER TABLE quote_items_new RENAME TO quote_items;
CREATE UNIQUE INDEX quote_items_by_position ON quote_items (quote_version_id, position) WHERE deleted_at IS NULL;
CREATE INDEX quote_items_by_stamp ON quote_items (last_stamp);

CREATE TABLE quote_stages_new (
  id             TEXT PRIMARY KEY,
  quote_id       TEXT NOT NULL REFERENCES quotes (id),
  position       INTEGER NOT NULL CHECK (position >= 1),
  name           TEXT NOT NULL,
  valid_through  TEXT NOT NULL,
  completed_at   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  row_stamp         TEXT NOT NULL DEFAULT '',
  field_stamps      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp        TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO quote_stages_new (id, quote_id, position, name, valid_through, completed_at, created_at, updated_at, deleted_at, row_stamp, last_stamp)
SELECT id, quote_id, position, name, valid_through, completed_at, created_at, updated_at, deleted_at,
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1),
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1)
FROM quote_stages;
DROP TABLE quote_stages;
ALTER TABLE quote_stages_new RENAME TO quote_stages;
CREATE UNIQUE INDEX quote_stages_by_position ON quote_stages (quote_id, position) WHERE deleted_at IS NULL;
CREATE INDEX quote_stages_by_stamp ON quote_stages (last_stamp);

CREATE TABLE order_lines_new (
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
  row_stamp         TEXT NOT NULL DEFAULT '',
  field_stamps      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp        TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO order_lines_new (id, order_id, position, product, quantity, unit, unit_price, amount, created_at, updated_at, deleted_at, row_stamp, last_stamp)
SELECT id, order_id, position, product, quantity, unit, unit_price, amount, created_at, updated_at, deleted_at,
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1),
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1)
FROM order_lines;
DROP TABLE order_lines;
ALTER TABLE order_lines_new RENAME TO order_lines;
CREATE UNIQUE INDEX order_lines_by_position ON order_lines (order_id, position) WHERE deleted_at IS NULL;
CREATE INDEX order_lines_by_stamp ON order_lines (last_stamp);
