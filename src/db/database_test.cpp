// The Database API as a repository sees it, run on SQLite always and on PostgreSQL when one is given
// (MANZUMA_TEST_PG_URL, or MANZUMA_TEST_PG_URL_FILE naming a file that holds it, as the CTest fixture does).

#include "db/database.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "db/migrate.hpp"

namespace manzuma::db {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

enum class Backend { sqlite, postgres };

/// The server to test on, if any. The file wins: CTest names the server it started there, and it must not be
/// overridden by a MANZUMA_TEST_PG_URL that happens to be exported in the developer's shell.
std::string postgres_url() {
  if (const char* file = std::getenv("MANZUMA_TEST_PG_URL_FILE"); file && *file) {
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    return url;
  }
  const char* url = std::getenv("MANZUMA_TEST_PG_URL");
  return url ? url : "";
}

std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static std::mutex mu;
  std::lock_guard lock(mu);
  return std::to_string(rng() % 1'000'000'000);
}

enum class Status { draft, active, archived };
BOOST_DESCRIBE_ENUM(Status, draft, active, archived)

struct Item {
  std::int64_t id = 0;
  std::int64_t count = 0;
  double ratio = 0;
  std::string title;
  std::optional<std::string> note;
  std::optional<std::int64_t> rank;
  Status status = Status::draft;
};
BOOST_DESCRIBE_STRUCT(Item, (), (id, count, ratio, title, note, rank, status))

struct Converted {
  std::int64_t yes = 0;
  std::int64_t no = 0;
  double num = 0;
  std::int64_t small = 0;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(Converted, (), (yes, no, num, small, total))

class DatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::postgres) {
      url_ = postgres_url();
      if (url_.empty())
        GTEST_SKIP() << "no PostgreSQL given: set MANZUMA_TEST_PG_URL (or MANZUMA_TEST_PG_URL_FILE) to run these";
    } else {
      dir_ = fs::temp_directory_path() / ("manzuma-db-test-" + random_suffix());
      fs::create_directories(dir_);
      // A file, not :memory:, so the pool really holds several connections.
      url_ = "sqlite:" + (dir_ / "test.db").string();
    }
    db_ = Database::open(url_, 8);
    // Unique per run: tests share one PostgreSQL database, and a crashed run may leave tables behind.
    suffix_ = "_" + random_suffix();
  }

  void TearDown() override {
    if (db_) {
      for (auto it = tables_.rbegin(); it != tables_.rend(); ++it)
        db_->read([&](Session& s) { s.connection().execute_script("DROP TABLE IF EXISTS " + *it); });
      db_.reset();
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  /// A table name unique to this test, dropped at its end (in reverse order of creation, for foreign keys).
  std::string table(std::string_view base) {
    std::string name = std::string(base) + suffix_;
    tables_.push_back(name);
    return name;
  }

  /// Runs DDL written with the portable {{ID}} token.
  void ddl(const std::string& sql) {
    db_->read([&](Session& s) { s.connection().execute_script(render_for(s.dialect(), sql)); });
  }

  std::string create_items() {
    const std::string t = table("items");
    ddl("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t +
        " (id {{ID}}, count BIGINT NOT NULL, ratio DOUBLE PRECISION NOT NULL, title TEXT NOT NULL, note TEXT,"
        " rank BIGINT, status TEXT NOT NULL)");
    return t;
  }

  std::int64_t count_rows(const std::string& t) {
    return db_->read([&](Session& s) { return *s.query_one<std::int64_t>("SELECT COUNT(*) FROM " + t); });
  }

  std::string url_;
  fs::path dir_;
  std::unique_ptr<Database> db_;
  std::string suffix_;
  std::vector<std::string> tables_;
};

core::Error expect_db_error(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const core::Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a core::Error";
  return core::Error::internal("none thrown");
}

TEST_P(DatabaseTest, TypedValuesRoundTripThroughDescribedStructs) {
  const std::string t = create_items();
  const std::string arabic = "منظومة التميّز الحكومي – «الإصدار ٢»";
  // Beyond 2^53: would come back changed if integers passed through a double anywhere.
  const std::int64_t big = 9'007'199'254'740'993;
  db_->write([&](Session& s) {
    const std::string insert =
        "INSERT INTO " + t + " (count, ratio, title, note, rank, status) VALUES (?, ?, ?, ?, ?, ?)";
    EXPECT_EQ(
        s.exec(insert, big, 0.1, arabic, std::optional<std::string>{}, std::optional<std::int64_t>{42}, Status::active),
        1);
    EXPECT_EQ(s.exec(insert, std::numeric_limits<std::int64_t>::min(), -1.5e300, std::string("plain"),
                     std::optional<std::string>{"ملاحظة"}, std::nullopt, Status::archived),
              1);
  });

  const auto items = db_->read([&](Session& s) {
    return s.query<Item>("SELECT id, count, ratio, title, note, rank, status FROM " + t + " ORDER BY id");
  });
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].count, big);
  EXPECT_EQ(items[0].ratio, 0.1);
  EXPECT_EQ(items[0].title, arabic);
  EXPECT_EQ(items[0].note, std::nullopt);
  EXPECT_EQ(items[0].rank, 42);
  EXPECT_EQ(items[0].status, Status::active);
  EXPECT_EQ(items[1].count, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(items[1].ratio, -1.5e300);
  EXPECT_EQ(items[1].note, "ملاحظة");
  EXPECT_EQ(items[1].rank, std::nullopt);
  EXPECT_EQ(items[1].status, Status::archived);
  EXPECT_LT(items[0].id, items[1].id);

  // Arabic text as a parameter finds its row; NULL reads back as monostate through the untyped path.
  const auto found =
      db_->read([&](Session& s) { return s.query_one<Value>("SELECT note FROM " + t + " WHERE title = ?", arabic); });
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(*found));
}

