-- The practice catalogue: management practices contributed by organisations in an edition, with the
-- practice owner and a toolkit of attachments and links.

CREATE TABLE practices (
  id {{ID}},
  edition_id BIGINT NOT NULL REFERENCES editions (id),
  -- The contributing organisation (OQ, PDO, Omran, …) and the user who owns the practice there.
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  owner_id BIGINT REFERENCES users (id),
  category TEXT NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_ar TEXT NOT NULL DEFAULT '',
  summary_en TEXT NOT NULL DEFAULT '',
  benefits_ar TEXT NOT NULL DEFAULT '',
  benefits_en TEXT NOT NULL DEFAULT '',
  prerequisites_ar TEXT NOT NULL DEFAULT '',
  prerequisites_en TEXT NOT NULL DEFAULT '',
  -- draft → published → archived
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX practices_title_ar_per_edition ON practices (edition_id, title_ar);
CREATE INDEX practices_edition ON practices (edition_id, id);
CREATE INDEX practices_organization ON practices (organization_id);
CREATE INDEX practices_category ON practices (category, id);

-- A toolkit item is a file (attachment_id) or a link (url): guides, templates, training material.
CREATE TABLE practice_toolkit_items (
  id {{ID}},
  practice_id BIGINT NOT NULL REFERENCES practices (id),
  kind TEXT NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  attachment_id BIGINT REFERENCES attachments (id),
  url TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX practice_toolkit_items_practice ON practice_toolkit_items (practice_id, position);
