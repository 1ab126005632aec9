-- The daily digest: one row per user per day that had notices, built by the notification scan the day
-- after (so the day is complete), and e-mailed when an SMTP server is configured.

CREATE TABLE notification_digests (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The UTC day the digest summarises.
  digest_on TEXT NOT NULL,
  notice_count INTEGER NOT NULL,
  -- JSON: [{"kind": "...", "count": n}] and [{"kind", "title_ar", "title_en", "link"}] of the day's notices.
  counts TEXT NOT NULL,
  items TEXT NOT NULL,
  summary_ar TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  created_at TEXT NOT NULL,
  emailed_at TEXT
);
CREATE UNIQUE INDEX notification_digests_day ON notification_digests (user_id, digest_on);
CREATE INDEX notification_digests_unsent ON notification_digests (emailed_at, id);
