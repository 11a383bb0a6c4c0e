-- Declaring-agent authorizations (委托申报): a principal enterprise lets an agent enterprise send CEB declarations
-- in its name. Validity is stored as instants: valid_from_at = 00:00 China Standard Time of the first day,
-- valid_until_at = 00:00 CST of the day AFTER the last day (exclusive), NULL = open-ended.
CREATE TABLE registry_agent_authorizations (
    id {{id}},
    principal_enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    agent_enterprise_id BIGINT NOT NULL REFERENCES registry_enterprises (id),
    all_types BIGINT NOT NULL,
    valid_from_at BIGINT NOT NULL,
    valid_until_at BIGINT NULL,
    note TEXT NULL,
    granted_by BIGINT NOT NULL,
    granted_by_name TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    revoked_by BIGINT NULL,
    revoked_by_name TEXT NULL,
    revoked_at BIGINT NULL,
    revoke_reason TEXT NULL,
    CHECK (principal_enterprise_id <> agent_enterprise_id)
);

-- The gateway's check goes from the principal (found by code) to its authorizations of one agent.
CREATE INDEX ix_registry_agent_authorizations_pair ON registry_agent_authorizations (principal_enterprise_id, agent_enterprise_id);
CREATE INDEX ix_registry_agent_authorizations_agent ON registry_agent_authorizations (agent_enterprise_id);

-- The CEB request message types (root names such as CEB621Message) of an authorization that does not cover all of them.
CREATE TABLE registry_agent_authorization_types (
    authorization_id BIGINT NOT NULL REFERENCES registry_agent_authorizations (id),
    message_type TEXT NOT NULL,
    PRIMARY KEY (authorization_id, message_type)
);
