-- Stage II intake: one upload session per case whose full study was requested, and the index of
-- the de-identified instances stored under the data directory (the bytes are files, never rows).

CREATE TABLE upload_session (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id          VARCHAR(36)  NOT NULL UNIQUE,
    organisation_id  VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    state            VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_received_at TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    completed_by     VARCHAR(100),
    stored_count     INTEGER NOT NULL,
    duplicate_count  INTEGER NOT NULL,
    conflict_count   INTEGER NOT NULL,
    rejected_count   INTEGER NOT NULL,
    stored_bytes     BIGINT  NOT NULL,
    channels         VARCHAR(100) NOT NULL,
    version          BIGINT  NOT NULL
);
CREATE INDEX upload_session_open ON upload_session (organisation_id, state);

CREATE TABLE stored_instance (
    sop_instance_uid    VARCHAR(64)  NOT NULL PRIMARY KEY,
    upload_session_id   VARCHAR(36)  NOT NULL REFERENCES upload_session (id),
    organisation_id     VARCHAR(36)  NOT NULL,
    case_id             VARCHAR(36)  NOT NULL,
    study_instance_uid  VARCHAR(64)  NOT NULL,
    series_instance_uid VARCHAR(64)  NOT NULL,
    sop_class_uid       VARCHAR(64)  NOT NULL,
    transfer_syntax_uid VARCHAR(64)  NOT NULL,
    patient_pseudonym   VARCHAR(64),
    modality            VARCHAR(16),
    series_number       INTEGER,
    instance_number     INTEGER,
    series_description  VARCHAR(64),
    study_date          VARCHAR(8),
    frame_count         INTEGER NOT NULL,
    content_sha256      VARCHAR(64)  NOT NULL,
    size_bytes          BIGINT       NOT NULL,
    storage_path        VARCHAR(400) NOT NULL,
    received_via        VARCHAR(16)  NOT NULL,
    stored_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_instance_study ON stored_instance (study_instance_uid, series_instance_uid);
CREATE INDEX stored_instance_session ON stored_instance (upload_session_id);

-- What was refused, with the reason the sender saw (no content, no file names).
CREATE TABLE intake_rejection (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    upload_session_id VARCHAR(36)  NOT NULL REFERENCES upload_session (id),
    status            VARCHAR(16)  NOT NULL,
    reason_code       VARCHAR(40)  NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    sop_instance_uid  VARCHAR(64),
    received_via      VARCHAR(16)  NOT NULL,
    rejected_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intake_rejection_session ON intake_rejection (upload_session_id);
