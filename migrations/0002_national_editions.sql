-- The national system runs in editions (النسخة الأولى، الثانية، الثالثة …). Dates are ISO-8601 days.

CREATE TABLE editions (
  id {{ID}},
  number INTEGER NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  goals_ar TEXT NOT NULL DEFAULT '',
  goals_en TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  -- planning → open → closed
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX editions_year ON editions (year, id);
