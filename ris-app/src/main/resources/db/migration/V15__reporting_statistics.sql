-- The workload dashboard's stage II figures: reports received in a period, versions signed or
-- second-read in a period.
CREATE INDEX consult_report_received ON consult_report (received_at);
CREATE INDEX report_version_signed ON report_version (signed_at);
CREATE INDEX report_version_second_read ON report_version (second_read_at);
