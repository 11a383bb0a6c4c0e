-- A sale joins the documents of one order (direction + platform + order number).
CREATE TABLE clearance_sales (
  id {{id}},
  direction TEXT NOT NULL,
  ebp_code TEXT NOT NULL,
  order_no TEXT NOT NULL,
  mode TEXT NULL,
  state TEXT NOT NULL,
  missing TEXT NOT NULL,
  mismatch_count BIGINT NOT NULL,
  warned BIGINT NOT NULL,
  zone_code TEXT NULL,
  ebc_code TEXT NULL,
  logistics_code TEXT NULL,
  logistics_no TEXT NULL,
  pay_code TEXT NULL,
  agent_code TEXT NULL,
  waiting_since_at BIGINT NULL,
  matched_at BIGINT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_sales_order ON clearance_sales (direction, ebp_code, order_no);
CREATE INDEX ix_clearance_sales_logistics ON clearance_sales (direction, logistics_code, logistics_no);
CREATE INDEX ix_clearance_sales_waiting ON clearance_sales (state, warned, waiting_since_at);
CREATE INDEX ix_clearance_sales_created ON clearance_sales (created_at);

-- Each disagreeing field of a sale, as of its latest evaluation.
CREATE TABLE clearance_mismatches (
  id {{id}},
  sale_id BIGINT NOT NULL,
  check_name TEXT NOT NULL,
  field_path TEXT NOT NULL,
  value_a TEXT NULL,
  value_b TEXT NULL,
  kind_a TEXT NOT NULL,
  kind_b TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX ix_clearance_mismatches_sale ON clearance_mismatches (sale_id);
