-- The search index is derived data (DESIGN.md §6): every write that changes a searchable record appends
-- (doc_type, doc_id) here in its own transaction, and each server applies the rows after the last one its
-- index has seen (src/search/README.md, "keeping it current"). Rows older than 7 days are pruned.

CREATE TABLE search_outbox (
  -- Rising with every row: an index remembers the last id it applied and reads `id > mark ORDER BY id`,
  -- which the primary key serves.
  id {{ID}},
  -- "practice", "study", "event", "edition", "partnership", "adoption".
  doc_type TEXT NOT NULL,
  doc_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
-- The hourly prune deletes by age.
CREATE INDEX search_outbox_created ON search_outbox (created_at);
