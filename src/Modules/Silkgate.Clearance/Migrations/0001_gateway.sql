-- CEB gateway: the raw message store with its evidence chain, the receipts feed and the outbox.
CREATE TABLE clearance_messages (
  id {{id}},
  seq BIGINT NOT NULL UNIQUE,
  received_at BIGINT NOT NULL,
  sender_enterprise_id BIGINT NOT NULL,
  api_key_id BIGINT NULL,
  channel TEXT NOT NULL,
  message_guid TEXT NULL,
  message_type TEXT NOT NULL,
  cop_msg_id TEXT NULL,
  size_bytes BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  chain_hash TEXT NOT NULL,
  raw {{bytes}} NOT NULL
);

-- Idempotency: one answered message per sender and guid; a replay finds it here.
CREATE UNIQUE INDEX clearance_messages_sender_guid ON clearance_messages (sender_enterprise_id, message_guid)
  WHERE outcome = 'Answered' AND message_guid IS NOT NULL;
CREATE INDEX clearance_messages_guid ON clearance_messages (message_guid);

CREATE TABLE clearance_receipts (
  id {{id}},
  enterprise_id BIGINT NOT NULL,
  message_id BIGINT NOT NULL REFERENCES clearance_messages (id),
  message_guid TEXT NULL,
  receipt_type TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  receipt_bytes {{bytes}} NOT NULL
);

CREATE INDEX clearance_receipts_enterprise ON clearance_receipts (enterprise_id, id);
CREATE INDEX clearance_receipts_message ON clearance_receipts (message_id);

CREATE TABLE clearance_outbox (
  id {{id}},
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  dispatched_at BIGINT NULL
);

CREATE INDEX clearance_outbox_pending ON clearance_outbox (id) WHERE dispatched_at IS NULL;
