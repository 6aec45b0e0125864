-- R7 FX-sensitive quotes: the flag the scheduler raises when the quote currency has moved more than the quote's
-- threshold against the base currency since the quote date (the instant, the rate it saw and the move in percent),
-- the validity cut that comes with it (`fx_cut_through`: the end of the buyer's next business day, a buyer-local
-- date, never later than `valid_through`), and the rate a re-confirmation accepted (`fx_reconfirmed_rate`; 0003's
-- `reconfirmed_at` records when). A re-confirmation clears the flag and the cut; later moves count from that rate.
ALTER TABLE quotes ADD COLUMN fx_flagged_at TEXT;
ALTER TABLE quotes ADD COLUMN fx_flag_rate REAL CHECK (fx_flag_rate > 0);
ALTER TABLE quotes ADD COLUMN fx_moved_percent REAL;
ALTER TABLE quotes ADD COLUMN fx_cut_through TEXT CHECK (fx_cut_through IS NULL OR fx_flagged_at IS NOT NULL);
ALTER TABLE quotes ADD COLUMN fx_reconfirmed_rate REAL CHECK (fx_reconfirmed_rate > 0);
