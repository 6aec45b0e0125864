-- R6 touch points: the scheduler's rebuild looks at the orders shipped or delivered recently (their latest of the
-- two dates, at or after a day). Without an index on that latest date it reads every order (a million rows in the
-- 50,000-account book); the expression is the one the scheduler's query uses, so SQLite searches this index.
CREATE INDEX orders_by_latest_move ON orders (max(coalesce(delivered_on, ''), coalesce(shipped_on, '')));
