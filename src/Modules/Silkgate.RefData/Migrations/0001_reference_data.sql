-- Administrators' additions and overrides of the shipped code tables. Rows are never updated: each change is a
-- new version; the effective one per (table_name, code) is the latest whose valid_from has passed.
CREATE TABLE refdata_code_overrides (
    id {{id}},
    table_name TEXT NOT NULL,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    extra TEXT NOT NULL,
    valid_from BIGINT NOT NULL,
    deleted BIGINT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);

CREATE INDEX ix_refdata_code_overrides_code ON refdata_code_overrides (table_name, code, valid_from);

-- HS codes per tariff year; a year is replaced as a whole by the importer.
CREATE TABLE refdata_hs_codes (
    tariff_year BIGINT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    unit1 TEXT NOT NULL,
    unit2 TEXT,
    elements TEXT NOT NULL,
    PRIMARY KEY (tariff_year, code)
);
