// `manzuma gen-data`: the small dataset is generated, is the same for the same seed, is served by the API
// without error to the accounts the benchmark uses, keeps the audit chain intact, and is never written twice.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

constexpr std::string_view kBenchPassword = "Manzuma-Bench-2026!";

// One server on a generated database (no demo seed) for the tests of this file.
Server& generated() {
  static Server s([] {
    ServerOptions o;
    o.seed_demo = false;
    o.setup = {"gen-data", "--scale", "small", "--seed", "7"};
    return o;
  }());
  return s;
}

Client& signed_in(const std::string& email) {
  static std::map<std::string, std::unique_ptr<Client>> clients;
  auto& c = clients[email];
  if (!c) {
    c = std::make_unique<Client>(generated().url());
    auto r = c->login(email, kBenchPassword);
    EXPECT_EQ(r.status, 200) << email << ": " << r.body;
  }
  return *c;
}

bool sqlite_backend() {
  const char* b = std::getenv("MANZUMA_TEST_BACKEND");
  return !b || std::string(b) != "postgres";
}

// Every table's rows, as sqlite3 prints them, but for when the migrations ran (the real clock's, not generated).
std::string dump(const std::string& file) {
  std::string out;
  FILE* p = popen(("sqlite3 '" + file + "' .dump | grep -v '^INSERT INTO schema_migrations '").c_str(), "r");
  if (!p) return out;
  char buf[65536];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(GenData, SmallScaleGeneratesPrintsTheSummaryAndIsTheSameForTheSameSeed) {
  if (!sqlite_backend()) GTEST_SKIP() << "compares SQLite files; the PostgreSQL run covers the API half";
  const std::string dir = generated().work_dir();
  auto gen = [&](const std::string& name, const char* seed) {
    return generated().cli(
        {"gen-data", "--scale", "small", "--seed", seed, "--database", "sqlite:" + dir + "/" + name});
  };
  auto [code, out] = gen("a.db", "11");
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(out.starts_with("Generated ")) << out;
  EXPECT_NE(out.find(" rows in "), std::string::npos) << out;
  EXPECT_NE(out.find(" rows/s)"), std::string::npos) << out;
  EXPECT_GT(std::stoll(out.substr(10)), 5000) << out;
  ASSERT_EQ(gen("b.db", "11").first, 0);
  ASSERT_EQ(gen("c.db", "12").first, 0);
  const auto a = dump(dir + "/a.db"), b = dump(dir + "/b.db"), c = dump(dir + "/c.db");
  ASSERT_GT(a.size(), 100000u);
  EXPECT_TRUE(a == b) << "the same seed gave different rows";
  EXPECT_FALSE(a == c) << "a different seed gave the same rows";
}

TEST(GenData, ASecondRunOnTheSameDatabaseIsRefused) {
  auto [code, out] = generated().cli({"gen-data", "--scale", "small", "--seed", "7"});
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out.find("Generated"), std::string::npos) << out;
}

TEST(GenData, TheAuditChainIsIntact) {
  auto [code, out] = generated().cli({"audit", "verify"});
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("intact"), std::string::npos) << out;
}

TEST(GenData, TheBenchmarkAccountsSignInWithTheBenchPassword) {
  for (std::string who : {"office", "coordinator", "admin", "user40"}) {
    auto& c = signed_in(who + "@gen.manzuma.om");
    auto me = c.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << who << ": " << me.body;
    EXPECT_EQ(me.json().at("user").at("email").as_string(), who + "@gen.manzuma.om");
  }
  Client wrong(generated().url());
  EXPECT_EQ(wrong.login("office@gen.manzuma.om", "not-the-password").status, 401);
}

TEST(GenData, TheProgramOfficeReadsEveryAreaWithoutError) {
  auto& office = signed_in("office@gen.manzuma.om");
  for (const char* list :
       {"/api/v1/organizations", "/api/v1/users", "/api/v1/editions", "/api/v1/practices", "/api/v1/research",
        "/api/v1/adoptions", "/api/v1/events", "/api/v1/partnerships", "/api/v1/notifications"}) {
    auto r = office.get(std::string(list) + "?page[size]=50");
    ASSERT_EQ(r.status, 200) << list << ": " << r.body;
    EXPECT_FALSE(r.json().at("items").as_array().empty()) << list;
    // And the detail of the first record, where the list has details.
    const auto& first = r.json().at("items").at(0).as_object();
    if (std::string_view(list) != "/api/v1/notifications" && first.contains("id")) {
      const auto id = std::to_string(first.at("id").as_int64());
      auto d = office.get(std::string(list) + "/" + id);
      EXPECT_EQ(d.status, 200) << list << "/" << id << ": " << d.body;
    }
  }
  for (const char* page : {"/api/v1/dashboard/national", "/api/v1/dashboard/editions", "/api/v1/dashboard/matrix",
                           "/api/v1/change/national", "/api/v1/change/entities"}) {
    auto r = office.get(page);
    EXPECT_EQ(r.status, 200) << page << ": " << r.body;
  }
  auto filtered = office.get("/api/v1/adoptions?filter[status]=approved&sort=-starts_on&page[size]=20");
  EXPECT_EQ(filtered.status, 200) << filtered.body;
}

