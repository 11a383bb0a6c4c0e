-- Every index of the hot tables starts with the number it is looked up by, and no two start alike. PostgreSQL plans a
-- statement of the writer's long-lived connection once, often while the table is still empty and has no statistics;
-- then every index whose first column the statement names looks equally cheap, and the one it happens to keep stays.
-- Seen: the document key lookup kept the (direction, cop_no) index and scanned every document of its direction, 718
-- index pages per lookup after 14,000 documents. Uniqueness does not depend on the order of the columns.
DROP INDEX ux_clearance_documents_key;
CREATE UNIQUE INDEX ux_clearance_documents_key ON clearance_documents (business_key, kind, direction);

-- Only documents that carry a customs number are indexed by it, which spares every other document three index entries.
DROP INDEX ix_clearance_documents_invt;
DROP INDEX ix_clearance_documents_cop;
DROP INDEX ix_clearance_documents_pre;
CREATE INDEX ix_clearance_documents_invt ON clearance_documents (invt_no, kind, direction) WHERE invt_no IS NOT NULL;
CREATE INDEX ix_clearance_documents_cop ON clearance_documents (cop_no, kind, direction) WHERE cop_no IS NOT NULL;
CREATE INDEX ix_clearance_documents_pre ON clearance_documents (pre_no) WHERE pre_no IS NOT NULL;

-- Logistics documents and returns find waybills and lists by logistics number; before, by scanning the key index.
CREATE INDEX ix_clearance_documents_logistics ON clearance_documents (logistics_no, kind, direction) WHERE logistics_no IS NOT NULL;

-- Sales: by order (unique) and by the logistics number their list names.
DROP INDEX ux_clearance_sales_order;
CREATE UNIQUE INDEX ux_clearance_sales_order ON clearance_sales (order_no, ebp_code, direction);
DROP INDEX ix_clearance_sales_logistics;
CREATE INDEX ix_clearance_sales_logistics ON clearance_sales (logistics_no, logistics_code, direction) WHERE logistics_no IS NOT NULL;
