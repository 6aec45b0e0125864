-- Quote validity per version (R7, R8; issue 12 item 3): a revision may change the validity (more days, another
-- strategy, a new season or stage plan), and `quotes.diff` shows the change field by field. Each version keeps the
-- validity it was made with; the quote's own columns stay the current version's, which the scheduler reads.
--
-- validity_stages   the staged plan of that version, as JSON records [{"name", "validThrough"}] ('[]' otherwise)
--
-- Existing books: every version gets its quote's validity (the only one a quote could have had before), and a
-- staged quote's versions its live stages in order.
ALTER TABLE quote_versions ADD COLUMN validity_strategy TEXT CHECK (validity_strategy IN ('fixed', 'fx', 'staged', 'periodic'));
ALTER TABLE quote_versions ADD COLUMN valid_days INTEGER CHECK (valid_days > 0);
ALTER TABLE quote_versions ADD COLUMN fx_threshold_percent REAL CHECK (fx_threshold_percent > 0);
ALTER TABLE quote_versions ADD COLUMN season_name TEXT;
ALTER TABLE quote_versions ADD COLUMN season_ends_on TEXT;
ALTER TABLE quote_versions ADD COLUMN valid_through TEXT;
ALTER TABLE quote_versions ADD COLUMN validity_stages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(validity_stages) AND json_type(validity_stages) = 'array');

UPDATE quote_versions SET
  validity_strategy = (SELECT q.validity_strategy FROM quotes q WHERE q.id = quote_versions.quote_id),
  valid_days = (SELECT q.valid_days FROM quotes q WHERE q.id = quote_versions.quote_id),
  fx_threshold_percent = (SELECT q.fx_threshold_percent FROM quotes q WHERE q.id = quote_versions.quote_id),
  season_name = (SELECT q.season_name FROM quotes q WHERE q.id = quote_versions.quote_id),
  season_ends_on = (SELECT q.season_ends_on FROM quotes q WHERE q.id = quote_versions.quote_id),
  valid_through = (SELECT q.valid_through FROM quotes q WHERE q.id = quote_versions.quote_id),
  validity_stages = coalesce((
    SELECT json_group_array(json_object('name', s.name, 'validThrough', s.valid_through))
    FROM (SELECT name, valid_through FROM quote_stages WHERE quote_id = quote_versions.quote_id AND deleted_at IS NULL ORDER BY position) s
  ), '[]');
