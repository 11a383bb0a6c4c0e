-- A declared document that was the only entity of a message received without an envelope goes to customs as exactly
-- those bytes. Its kept dispatch and its queue entry now refer to the stored message (clearance_messages.raw) by
-- message_id instead of holding a second and third copy of it: exactly one of message and message_id is set.
-- SQLite cannot drop a NOT NULL constraint, so both tables are rebuilt; the dispatch table's key becomes the rowid
-- (one index less to write for every declared document).
-- The queue's uniqueness moves from the guid alone to (document, guid): an entry is still never enqueued twice for the
-- same document, but a second document that carries a guid already queued is no longer dropped without a word (it was
-- marked sent all the same); customs answers for it. The index now grows at its end, as documents are numbered,
-- instead of at a random place for every entry.
CREATE TABLE clearance_document_dispatches_rebuilt (
  document_id INTEGER NOT NULL PRIMARY KEY,
  message_type TEXT NOT NULL,
  message_guid TEXT NOT NULL,
  message {{bytes}} NULL,
  message_id BIGINT NULL,
  CHECK ((message IS NULL) <> (message_id IS NULL))
);
INSERT INTO clearance_document_dispatches_rebuilt (document_id, message_type, message_guid, message)
  SELECT document_id, message_type, message_guid, message FROM clearance_document_dispatches;
DROP TABLE clearance_document_dispatches;
ALTER TABLE clearance_document_dispatches_rebuilt RENAME TO clearance_document_dispatches;

CREATE TABLE clearance_customs_queue_rebuilt (
  id {{id}},
  document_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  zone_code TEXT NULL,
  message_type TEXT NOT NULL,
  message_guid TEXT NOT NULL,
  message {{bytes}} NULL,
  state TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NULL,
  enqueued_at BIGINT NOT NULL,
  sent_at BIGINT NULL,
  message_id BIGINT NULL,
  CHECK ((message IS NULL) <> (message_id IS NULL))
);
INSERT INTO clearance_customs_queue_rebuilt (id, document_id, enterprise_id, zone_code, message_type, message_guid, message, state, attempts,
    next_attempt_at, last_error, enqueued_at, sent_at)
  SELECT id, document_id, enterprise_id, zone_code, message_type, message_guid, message, state, attempts, next_attempt_at, last_error, enqueued_at,
    sent_at FROM clearance_customs_queue;
DROP TABLE clearance_customs_queue;
ALTER TABLE clearance_customs_queue_rebuilt RENAME TO clearance_customs_queue;
CREATE UNIQUE INDEX ux_clearance_customs_queue_document_guid ON clearance_customs_queue (document_id, message_guid);
CREATE INDEX ix_clearance_customs_queue_due ON clearance_customs_queue (state, next_attempt_at);
CREATE INDEX ix_clearance_customs_queue_zone ON clearance_customs_queue (zone_code, state);
