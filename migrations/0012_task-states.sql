-- The user's own state of a to-do, shared with the team (issue 11: "tasks' user-set fields"). The to-dos themselves
-- are derived: every book's scheduler makes them from the shared records, with the same `dedupe_key` in every book
-- (R1:inquiry:<id>, R6:order:<id>:<point>, …) but ids of its own. What a user did to one — done, snoozed,
-- rescheduled, undone — is kept here by that key, stamped per field like every shared record, and travels in share
-- files; each book applies it to its own task with the same key (now, or when its scheduler makes that task).
--
-- status         'done' (the user marked it done) or 'open' (undone)
-- done_at        when it was done (null when open)
-- due_at         the instant the user put it at (snooze, reschedule, or an undo's instant)
-- snoozed_until  the snooze/reschedule in force (null: the scheduler places it)
--
-- Existing books: every task a user closed (done, not closed by its source) or moved gets its state, stamped from
-- the task's `updated_at` and this book's site.
CREATE TABLE task_states (
  id             TEXT PRIMARY KEY CHECK (length(id) BETWEEN 4 AND 300),
  status         TEXT NOT NULL CHECK (status IN ('open', 'done')),
  done_at        TEXT,
  due_at         TEXT,
  snoozed_until  TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  row_stamp      TEXT NOT NULL DEFAULT '',
  field_stamps   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp     TEXT NOT NULL DEFAULT ''
) STRICT;

INSERT INTO task_states (id, status, done_at, due_at, snoozed_until, created_at, updated_at)
SELECT dedupe_key,
       CASE WHEN status = 'done' THEN 'done' ELSE 'open' END,
       CASE WHEN status = 'done' THEN done_at END,
       due_at,
       CASE WHEN status = 'open' THEN snoozed_until END,
       updated_at,
       updated_at
FROM tasks
WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL
  AND ((status = 'done' AND coalesce(json_extract(details, '$.closedBy'), '') <> 'source') OR (status = 'open' AND snoozed_until IS NOT NULL));
UPDATE task_states SET row_stamp =
  printf('%012x0000', CAST(round((coalesce(julianday(updated_at), 2440587.5) - 2440587.5) * 86400000) AS INTEGER)) || (SELECT site FROM sync_sites WHERE self = 1);
UPDATE task_states SET last_stamp = row_stamp;
CREATE INDEX task_states_by_stamp ON task_states (last_stamp);
