-- Indexes the national dataset (manzuma gen-data --scale national) showed missing; each was a full read of a
-- large table inside the daily notification scan's write transaction, where sign-ins waiting for the lock failed.

-- Digests are built from the notices created on each of the last seven days: without this every notice was
-- read (500,000 in the national dataset: 1.2 s a day, 8 s a scan).
CREATE INDEX notifications_created ON notifications (created_at);

-- "The coordinators of this entity and its parents" (notices for due plan actions, assignments) reads
-- memberships by organisation and role: with the role and user in the index, no membership row is read.
CREATE INDEX memberships_organization_role ON memberships (organization_id, role, user_id);
DROP INDEX memberships_organization;