TEST_P(DatabaseTest, ColumnsConvertByTypeOnBothBackends) {
  const std::string t = create_items();
  db_->write([&](Session& s) {
    for (int i = 1; i <= 3; ++i)
      s.exec("INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, ?, ?, ?)", i, 0.5, "x", "draft");
  });
  const auto c = db_->read([&](Session& s) {
    return s.query_one<Converted>(
        "SELECT (1 = 1) AS yes, (1 = 2) AS no, CAST(2.5 AS NUMERIC) AS num,"
        " CAST(7 AS SMALLINT) AS small, (SELECT COUNT(*) FROM " +
        t + ") AS total");
  });
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->yes, 1);
  EXPECT_EQ(c->no, 0);
  EXPECT_EQ(c->num, 2.5);
  EXPECT_EQ(c->small, 7);
  EXPECT_EQ(c->total, 3);
  // Untyped values keep their kind too, so generic code (a Value written as JSON) sees numbers, not text.
  const auto raw = db_->read([&](Session& s) {
    return s.connection().execute("SELECT (1 = 1) AS yes, COUNT(*) AS n, MAX(ratio) AS r, MAX(note) AS z FROM " + t,
                                  {});
  });
  ASSERT_EQ(raw.rows.size(), 1u);
  EXPECT_EQ(raw.rows[0], (std::vector<Value>{std::int64_t{1}, std::int64_t{3}, 0.5, std::monostate{}}));
}

TEST_P(DatabaseTest, QueryOneOnNoRowsIsNullopt) {
  const std::string t = create_items();
  db_->read([&](Session& s) {
    EXPECT_EQ(s.query_one<Item>("SELECT id, count, ratio, title, note, rank, status FROM " + t + " WHERE id = ?", 1),
              std::nullopt);
    EXPECT_EQ(s.query_one<std::int64_t>("SELECT COUNT(*) FROM " + t), 0);
    EXPECT_TRUE(s.query<Item>("SELECT id, count, ratio, title, note, rank, status FROM " + t).empty());
  });
}

TEST_P(DatabaseTest, ExecReportsRowsChanged) {
  const std::string t = create_items();
  db_->write([&](Session& s) {
    for (int i = 1; i <= 5; ++i)
      EXPECT_EQ(s.exec("INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, 'x', 'draft')", i), 1);
    EXPECT_EQ(s.exec("UPDATE " + t + " SET title = ? WHERE count > ?", "y", 2), 3);
    EXPECT_EQ(s.exec("UPDATE " + t + " SET title = ? WHERE count > ?", "z", 100), 0);
    EXPECT_EQ(s.exec("DELETE FROM " + t + " WHERE count <= ?", 1), 1);
    // A read changes nothing, whatever the backend counts internally.
    EXPECT_EQ(s.exec("SELECT id FROM " + t), 0);
  });
  EXPECT_EQ(count_rows(t), 4);
}

