-- Research studies of an edition and their review: proposed → under_review → accepted → applied (turned
-- into a practice), or rejected with a reason.

CREATE TABLE research_studies (
  id {{ID}},
  edition_id BIGINT NOT NULL REFERENCES editions (id),
  -- The submitting organisation.
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  submitted_by BIGINT NOT NULL REFERENCES users (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  -- The authors as free text, one per line.
  authors TEXT NOT NULL DEFAULT '',
  abstract_ar TEXT NOT NULL DEFAULT '',
  abstract_en TEXT NOT NULL DEFAULT '',
  -- proposed → under_review → accepted → applied, or under_review → rejected
  status TEXT NOT NULL,
  -- Shown to the submitter when the study is rejected.
  decision_reason TEXT,
  decided_at TEXT,
  -- The practice the study was turned into (status applied).
  practice_id BIGINT REFERENCES practices (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX research_studies_edition ON research_studies (edition_id, id);
CREATE INDEX research_studies_organization ON research_studies (organization_id);
CREATE INDEX research_studies_practice ON research_studies (practice_id);

CREATE TABLE research_attachments (
  study_id BIGINT NOT NULL REFERENCES research_studies (id),
  attachment_id BIGINT NOT NULL REFERENCES attachments (id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (study_id, attachment_id)
);

-- Reviewers the program office assigned, and their recommendation once given.
CREATE TABLE research_reviewers (
  id {{ID}},
  study_id BIGINT NOT NULL REFERENCES research_studies (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  -- accept / revise / reject, null until the reviewer records one
  recommendation TEXT,
  comments TEXT NOT NULL DEFAULT '',
  assigned_at TEXT NOT NULL,
  recommended_at TEXT
);
CREATE UNIQUE INDEX research_reviewers_study_user ON research_reviewers (study_id, user_id);
CREATE INDEX research_reviewers_user ON research_reviewers (user_id);

-- The discussion thread of a study.
CREATE TABLE research_comments (
  id {{ID}},
  study_id BIGINT NOT NULL REFERENCES research_studies (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX research_comments_study ON research_comments (study_id, id);
