-- Change portfolio and governance (S3, S6): each entity's change-management teams and change initiatives, the
-- impact on its stakeholder groups, ADKAR readiness surveys answered through anonymous links, stakeholders,
-- change plans, risks and challenges, and the governance gates the program office configures and reviews.
-- Dates are ISO-8601 days; months "YYYY-MM"; timestamps UTC ISO-8601 text; booleans 0/1.

-- Per-entity settings the program office keeps: the saturation capacity (the most change load, as a sum of
-- impact degrees, a stakeholder group can carry in one month) and whether the entity is one of the governance
-- project's entities (shown side by side in the national view). An entity without a row has the default.
CREATE TABLE change_entities (
  organization_id BIGINT PRIMARY KEY REFERENCES organizations (id),
  capacity INTEGER NOT NULL,
  governance_project INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);

-- The governance gates, in order (position 1, 2, ...): idea → plan approved → ready to launch → adopted →
-- sustained. An initiative reaches the next gate only through a review of that gate.
CREATE TABLE change_gates (
  id {{ID}},
  position INTEGER NOT NULL,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_ar TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX change_gates_position ON change_gates (position);

-- A gate's criteria: kind 'check' (a checklist item the reviewers tick) or 'evidence' (a document the entity must
-- attach before the gate can be passed). Never rewritten in place: new criteria retire the gate's current rows
-- (retired 1), which the reviews requested with them keep showing.
CREATE TABLE change_gate_criteria (
  id {{ID}},
  gate_id BIGINT NOT NULL REFERENCES change_gates (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text_ar TEXT NOT NULL,
  text_en TEXT NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX change_gate_criteria_gate ON change_gate_criteria (gate_id, position);

-- An entity's change-management team (فريق إدارة التغيير), its head, and the programs it serves.
CREATE TABLE change_teams (
  id {{ID}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  head_id BIGINT REFERENCES users (id),
  -- e.g. the Government Digital Transformation Program 2021–2025
  programs_ar TEXT NOT NULL DEFAULT '',
  programs_en TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_teams_organization ON change_teams (organization_id, id);

CREATE TABLE change_team_members (
  team_id BIGINT NOT NULL REFERENCES change_teams (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  -- the member's change-management training (e.g. "Prosci practitioner, 2025")
  training TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

-- An entity's stakeholder groups (e.g. "notaries", "customer-service staff in Muscat"). Groups belong to the
-- entity, not to one initiative, so the load of overlapping initiatives on a group can be summed (saturation).
CREATE TABLE change_groups (
  id {{ID}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  size INTEGER NOT NULL,
  location_ar TEXT NOT NULL DEFAULT '',
  location_en TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_groups_organization ON change_groups (organization_id, id);

CREATE TABLE change_initiatives (
  id {{ID}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  team_id BIGINT REFERENCES change_teams (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_ar TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  -- digital_service, system, restructuring, policy, process, other
  type TEXT NOT NULL,
  sponsor_ar TEXT NOT NULL DEFAULT '',
  sponsor_en TEXT NOT NULL DEFAULT '',
  -- the change-team head leading the initiative (a user of the entity)
  head_id BIGINT REFERENCES users (id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  -- the national program it serves and the program target it contributes to
  program_ar TEXT NOT NULL DEFAULT '',
  program_en TEXT NOT NULL DEFAULT '',
  program_target_ar TEXT NOT NULL DEFAULT '',
  program_target_en TEXT NOT NULL DEFAULT '',
  -- active, on_hold, completed, cancelled
  status TEXT NOT NULL,
  -- the gate the initiative has reached (the first gate when created)
  gate_id BIGINT NOT NULL REFERENCES change_gates (id),
  gate_reached_at TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_initiatives_organization ON change_initiatives (organization_id, id);
CREATE INDEX change_initiatives_gate ON change_initiatives (gate_id, id);
CREATE INDEX change_initiatives_status ON change_initiatives (status, id);

-- Impact assessment: the degree of impact 0–5 of an initiative on one of its entity's groups, per aspect.
CREATE TABLE change_impacts (
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  group_id BIGINT NOT NULL REFERENCES change_groups (id),
  processes INTEGER NOT NULL,
  systems INTEGER NOT NULL,
  tools INTEGER NOT NULL,
  job_roles INTEGER NOT NULL,
  behaviours INTEGER NOT NULL,
  mindset INTEGER NOT NULL,
  reporting INTEGER NOT NULL,
  performance INTEGER NOT NULL,
  compensation INTEGER NOT NULL,
  location INTEGER NOT NULL,
  -- the sum of the ten degrees (0–50), kept so saturation sums one column
  total INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (initiative_id, group_id)
);
CREATE INDEX change_impacts_group ON change_impacts (group_id);

-- ADKAR readiness surveys: one per initiative and round, for some of the initiative's groups.
CREATE TABLE change_surveys (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  round INTEGER NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  opens_on TEXT NOT NULL,
  closes_on TEXT NOT NULL,
  -- open, closed
  status TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX change_surveys_round ON change_surveys (initiative_id, round);

-- A survey link: one per respondent, answered once without an account. Only the SHA-256 of the token is kept.
-- The response does not name its link (anonymous by design); the link only records that it was used.
CREATE TABLE change_survey_links (
  id {{ID}},
  survey_id BIGINT NOT NULL REFERENCES change_surveys (id),
  group_id BIGINT NOT NULL REFERENCES change_groups (id),
  token_hash TEXT NOT NULL,
  used INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX change_survey_links_token ON change_survey_links (token_hash);
CREATE INDEX change_survey_links_survey ON change_survey_links (survey_id, group_id);

-- One anonymous answer: the five ADKAR elements 1–5. submitted_on is the day only.
CREATE TABLE change_survey_responses (
  id {{ID}},
  survey_id BIGINT NOT NULL REFERENCES change_surveys (id),
  group_id BIGINT NOT NULL REFERENCES change_groups (id),
  awareness INTEGER NOT NULL,
  desire INTEGER NOT NULL,
  knowledge INTEGER NOT NULL,
  ability INTEGER NOT NULL,
  reinforcement INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  submitted_on TEXT NOT NULL
);
CREATE INDEX change_survey_responses_survey ON change_survey_responses (survey_id, group_id);

-- Running sums per survey and group, written in the response's transaction, so readiness reads never scan the
-- responses (1,000,000 at national scale).
CREATE TABLE change_survey_tallies (
  survey_id BIGINT NOT NULL REFERENCES change_surveys (id),
  group_id BIGINT NOT NULL REFERENCES change_groups (id),
  responses INTEGER NOT NULL,
  awareness INTEGER NOT NULL,
  desire INTEGER NOT NULL,
  knowledge INTEGER NOT NULL,
  ability INTEGER NOT NULL,
  reinforcement INTEGER NOT NULL,
  PRIMARY KEY (survey_id, group_id)
);

-- Stakeholders of an initiative by influence and support (1–5 each; support 1 = strong opposition, 3 = neutral,
-- 5 = champion). Sponsors carry their roadmap.
CREATE TABLE change_stakeholders (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  role_ar TEXT NOT NULL DEFAULT '',
  role_en TEXT NOT NULL DEFAULT '',
  influence INTEGER NOT NULL,
  support INTEGER NOT NULL,
  sponsor INTEGER NOT NULL DEFAULT 0,
  roadmap_ar TEXT NOT NULL DEFAULT '',
  roadmap_en TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_stakeholders_initiative ON change_stakeholders (initiative_id, id);

-- Change plans as actions: kind communication, sponsorship, coaching, training or resistance.
CREATE TABLE change_actions (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  kind TEXT NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  owner_id BIGINT REFERENCES users (id),
  starts_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  -- not_started, in_progress, done, cancelled
  status TEXT NOT NULL,
  done_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_actions_initiative ON change_actions (initiative_id, id);
CREATE INDEX change_actions_due ON change_actions (status, due_on);

CREATE TABLE change_risks (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  likelihood INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  owner_id BIGINT REFERENCES users (id),
  mitigation_ar TEXT NOT NULL DEFAULT '',
  mitigation_en TEXT NOT NULL DEFAULT '',
  -- open, mitigating, closed
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_risks_initiative ON change_risks (initiative_id, id);

-- Challenges raised by change teams: free text in the writer's language, later themed.
CREATE TABLE change_challenges (
  id {{ID}},
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  initiative_id BIGINT REFERENCES change_initiatives (id),
  body TEXT NOT NULL,
  -- resistance, skills, resources, technology, leadership, communication, process, other
  category TEXT NOT NULL,
  -- open, in_progress, resolved
  status TEXT NOT NULL,
  raised_by BIGINT NOT NULL REFERENCES users (id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX change_challenges_organization ON change_challenges (organization_id, id);

-- A review of an initiative at the next gate. Open until one of its reviewers decides: pass or pass with
-- conditions moves the initiative to the gate; hold keeps it where it is.
CREATE TABLE change_gate_reviews (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  gate_id BIGINT NOT NULL REFERENCES change_gates (id),
  -- open, decided
  status TEXT NOT NULL,
  -- pass, pass_with_conditions, hold (when decided)
  decision TEXT,
  conditions TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  requested_by BIGINT NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX change_gate_reviews_initiative ON change_gate_reviews (initiative_id, id);

CREATE TABLE change_gate_reviewers (
  review_id BIGINT NOT NULL REFERENCES change_gate_reviews (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (review_id, user_id)
);
CREATE INDEX change_gate_reviewers_user ON change_gate_reviewers (user_id);

-- A review's answer to each criterion of its gate: met or not, a note, and for evidence criteria the attachment.
CREATE TABLE change_gate_checks (
  review_id BIGINT NOT NULL REFERENCES change_gate_reviews (id),
  criterion_id BIGINT NOT NULL REFERENCES change_gate_criteria (id),
  met INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  attachment_id BIGINT REFERENCES attachments (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (review_id, criterion_id)
);

-- Every move between gates, forward (through a review) or backward (with the reason).
CREATE TABLE change_gate_moves (
  id {{ID}},
  initiative_id BIGINT NOT NULL REFERENCES change_initiatives (id),
  from_gate_id BIGINT NOT NULL REFERENCES change_gates (id),
  to_gate_id BIGINT NOT NULL REFERENCES change_gates (id),
  review_id BIGINT REFERENCES change_gate_reviews (id),
  reason TEXT NOT NULL DEFAULT '',
  moved_by BIGINT NOT NULL REFERENCES users (id),
  moved_at TEXT NOT NULL
);
CREATE INDEX change_gate_moves_initiative ON change_gate_moves (initiative_id, id);

-- The default gates and their criteria; the program office changes them in the app.
INSERT INTO change_gates (position, name_ar, name_en, description_ar, description_en, created_at, updated_at) VALUES
  (1, 'فكرة', 'Idea', 'المبادرة مسجلة ولها راعٍ ورئيس فريق تغيير', 'The initiative is registered with a sponsor and a change-team head', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (2, 'اعتماد الخطة', 'Plan approved', 'تقييم الأثر وخطة إدارة التغيير معتمدان', 'The impact assessment and the change plan are approved', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (3, 'الجاهزية للإطلاق', 'Ready to launch', 'الفئات المتأثرة جاهزة وفق قياس ADKAR', 'The affected groups are ready by the ADKAR measure', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (4, 'التبني', 'Adopted', 'التغيير مطبق والفئات تعمل وفقه', 'The change is in use and the groups work by it', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (5, 'الاستدامة', 'Sustained', 'التغيير مستدام ومعزز', 'The change is sustained and reinforced', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

INSERT INTO change_gate_criteria (gate_id, position, kind, text_ar, text_en) VALUES
  ((SELECT id FROM change_gates WHERE position = 2), 1, 'check', 'تقييم الأثر مكتمل لكل فئة متأثرة', 'The impact assessment covers every affected group'),
  ((SELECT id FROM change_gates WHERE position = 2), 2, 'check', 'خطط الاتصال والرعاية والتدريب محددة', 'Communication, sponsorship and training plans are set'),
  ((SELECT id FROM change_gates WHERE position = 2), 3, 'evidence', 'خطة إدارة التغيير المعتمدة', 'The approved change-management plan'),
  ((SELECT id FROM change_gates WHERE position = 3), 1, 'check', 'نقطة العائق في ADKAR معالجة لكل فئة', 'The ADKAR barrier point is addressed for every group'),
  ((SELECT id FROM change_gates WHERE position = 3), 2, 'check', 'المخاطر العالية لها خطط معالجة', 'High risks have mitigations'),
  ((SELECT id FROM change_gates WHERE position = 3), 3, 'evidence', 'نتائج قياس الجاهزية', 'The readiness survey results'),
  ((SELECT id FROM change_gates WHERE position = 4), 1, 'check', 'الفئات تستخدم النظام أو الإجراء الجديد', 'The groups use the new system or process'),
  ((SELECT id FROM change_gates WHERE position = 4), 2, 'evidence', 'تقرير التبني', 'The adoption report'),
  ((SELECT id FROM change_gates WHERE position = 5), 1, 'check', 'إجراءات التعزيز قائمة', 'Reinforcement measures are in place'),
  ((SELECT id FROM change_gates WHERE position = 5), 2, 'evidence', 'تقرير الاستدامة', 'The sustainment report');
