-- Stage I previews: what the anonymiser made of each upload (the bytes live in the data directory).

CREATE TABLE case_preview (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    organisation_id     VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    uploaded_by_user_id VARCHAR(36)  NOT NULL,
    case_id             VARCHAR(36)  REFERENCES triage_case (id),
    kind                VARCHAR(16)  NOT NULL,
    media_type          VARCHAR(64)  NOT NULL,
    size_bytes          BIGINT       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    report              VARCHAR(1000000) NOT NULL
);
CREATE INDEX case_preview_case ON case_preview (case_id);
