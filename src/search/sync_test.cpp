#include "search/sync.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/migrate.hpp"

namespace manzuma::search {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "manzuma-sync-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Note {
  std::int64_t id = 0;
  std::string title;
};
BOOST_DESCRIBE_STRUCT(Note, (), (id, title))

Document note_document(const Note& n) {
  Document d;
  d.type = "note";
  d.id = n.id;
  d.title_en = n.title;
  d.body = n.title;
  d.visibility.everyone = true;
  return d;
}

/// A database with the outbox (the real migration) and a table of notes, the source of documents "note".
class SyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Database::open("sqlite:" + (dir_.path() / "test.db").string(), 2);
    std::ifstream in(std::string(MANZUMA_SOURCE_DIR) + "/migrations/0010_search_outbox.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    db_->write([&](db::Session& s) {
      s.connection().execute_script(db::render_for(db::Dialect::sqlite, sql.str()));
      s.connection().execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
    });
  }

  std::unique_ptr<Indexer> indexer() {
    auto ix = std::make_unique<Indexer>(*db_, root());
    Source src;
    src.type = "note";
    src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
      auto n = s.query_one<Note>("SELECT id, title FROM notes WHERE id = ?", id);
      if (!n) return std::nullopt;
      return note_document(*n);
    };
    src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
      for (const auto& n : s.query<Note>("SELECT id, title FROM notes ORDER BY id")) emit(note_document(n));
    };
    ix->add_source(std::move(src));
    return ix;
  }

  /// Writes a note and enqueues it in one transaction, as an area's service does.
  void save(std::int64_t id, const std::string& title) {
    db_->write([&](db::Session& s) {
      s.exec("INSERT INTO notes (id, title) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title", id,
             title);
      enqueue(s, "note", id);
    });
  }
  void erase(std::int64_t id) {
    db_->write([&](db::Session& s) {
      s.exec("DELETE FROM notes WHERE id = ?", id);
      enqueue(s, "note", id);
    });
  }

  static std::vector<std::int64_t> ids(const Index& index, const std::string& text) {
    Query q;
    q.text = text;
    q.access.all = true;
    q.access.types = {"note"};
    q.facets = false;
    std::vector<std::int64_t> out;
    for (const auto& h : index.search(q).hits) out.push_back(h.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string current() const {
    std::ifstream in(root() / "current");
    std::string name;
    std::getline(in, name);
    return name;
  }

  fs::path root() const { return dir_.path() / "search"; }

  TempDir dir_;
  std::unique_ptr<db::Database> db_;
};

using Ids = std::vector<std::int64_t>;

TEST_F(SyncTest, TheFirstCatchUpBuildsTheIndexAndLaterOnesApplyTheOutbox) {
  save(1, "falcon report");
  auto ix = indexer();
  ix->catch_up();
  EXPECT_EQ(current(), "gen-1");
  EXPECT_EQ(ids(ix->index(), "falcon"), Ids{1});

  save(2, "falcon survey");
  save(1, "oryx report");
  EXPECT_EQ(ix->catch_up(), 2u);
  EXPECT_EQ(ids(ix->index(), "falcon"), Ids{2});
  EXPECT_EQ(ids(ix->index(), "oryx"), Ids{1});
  erase(2);
  ix->catch_up();
  EXPECT_EQ(ids(ix->index(), "falcon"), Ids{});
  EXPECT_EQ(ix->catch_up(), 0u);  // nothing new
}

TEST_F(SyncTest, AProcessRestartedAppliesOnlyWhatItHasNotSeen) {
  save(1, "falcon");
  {
    auto ix = indexer();
    ix->catch_up();
    save(2, "falcon");
    EXPECT_EQ(ix->catch_up(), 1u);
  }
  save(3, "falcon");
  auto again = indexer();
  // Another process (or the same after a restart) opens the same generation and applies the rest, no rebuild.
  again->catch_up();
  EXPECT_EQ(ids(again->index(), "falcon"), (Ids{1, 2, 3}));
  EXPECT_EQ(current(), "gen-1");
}

TEST_F(SyncTest, TheMarkWaitsBelowAnIdThatIsNotCommittedYet) {
  for (int i = 0; i < 8; ++i) save(1, "gnu");  // outbox rows 1..8
  auto ix = indexer();
  ix->catch_up();
  ix->catch_up();
  EXPECT_EQ(ix->index().metadata("outbox_mark"), "8");
  const auto now = core::iso8601(std::chrono::system_clock::now());
  // PostgreSQL may make rows 10 and 11 visible before row 9, whose transaction has not committed yet.
  db_->write([&](db::Session& s) {
    s.exec("INSERT INTO notes (id, title) VALUES (10, 'gazelle'), (11, 'gazelle'), (12, 'gazelle')");
    s.exec("INSERT INTO search_outbox (id, doc_type, doc_id, created_at) VALUES (10, 'note', 10, ?)", now);
    s.exec("INSERT INTO search_outbox (id, doc_type, doc_id, created_at) VALUES (11, 'note', 11, ?)", now);
  });
  EXPECT_EQ(ix->catch_up(), 2u);
  EXPECT_EQ(ids(ix->index(), "gazelle"), (Ids{10, 11}));  // applied at once, whatever the mark
  EXPECT_EQ(ix->index().metadata("outbox_mark"), "8");    // but the mark waits for row 9
  db_->write([&](db::Session& s) {
    s.exec("INSERT INTO search_outbox (id, doc_type, doc_id, created_at) VALUES (9, 'note', 12, ?)", now);
  });
  EXPECT_EQ(ix->catch_up(), 1u);  // rows 10 and 11 are not applied twice
  EXPECT_EQ(ids(ix->index(), "gazelle"), (Ids{10, 11, 12}));
  EXPECT_EQ(ix->index().metadata("outbox_mark"), "11");
}

TEST_F(SyncTest, OldOutboxRowsArePruned) {
  const auto old = core::iso8601(std::chrono::system_clock::now() - std::chrono::hours(24 * 8));
  db_->write([&](db::Session& s) {
    s.exec("INSERT INTO notes (id, title) VALUES (1, 'ibex')");
    s.exec("INSERT INTO search_outbox (doc_type, doc_id, created_at) VALUES ('note', 1, ?)", old);
  });
  save(2, "ibex");
  auto ix = indexer();
  ix->catch_up();
  EXPECT_EQ(ids(ix->index(), "ibex"), (Ids{1, 2}));
  EXPECT_EQ(db_->read([](db::Session& s) { return s.query<std::int64_t>("SELECT doc_id FROM search_outbox"); }),
            Ids{2});
}

TEST_F(SyncTest, AnIndexThatSleptPastTheRetentionIsRebuiltNotCaughtUp) {
  save(1, "lynx");
  {
    auto ix = indexer();
    ix->catch_up();
  }
  {
    // As if the process had been stopped for eight days: its index was last known current then.
    auto index = Index::open_writable(root() / "gen-1");
    index->set_metadata("outbox_current_at",
                        core::iso8601(std::chrono::system_clock::now() - std::chrono::hours(24 * 8)));
    index->commit();
  }
  // A change whose outbox row the prune has taken: only a rebuild finds it.
  db_->write([&](db::Session& s) { s.exec("UPDATE notes SET title = 'caracal' WHERE id = 1"); });
  auto ix = indexer();
  ix->catch_up();
  EXPECT_EQ(current(), "gen-2");
  EXPECT_EQ(ids(ix->index(), "caracal"), Ids{1});
  // The old generation is let go a few seconds after the switch (searches may still be reading it), at the
  // latest when the process ends; then nobody holds it and it is deleted.
  ix.reset();
  EXPECT_FALSE(fs::exists(root() / "gen-1"));
  EXPECT_TRUE(fs::exists(root() / "gen-2"));
}

TEST_F(SyncTest, ARebuildElsewhereIsPickedUpAndProgressIsReported) {
  save(1, "oryx");
  auto serving = indexer();
  serving->catch_up();
  save(2, "oryx");

  // `manzuma reindex` in another process: its own Indexer on the same root and database.
  std::vector<std::pair<std::size_t, std::size_t>> progress;
  auto tool = indexer();
  EXPECT_EQ(tool->rebuild([&](std::size_t done, std::size_t total) { progress.emplace_back(done, total); }), 2u);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), (std::pair<std::size_t, std::size_t>{2, 2}));
  EXPECT_EQ(current(), "gen-2");
  EXPECT_TRUE(fs::exists(root() / "gen-1"));  // the server still holds it

  save(3, "oryx");
  serving->catch_up();
  EXPECT_EQ(serving->index().metadata("outbox_mark").empty(), false);
  EXPECT_EQ(ids(serving->index(), "oryx"), (Ids{1, 2, 3}));
}

TEST_F(SyncTest, ASecondWriterOnTheSameIndexGetsAClearMessage) {
  auto first = indexer();
  first->catch_up();
  auto second = indexer();
  try {
    second->catch_up();
    FAIL() << "a second writer opened the index";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "index_locked");
    EXPECT_NE(e.message_en().find("another manzuma process"), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_en().find("--search-dir"), std::string::npos) << e.message_en();
  }
}

}  // namespace
}  // namespace manzuma::search
