-- Platform core: organisations, users, roles, sessions, API tokens, login throttling, the audit chain,
-- attachments. Portable SQL: {{ID}} is the auto-increment key of each dialect; booleans are 0/1
-- integers; timestamps are UTC ISO-8601 text (see docs/adr/0002-database-access.md).

CREATE TABLE organizations (
  id {{ID}},
  kind TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  parent_id BIGINT REFERENCES organizations (id),
  -- Materialised path of ids, "/1/7/12/": subtree checks and listings are one indexed prefix match.
  path TEXT NOT NULL,
  governorate_id BIGINT REFERENCES organizations (id),
  country TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organizations_name_ar_per_parent ON organizations (COALESCE(parent_id, 0), name_ar);
CREATE UNIQUE INDEX organizations_name_en_per_parent ON organizations (COALESCE(parent_id, 0), name_en);
CREATE INDEX organizations_path ON organizations (path);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_name_ar ON organizations (name_ar, id);
CREATE INDEX organizations_name_en ON organizations (name_en, id);

CREATE TABLE users (
  id {{ID}},
  email TEXT NOT NULL UNIQUE,
  name_ar TEXT NOT NULL,
  name_en TEXT NOT NULL,
  national_id TEXT UNIQUE,
  locale TEXT NOT NULL DEFAULT 'ar',
  calendar TEXT NOT NULL DEFAULT 'gregorian',
  digits TEXT NOT NULL DEFAULT 'arab',
  password_hash TEXT,
  password_changed_at TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_name_ar ON users (name_ar, id);
CREATE INDEX users_name_en ON users (name_en, id);

CREATE TABLE memberships (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, organization_id, role)
);
CREATE INDEX memberships_organization ON memberships (organization_id);

CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins per account and per address, for growing back-off. Lives in the database so every
-- instance behind a load balancer sees the same counts.
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

-- The audit chain: each row's hash covers the previous hash and the row itself. audit_head holds the
-- latest sequence number and hash; updating it first serialises writers on both databases.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  organization_id BIGINT,
  request_id TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  changes TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE attachments (
  id {{ID}},
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  mime_type TEXT NOT NULL,
  filename TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_organization ON attachments (organization_id);
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- A POST carrying an Idempotency-Key is answered once; a retry with the same key gets the same answer.
CREATE TABLE idempotency_keys (
  idem_key TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  route TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (idem_key, user_id)
);
