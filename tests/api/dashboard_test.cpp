// The national dashboard: exact figures of an edition the test builds, the adoption matrix, entity pages
// and who may read what.

#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const bool registered =
    register_authz_fixture([](AuthzSetup& s) { s.ids.set("/api/v1/dashboard/entities/", "{id}", s.interior); });

std::int64_t org_id(std::string_view name_en) {
  auto r = admin().get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + std::string(name_en));
}

std::string now_iso() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// A quoted SQL literal (built by appending: GCC 12 warns falsely about `"'" + std::string(s)`).
std::string q(std::string_view s) {
  std::string out(1, '\'');
  out += s;
  out += '\'';
  return out;
}

// One edition with a known story (ids far above anything the demo seed creates):
//   MTCIT × P1 approved, an open action past due                  → late
//   MOI   × P1 approved in 2000, no progress since 2000           → stalled
//   MOI   × P2 approved today, nothing moved                      → not started
//   OQ    × P2 approved, progress today, actions 50% and done     → on track, 75%
//   OQ    × P1 draft                                              → not counted
//   MTCIT × P2 completed                                          → counted, completed
struct Story {
  std::int64_t edition = 90001, p1 = 90011, p2 = 90012, p3 = 90013;
  std::int64_t mtcit = 0, moi = 0, oq = 0;
};

const Story& story() {
  static const Story s = [] {
    Story st;
    st.mtcit = org_id("Ministry of Transport, Communications and Information Technology");
    st.moi = org_id("Ministry of Interior");
    st.oq = org_id("OQ Group");
    auto& db = Server::shared();
    const auto now = q(now_iso());
    db.sql(
        "INSERT INTO editions (id, number, year, title_ar, title_en, starts_on, ends_on, status, created_at,"
        " updated_at) VALUES (90001, 901, 2030, 'نسخة الاختبار', 'Test edition', '2030-01-01', '2030-12-31',"
        " 'open', " +
        now + ", " + now + ")");
    auto practice = [&](std::int64_t id, std::string_view title, std::string_view status) {
      db.sql(
          "INSERT INTO practices (id, edition_id, organization_id, category, title_ar, title_en, status,"
          " created_at, updated_at) VALUES (" +
          std::to_string(id) + ", 90001, " + std::to_string(st.oq) + ", 'leadership', 'ممارسة " + std::string(title) +
          "', 'Practice " + std::string(title) + "', " + q(status) + ", " + now + ", " + now + ")");
    };
    practice(st.p1, "1", "published");
    practice(st.p2, "2", "published");
    practice(st.p3, "3", "draft");
    auto adoption = [&](std::int64_t id, std::int64_t org, std::int64_t p, std::string_view status,
                        std::string approved, std::string progress) {
      db.sql(
          "INSERT INTO adoptions (id, edition_id, practice_id, practice_edition_id, organization_id, objective_ar,"
          " objective_en, starts_on, ends_on, status, approved_at, last_progress_at, created_by, created_at,"
          " updated_at) VALUES (" +
          std::to_string(id) + ", 90001, " + std::to_string(p) + ", 90001, " + std::to_string(org) +
          ", 'هدف', 'Objective', '2000-01-01', '2999-12-31', " + q(status) + ", " + approved + ", " + progress +
          ", (SELECT MIN(id) FROM users), " + now + ", " + now + ")");
    };
    adoption(90101, st.mtcit, st.p1, "approved", q("2000-01-01T00:00:00Z"), now);
    adoption(90102, st.moi, st.p1, "approved", q("2000-01-01T00:00:00Z"), q("2000-02-01T00:00:00Z"));
    adoption(90103, st.moi, st.p2, "approved", now, "NULL");
    adoption(90104, st.oq, st.p2, "approved", q("2000-01-01T00:00:00Z"), now);
    adoption(90105, st.oq, st.p1, "draft", "NULL", "NULL");
    adoption(90106, st.mtcit, st.p2, "completed", q("2000-01-01T00:00:00Z"), now);
    auto action = [&](std::int64_t adoption_id, std::string_view due, std::string_view status, int percent) {
      db.sql(
          "INSERT INTO plan_actions (adoption_id, title_ar, title_en, starts_on, due_on, status, percent_done,"
          " created_at, updated_at) VALUES (" +
          std::to_string(adoption_id) + ", 'إجراء', 'Action', '2000-01-01', " + q(due) + ", " + q(status) + ", " +
          std::to_string(percent) + ", " + now + ", " + now + ")");
    };
    action(90101, "2000-06-30", "in_progress", 40);
    action(90101, "2999-12-31", "not_started", 0);
    action(90102, "2999-12-31", "in_progress", 10);
    action(90103, "2999-12-31", "not_started", 0);
    action(90104, "2999-12-31", "in_progress", 50);
    action(90104, "2000-06-30", "done", 100);
    action(90104, "2000-06-30", "cancelled", 0);
    action(90106, "2000-06-30", "done", 100);
    for (auto status : {"proposed", "accepted", "accepted"})
      db.sql(
          "INSERT INTO research_studies (edition_id, organization_id, submitted_by, title_ar, title_en, status,"
          " created_at, updated_at) VALUES (90001, " +
          std::to_string(st.oq) + ", (SELECT MIN(id) FROM users), 'بحث', 'Study', " + q(status) + ", " + now + ", " +
          now + ")");
    auto event = [&](std::string_view status, int trained) {
      db.sql(
          "INSERT INTO events (edition_id, kind, status, title_ar, title_en, starts_on, ends_on, trained_count,"
          " created_at, updated_at) VALUES (90001, 'training', " +
          q(status) + ", 'تدريب', 'Training', '2030-02-01', '2030-02-02', " + std::to_string(trained) + ", " + now +
          ", " + now + ")");
    };
    event("held", 95);
    event("planned", 30);
    event("cancelled", 10);
    return st;
  }();
  return s;
}