// A list's total is remembered until the next write through the pool, whichever way that write goes.
TEST_P(DatabaseTest, ARememberedCountFollowsEveryWrite) {
  const std::string t = create_items();
  const std::string count_sql = "SELECT COUNT(*) FROM " + t + " WHERE status = ?";
  const auto total = [&] { return db_->read([&](Session& s) { return s.count(count_sql, {std::string("draft")}); }); };
  const auto insert = "INSERT INTO " + t + " (count, ratio, title, status) VALUES (1, 0, 'x', 'draft')";
  EXPECT_EQ(total(), 0);
  db_->write([&](Session& s) { s.exec(insert); });
  EXPECT_EQ(total(), 1);
  EXPECT_EQ(total(), 1);
  // A statement outside a transaction is a write too.
  db_->read([&](Session& s) { s.exec(insert); });
  EXPECT_EQ(total(), 2);
  // Inside a write transaction the count sees the transaction's own rows, and is not remembered.
  db_->write([&](Session& s) {
    s.exec(insert);
    EXPECT_EQ(s.count(count_sql, {std::string("draft")}), 3);
  });
  EXPECT_EQ(total(), 3);
  // A transaction that rolls back leaves the total as it was.
  EXPECT_THROW(db_->write([&](Session& s) {
    s.exec(insert);
    throw std::runtime_error("changed my mind");
  }),
               std::runtime_error);
  EXPECT_EQ(total(), 3);
  // Other parameters are another count.
  EXPECT_EQ(db_->read([&](Session& s) { return s.count(count_sql, {std::string("published")}); }), 0);
}

TEST_P(DatabaseTest, InsertReturningGivesTheNewId) {
  const std::string t = create_items();
  const auto [first, second] = db_->write([&](Session& s) {
    const std::string insert =
        "INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, ?, 'draft') RETURNING id";
    auto a = s.query_one<std::int64_t>(insert, 1, "first");
    auto b = s.query_one<std::int64_t>(insert, 2, "second");
    return std::pair{a.value(), b.value()};
  });
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
  const auto title = db_->read(
      [&](Session& s) { return s.query_one<std::string>("SELECT title FROM " + t + " WHERE id = ?", second); });
  EXPECT_EQ(title, "second");
}

TEST_P(DatabaseTest, WriteCommitsWhenTheFunctionReturnsAndRollsBackWhenItThrows) {
  const std::string t = create_items();
  const std::string insert = "INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, 'x', 'draft')";
  const int got = db_->write([&](Session& s) {
    s.exec(insert, 1);
    return 7;
  });
  EXPECT_EQ(got, 7);
  EXPECT_EQ(count_rows(t), 1);

  EXPECT_THROW(db_->write([&](Session& s) {
    s.exec(insert, 2);
    s.exec(insert, 3);
    throw std::runtime_error("the service said no");
  }),
               std::runtime_error);
  EXPECT_EQ(count_rows(t), 1);

  // A failing statement rolls back the statements before it in the same transaction.
  EXPECT_THROW(db_->write([&](Session& s) {
    s.exec(insert, 4);
    s.exec("INSERT INTO " + t + " (count) VALUES (?)", 5);  // NOT NULL columns missing
  }),
               core::Error);
  EXPECT_EQ(count_rows(t), 1);
}

TEST_P(DatabaseTest, AConnectionIsReusableAfterAFailedTransaction) {
  // One connection, so the next transaction must run on the very connection whose transaction failed.
  auto one = Database::open(url_, 1);
  const std::string t = create_items();
  const std::string insert = "INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, 'x', 'draft')";
  EXPECT_THROW(one->write([&](Session& s) { s.exec("SELECT no_such_column FROM " + t); }), core::Error);
  EXPECT_THROW(one->read([&](Session& s) { s.exec("SELECT no_such_column FROM " + t); }), core::Error);
  one->write([&](Session& s) { s.exec(insert, 1); });
  EXPECT_EQ(one->read([&](Session& s) { return *s.query_one<std::int64_t>("SELECT COUNT(*) FROM " + t); }), 1);
  EXPECT_EQ(one->stats().size, 1u);
}

TEST_P(DatabaseTest, ASwallowedErrorNeverReportsLostWritesAsSaved) {
  const std::string t = table("people");
  ddl("CREATE TABLE " + t + " (id {{ID}}, email TEXT NOT NULL UNIQUE)");
  const std::string insert = "INSERT INTO " + t + " (email) VALUES (?)";
  db_->write([&](Session& s) { s.exec(insert, "a@example.org"); });
  bool threw = false;
  try {
    db_->write([&](Session& s) {
      s.exec(insert, "b@example.org");
      try {
        s.exec(insert, "a@example.org");
      } catch (const core::Error&) {
        // a service that wrongly carries on
      }
    });
  } catch (const core::Error&) {
    threw = true;
  }
  // SQLite undoes only the failed statement; PostgreSQL aborts the whole transaction. Either is fine, as long as
  // write() does not return normally after dropping b@example.org.
  const auto b = count_rows(t) - 1;
  EXPECT_TRUE(threw ? b == 0 : b == 1) << "threw=" << threw << " rows with b=" << b;
}

