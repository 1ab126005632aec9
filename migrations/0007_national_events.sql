-- Forums (الملتقى), workshops and training of the national system: sessions, registrations, attendance, and
-- the number of people trained. Dates are ISO-8601 days, session times local HH:MM, booleans 0/1.

CREATE TABLE events (
  id {{ID}},
  -- Optional: some events belong to no edition.
  edition_id BIGINT REFERENCES editions (id),
  -- forum | workshop | training
  kind TEXT NOT NULL,
  -- planned → held | cancelled
  status TEXT NOT NULL,
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  place_ar TEXT NOT NULL DEFAULT '',
  place_en TEXT NOT NULL DEFAULT '',
  agenda_ar TEXT NOT NULL DEFAULT '',
  agenda_en TEXT NOT NULL DEFAULT '',
  -- Seats; NULL for no limit.
  capacity INTEGER,
  -- People trained as the organiser reported them where registrations were not kept ("95+ trained").
  trained_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX events_edition ON events (edition_id, id);
CREATE INDEX events_starts_on ON events (starts_on, id);
CREATE INDEX events_kind ON events (kind, id);

CREATE TABLE event_sessions (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events (id),
  title_ar TEXT NOT NULL,
  title_en TEXT NOT NULL,
  day TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT,
  speaker_ar TEXT NOT NULL DEFAULT '',
  speaker_en TEXT NOT NULL DEFAULT '',
  -- The catalogue practice the session presents, if any.
  practice_id BIGINT REFERENCES practices (id),
  created_at TEXT NOT NULL
);
CREATE INDEX event_sessions_event ON event_sessions (event_id, day, starts_at);
CREATE INDEX event_sessions_practice ON event_sessions (practice_id);

-- A user who registered themself (user_id set), or someone a national role entered by name and e-mail.
CREATE TABLE event_registrations (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events (id),
  user_id BIGINT REFERENCES users (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  organization TEXT NOT NULL DEFAULT '',
  attended INTEGER NOT NULL DEFAULT 0,
  registered_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  attendance_marked_at TEXT
);
CREATE UNIQUE INDEX event_registrations_email ON event_registrations (event_id, email);
CREATE INDEX event_registrations_user ON event_registrations (user_id);
