-- AI quality monitoring: every AI result (both stages, every model) and the doctors' decisions it is
-- judged against. Numbers only: no text, no images, nothing about the patient.

CREATE TABLE ai_run (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    stage           VARCHAR(16)  NOT NULL,
    case_id         VARCHAR(36)  NOT NULL,
    organisation_id VARCHAR(36)  NOT NULL,
    model_id        VARCHAR(100),
    model_version   VARCHAR(50),
    kind            VARCHAR(32)  NOT NULL,
    defect          VARCHAR(32),
    probability     DOUBLE PRECISION,
    ct_class        VARCHAR(8),
    duration_ms     BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ai_run_created ON ai_run (created_at);
CREATE INDEX ai_run_case ON ai_run (case_id, stage);

CREATE TABLE ai_reference_decision (
    case_id     VARCHAR(36) NOT NULL,
    stage       VARCHAR(16) NOT NULL,
    positive    BOOLEAN     NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, stage)
);
