// The catalogue's rules below HTTP, on real migrations in a temporary SQLite database: closed editions, owners
// editing only their own practice, and deletion refused once an adoption exists (the adoptions table is made
// here, as the adoptions area's migration may not be on this branch).

#include "modules/practices/service.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/error.hpp"
#include "db/migrate.hpp"
#include "modules/practices/api.hpp"

#ifndef MANZUMA_SOURCE_DIR
#error "the test target defines MANZUMA_SOURCE_DIR (the repository root) to find migrations/"
#endif

namespace manzuma::modules {
namespace {

namespace fs = std::filesystem;
using core::Role;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

core::Actor actor(std::int64_t user, std::int64_t org, std::string path, Role role) {
  core::Actor a;
  a.user_id = user;
  a.memberships = {{org, std::move(path), role}};
  return a;
}

class PracticeServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir_template = (fs::temp_directory_path() / "manzuma-practices-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir_template.data()), nullptr);
    dir_ = dir_template;
    db_ = db::Database::open("sqlite:" + dir_.string() + "/t.db", 2);
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& entry : fs::directory_iterator(fs::path(MANZUMA_SOURCE_DIR) / "migrations"))
      if (entry.path().extension() == ".sql")
        texts.emplace_back(entry.path().filename().string(), read_file(entry.path()));
    std::vector<db::MigrationFile> files;
    for (const auto& [name, text] : texts) files.push_back({name, text});
    db::migrate(*db_, db::load_migrations(files));
    db_->write([](db::Session& s) {
      const std::string at = "2026-01-01T00:00:00.000Z";
      const std::string org =
          "INSERT INTO organizations (kind, name_ar, name_en, parent_id, path, country, created_at, updated_at)"
          " VALUES (?, ?, ?, NULL, ?, 'OM', ?, ?)";
      s.exec(org, "program_office", "مكتب البرنامج", "Program office", "/1/", at, at);
      s.exec(org, "government_company", "مجموعة أوكيو", "OQ Group", "/2/", at, at);
      for (int i = 1; i <= 3; ++i)
        s.exec("INSERT INTO users (email, name_ar, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
               "user" + std::to_string(i) + "@example.om", "مستخدم", "User", at, at);
      const std::string member =
          "INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)";
      s.exec(member, std::int64_t{1}, std::int64_t{1}, "program_office", at);
      s.exec(member, std::int64_t{2}, std::int64_t{2}, "practice_owner", at);
      s.exec(member, std::int64_t{3}, std::int64_t{2}, "practice_owner", at);
      const std::string edition =
          "INSERT INTO editions (number, year, title_ar, title_en, starts_on, ends_on, status, created_at,"
          " updated_at) VALUES (?, ?, 'النسخة', 'Edition', '2024-01-01', '2024-12-31', ?, ?, ?)";
      s.exec(edition, std::int64_t{2}, std::int64_t{2023}, "closed", at, at);
      s.exec(edition, std::int64_t{3}, std::int64_t{2024}, "open", at, at);
    });
    service_ = std::make_unique<PracticeService>(*db_, clock_);
  }

  void TearDown() override {
    service_.reset();
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  PracticeInput input(std::int64_t edition, std::string title_ar, std::optional<std::int64_t> owner = {}) {
    PracticeInput in;
    in.edition_id = edition;
    in.organization_id = 2;
    in.owner_id = owner;
    in.category = PracticeCategory::continuous_improvement;
    in.title_ar = std::move(title_ar);
    in.title_en = "Continuous improvement";
    return in;
  }

  fs::path dir_;
  core::ManualClock clock_{core::TimePoint{} + std::chrono::hours(24 * 20000)};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<PracticeService> service_;
  core::Actor office_ = actor(1, 1, "/1/", Role::program_office);
  core::Actor owner_ = actor(2, 2, "/2/", Role::practice_owner);
  core::Actor other_owner_ = actor(3, 2, "/2/", Role::practice_owner);
};

TEST_F(PracticeServiceTest, AClosedEditionTakesNoNewPractice) {
  try {
    service_->create(office_, input(1, "التحسين المستمر"));
    FAIL() << "created in a closed edition";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
    EXPECT_EQ(e.code(), "edition_closed");
  }
  EXPECT_EQ(service_->create(office_, input(2, "التحسين المستمر")).practice.status, PracticeStatus::draft);
}

TEST_F(PracticeServiceTest, TheOwnerMustHoldThePracticeOwnerRoleThere) {
  auto in = input(2, "الثقافة المؤسسية", 1);  // the program office's user is no practice owner at OQ
  EXPECT_THROW(service_->create(office_, in), core::Error);
  in.owner_id = 2;
  EXPECT_EQ(service_->create(office_, in).practice.owner_id, 2);
}

TEST_F(PracticeServiceTest, OwnersEditOnlyTheirOwnPracticeAndKeepItsPlace) {
  auto d = service_->create(office_, input(2, "الثقافة المؤسسية", 2));
  const auto& p = d.practice;
  PracticeUpdate u{
      p.edition_id, p.organization_id, p.owner_id,    p.category,         p.title_ar,         p.title_en, "ملخص",
      "Summary",    p.benefits_ar,     p.benefits_en, p.prerequisites_ar, p.prerequisites_en, p.version};
  EXPECT_THROW(service_->update(other_owner_, p.id, u), core::Error);  // a draft of someone else: hidden
  auto edited = service_->update(owner_, p.id, u);
  EXPECT_EQ(edited.practice.summary_en, "Summary");
  EXPECT_TRUE(edited.can_edit);
  EXPECT_FALSE(edited.can_manage);
  u.version = edited.practice.version;
  u.owner_id = 3;
  try {
    service_->update(owner_, p.id, u);
    FAIL() << "an owner handed their practice over";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::invalid_input);
  }
  EXPECT_THROW(service_->change_status(owner_, p.id, {PracticeStatus::published, u.version}), core::Error);
}

TEST_F(PracticeServiceTest, AnAdoptedPracticeIsArchivedNotDeleted) {
  const auto unadopted = service_->create(office_, input(2, "ممارسة أولى")).practice.id;
  service_->remove(office_, unadopted);
  EXPECT_FALSE(db_->read([&](db::Session& s) { return practice_ref(s, unadopted); }));

  const auto adopted = service_->create(office_, input(2, "ممارسة ثانية")).practice.id;
  // An entity adopts it (a row of the adoptions area's own table, as its migration defines it).
  db_->write([&](db::Session& s) {
    s.exec(
        "INSERT INTO adoptions (edition_id, practice_id, practice_edition_id, organization_id, objective_ar,"
        " objective_en, starts_on, ends_on, status, created_by, created_at, updated_at)"
        " SELECT edition_id, id, edition_id, organization_id, 'هدف', 'Objective', '2026-01-01', '2026-12-31',"
        " 'draft', ?, created_at, created_at FROM practices WHERE id = ?",
        office_.user_id, adopted);
  });
  try {
    service_->remove(office_, adopted);
    FAIL() << "deleted an adopted practice";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
    EXPECT_EQ(e.code(), "practice_adopted");
  }
  auto ref = db_->read([&](db::Session& s) { return practice_ref(s, adopted); });
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->status, "draft");
}

}  // namespace
}  // namespace manzuma::modules
