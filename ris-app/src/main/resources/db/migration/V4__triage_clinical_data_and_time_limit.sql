-- Stage I: the clinical data of a case, and when its overdue alert was raised.

ALTER TABLE triage_case ADD COLUMN temperature_c DOUBLE PRECISION;
ALTER TABLE triage_case ADD COLUMN respiratory_rate INTEGER;
ALTER TABLE triage_case ADD COLUMN spo2 INTEGER;
ALTER TABLE triage_case ADD COLUMN pao2_fio2 INTEGER;
ALTER TABLE triage_case ADD COLUMN days_since_onset INTEGER;
ALTER TABLE triage_case ADD COLUMN symptoms VARCHAR(200);
ALTER TABLE triage_case ADD COLUMN pcr_result VARCHAR(16);
ALTER TABLE triage_case ADD COLUMN epidemiological_contact BOOLEAN;
ALTER TABLE triage_case ADD COLUMN overdue_alerted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX triage_case_waiting ON triage_case (state, created_at);
