-- Trade-fair capture (issue 13 item 1).
-- Tags on an account (the fair's name, "distributor", …): a JSON array of short texts, shared like the other account
-- fields. Existing books: no tags on any account yet.
ALTER TABLE accounts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');

-- The photo of a buyer's business card, kept in the book (at most one per account, ≤ 10 MB, checked to be a JPEG,
-- PNG or WebP image before it is stored). Local to this book: share files carry records, not pictures (their
-- cells are capped far below a photo's size), and a backup carries the book whole.
CREATE TABLE card_photos (
  account_id  TEXT PRIMARY KEY REFERENCES accounts (id),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes       BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 10485760),
  added_at    TEXT NOT NULL
) STRICT;
