-- Stage I workflow: who holds a case, the decision, the case chat and history, the duty roster.

ALTER TABLE triage_case ADD COLUMN claimed_by_user_id VARCHAR(36);
ALTER TABLE triage_case ADD COLUMN claimed_by_name VARCHAR(200);
ALTER TABLE triage_case ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE triage_case ADD COLUMN decline_reason VARCHAR(32);
ALTER TABLE triage_case ADD COLUMN decision_text VARCHAR(4000);
ALTER TABLE triage_case ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE triage_case ADD COLUMN decided_by_name VARCHAR(200);

CREATE TABLE case_message (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id        VARCHAR(36)   NOT NULL REFERENCES triage_case (id),
    author_user_id VARCHAR(36)   NOT NULL,
    author_name    VARCHAR(200)  NOT NULL,
    author_role    VARCHAR(16)   NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_message_case ON case_message (case_id, posted_at);

CREATE TABLE case_history (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)  NOT NULL REFERENCES triage_case (id),
    happened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user_id   VARCHAR(36)  NOT NULL,
    actor_name      VARCHAR(200) NOT NULL,
    action          VARCHAR(32)  NOT NULL,
    resulting_state VARCHAR(32)  NOT NULL,
    detail          VARCHAR(200)
);
CREATE INDEX case_history_case ON case_history (case_id, happened_at);

CREATE TABLE duty_shift (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    consultant_user_id VARCHAR(36)  NOT NULL,
    consultant_name    VARCHAR(200) NOT NULL,
    starts_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX duty_shift_consultant ON duty_shift (consultant_user_id, ends_at);