std::map<std::string, std::int64_t> research_by_status(const bj::value& f) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : f.at("research_by_status").as_array())
    out[std::string(r.at("status").as_string())] = r.at("count").as_int64();
  return out;
}

TEST(Dashboard, EditionFiguresCountWhatAUserWouldCount) {
  const auto& st = story();
  auto r = as("office@demo.manzuma.om").get("/api/v1/dashboard/national?edition_id=" + std::to_string(st.edition));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& f = r.json();
  EXPECT_EQ(f.at("edition_id").as_int64(), st.edition);
  EXPECT_EQ(f.at("practices").as_int64(), 2);  // the draft is not in the catalogue yet
  EXPECT_EQ(f.at("research").as_int64(), 3);
  EXPECT_EQ(research_by_status(f), (std::map<std::string, std::int64_t>{{"accepted", 2}, {"proposed", 1}}));
  EXPECT_EQ(f.at("entities_adopting").as_int64(), 3);
  EXPECT_EQ(f.at("adoptions").as_int64(), 5);
  EXPECT_EQ(f.at("plans_on_track").as_int64(), 1);
  EXPECT_EQ(f.at("plans_late").as_int64(), 1);
  EXPECT_EQ(f.at("plans_stalled").as_int64(), 1);
  EXPECT_EQ(f.at("plans_not_started").as_int64(), 1);
  EXPECT_EQ(f.at("plans_completed").as_int64(), 1);
  EXPECT_EQ(f.at("actions_overdue").as_int64(), 1);
  EXPECT_EQ(f.at("people_trained").as_int64(), 95);
}

TEST(Dashboard, MousActiveCountsActivePartnershipsOnly) {
  story();
  auto& office = as("office@demo.manzuma.om");
  const auto before = office.get("/api/v1/dashboard/national").json().at("mous_active").as_int64();
  for (auto status : {"active", "active", "expired", "draft"})
    Server::shared().sql(
        "INSERT INTO partnerships (status, signed_on, duration_months, expires_on, title_ar, title_en, created_at,"
        " updated_at) VALUES ('" +
        std::string(status) +
        "', '2025-01-01', 24, '2027-01-01', 'مذكرة', 'MoU', '2025-01-01T00:00:00Z',"
        " '2025-01-01T00:00:00Z')");
  EXPECT_EQ(office.get("/api/v1/dashboard/national").json().at("mous_active").as_int64(), before + 2);
}

TEST(Dashboard, TheTrendHasOneRowPerEditionWithItsFigures) {
  const auto& st = story();
  auto r = as("viewer@demo.manzuma.om").get("/api/v1/dashboard/editions");
  ASSERT_EQ(r.status, 200) << r.body;
  bool found = false;
  std::int64_t last_number = 0;
  for (const auto& e : r.json().at("editions").as_array()) {
    EXPECT_GT(e.at("number").as_int64(), last_number);  // oldest first
    last_number = e.at("number").as_int64();
    if (e.at("edition_id").as_int64() != st.edition) continue;
    found = true;
    EXPECT_EQ(e.at("practices").as_int64(), 2);
    EXPECT_EQ(e.at("research").as_int64(), 3);
    EXPECT_EQ(e.at("entities_adopting").as_int64(), 3);
    EXPECT_EQ(e.at("plans_late").as_int64(), 1);
    EXPECT_EQ(e.at("people_trained").as_int64(), 95);
  }
  EXPECT_TRUE(found);
}

