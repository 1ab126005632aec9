// Migrations as an operator meets them: applied once, in order, all or nothing, on SQLite and (when
// MANZUMA_TEST_PG_URL or MANZUMA_TEST_PG_URL_FILE is set) on PostgreSQL, each test in a database of its own.

#include "db/migrate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

namespace manzuma::db {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

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

/// `url` naming database `name` instead (postgresql://user@host:port/db?params).
std::string with_database(const std::string& url, const std::string& name) {
  const auto authority = url.find("://") + 3;
  const auto slash = url.find('/', authority);
  const auto query = url.find('?', authority);
  const std::string params = query == std::string::npos ? "" : url.substr(query);
  const std::string base = url.substr(0, slash == std::string::npos ? std::min(query, url.size()) : slash);
  return base + "/" + name + params;
}

struct Person {
  std::int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(Person, (), (id, name))

const std::string kPeople =
    "-- People who own pets.\n"
    "CREATE TABLE people (id {{ID}}, name TEXT NOT NULL UNIQUE);\n";
const std::string kPets =
    "CREATE TABLE pets (id {{ID}}, person_id BIGINT NOT NULL REFERENCES people (id), name TEXT NOT NULL);\n"
    "CREATE INDEX pets_person ON pets (person_id);\n";

class MigrateTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::postgres) {
      const std::string base = postgres_url();
      if (base.empty())
        GTEST_SKIP() << "no PostgreSQL given: set MANZUMA_TEST_PG_URL (or MANZUMA_TEST_PG_URL_FILE) to run these";
      // A database per test: migrations own schema_migrations and fixed table names, which must not meet
      // another test's.
      admin_ = Database::open(base, 1);
      database_ = "mt_" + random_suffix();
      admin_->read([&](Session& s) { s.connection().execute_script("CREATE DATABASE " + database_); });
      url_ = with_database(base, database_);
    } else {
      dir_ = fs::temp_directory_path() / ("manzuma-migrate-test-" + random_suffix());
      fs::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "test.db").string();
    }
    db_ = Database::open(url_, 4);
  }

  void TearDown() override {
    db_.reset();
    if (admin_)
      admin_->read(
          [&](Session& s) { s.connection().execute_script("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)"); });
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string url_;
  fs::path dir_;
  std::unique_ptr<Database> admin_;
  std::string database_;
  std::unique_ptr<Database> db_;
};

TEST_P(MigrateTest, AppliesPendingMigrationsOnceInVersionOrder) {
  // Out of order on purpose: the build may embed files in any order.
  const MigrationFile files[] = {{"0002_pets.sql", kPets}, {"0001_people.sql", kPeople}};
  const auto migrations = load_migrations(files);
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "people");

  EXPECT_EQ(migration_status(*db_, migrations).applied, 0);
  EXPECT_EQ(migrate(*db_, migrations), 2);
  EXPECT_EQ(migrate(*db_, migrations), 0);
  const auto status = migration_status(*db_, migrations);
  EXPECT_EQ(status.applied, 2);
  EXPECT_EQ(status.known, 2);
  EXPECT_TRUE(status.current());

  // {{ID}} became a working auto-increment key, and the foreign key of 0002 holds.
  const auto people = db_->write([](Session& s) {
    s.exec("INSERT INTO people (name) VALUES (?)", "Huda");
    s.exec("INSERT INTO people (name) VALUES (?)", "Salim");
    return s.query<Person>("SELECT id, name FROM people ORDER BY id");
  });
  ASSERT_EQ(people.size(), 2u);
  EXPECT_GT(people[0].id, 0);
  EXPECT_GT(people[1].id, people[0].id);
  db_->write([&](Session& s) { s.exec("INSERT INTO pets (person_id, name) VALUES (?, ?)", people[1].id, "Qitt"); });
  try {
    db_->write([&](Session& s) { s.exec("INSERT INTO pets (person_id, name) VALUES (?, ?)", 999999, "Nobody's"); });
    FAIL() << "expected a foreign key violation";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "foreign_key_violation");
  }
}

TEST_P(MigrateTest, AppliesOnlyTheNewMigrationOfALaterBuild) {
  const MigrationFile first[] = {{"0001_people.sql", kPeople}};
  EXPECT_EQ(migrate(*db_, load_migrations(first)), 1);
  const MigrationFile both[] = {{"0001_people.sql", kPeople}, {"0002_pets.sql", kPets}};
  EXPECT_EQ(migrate(*db_, load_migrations(both)), 1);
  EXPECT_TRUE(migration_status(*db_, load_migrations(both)).current());
}

TEST_P(MigrateTest, AnEditedAppliedMigrationIsRefusedNamingItsVersion) {
  const MigrationFile files[] = {{"0001_people.sql", kPeople}, {"0002_pets.sql", kPets}};
  ASSERT_EQ(migrate(*db_, load_migrations(files)), 2);

  std::string edited = kPets;
  edited[edited.find("NOT NULL)")] = 'n';  // one byte, still valid SQL
  const MigrationFile changed[] = {{"0001_people.sql", kPeople}, {"0002_pets.sql", edited}};
  const auto migrations = load_migrations(changed);
  try {
    migrate(*db_, migrations);
    FAIL() << "expected the edited migration to be refused";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::internal);
    EXPECT_THAT(e.internal_detail(), HasSubstr("migration 2 (pets)"));
  }
  EXPECT_THROW(migration_status(*db_, migrations), core::Error);
}

