// Editions: the demo's three editions, the rules (dates, unique numbers, planning → open → closed), optimistic
// versions, bad input, and who may change them.

#include <gtest/gtest.h>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

constexpr std::string_view kOffice = "office@demo.manzuma.om";
constexpr std::string_view kViewer = "viewer@demo.manzuma.om";

// Edition numbers no other test of this process uses (the demo holds 1–3).
std::int64_t fresh_number() {
  static std::int64_t next = 100;
  return next++;
}

bj::object edition_body(std::int64_t number, std::string_view starts_on = "2026-01-01",
                        std::string_view ends_on = "2026-12-31") {
  return bj::object{{"number", number},
                    {"year", 2026},
                    {"title_ar", "نسخة تجريبية " + std::to_string(number)},
                    {"title_en", "Test edition " + std::to_string(number)},
                    {"goals_ar", "أهداف النسخة"},
                    {"goals_en", "The edition's goals"},
                    {"starts_on", starts_on},
                    {"ends_on", ends_on}};
}

bj::object create_edition(Client& c) {
  auto r = c.post("/api/v1/editions", edition_body(fresh_number()));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json().as_object();
}

std::string path_of(const bj::object& e) { return "/api/v1/editions/" + std::to_string(e.at("id").as_int64()); }

Response transition(Client& c, const bj::object& e, std::string_view to) {
  return c.post(path_of(e) + "/transition", bj::object{{"to", to}});
}

const bool registered = register_authz_fixture([](AuthzSetup& s) {
  auto r = s.admin.post("/api/v1/editions", edition_body(900));
  s.ids.set("/api/v1/editions/", "{id}", r.json().at("id").as_int64());
});

TEST(Editions, TheDemoHasThreeEditionsFromTheSeeds) {
  auto r = as(kViewer).get("/api/v1/editions?filter[status]=closed&sort=number");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& items = r.json().at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(items.at(0).at("number").as_int64(), 1);
  EXPECT_EQ(items.at(1).at("number").as_int64(), 2);
  EXPECT_EQ(items.at(1).at("year").as_int64(), 2023);
  auto open = as(kViewer).get("/api/v1/editions?filter[year]=2024");
  ASSERT_EQ(open.json().at("total").as_int64(), 1);
  const auto& third = open.json().at("items").at(0);
  EXPECT_EQ(third.at("number").as_int64(), 3);
  EXPECT_EQ(third.at("status").as_string(), "open");
  EXPECT_EQ(third.at("title_ar").as_string(), "النسخة الثالثة من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير");
}

TEST(Editions, TheProgramOfficeCreatesEditsOpensAndClosesAnEdition) {
  auto& office = as(kOffice);
  auto e = create_edition(office);
  EXPECT_EQ(e.at("status").as_string(), "planning");
  EXPECT_EQ(e.at("version").as_int64(), 1);

  auto body = edition_body(e.at("number").as_int64(), "2026-02-01", "2026-11-30");
  body["title_en"] = "Renamed edition";
  body["version"] = 1;
  auto edited = office.put(path_of(e), body);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json().at("version").as_int64(), 2);
  EXPECT_EQ(edited.json().at("title_en").as_string(), "Renamed edition");
  EXPECT_EQ(edited.json().at("starts_on").as_string(), "2026-02-01");

  // Someone who read version 1 cannot overwrite version 2.
  auto stale = office.put(path_of(e), body);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json().at("field").as_string(), "version");

  auto opened = transition(office, e, "open");
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.json().at("status").as_string(), "open");
  auto again = transition(office, e, "open");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json().at("detail_en").as_string(), "The edition is open; it cannot move to open");
  auto back = transition(office, e, "planning");
  EXPECT_EQ(back.status, 409);

  ASSERT_EQ(transition(office, e, "closed").status, 200);
  auto reopen = transition(office, e, "open");
  EXPECT_EQ(reopen.status, 409);
  EXPECT_EQ(reopen.json().at("code").as_string(), "invalid_transition");
  EXPECT_EQ(reopen.json().at("detail_en").as_string(),
            "The edition is closed; it cannot move to open (closing is final)");
  EXPECT_NE(reopen.json().at("detail_ar").as_string().find("مغلقة"), std::string::npos);

  auto detail = as(kViewer).get(path_of(e));
  EXPECT_EQ(detail.json().at("status").as_string(), "closed");
  EXPECT_EQ(detail.json().at("version").as_int64(), 4);
}

