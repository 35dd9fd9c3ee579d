-- One report per case and study (was: per study): the same study sent again for a later case of
-- the clinic is a new question and gets its own report.
DROP INDEX consult_report_study;
CREATE UNIQUE INDEX consult_report_case_study ON consult_report (case_id, study_instance_uid);
