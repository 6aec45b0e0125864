-- The to-do board without a row cap (issue 13 item 3). The board is read a page at a time in its own order (by due
-- time, then id, within overdue / today / upcoming), straight from one index that also holds what the board filters
-- and sorts on (the rule, the account for R4's priority channel; deleted_at too, which SQLite needs to see to read the
-- index alone): page 600 of 66,000 open to-dos costs what page 1 does, with no sort of the whole board per page. It
-- replaces the (status, due_at) index, of which it is an extension. The few accounts with the priority channel get
-- their own small index, as they go first in each group; and the rules present on the board (for its filter) are
-- found by skipping through an index by rule, one seek per rule rather than a scan of every open to-do.
DROP INDEX tasks_open_by_due;
CREATE INDEX tasks_open_by_due ON tasks (status, due_at, id, rule, account_id, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX accounts_priority_channel ON accounts (id) WHERE priority_channel = 1;
CREATE INDEX tasks_open_by_rule ON tasks (status, rule, deleted_at) WHERE deleted_at IS NULL;