TEST(Editions, PlanningCannotSkipToClosed) {
  auto& office = as(kOffice);
  auto e = create_edition(office);
  auto r = transition(office, e, "closed");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.json().at("detail_en").as_string(), "The edition is in planning; it cannot move to closed");
  EXPECT_EQ(transition(office, e, "archived").status, 400);
}

TEST(Editions, BadInputIsRefusedNamingTheField) {
  auto& office = as(kOffice);
  auto before = edition_body(fresh_number(), "2026-05-01", "2026-04-30");
  auto r = office.post("/api/v1/editions", before);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"ends_on"});

  auto not_a_day = edition_body(fresh_number(), "2026-02-30", "31/12/2026");
  r = office.post("/api/v1/editions", not_a_day);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"starts_on", "ends_on"}));

  auto wrong_types = edition_body(fresh_number());
  wrong_types["number"] = "three";
  wrong_types["year"] = 1066;
  r = office.post("/api/v1/editions", wrong_types);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"number"});

  auto english_arabic = edition_body(fresh_number());
  english_arabic["title_ar"] = "Not Arabic";
  english_arabic["title_en"] = std::string(201, 'x');
  english_arabic["year"] = 1999;
  r = office.post("/api/v1/editions", english_arabic);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"year", "title_ar", "title_en"}));

  auto unknown = edition_body(fresh_number());
  unknown["status"] = "open";
  r = office.post("/api/v1/editions", unknown);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"status"});

  auto duplicate = edition_body(2);
  r = office.post("/api/v1/editions", duplicate);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json().at("errors").at(0).at("code").as_string(), "duplicate");

  EXPECT_EQ(office.get("/api/v1/editions?filter[status]=finished").status, 400);
  EXPECT_EQ(office.get("/api/v1/editions?filter[year]=soon").status, 400);
  EXPECT_EQ(office.get("/api/v1/editions?sort=title_ar").status, 400);
  EXPECT_EQ(office.get("/api/v1/editions/99999999").status, 404);
  EXPECT_EQ(office.get("/api/v1/editions/abc").status, 404);
}

TEST(Editions, MarkupAndQuotesAreStoredAsTextNotRun) {
  auto body = edition_body(fresh_number());
  body["goals_en"] = "<script>alert(1)</script>'; DROP TABLE editions; --";
  body["title_en"] = "Edition <b>" + std::to_string(body["number"].as_int64()) + "</b> '; DROP TABLE editions; --";
  auto r = as(kOffice).post("/api/v1/editions", body);
  ASSERT_EQ(r.status, 201) << r.body;
  auto back = as(kViewer).get(path_of(r.json().as_object()));
  EXPECT_EQ(back.json().at("goals_en").as_string(), "<script>alert(1)</script>'; DROP TABLE editions; --");
  EXPECT_EQ(as(kViewer).get("/api/v1/editions?q=" + url_encode("'; DROP")).json().at("total").as_int64(), 1);
}

TEST(Editions, OnlyNationalRolesChangeEditions) {
  auto e = create_edition(as(kOffice));
  auto body = edition_body(e.at("number").as_int64());
  body["version"] = 1;
  for (auto who : {"coordinator@demo.manzuma.om", "practice.owner@demo.manzuma.om", "viewer@demo.manzuma.om"}) {
    EXPECT_EQ(as(who).post("/api/v1/editions", edition_body(fresh_number())).status, 403) << who;
    EXPECT_EQ(as(who).put(path_of(e), body).status, 403) << who;
    EXPECT_EQ(transition(as(who), e, "open").status, 403) << who;
    EXPECT_EQ(as(who).get(path_of(e)).status, 200) << who;
  }
  EXPECT_EQ(as(kViewer).get(path_of(e)).json().at("status").as_string(), "planning");
}

TEST(Editions, ListsSortAndPage) {
  auto& c = as(kViewer);
  auto desc = c.get("/api/v1/editions?sort=-number&page[size]=1");
  ASSERT_EQ(desc.status, 200);
  const auto first = desc.json().at("items").at(0).at("number").as_int64();
  EXPECT_GE(first, 3);
  ASSERT_TRUE(desc.json().at("next").is_string());
  auto next =
      c.get("/api/v1/editions?sort=-number&page[size]=1&page[after]=" + url_encode(desc.json().at("next").as_string()));
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_LT(next.json().at("items").at(0).at("number").as_int64(), first);
}

}  // namespace
}  // namespace manzuma::api_test
