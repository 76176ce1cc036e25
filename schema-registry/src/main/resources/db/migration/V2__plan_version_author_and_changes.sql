-- Who saved each version and what it changed from the one before (a JSON list of changes). Works on
-- H2 and PostgreSQL. Versions saved before this migration have an unknown author and no changes.
ALTER TABLE tracking_plan_version ADD COLUMN author VARCHAR(200) DEFAULT 'unknown' NOT NULL;
ALTER TABLE tracking_plan_version ADD COLUMN changes VARCHAR(1000000) DEFAULT '[]' NOT NULL;
