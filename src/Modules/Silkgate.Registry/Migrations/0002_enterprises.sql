-- Enterprise registration (R1). A code is registered once per province among registrations that are not
-- rejected: a rejected registration does not block the code's rightful owner (and is checked again on resubmission).
CREATE TABLE registry_enterprises (
    id {{id}},
    province_code TEXT NOT NULL,
    uscc TEXT NOT NULL,
    customs_code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NULL,
    zone_code TEXT NOT NULL REFERENCES registry_zones (code),
    district_code TEXT NOT NULL REFERENCES registry_districts (code),
    park_id BIGINT NULL REFERENCES registry_parks (id),
    address TEXT NOT NULL,
    legal_representative TEXT NOT NULL,
    registered_capital BIGINT NULL,
    status TEXT NOT NULL,
    status_reason TEXT NULL,
    submitted_by BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_registry_enterprises_uscc ON registry_enterprises (province_code, uscc) WHERE status <> 'Rejected';
CREATE UNIQUE INDEX ux_registry_enterprises_customs_code ON registry_enterprises (province_code, customs_code) WHERE status <> 'Rejected';
CREATE INDEX ix_registry_enterprises_zone ON registry_enterprises (zone_code, status);
CREATE INDEX ix_registry_enterprises_uscc ON registry_enterprises (uscc);
CREATE INDEX ix_registry_enterprises_customs_code ON registry_enterprises (customs_code);

CREATE TABLE registry_enterprise_roles (
    enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    role TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, role)
);

CREATE TABLE registry_enterprise_contacts (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NULL,
    title TEXT NULL
);

CREATE INDEX ix_registry_enterprise_contacts_enterprise ON registry_enterprise_contacts (enterprise_id);

-- Every status change: who, when, why.
CREATE TABLE registry_status_history (
    id {{id}},
    enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NULL,
    actor_user_id BIGINT NOT NULL,
    actor_name TEXT NOT NULL,
    at BIGINT NOT NULL
);

CREATE INDEX ix_registry_status_history_enterprise ON registry_status_history (enterprise_id);

-- People who belong to an enterprise; one enterprise per account.
CREATE TABLE registry_members (
    user_id BIGINT PRIMARY KEY,
    enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    is_admin BIGINT NOT NULL,
    added_at BIGINT NOT NULL
);

CREATE INDEX ix_registry_members_enterprise ON registry_members (enterprise_id);
