-- Indexes the national dataset (manzuma gen-data --scale national) showed missing. The first two were full reads
-- of a large table inside the daily notification scan's write transaction, where sign-ins waiting for the lock failed.

-- Digests are built from the notices created on each of the last seven days: without this every notice was
-- read (500,000 in the national dataset: 1.2 s a day, 8 s a scan).
CREATE INDEX notifications_created ON notifications (created_at);

-- "The coordinators of this entity and its parents" (notices for due plan actions, assignments) reads
-- memberships by organisation and role: with the role and user in the index, no membership row is read.
CREATE INDEX memberships_organization_role ON memberships (organization_id, role, user_id);
DROP INDEX memberships_organization;

-- The catalogue opens sorted by Arabic title, often filtered by status: without these a page of 50 practices
-- sorted all 20,000 (20-40 ms).
CREATE INDEX practices_title_ar ON practices (title_ar, id);
CREATE INDEX practices_status_title_ar ON practices (status, title_ar, id);
-- The plans list by status, most recently changed first; the research pipeline by status, newest first.
CREATE INDEX adoptions_status_updated ON adoptions (status, updated_at, id);
CREATE INDEX research_studies_status ON research_studies (status, id);
-- A practice owner's plans (the adoptions list's scope); the audit log filtered by kind of record, newest first
-- (without it a page sorted every matching entry: 4 s at 64 connections on 30,000 entries).
CREATE INDEX practices_owner ON practices (owner_id);
CREATE INDEX audit_log_resource_type ON audit_log (resource_type, seq);
