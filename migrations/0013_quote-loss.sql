-- R9 lost deals: what the book knew when a quote was marked lost, and the recovery the user accepted.
--
-- lost_facts       the facts of the analysis, kept as they were at the loss (a JSON array of objects, each with its
--                  `id` — expired, fx_moved, unanswered, late_reply, many_versions, no_answer — and its numbers); the
--                  lost-reasons report counts them by reason. Existing quotes: none.
-- recovery_action  the recovery to-do: call, requote, answer_questions or send_certificates (null: declined)
-- recovery_due_at  when it is due (an instant at the buyer's morning, or the user's choice); set with the action
-- recovery_note    what to say or try
-- lost_reason (0003) is from now on one of price, spec_gap, certification, lead_time, payment_terms, fx, competitor,
-- no_reply, other (the service checks it; SQLite cannot add a CHECK to an existing column).
--
-- The scheduler makes the recovery to-do (rule R9) from these fields, like every rule's to-dos: it is derived, and
-- the fields travel in share files with the quote.
ALTER TABLE quotes ADD COLUMN lost_facts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lost_facts) AND json_type(lost_facts) = 'array');
ALTER TABLE quotes ADD COLUMN recovery_action TEXT CHECK (recovery_action IN ('call', 'requote', 'answer_questions', 'send_certificates'));
ALTER TABLE quotes ADD COLUMN recovery_due_at TEXT CHECK ((recovery_due_at IS NULL) = (recovery_action IS NULL));
ALTER TABLE quotes ADD COLUMN recovery_note TEXT;
CREATE INDEX quotes_lost_by_closed ON quotes (closed_at) WHERE status = 'lost' AND deleted_at IS NULL;
