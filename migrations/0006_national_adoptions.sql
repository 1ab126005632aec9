-- Adoptions: a government entity adopts a practice in an edition with an applied implementation plan
-- (خطة تطبيقية): actions with owners, evidence and comments, milestones, and outcome indicators.
-- Dates are ISO-8601 days; timestamps UTC ISO-8601 text.

CREATE TABLE adoptions (
  id {{ID}},
  -- The edition the entity adopts in; the practice may come from an earlier edition (practice_edition_id).
  edition_id BIGINT NOT NULL REFERENCES editions (id),
  practice_id BIGINT NOT NULL REFERENCES practices (id),
  practice_edition_id BIGINT NOT NULL REFERENCES editions (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  objective_ar TEXT NOT NULL,
  objective_en TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  -- draft → submitted → approved → completed; submitted → draft (returned); any non-completed → withdrawn
  status TEXT NOT NULL,
  -- Why the program office returned it or why it was withdrawn (the last such reason).
  status_reason TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  approved_at TEXT,
  approved_by BIGINT REFERENCES users (id),
  completed_at TEXT,
  withdrawn_at TEXT,
  -- The last progress update of any action, milestone or indicator value (drives "stalled").
  last_progress_at TEXT,
  created_by BIGINT NOT NULL REFERENCES users (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- An entity adopts a practice once per edition.
CREATE UNIQUE INDEX adoptions_once_per_edition ON adoptions (edition_id, practice_id, organization_id);
CREATE INDEX adoptions_organization ON adoptions (organization_id, id);
CREATE INDEX adoptions_practice ON adoptions (practice_id, id);
CREATE INDEX adoptions_status ON adoptions (status, id);

CREATE TABLE plan_actions (
  id {{ID}},
  adoption_id BIGINT NOT NULL REFERENCES adoptions (id),
  -- A user of the adopting entity.
  owner_id BIGINT REFERENCES users (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  -- not_started, in_progress, done, blocked, cancelled
  status TEXT NOT NULL,
  percent_done INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_actions_adoption ON plan_actions (adoption_id, id);
CREATE INDEX plan_actions_due ON plan_actions (status, due_on);
CREATE INDEX plan_actions_owner ON plan_actions (owner_id);

-- Evidence: attachments uploaded under the adopting organisation, linked to an action.
CREATE TABLE plan_action_evidence (
  action_id BIGINT NOT NULL REFERENCES plan_actions (id),
  attachment_id BIGINT NOT NULL REFERENCES attachments (id),
  added_by BIGINT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (action_id, attachment_id)
);

CREATE TABLE plan_action_comments (
  id {{ID}},
  action_id BIGINT NOT NULL REFERENCES plan_actions (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_action_comments_action ON plan_action_comments (action_id, id);

CREATE TABLE plan_milestones (
  id {{ID}},
  adoption_id BIGINT NOT NULL REFERENCES adoptions (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  due_on TEXT NOT NULL,
  reached_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_milestones_adoption ON plan_milestones (adoption_id, due_on);

CREATE TABLE adoption_indicators (
  id {{ID}},
  adoption_id BIGINT NOT NULL REFERENCES adoptions (id),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  baseline DOUBLE PRECISION NOT NULL,
  target DOUBLE PRECISION NOT NULL,
  -- increase or decrease: which way is better
  direction TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX adoption_indicators_adoption ON adoption_indicators (adoption_id, id);

-- One actual value per indicator and period ("2026-03" or "2026-Q1"); recording a period again replaces it.
CREATE TABLE indicator_values (
  indicator_id BIGINT NOT NULL REFERENCES adoption_indicators (id),
  period TEXT NOT NULL,
  actual DOUBLE PRECISION NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (indicator_id, period)
);
