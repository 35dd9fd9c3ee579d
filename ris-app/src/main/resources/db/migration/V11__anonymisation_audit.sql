-- The admin's anonymisation audit: one row per uploaded object (preview, chat image, study instance),
-- accepted or not, with the anonymiser's report (tags and actions, masked regions, verifier result;
-- never values) and the latest on-demand re-verification.

CREATE TABLE anonymisation_record (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    object_kind      VARCHAR(16)  NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    object_ref       VARCHAR(64),
    upload_ref       VARCHAR(36),
    case_id          VARCHAR(36),
    organisation_id  VARCHAR(36)  NOT NULL,
    actor            VARCHAR(100) NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    media_kind       VARCHAR(32),
    size_bytes       BIGINT       NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    reason_code      VARCHAR(40),
    reason           VARCHAR(500),
    report           VARCHAR(1000000),
    verified_at      TIMESTAMP WITH TIME ZONE,
    verified_by      VARCHAR(100),
    verified_passed  BOOLEAN,
    verified_summary VARCHAR(4000)
);
CREATE INDEX anonymisation_record_time ON anonymisation_record (received_at);
CREATE INDEX anonymisation_record_org ON anonymisation_record (organisation_id, received_at);
