-- Signing certificates an enterprise registered (its own signatures are verified against them) and keys it
-- deposited for the platform to sign on its behalf (sealed with AES-256-GCM under the platform master key).
CREATE TABLE clearance_signing_certificates (
  id {{id}},
  enterprise_id BIGINT NOT NULL,
  certificate_no TEXT NOT NULL,
  subject TEXT NOT NULL,
  issuer TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  not_before BIGINT NOT NULL,
  not_after BIGINT NOT NULL,
  thumbprint TEXT NOT NULL,
  certificate_der {{bytes}} NOT NULL,
  registered_by BIGINT NOT NULL,
  registered_by_name TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  revoked_by BIGINT NULL,
  revoked_by_name TEXT NULL,
  revoked_at BIGINT NULL,
  revoke_reason TEXT NULL
);
CREATE INDEX ix_clearance_signing_certificates_enterprise ON clearance_signing_certificates (enterprise_id);
-- A certificate is in force for at most one enterprise at a time.
CREATE UNIQUE INDEX ux_clearance_signing_certificates_active ON clearance_signing_certificates (thumbprint) WHERE revoked_at IS NULL;

CREATE TABLE clearance_signing_keys (
  id {{id}},
  enterprise_id BIGINT NOT NULL,
  certificate_no TEXT NOT NULL,
  subject TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  not_before BIGINT NOT NULL,
  not_after BIGINT NOT NULL,
  thumbprint TEXT NOT NULL,
  certificate_der {{bytes}} NOT NULL,
  -- nonce (12 bytes) || ciphertext of the PKCS#8 private key || tag (16 bytes); emptied when withdrawn.
  sealed_key {{bytes}} NOT NULL,
  -- First 8 bytes of SHA-256 of the master key, hex: tells a wrong master key from damaged data.
  master_key_id TEXT NOT NULL,
  deposited_by BIGINT NOT NULL,
  deposited_by_name TEXT NOT NULL,
  deposited_at BIGINT NOT NULL,
  withdrawn_by BIGINT NULL,
  withdrawn_by_name TEXT NULL,
  withdrawn_at BIGINT NULL
);
CREATE INDEX ix_clearance_signing_keys_enterprise ON clearance_signing_keys (enterprise_id);
CREATE UNIQUE INDEX ux_clearance_signing_keys_active ON clearance_signing_keys (enterprise_id, thumbprint) WHERE withdrawn_at IS NULL;
