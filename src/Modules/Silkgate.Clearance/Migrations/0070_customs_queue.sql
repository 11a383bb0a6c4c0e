-- Customs transport: the durable queue towards customs and the receipts customs sent back.
CREATE TABLE clearance_customs_queue (
  id {{id}},
  document_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  zone_code TEXT NULL,
  message_type TEXT NOT NULL,
  message_guid TEXT NOT NULL,
  message {{bytes}} NOT NULL,
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NULL,
  enqueued_at BIGINT NOT NULL,
  sent_at BIGINT NULL
);

-- Customs deduplicates on the message guid; so does the queue.
CREATE UNIQUE INDEX ux_clearance_customs_queue_guid ON clearance_customs_queue (message_guid);
CREATE INDEX ix_clearance_customs_queue_due ON clearance_customs_queue (state, next_attempt_at);
CREATE INDEX ix_clearance_customs_queue_zone ON clearance_customs_queue (zone_code, state);

-- Every receipt taken from customs, once (dedup by the receipt's guid), as received (envelope included).
CREATE TABLE clearance_customs_receipts (
  id {{id}},
  receipt_guid TEXT NOT NULL,
  message_type TEXT NOT NULL,
  cop_msg_id TEXT NULL,
  sender_id TEXT NULL,
  received_at BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  raw {{bytes}} NOT NULL
);

CREATE UNIQUE INDEX ux_clearance_customs_receipts_guid ON clearance_customs_receipts (receipt_guid);
CREATE INDEX ix_clearance_customs_receipts_received ON clearance_customs_receipts (received_at);
