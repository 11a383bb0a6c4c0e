-- A declared document that was the only entity of a message received without an envelope goes to customs as exactly
-- those bytes. Its kept dispatch and its queue entry now refer to the stored message (clearance_messages.raw) by
-- message_id instead of holding a second and third copy of it: exactly one of message and message_id is set.
ALTER TABLE clearance_document_dispatches ALTER COLUMN message DROP NOT NULL;
ALTER TABLE clearance_document_dispatches ADD COLUMN message_id BIGINT NULL;
ALTER TABLE clearance_document_dispatches ADD CONSTRAINT ck_clearance_document_dispatches_message CHECK ((message IS NULL) <> (message_id IS NULL));

ALTER TABLE clearance_customs_queue ALTER COLUMN message DROP NOT NULL;
ALTER TABLE clearance_customs_queue ADD COLUMN message_id BIGINT NULL;
ALTER TABLE clearance_customs_queue ADD CONSTRAINT ck_clearance_customs_queue_message CHECK ((message IS NULL) <> (message_id IS NULL));

-- The queue's uniqueness moves from the guid alone to (document, guid): an entry is still never enqueued twice for the
-- same document, but a second document that carries a guid already queued is no longer dropped without a word (it was
-- marked sent all the same); customs answers for it. The index now grows at its end, as documents are numbered,
-- instead of at a random place for every entry.
DROP INDEX ux_clearance_customs_queue_guid;
CREATE UNIQUE INDEX ux_clearance_customs_queue_document_guid ON clearance_customs_queue (document_id, message_guid);
