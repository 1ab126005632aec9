-- Memoranda of cooperation (مذكرات التعاون) between the program office's ministry and companies, civil
-- society and other entities: parties, dates, areas of cooperation and follow-up actions.

CREATE TABLE partnerships (
  id {{ID}},
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_ar TEXT NOT NULL DEFAULT '',
  summary_en TEXT NOT NULL DEFAULT '',
  -- ISO days; expires_on is signed_on + duration_months, kept as a column so lists sort and filter on it.
  signed_on TEXT NOT NULL,
  duration_months INTEGER NOT NULL,
  expires_on TEXT NOT NULL,
  -- draft → active → expired | terminated. An active MoU past its expiry reads as expired at once; the
  -- daily scan then stores 'expired' so that readers of this column (the dashboard) agree.
  status TEXT NOT NULL,
  -- The program office is told this many days before expiry.
  renewal_reminder_days INTEGER NOT NULL DEFAULT 60,
  terminated_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partnerships_expires ON partnerships (expires_on, id);
CREATE INDEX partnerships_status ON partnerships (status, id);

-- The organisations that signed (at least two).
CREATE TABLE partnership_parties (
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (partnership_id, organization_id)
);
CREATE INDEX partnership_parties_organization ON partnership_parties (organization_id);

-- Areas of cooperation, in both languages, in the order the memorandum lists them.
CREATE TABLE partnership_areas (
  id {{ID}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE INDEX partnership_areas_partnership ON partnership_areas (partnership_id, position);

-- Follow-up actions: open → done | cancelled (and back to open); an open action past its due day is overdue.
CREATE TABLE partnership_actions (
  id {{ID}},
  partnership_id BIGINT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  owner_id BIGINT NOT NULL REFERENCES users (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  completed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX partnership_actions_partnership ON partnership_actions (partnership_id, due_on);
CREATE INDEX partnership_actions_due ON partnership_actions (status, due_on);
CREATE INDEX partnership_actions_owner ON partnership_actions (owner_id);
