-- Identity, tenants and the audit chain. Portable SQL: runs on H2 2.x and PostgreSQL 13+.

CREATE TABLE organisation (
    id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL UNIQUE,
    kind VARCHAR(32)  NOT NULL
);

CREATE TABLE organisation_ae_title (
    organisation_id VARCHAR(36) NOT NULL REFERENCES organisation (id),
    ae_title        VARCHAR(16) NOT NULL UNIQUE
);

CREATE TABLE user_account (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    role            VARCHAR(32)  NOT NULL,
    organisation_id VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    enabled         BOOLEAN      NOT NULL
);

CREATE TABLE audit_record (
    sequence        BIGINT       NOT NULL PRIMARY KEY,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    organisation_id VARCHAR(36),
    action          VARCHAR(64)  NOT NULL,
    object_type     VARCHAR(64),
    object_id       VARCHAR(128),
    outcome         VARCHAR(16)  NOT NULL,
    previous_hash   VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_record_actor ON audit_record (actor);
CREATE INDEX audit_record_object ON audit_record (object_id);

CREATE TABLE audit_head (
    id            INTEGER     NOT NULL PRIMARY KEY,
    last_sequence BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