TEST(GenData, AnAdoptionCarriesItsPlanMilestonesAndTenYearsOfMonthlyValues) {
  auto& office = signed_in("office@gen.manzuma.om");
  auto list = office.get("/api/v1/adoptions?filter[status]=approved&page[size]=1");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_FALSE(list.json().at("items").as_array().empty());
  const auto id = std::to_string(list.json().at("items").at(0).at("id").as_int64());
  auto d = office.get("/api/v1/adoptions/" + id);
  ASSERT_EQ(d.status, 200) << d.body;
  const auto& a = d.json().as_object();
  ASSERT_TRUE(a.contains("actions")) << d.body.substr(0, 500);
  EXPECT_EQ(a.at("actions").as_array().size(), 8u);
  EXPECT_EQ(a.at("milestones").as_array().size(), 3u);
  ASSERT_EQ(a.at("indicators").as_array().size(), 1u);
  const auto& indicator = a.at("indicators").at(0).as_object();
  ASSERT_TRUE(indicator.contains("values")) << bj::serialize(indicator).substr(0, 500);
  EXPECT_EQ(indicator.at("values").as_array().size(), 120u);
}

TEST(GenData, RecordsCreatedAfterwardsGetIdsPastTheGeneratedOnes) {
  // The generator writes ids itself; on PostgreSQL it must move the identity sequences past them.
  auto& admin = signed_in("admin@gen.manzuma.om");
  auto before = admin.get("/api/v1/organizations?sort=-id&page[size]=1");
  ASSERT_EQ(before.status, 200) << before.body;
  const auto last = before.json().at("items").at(0).at("id").as_int64();
  auto r = admin.post("/api/v1/organizations",
                      bj::object{{"kind", "authority"}, {"name_ar", "هيئة بعد التوليد"}, {"name_en", unique("After")}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_GT(r.json().at("id").as_int64(), last);
}

TEST(GenData, GeneratedRecordsAreFoundBySearch) {
  auto& office = signed_in("office@gen.manzuma.om");
  auto list = office.get("/api/v1/practices?page[size]=1");
  ASSERT_EQ(list.status, 200);
  const std::string title(list.json().at("items").at(0).at("title_ar").as_string());
  // The server indexed the generated database on start (no outbox rows: it builds the index from scratch).
  auto r = office.get("/api/v1/search?q=" + url_encode(title));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GE(r.json().at("total").as_int64(), 1) << r.body.substr(0, 400);
}

TEST(GenData, TheChangePortfolioHasConsistentTalliesAndAnsweredRounds) {
  auto& office = signed_in("office@gen.manzuma.om");
  auto national = office.get("/api/v1/change/national");
  ASSERT_EQ(national.status, 200) << national.body.substr(0, 400);
  const auto& n = national.json();
  EXPECT_EQ(n.at("totals").at("initiatives").as_int64(), 40);
  EXPECT_EQ(n.at("totals").at("responses").as_int64(), 2000);
  EXPECT_FALSE(n.at("by_entity").as_array().empty());
  EXPECT_FALSE(n.at("governance_project").as_array().empty());
  // The tallies are the sums of the responses, group by group, and every response used one link.
  EXPECT_EQ(generated().query("SELECT COUNT(*) FROM (SELECT survey_id, group_id, COUNT(*) AS n, SUM(awareness) AS a,"
                              " SUM(reinforcement) AS r FROM change_survey_responses GROUP BY survey_id, group_id) x"
                              " JOIN change_survey_tallies t ON t.survey_id = x.survey_id AND t.group_id = x.group_id"
                              " WHERE t.responses <> x.n OR t.awareness <> x.a OR t.reinforcement <> x.r"),
            "0");
  EXPECT_EQ(generated().query("SELECT COUNT(*) FROM change_survey_links WHERE used = 1"), "2000");
  // The coordinator's ministry: its heatmap and an initiative's rounds.
  auto& coordinator = signed_in("coordinator@gen.manzuma.om");
  const auto org = coordinator.get("/api/v1/me").json().at("user").at("memberships").at(0).at("organization_id");
  auto sat = coordinator.get("/api/v1/change/saturation?organization_id=" + std::to_string(org.as_int64()) +
                             "&from=2026-06&months=12");
  ASSERT_EQ(sat.status, 200) << sat.body.substr(0, 400);
  EXPECT_GE(sat.json().at("groups").as_array().size(), 6u);
  const auto surveyed = generated().query("SELECT MIN(initiative_id) FROM change_surveys");
  auto rounds = office.get("/api/v1/change/initiatives/" + surveyed + "/surveys");
  ASSERT_EQ(rounds.status, 200) << rounds.body.substr(0, 400);
  ASSERT_FALSE(rounds.json().as_array().empty());
  EXPECT_GT(rounds.json().at(0).at("responses").as_int64(), 0);
}

}  // namespace
}  // namespace manzuma::api_test
