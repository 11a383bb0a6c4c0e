-- The audit log is searched by subject (e.g. every entry about enterprise:42).
CREATE INDEX identity_audit_subject_at ON identity_audit (subject, at);
