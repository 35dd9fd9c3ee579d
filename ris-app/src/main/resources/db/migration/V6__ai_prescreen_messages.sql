-- Stage I: a chat message may carry a picture (the AI heat map, stored as a case preview).
ALTER TABLE case_message ADD COLUMN attachment_preview_id VARCHAR(36);
