-- Receivables (回款, issue 12): payments received against an order, full or partial, each dated, in the order's
-- currency. A payment is a shared record (stamped per field like every other, shipped in share files); deleting
-- one (a correction) leaves a tombstone.
--
-- What the book derives from its payments, for each order (never shipped: every book computes the same from the
-- same payments; kept up to date by the triggers below, whatever writes a payment — a service, an import, a merge):
-- paid_amount      the live payments' total, in the order's currency
-- last_paid_on     the latest live payment's date
-- paid_in_full_on  the date the payments reached the order's amount (the running total in date order), else null
-- settled_on       when the order was settled: `paid_on` when the user set it (an order marked paid, an import's
--                  paid date), else `paid_in_full_on` — what the health score, the loyalty tier and the receivables
--                  read as "paid by"
-- Existing books: no payments, so every order's settled_on is its paid_on and every score reads as before.
CREATE TABLE payments (
  id            TEXT PRIMARY KEY,
  order_id      TEXT NOT NULL REFERENCES orders (id),
  paid_on       TEXT NOT NULL,
  amount        REAL NOT NULL CHECK (amount > 0),
  note          TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  row_stamp     TEXT NOT NULL DEFAULT '',
  field_stamps  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_stamps) AND json_type(field_stamps) = 'object'),
  last_stamp    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payments_by_order ON payments (order_id, paid_on) WHERE deleted_at IS NULL;
CREATE INDEX payments_by_updated ON payments (updated_at);
CREATE INDEX payments_by_stamp ON payments (last_stamp);

ALTER TABLE orders ADD COLUMN paid_amount REAL NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN last_paid_on TEXT;
ALTER TABLE orders ADD COLUMN paid_in_full_on TEXT;
ALTER TABLE orders ADD COLUMN settled_on TEXT GENERATED ALWAYS AS (coalesce(paid_on, paid_in_full_on)) VIRTUAL;
-- The receivables list: unsettled orders by due date.
CREATE INDEX orders_open_by_due ON orders (due_on) WHERE deleted_at IS NULL AND paid_on IS NULL AND paid_in_full_on IS NULL;

-- One statement recomputes an order's payment columns; each trigger runs it for the order a payment belongs to
-- (before and after an edit that moved it), and for an order whose amount changed.
CREATE TRIGGER payments_after_insert AFTER INSERT ON payments BEGIN
  UPDATE orders SET
    paid_amount = (SELECT round(total(p.amount), 2) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    last_paid_on = (SELECT max(p.paid_on) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    paid_in_full_on = (SELECT min(r.paid_on) FROM (SELECT p.paid_on, sum(p.amount) OVER (ORDER BY p.paid_on, p.id) AS run
      FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL) r WHERE r.run >= orders.amount - 0.005)
  WHERE id = NEW.order_id;
END;
CREATE TRIGGER payments_after_update AFTER UPDATE ON payments BEGIN
  UPDATE orders SET
    paid_amount = (SELECT round(total(p.amount), 2) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    last_paid_on = (SELECT max(p.paid_on) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    paid_in_full_on = (SELECT min(r.paid_on) FROM (SELECT p.paid_on, sum(p.amount) OVER (ORDER BY p.paid_on, p.id) AS run
      FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL) r WHERE r.run >= orders.amount - 0.005)
  WHERE id IN (NEW.order_id, OLD.order_id);
END;
CREATE TRIGGER payments_after_delete AFTER DELETE ON payments BEGIN
  UPDATE orders SET
    paid_amount = (SELECT round(total(p.amount), 2) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    last_paid_on = (SELECT max(p.paid_on) FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL),
    paid_in_full_on = (SELECT min(r.paid_on) FROM (SELECT p.paid_on, sum(p.amount) OVER (ORDER BY p.paid_on, p.id) AS run
      FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL) r WHERE r.run >= orders.amount - 0.005)
  WHERE id = OLD.order_id;
END;
CREATE TRIGGER orders_amount_paid AFTER UPDATE OF amount ON orders WHEN NEW.paid_amount > 0 BEGIN
  UPDATE orders SET
    paid_in_full_on = (SELECT min(r.paid_on) FROM (SELECT p.paid_on, sum(p.amount) OVER (ORDER BY p.paid_on, p.id) AS run
      FROM payments p WHERE p.order_id = orders.id AND p.deleted_at IS NULL) r WHERE r.run >= orders.amount - 0.005)
  WHERE id = NEW.id;
END;
