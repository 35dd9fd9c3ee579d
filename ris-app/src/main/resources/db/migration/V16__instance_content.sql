-- The one content a SOP Instance UID is stored with, across all upload sessions. The transaction that
-- indexes a UID's first copy inserts its row, so two receivers of different content under one UID
-- (two cases at the same moment) cannot both be indexed: the second insert fails and is judged again.
CREATE TABLE instance_content (
    sop_instance_uid VARCHAR(64) NOT NULL PRIMARY KEY,
    content_sha256   VARCHAR(64) NOT NULL
);

INSERT INTO instance_content (sop_instance_uid, content_sha256)
    SELECT sop_instance_uid, MIN(content_sha256) FROM stored_instance GROUP BY sop_instance_uid;
