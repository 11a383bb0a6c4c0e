-- Index of business documents (one row per document key; the raw messages live in the gateway's evidence store).
CREATE TABLE clearance_documents (
  id {{id}},
  kind TEXT NOT NULL,
  direction TEXT NOT NULL,
  message_type BIGINT NOT NULL,
  document_guid TEXT NOT NULL,
  business_key TEXT NOT NULL,
  ebp_code TEXT NULL,
  ebc_code TEXT NULL,
  order_no TEXT NULL,
  logistics_code TEXT NULL,
  logistics_no TEXT NULL,
  cop_no TEXT NULL,
  invt_no TEXT NULL,
  sender_enterprise_id BIGINT NOT NULL,
  message_id BIGINT NOT NULL,
  app_type BIGINT NOT NULL,
  app_status BIGINT NOT NULL,
  app_time TEXT NOT NULL,
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  trade_mode TEXT NULL,
  order_type TEXT NULL,
  currency TEXT NULL,
  amount_units BIGINT NULL,
  buyer_key TEXT NULL,
  buyer_id_masked TEXT NULL,
  facts TEXT NOT NULL,
  sale_id BIGINT NULL,
  received_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_clearance_documents_key ON clearance_documents (direction, kind, business_key);
CREATE INDEX ix_clearance_documents_sale ON clearance_documents (sale_id);
CREATE INDEX ix_clearance_documents_sender ON clearance_documents (sender_enterprise_id, received_at);

-- Every accepted version of a document, for the sale's timeline.
CREATE TABLE clearance_document_versions (
  id {{id}},
  document_id BIGINT NOT NULL,
  version BIGINT NOT NULL,
  message_id BIGINT NOT NULL,
  message_type BIGINT NOT NULL,
  document_guid TEXT NOT NULL,
  app_type BIGINT NOT NULL,
  app_status BIGINT NOT NULL,
  app_time TEXT NOT NULL,
  status TEXT NOT NULL,
  sender_enterprise_id BIGINT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX ix_clearance_document_versions_document ON clearance_document_versions (document_id, version);
