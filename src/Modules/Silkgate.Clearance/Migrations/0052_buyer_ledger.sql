-- Import buyers' yearly totals (buyer_key: keyed SHA-256 of the id number) and the list bookings that make them up.
CREATE TABLE clearance_buyer_ledger (
  buyer_key TEXT NOT NULL,
  year BIGINT NOT NULL,
  total_units BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (buyer_key, year)
);

CREATE TABLE clearance_buyer_ledger_entries (
  id {{id}},
  buyer_key TEXT NOT NULL,
  year BIGINT NOT NULL,
  list_document_id BIGINT NOT NULL,
  amount_units BIGINT NOT NULL,
  over_single_limit BIGINT NOT NULL,
  booked_at BIGINT NOT NULL,
  reversed_at BIGINT NULL,
  reversal_reason TEXT NULL
);
CREATE UNIQUE INDEX ux_clearance_buyer_ledger_entries_active ON clearance_buyer_ledger_entries (list_document_id) WHERE reversed_at IS NULL;
CREATE INDEX ix_clearance_buyer_ledger_entries_buyer ON clearance_buyer_ledger_entries (buyer_key, year);
