-- Stage I: triage cases and the live channel's stored events.

CREATE TABLE triage_case (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    organisation_id    VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    organisation_name  VARCHAR(200)  NOT NULL,
    question           VARCHAR(4000) NOT NULL,
    modality           VARCHAR(16)   NOT NULL,
    body_part          VARCHAR(16)   NOT NULL,
    state              VARCHAR(32)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id VARCHAR(36)   NOT NULL,
    created_by_name    VARCHAR(200)  NOT NULL
);
CREATE INDEX triage_case_organisation ON triage_case (organisation_id, created_at);

CREATE TABLE channel_event (
    sequence        BIGINT      NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(36) NOT NULL,
    type            VARCHAR(64) NOT NULL,
    case_id         VARCHAR(36) NOT NULL,
    payload         VARCHAR(1000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX channel_event_organisation ON channel_event (organisation_id, sequence);

CREATE TABLE channel_sequence (
    id            INTEGER NOT NULL PRIMARY KEY,
    last_sequence BIGINT  NOT NULL
);
INSERT INTO channel_sequence (id, last_sequence) VALUES (1, 0);
