-- Full-text search over account and contact names, e-mails and notes. The application writes each account's
-- document with CJK runs split into overlapping bigrams, so 华强 finds 深圳华强电子; Latin text is matched by
-- prefix with diacritics removed. Documents have stable integer ids (VACUUM may renumber implicit rowids) and
-- carry the account's name, so a search sorts its matches by name without looking up every matching account.
CREATE TABLE search_docs (
  doc         INTEGER PRIMARY KEY,
  account_id  TEXT NOT NULL UNIQUE REFERENCES accounts (id),
  name        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5 (
  names, emails, notes,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
