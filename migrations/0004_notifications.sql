-- In-app notices for one user each, and the daily digest built from them.

CREATE TABLE notifications (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- What happened, e.g. research.assigned, adoption.submitted, adoption.approved, action.due, action.overdue.
  kind TEXT NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_ar TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  -- The web app's path of the record ("/adoptions/12").
  link TEXT NOT NULL DEFAULT '',
  resource_type TEXT NOT NULL DEFAULT '',
  resource_id TEXT NOT NULL DEFAULT '',
  -- A notice with the same key for the same user is stored once (the daily due scan runs many times).
  dedupe_key TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);