TEST_P(DatabaseTest, UniqueViolationIsAConflictWithoutSqlInThePublicMessage) {
  const std::string t = table("users");
  ddl("CREATE TABLE " + t + " (id {{ID}}, email TEXT NOT NULL UNIQUE)");
  db_->write([&](Session& s) { s.exec("INSERT INTO " + t + " (email) VALUES (?)", "a@example.org"); });
  const auto e = expect_db_error(
      [&] { db_->write([&](Session& s) { s.exec("INSERT INTO " + t + " (email) VALUES (?)", "a@example.org"); }); });
  EXPECT_EQ(e.code(), "unique_violation");
  EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
  EXPECT_EQ(core::http_status(e.kind()), 409);
  EXPECT_FALSE(e.message_ar().empty());
  EXPECT_THAT(e.message_en(), Not(HasSubstr("INSERT")));
  EXPECT_THAT(e.message_en(), Not(HasSubstr(t)));
  EXPECT_THAT(e.internal_detail(), HasSubstr("INSERT INTO " + t));
  EXPECT_EQ(count_rows(t), 1);
}

TEST_P(DatabaseTest, ForeignKeyViolationIsAConflict) {
  const std::string parents = table("orgs");
  const std::string children = table("units");
  ddl("CREATE TABLE " + parents + " (id {{ID}}, name TEXT NOT NULL)");
  ddl("CREATE TABLE " + children + " (id {{ID}}, org_id BIGINT NOT NULL REFERENCES " + parents + " (id))");
  const auto org = db_->write([&](Session& s) {
    return *s.query_one<std::int64_t>("INSERT INTO " + parents + " (name) VALUES (?) RETURNING id", "ministry");
  });

  const auto missing_parent = expect_db_error(
      [&] { db_->write([&](Session& s) { s.exec("INSERT INTO " + children + " (org_id) VALUES (?)", org + 1000); }); });
  EXPECT_EQ(missing_parent.code(), "foreign_key_violation");
  EXPECT_EQ(missing_parent.kind(), core::ErrorKind::conflict);

  db_->write([&](Session& s) { s.exec("INSERT INTO " + children + " (org_id) VALUES (?)", org); });
  const auto still_referenced = expect_db_error(
      [&] { db_->write([&](Session& s) { s.exec("DELETE FROM " + parents + " WHERE id = ?", org); }); });
  EXPECT_EQ(still_referenced.code(), "foreign_key_violation");
  EXPECT_EQ(count_rows(parents), 1);
}

TEST_P(DatabaseTest, QuestionMarksInLiteralsAndCommentsAreNotPlaceholders) {
  const std::string t = create_items();
  db_->write([&](Session& s) {
    s.exec("INSERT INTO " + t +
               " (count, ratio, title, note, status) -- which values? these:\n"
               " VALUES (?, 0, 'why? it''s ?', ?, 'draft')",
           5, "noted?");
  });
  const auto row = db_->read([&](Session& s) {
    return s.query_one<Item>(
        "SELECT id, count, ratio, title, note, rank, status FROM " + t + " WHERE title = 'why? it''s ?' AND count = ?",
        5);
  });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->title, "why? it's ?");
  EXPECT_EQ(row->note, "noted?");
}

TEST_P(DatabaseTest, ConcurrentThreadsGetSeparateConnections) {
  constexpr int kThreads = 8;
  // Every thread holds its lease until all have one: with fewer connections than threads this would time out.
  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
  std::set<const Connection*> seen;
  bool all_arrived = true;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      db_->read([&](Session& s) {
        std::unique_lock lock(mu);
        seen.insert(&s.connection());
        ++arrived;
        cv.notify_all();
        if (!cv.wait_for(lock, std::chrono::seconds(20), [&] { return arrived == kThreads; })) all_arrived = false;
      });
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_TRUE(all_arrived);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kThreads));
  EXPECT_EQ(db_->stats().in_use, 0u);
}

