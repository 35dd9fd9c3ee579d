-- Administration: an organisation's upload settings. A clinic whose DICOM network uploads are
-- switched off has its AE titles refused at association (C-ECHO and C-STORE alike).

ALTER TABLE organisation ADD COLUMN dicom_network_enabled BOOLEAN DEFAULT TRUE NOT NULL;
