-- An instance is indexed once per upload session (key: session, SOP Instance UID) instead of once
-- overall: a clinic that sends the same study again for a later case must see it stored for that
-- case, not counted as duplicates of the first one and left with an empty study. Rows of one UID
-- name the same content-addressed file. Portable H2/PostgreSQL: a new table, copied, renamed.

CREATE TABLE stored_instance_by_session (
    sop_instance_uid    VARCHAR(64)  NOT NULL,
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
    stored_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (upload_session_id, sop_instance_uid)
);

INSERT INTO stored_instance_by_session (sop_instance_uid, upload_session_id, organisation_id, case_id,
        study_instance_uid, series_instance_uid, sop_class_uid, transfer_syntax_uid, patient_pseudonym, modality,
        series_number, instance_number, series_description, study_date, frame_count, content_sha256, size_bytes,
        storage_path, received_via, stored_at)
    SELECT sop_instance_uid, upload_session_id, organisation_id, case_id, study_instance_uid, series_instance_uid,
        sop_class_uid, transfer_syntax_uid, patient_pseudonym, modality, series_number, instance_number,
        series_description, study_date, frame_count, content_sha256, size_bytes, storage_path, received_via, stored_at
    FROM stored_instance;

DROP TABLE stored_instance;
ALTER TABLE stored_instance_by_session RENAME TO stored_instance;
CREATE INDEX stored_instance_study ON stored_instance (study_instance_uid, series_instance_uid);
CREATE INDEX stored_instance_sop ON stored_instance (sop_instance_uid);
