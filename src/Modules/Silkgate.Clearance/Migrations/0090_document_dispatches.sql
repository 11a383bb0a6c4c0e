-- What goes to customs for each declared document, written when the document arrives (built on the receiving thread)
-- and taken by the customs queue when its sale is ready; the row is deleted then, the queue holds the message.
CREATE TABLE clearance_document_dispatches (
  document_id BIGINT NOT NULL PRIMARY KEY,
  message_type TEXT NOT NULL,
  message_guid TEXT NOT NULL,
  message {{bytes}} NOT NULL
);

-- Never searched by the guid alone (idempotency looks up sender + guid, which has its own unique index); one random-key
-- index less for every message the writer stores.
DROP INDEX clearance_messages_guid;
