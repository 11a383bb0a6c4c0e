-- People who sign in. username_key is the upper-cased (invariant culture) user name and carries the case-insensitive uniqueness.
CREATE TABLE identity_users (
    id {{id}},
    username TEXT NOT NULL,
    username_key TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    gov_role TEXT NULL,
    zone_code TEXT NULL,
    agency TEXT NULL,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NULL,
    created_at BIGINT NOT NULL,
    last_sign_in_at BIGINT NULL
);

CREATE UNIQUE INDEX identity_users_username_key ON identity_users (username_key);

-- Keys of enterprise systems. Only the public prefix and the SHA-256 of the secret are stored.
CREATE TABLE identity_api_keys (
    id {{id}},
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    enterprise_id BIGINT NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NULL,
    revoked_at BIGINT NULL
);

CREATE UNIQUE INDEX identity_api_keys_prefix ON identity_api_keys (prefix);
CREATE INDEX identity_api_keys_enterprise ON identity_api_keys (enterprise_id);

-- The audit log; written on its own connection so that entries survive the rollback of the work they describe.
CREATE TABLE identity_audit (
    id {{id}},
    at BIGINT NOT NULL,
    actor_user_id BIGINT NULL,
    actor_name TEXT NULL,
    actor_role TEXT NULL,
    actor_zone TEXT NULL,
    actor_enterprise_id BIGINT NULL,
    actor_api_key_id BIGINT NULL,
    client_address TEXT NULL,
    action TEXT NOT NULL,
    subject TEXT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NULL
);

CREATE INDEX identity_audit_at ON identity_audit (at);
CREATE INDEX identity_audit_zone_at ON identity_audit (actor_zone, at);