TEST_P(MigrateTest, ADatabaseFromANewerBuildIsRefused) {
  const MigrationFile both[] = {{"0001_people.sql", kPeople}, {"0002_pets.sql", kPets}};
  ASSERT_EQ(migrate(*db_, load_migrations(both)), 2);
  const MigrationFile older[] = {{"0001_people.sql", kPeople}};
  try {
    migrate(*db_, load_migrations(older));
    FAIL() << "expected an unknown applied migration to be refused";
  } catch (const core::Error& e) {
    EXPECT_THAT(e.internal_detail(), HasSubstr("migration 2 (pets)"));
  }
}

TEST_P(MigrateTest, AFailingMigrationLeavesNothingBehind) {
  const MigrationFile files[] = {{"0001_people.sql", kPeople},
                                 {"0002_broken.sql", "CREATE TABLE half (id {{ID}});\nCREATE TABLE oops (;\n"}};
  EXPECT_THROW(migrate(*db_, load_migrations(files)), core::Error);
  const MigrationFile good[] = {{"0001_people.sql", kPeople}};
  // 0001 was rolled back with 0002, so it applies again, and so does nothing else.
  EXPECT_EQ(migrate(*db_, load_migrations(good)), 1);
  EXPECT_THROW(db_->read([](Session& s) { s.exec("SELECT id FROM half"); }), core::Error);
}

TEST_P(MigrateTest, TwinFilesRunTheirOwnDialect) {
  const MigrationFile files[] = {
      {"0001_notes.sqlite.sql",
       "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);\n"
       "INSERT INTO notes (body) VALUES ('sqlite');\n"},
      {"0001_notes.pg.sql",
       "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL);\n"
       "INSERT INTO notes (body) VALUES ('postgres');\n"},
  };
  const auto migrations = load_migrations(files);
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].name, "notes");
  EXPECT_EQ(migrate(*db_, migrations), 1);
  EXPECT_EQ(migrate(*db_, migrations), 0);
  const auto body = db_->read([](Session& s) { return s.query_one<std::string>("SELECT body FROM notes"); });
  EXPECT_EQ(body, GetParam() == Backend::sqlite ? "sqlite" : "postgres");
}

TEST_P(MigrateTest, InstancesStartingTogetherApplyEachMigrationOnce) {
  const MigrationFile files[] = {{"0001_people.sql", kPeople}, {"0002_pets.sql", kPets}};
  const auto migrations = load_migrations(files);
  // Separate pools, as separate server processes would have.
  auto other = Database::open(url_, 2);
  int applied[2] = {-1, -1};
  std::string errors[2];
  std::thread a([&] {
    try {
      applied[0] = migrate(*db_, migrations);
    } catch (const std::exception& e) {
      errors[0] = e.what();
    }
  });
  std::thread b([&] {
    try {
      applied[1] = migrate(*other, migrations);
    } catch (const std::exception& e) {
      errors[1] = e.what();
    }
  });
  a.join();
  b.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(applied[0] + applied[1], 2);
  EXPECT_TRUE(migration_status(*db_, migrations).current());
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrateTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return info.param == Backend::sqlite ? "Sqlite" : "Postgres"; });

TEST(LoadMigrations, RejectsAMissingTwin) {
  const MigrationFile files[] = {{"0001_notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);"}};
  try {
    load_migrations(files);
    FAIL() << "expected a missing .pg.sql twin to be refused";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("migration 1"));
  }
  const MigrationFile pg_only[] = {{"0003_notes.pg.sql", "CREATE TABLE notes (id BIGINT);"}};
  EXPECT_THROW(load_migrations(pg_only), std::invalid_argument);
}

TEST(LoadMigrations, RejectsAmbiguousOrMisnamedFiles) {
  const MigrationFile both[] = {{"0001_a.sql", "SELECT 1;"}, {"0001_a.pg.sql", "SELECT 1;"}};
  EXPECT_THROW(load_migrations(both), std::invalid_argument);
  const MigrationFile duplicate[] = {{"0001_a.sql", "SELECT 1;"}, {"0001_b.sql", "SELECT 2;"}};
  EXPECT_THROW(load_migrations(duplicate), std::invalid_argument);
  const MigrationFile unnamed[] = {{"people.sql", "SELECT 1;"}};
  EXPECT_THROW(load_migrations(unnamed), std::invalid_argument);
}

TEST(RenderFor, ReplacesEveryIdTokenPerDialect) {
  const std::string sql = "CREATE TABLE a (id {{ID}}); CREATE TABLE b (id {{ID}});";
  const std::string sqlite = render_for(Dialect::sqlite, sql);
  const std::string pg = render_for(Dialect::postgres, sql);
  EXPECT_EQ(sqlite.find("{{ID}}"), std::string::npos);
  EXPECT_EQ(pg.find("{{ID}}"), std::string::npos);
  EXPECT_THAT(sqlite, HasSubstr("INTEGER PRIMARY KEY AUTOINCREMENT"));
  EXPECT_THAT(pg, HasSubstr("GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
}

TEST(PostgresPlaceholders, NumbersParametersAndSkipsLiteralsAndComments) {
  EXPECT_EQ(to_postgres_placeholders("SELECT ? , 'a?''?' , \"c?\" -- d?\n, ?"),
            "SELECT $1 , 'a?''?' , \"c?\" -- d?\n, $2");
}

}  // namespace
}  // namespace manzuma::db
