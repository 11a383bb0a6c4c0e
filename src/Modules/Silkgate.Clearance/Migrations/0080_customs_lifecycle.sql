-- Customs lifecycle: the customs status of each document, its receipts (history for the timeline), links between
-- documents (cancellations and returns to their list, logistics documents to lists and waybills), tax bills and
-- summary results.
ALTER TABLE clearance_documents ADD COLUMN customs_status BIGINT NULL;
ALTER TABLE clearance_documents ADD COLUMN customs_status_time TEXT NULL;
ALTER TABLE clearance_documents ADD COLUMN customs_info TEXT NULL;
ALTER TABLE clearance_documents ADD COLUMN pre_no TEXT NULL;
ALTER TABLE clearance_documents ADD COLUMN customs_no TEXT NULL;
ALTER TABLE clearance_documents ADD COLUMN released_at BIGINT NULL;
CREATE INDEX ix_clearance_documents_guid ON clearance_documents (document_guid);
CREATE INDEX ix_clearance_documents_invt ON clearance_documents (direction, invt_no);
CREATE INDEX ix_clearance_documents_cop ON clearance_documents (direction, cop_no);
CREATE INDEX ix_clearance_documents_pre ON clearance_documents (pre_no);

-- Every customs receipt applied to a document; a redelivered receipt (same type, status and time) is one row.
CREATE TABLE clearance_document_receipts (
  id {{id}},
  document_id BIGINT NOT NULL,
  receipt_type TEXT NOT NULL,
  return_status TEXT NOT NULL,
  return_time TEXT NOT NULL,
  return_info TEXT NOT NULL,
  status_before TEXT NOT NULL,
  status_after TEXT NOT NULL,
  moved BIGINT NOT NULL,
  relay_id BIGINT NULL,
  received_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_document_receipts ON clearance_document_receipts (document_id, receipt_type, return_status, return_time);

-- A document that refers to another: cancellation/return/tally -> list, arrival/departure/master waybill/delivery/status -> list or waybill.
CREATE TABLE clearance_document_links (
  id {{id}},
  document_id BIGINT NOT NULL,
  linked_document_id BIGINT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_document_links ON clearance_document_links (document_id, linked_document_id);
CREATE INDEX ix_clearance_document_links_linked ON clearance_document_links (linked_document_id);

-- Electronic tax bills (816) of import lists and their status (818: 1 generated, 2 summarised, 3 void).
CREATE TABLE clearance_tax_bills (
  id {{id}},
  tax_no TEXT NOT NULL,
  invt_no TEXT NOT NULL,
  list_document_id BIGINT NULL,
  customs_tax_units BIGINT NOT NULL,
  value_added_tax_units BIGINT NOT NULL,
  consumption_tax_units BIGINT NOT NULL,
  status TEXT NOT NULL,
  ent_duty_no TEXT NULL,
  assure_code TEXT NULL,
  return_time TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_tax_bills ON clearance_tax_bills (tax_no);
CREATE INDEX ix_clearance_tax_bills_invt ON clearance_tax_bills (invt_no);

-- Summary results (792): one row per resulting declaration, and the list items it took.
CREATE TABLE clearance_summary_results (
  id {{id}},
  decl_seq_no TEXT NOT NULL,
  sum_no TEXT NOT NULL,
  entry_id TEXT NULL,
  dec_state TEXT NOT NULL,
  customs_code TEXT NOT NULL,
  ebc_code TEXT NOT NULL,
  agent_code TEXT NOT NULL,
  op_date TEXT NOT NULL,
  application_document_id BIGINT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_summary_results ON clearance_summary_results (decl_seq_no);
CREATE INDEX ix_clearance_summary_results_sum ON clearance_summary_results (sum_no);

CREATE TABLE clearance_summary_result_items (
  id {{id}},
  result_id BIGINT NOT NULL,
  invt_no TEXT NOT NULL,
  gnum BIGINT NOT NULL,
  gseqno BIGINT NOT NULL,
  logistics_no TEXT NOT NULL,
  gcode TEXT NOT NULL,
  list_document_id BIGINT NULL
);
CREATE UNIQUE INDEX ux_clearance_summary_result_items ON clearance_summary_result_items (result_id, invt_no, gnum);
CREATE INDEX ix_clearance_summary_result_items_invt ON clearance_summary_result_items (invt_no);
