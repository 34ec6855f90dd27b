ALTER TABLE certificates
ADD COLUMN issued_at timestamp DEFAULT '0000-00-00 00:00:00',
    ADD COLUMN not_before timestamp DEFAULT '0000-00-00 00:00:00',
    ADD COLUMN metadata JSON,
    ADD COLUMN sans JSON,
    ADD COLUMN common_name TEXT;