TEST_P(DatabaseTest, ConcurrentWriteTransactionsAllLand) {
  constexpr int kThreads = 8;
  constexpr int kWrites = 50;
  const std::string t = create_items();
  const std::string insert = "INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, ?, 'draft')";
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < kWrites; ++n) {
        try {
          db_->write([&](Session& s) {
            // Read-then-write inside the transaction: the pattern that deadlocks SQLite without BEGIN IMMEDIATE.
            const auto before = s.query_one<std::int64_t>("SELECT COUNT(*) FROM " + t + " WHERE title = ?",
                                                          "thread " + std::to_string(i));
            s.exec(insert, *before, "thread " + std::to_string(i));
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << "thread " << i << ": " << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_rows(t), kThreads * kWrites);
  // Each thread saw its own earlier rows: the per-thread counts written are 0..49 with no gaps or repeats.
  const auto distinct = db_->read([&](Session& s) {
    return *s.query_one<std::int64_t>("SELECT COUNT(*) FROM (SELECT DISTINCT title, count FROM " + t + ") AS d");
  });
  EXPECT_EQ(distinct, kThreads * kWrites);
}

TEST_P(DatabaseTest, ACachedSelectStarFollowsASchemaChange) {
  // One connection, so the second SELECT reuses the statement the first one prepared.
  auto one = Database::open(url_, 1);
  const std::string t = table("shapes");
  ddl("CREATE TABLE " + t + " (id {{ID}}, name TEXT NOT NULL)");
  one->write([&](Session& s) { s.exec("INSERT INTO " + t + " (name) VALUES (?)", "circle"); });
  const std::string select = "SELECT * FROM " + t;
  EXPECT_EQ(one->read([&](Session& s) { return s.connection().execute(select, {}); }).columns.size(), 2u);
  ddl("ALTER TABLE " + t + " ADD COLUMN sides INTEGER");
  const auto after = one->read([&](Session& s) { return s.connection().execute(select, {}); });
  EXPECT_EQ(after.columns.size(), 3u);
  ASSERT_EQ(after.rows.size(), 1u);
  EXPECT_EQ(after.rows[0][1], Value{std::string("circle")});
}

TEST_P(DatabaseTest, ManyDistinctStatementsStayCorrectPastTheCacheBound) {
  const std::string t = create_items();
  db_->write([&](Session& s) {
    s.exec("INSERT INTO " + t + " (count, ratio, title, status) VALUES (?, 0, 'x', 'draft')", 1);
  });
  // More distinct texts than either backend caches, on one connection, then an early one again.
  auto one = Database::open(url_, 1);
  one->read([&](Session& s) {
    for (int i = 0; i < 600; ++i)
      ASSERT_EQ(s.query_one<std::int64_t>("SELECT count + " + std::to_string(i) + " FROM " + t + " WHERE id > ?", 0),
                1 + i);
    EXPECT_EQ(s.query_one<std::int64_t>("SELECT count + 0 FROM " + t + " WHERE id > ?", 0), 1);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return info.param == Backend::sqlite ? "Sqlite" : "Postgres"; });

// Behaviour only PostgreSQL can show cheaply: SQLite has no NOWAIT and reports contention after its 5 s busy wait.
class PostgresDatabaseTest : public DatabaseTest {};

TEST_P(PostgresDatabaseTest, LockContentionIsBusyWithARetryHint) {
  const std::string t = create_items();
  db_->write(
      [&](Session& s) { s.exec("INSERT INTO " + t + " (count, ratio, title, status) VALUES (1, 0, 'x', 'draft')"); });
  db_->write([&](Session& holder) {
    holder.exec("SELECT id FROM " + t + " FOR UPDATE");
    const auto e =
        expect_db_error([&] { db_->write([&](Session& s) { s.exec("SELECT id FROM " + t + " FOR UPDATE NOWAIT"); }); });
    EXPECT_EQ(e.code(), "busy");
    EXPECT_EQ(e.kind(), core::ErrorKind::unavailable);
    EXPECT_EQ(e.retry_after(), 1);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresDatabaseTest, ::testing::Values(Backend::postgres),
                         [](const auto&) { return "Postgres"; });

TEST(DatabaseOpen, RejectsAnUnknownScheme) {
  EXPECT_THROW(Database::open("mysql://localhost/x", 1), std::invalid_argument);
}

TEST(DatabaseOpen, PostgresConnectFailureNamesTheServerButNotThePassword) {
  // Port 1 on the loopback refuses at once; no PostgreSQL is needed for this test.
  try {
    Database::open("postgresql://manzuma:s3cret-pw@127.0.0.1:1/nothing", 1);
    FAIL() << "expected the connection to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1"));
    EXPECT_THAT(e.what(), Not(HasSubstr("s3cret-pw")));
  }
  try {
    Database::open("postgresql://manzuma@127.0.0.1:1/nothing?password=s3cret-pw&connect_timeout=5", 1);
    FAIL() << "expected the connection to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), Not(HasSubstr("s3cret-pw")));
  }
}

}  // namespace
}  // namespace manzuma::db
