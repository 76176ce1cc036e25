-- Project API keys: public ones for apps and web pages, secret ones for back ends. Only the SHA-256
-- of a key's text is kept (key_hash); the text is shown once, when the key is issued. Works on H2
-- and PostgreSQL.
CREATE TABLE project_api_key (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    project    VARCHAR(100) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    hint       VARCHAR(32)  NOT NULL,
    key_hash   CHAR(64)     NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    created_by VARCHAR(64),
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE UNIQUE INDEX project_api_key_hash ON project_api_key (key_hash);
CREATE INDEX project_api_key_project ON project_api_key (project, created_at);

-- The key of each project's keyed hash for properties of PII class HASH (HMAC-SHA256). Made once,
-- on first need, and never changed: hashed values stay joinable across collectors and over time.
CREATE TABLE project_pii_key (
    project    VARCHAR(100) NOT NULL PRIMARY KEY,
    hash_key   VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