TEST(Dashboard, TheMatrixHasAnEntityRowPerAdopterAndACellPerAdoption) {
  const auto& st = story();
  auto r = as("office@demo.manzuma.om").get("/api/v1/dashboard/matrix?edition_id=" + std::to_string(st.edition));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& m = r.json();
  EXPECT_EQ(m.at("entities").as_array().size(), 3u);
  ASSERT_EQ(m.at("practices").as_array().size(), 2u);
  EXPECT_EQ(m.at("practices").at(0).at("id").as_int64(), st.p1);
  std::map<std::int64_t, const bj::value*> cell;
  for (const auto& c : m.at("cells").as_array()) cell[c.at("adoption_id").as_int64()] = &c;
  ASSERT_EQ(cell.size(), 5u);  // the draft is not shown
  EXPECT_EQ(cell.count(90105), 0u);
  EXPECT_EQ(cell[90101]->at("health").as_string(), "late");
  EXPECT_EQ(cell[90101]->at("percent").as_int64(), 20);
  EXPECT_EQ(cell[90101]->at("actions_overdue").as_int64(), 1);
  EXPECT_EQ(cell[90102]->at("health").as_string(), "stalled");
  EXPECT_EQ(cell[90103]->at("health").as_string(), "not_started");
  EXPECT_EQ(cell[90104]->at("health").as_string(), "on_track");
  EXPECT_EQ(cell[90104]->at("percent").as_int64(), 75);  // 50 and done (100); cancelled left out
  EXPECT_EQ(cell[90104]->at("actions").as_int64(), 2);
  EXPECT_TRUE(cell[90106]->at("health").is_null());
  EXPECT_EQ(cell[90106]->at("status").as_string(), "completed");
  EXPECT_EQ(cell[90106]->at("percent").as_int64(), 100);
  EXPECT_EQ(cell[90104]->at("organization_id").as_int64(), st.oq);
  EXPECT_EQ(cell[90104]->at("practice_title_ar").as_string(), "ممارسة 2");
}

TEST(Dashboard, ACoordinatorSeesTheirEntityPageOnlyAndAContributorNothing) {
  const auto& st = story();
  auto& coordinator = as("coordinator@demo.manzuma.om");
  auto own = coordinator.get("/api/v1/dashboard/entities/" + std::to_string(st.mtcit) +
                             "?edition_id=" + std::to_string(st.edition));
  ASSERT_EQ(own.status, 200) << own.body;
  const auto& d = own.json();
  EXPECT_EQ(d.at("entity").at("id").as_int64(), st.mtcit);
  ASSERT_EQ(d.at("adoptions").as_array().size(), 2u);
  EXPECT_EQ(d.at("plans_late").as_int64(), 1);
  EXPECT_EQ(d.at("actions_overdue").as_int64(), 1);
  // Another entity's page does not exist for them; the national views are refused.
  EXPECT_EQ(coordinator.get("/api/v1/dashboard/entities/" + std::to_string(st.moi)).status, 404);
  EXPECT_EQ(coordinator.get("/api/v1/dashboard/national").status, 403);
  EXPECT_EQ(coordinator.get("/api/v1/dashboard/matrix").status, 403);
  auto& contributor = as("contributor@demo.manzuma.om");
  EXPECT_EQ(contributor.get("/api/v1/dashboard/national").status, 403);
  EXPECT_EQ(contributor.get("/api/v1/dashboard/entities/" + std::to_string(st.oq)).status, 403);
  // The program office and leaders read any entity's page, drafts included.
  auto oq =
      as("viewer@demo.manzuma.om")
          .get("/api/v1/dashboard/entities/" + std::to_string(st.oq) + "?edition_id=" + std::to_string(st.edition));
  ASSERT_EQ(oq.status, 200);
  EXPECT_EQ(oq.json().at("adoptions").as_array().size(), 2u);
  EXPECT_EQ(oq.json().at("plans_on_track").as_int64(), 1);
}

TEST(Dashboard, BadParametersAreNamedAndUnknownRecordsAre404) {
  auto& office = as("office@demo.manzuma.om");
  EXPECT_EQ(office.get("/api/v1/dashboard/national?edition_id=abc").error_fields(),
            std::vector<std::string>{"edition_id"});
  EXPECT_EQ(office.get("/api/v1/dashboard/national?edition_id=-1").error_fields(),
            std::vector<std::string>{"edition_id"});
  EXPECT_EQ(office.get("/api/v1/dashboard/national?year=2024").error_fields(), std::vector<std::string>{"year"});
  EXPECT_EQ(office.get("/api/v1/dashboard/national?edition_id=987654").status, 404);
  EXPECT_EQ(office.get("/api/v1/dashboard/matrix?edition_id=987654").status, 404);
  EXPECT_EQ(office.get("/api/v1/dashboard/entities/987654").status, 404);
  EXPECT_EQ(office.get("/api/v1/dashboard/entities/abc").status, 404);
}

}  // namespace
}  // namespace manzuma::api_test
