// Partnerships (MoUs): parties, dates, transitions, follow-up actions, who may write, the demo memoranda.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

std::int64_t org_id(std::string_view name_en) {
  auto r = admin().get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + std::string(name_en));
}

std::int64_t user_id(std::string_view email) {
  return admin().get("/api/v1/users?q=" + url_encode(email)).json().at("items").at(0).at("id").as_int64();
}

// Days from today (UTC) as YYYY-MM-DD.
std::string day(int offset) {
  const auto d = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days{offset};
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

bj::object mou(std::string_view title_en, std::string_view signed_on, std::int64_t months, bj::array parties) {
  return bj::object{{"title_ar", "مذكرة تعاون " + std::string(title_en)},
                    {"title_en", title_en},
                    {"signed_on", signed_on},
                    {"duration_months", months},
                    {"party_ids", std::move(parties)},
                    {"areas", bj::array{bj::object{{"name_ar", "التدريب التخصصي"}, {"name_en", "Training"}}}}};
}

bj::array two_parties() { return bj::array{org_id("Ministry of Labour"), org_id("Oman Film Society")}; }

std::string path(std::int64_t id, std::string_view rest = "") {
  return "/api/v1/partnerships/" + std::to_string(id) + std::string(rest);
}

bj::value create_active(Client& c, std::string_view title, std::string_view signed_on, std::int64_t months) {
  auto r = c.post("/api/v1/partnerships", mou(title, signed_on, months, two_parties()));
  if (r.status != 201) throw std::runtime_error("create: " + r.body);
  auto a = c.post(path(r.json().at("id").as_int64(), "/status"),
                  bj::object{{"status", "active"}, {"version", r.json().at("version")}});
  if (a.status != 200) throw std::runtime_error("activate: " + a.body);
  return a.json();
}

TEST(Partnerships, DemoMemorandaFromTheFourthForumAreThere) {
  auto& viewer = as("viewer@demo.manzuma.om");
  auto list = viewer.get("/api/v1/partnerships?page[size]=50&filter[status]=active");
  ASSERT_EQ(list.status, 200) << list.body;
  int found = 0;
  bool renewal_due = false;
  for (const auto& p : list.json().at("items").as_array()) {
    const std::string title(p.at("title_en").as_string());
    for (const char* party : {"Al Shawamikh", "Weatherford", "Oman Film Society"})
      if (title.find(party) != std::string::npos && title.starts_with("MoU between the Ministry of Labour")) {
        ++found;
        EXPECT_EQ(p.at("parties").as_array().size(), 2u);
        EXPECT_EQ(p.at("parties").at(0).at("name_en").as_string(), "Ministry of Labour");
        EXPECT_GE(p.at("open_actions").as_int64(), 1);
        if (std::string(party) == "Oman Film Society") renewal_due = p.at("renewal_due").as_bool();
      }
  }
  EXPECT_EQ(found, 3);
  EXPECT_TRUE(renewal_due) << "the Film Society MoU is the one nearing renewal";
  // Searching by a party's Arabic name finds its MoU.
  auto q = viewer.get("/api/v1/partnerships?page[size]=100&q=" + url_encode("الشوامخ"));
  std::int64_t shawamikh = 0;
  for (const auto& p : q.json().at("items").as_array())
    if (p.at("title_en").as_string() == "MoU between the Ministry of Labour and Al Shawamikh Oilfield Services")
      shawamikh = p.at("id").as_int64();
  ASSERT_GT(shawamikh, 0) << q.body;
  auto one = viewer.get(path(shawamikh));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json().at("areas").as_array().size(), 2u);
  EXPECT_GE(one.json().at("actions").as_array().size(), 3u);
}

TEST(Partnerships, AnMouNeedsTwoDistinctExistingParties) {
  auto& c = as("office@demo.manzuma.om");
  const auto labour = org_id("Ministry of Labour");
  auto one = c.post("/api/v1/partnerships", mou(unique("Solo"), "2026-01-10", 12, bj::array{labour}));
  EXPECT_EQ(one.status, 400);
  EXPECT_EQ(one.error_fields(), std::vector<std::string>{"party_ids"});
  EXPECT_EQ(one.json().at("errors").at(0).at("code").as_string(), "too_few");
  auto twice = c.post("/api/v1/partnerships", mou(unique("Twice"), "2026-01-10", 12, bj::array{labour, labour}));
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(twice.json().at("errors").at(0).at("code").as_string(), "duplicate");
  auto ghost = c.post("/api/v1/partnerships", mou(unique("Ghost"), "2026-01-10", 12, bj::array{labour, 99999999}));
  EXPECT_EQ(ghost.status, 400);
  EXPECT_EQ(ghost.json().at("errors").at(0).at("code").as_string(), "not_found");
}

TEST(Partnerships, DatesDurationsAndTextAreChecked) {
  auto& c = as("office@demo.manzuma.om");
  auto bad_day = c.post("/api/v1/partnerships", mou(unique("BadDay"), "2025-02-30", 12, two_parties()));
  EXPECT_EQ(bad_day.status, 400);
  EXPECT_EQ(bad_day.error_fields(), std::vector<std::string>{"signed_on"});
  for (std::int64_t months : {0, 121, -3}) {
    auto r = c.post("/api/v1/partnerships", mou(unique("Months"), "2026-01-10", months, two_parties()));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.error_fields(), std::vector<std::string>{"duration_months"});
  }
  auto body = mou(unique("Types"), "2026-01-10", 12, two_parties());
  body["duration_months"] = "twelve";
  auto typed = c.post("/api/v1/partnerships", body);
  EXPECT_EQ(typed.status, 400);
  EXPECT_EQ(typed.error_fields(), std::vector<std::string>{"duration_months"});
  auto extra = mou(unique("Extra"), "2026-01-10", 12, two_parties());
  extra["owner"] = "me";
  EXPECT_EQ(c.post("/api/v1/partnerships", extra).status, 400);
  auto long_title = mou(std::string(301, 'x'), "2026-01-10", 12, two_parties());
  long_title["title_ar"] = "مذكرة تعاون بعنوان إنجليزي طويل";
  auto r = c.post("/api/v1/partnerships", long_title);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"title_en"});
  auto latin_ar = mou(unique("Latin"), "2026-01-10", 12, two_parties());
  latin_ar["areas"] = bj::array{bj::object{{"name_ar", "Training"}, {"name_en", "Training"}}};
  auto a = c.post("/api/v1/partnerships", latin_ar);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.error_fields(), std::vector<std::string>{"areas[0].name_ar"});
}

TEST(Partnerships, ExpiryIsSigningDayPlusTheMonthsAndHtmlIsStoredAsText) {
  auto& c = as("office@demo.manzuma.om");
  const std::string title = "<script>alert(1)</script>'; DROP TABLE partnerships; -- " + unique("x");
  auto r = c.post("/api/v1/partnerships", mou(title, "2024-01-31", 1, two_parties()));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("expires_on").as_string(), "2024-02-29");
  EXPECT_EQ(r.json().at("status").as_string(), "draft");
  EXPECT_EQ(r.json().at("title_en").as_string(), title);
  EXPECT_EQ(r.json().at("renewal_reminder_days").as_int64(), 60);
  // Its term is over: it cannot be activated as it stands.
  auto act = c.post(path(r.json().at("id").as_int64(), "/status"),
                    bj::object{{"status", "active"}, {"version", r.json().at("version")}});
  EXPECT_EQ(act.status, 409);
  EXPECT_EQ(act.json().at("code").as_string(), "already_expired");
}

TEST(Partnerships, TransitionsFollowDraftActiveTerminatedAndNameTheCurrentStatus) {
  auto& c = as("office@demo.manzuma.om");
  auto r = c.post("/api/v1/partnerships", mou(unique("Flow"), day(-30), 12, two_parties()));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.json().at("id").as_int64();
  auto v = r.json().at("version").as_int64();
  auto skip = c.post(path(id, "/status"), bj::object{{"status", "terminated"}, {"version", v}});
  EXPECT_EQ(skip.status, 409);
  EXPECT_NE(skip.json().at("detail_en").as_string().find("draft"), std::string::npos) << skip.body;
  auto stale = c.post(path(id, "/status"), bj::object{{"status", "active"}, {"version", v + 7}});
  EXPECT_EQ(stale.status, 409);
  auto active = c.post(path(id, "/status"), bj::object{{"status", "active"}, {"version", v}});
  ASSERT_EQ(active.status, 200) << active.body;
  EXPECT_EQ(active.json().at("status").as_string(), "active");
  v = active.json().at("version").as_int64();
  for (const char* to : {"active", "draft", "expired"}) {
    auto again = c.post(path(id, "/status"), bj::object{{"status", to}, {"version", v}});
    EXPECT_EQ(again.status, 409) << to;
    EXPECT_NE(again.json().at("detail_en").as_string().find("active"), std::string::npos);
  }
  auto bogus = c.post(path(id, "/status"), bj::object{{"status", "paused"}, {"version", v}});
  EXPECT_EQ(bogus.status, 400);
  auto end = c.post(path(id, "/status"), bj::object{{"status", "terminated"}, {"version", v}});
  ASSERT_EQ(end.status, 200);
  EXPECT_EQ(end.json().at("terminated_on").as_string(), day(0));
  // Terminated is final: no edits, no new actions.
  auto edit = mou("Edited", day(-30), 12, two_parties());
  edit["version"] = end.json().at("version");
  EXPECT_EQ(c.put(path(id), edit).status, 409);
  auto action = c.post(path(id, "/actions"), bj::object{{"title_ar", "إجراء متابعة"},
                                                        {"title_en", "Follow up"},
                                                        {"owner_id", user_id("office@demo.manzuma.om")},
                                                        {"due_on", day(10)}});
  EXPECT_EQ(action.status, 409);
  // The audit log tells the story.
  auto audit = admin().get("/api/v1/audit?filter[resource_type]=partnership&filter[resource_id]=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json().at("total").as_int64(), 3);
}

TEST(Partnerships, EditsNeedTheCurrentVersionAndRecomputeTheExpiry) {
  auto& c = as("office@demo.manzuma.om");
  auto r = c.post("/api/v1/partnerships", mou(unique("Edit"), "2026-01-15", 12, two_parties()));
  ASSERT_EQ(r.status, 201);
  const auto id = r.json().at("id").as_int64();
  auto edit = mou(
      std::string(r.json().at("title_en").as_string()), "2026-01-15", 24,
      bj::array{org_id("Ministry of Labour"), org_id("Weatherford Oil Tool Middle East"), org_id("Oman Film Society")});
  edit["version"] = r.json().at("version");
  auto ok = c.put(path(id), edit);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("expires_on").as_string(), "2028-01-15");
  EXPECT_EQ(ok.json().at("parties").as_array().size(), 3u);
  auto stale = c.put(path(id), edit);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(c.put(path(99999999), edit).status, 404);
}

TEST(Partnerships, FollowUpActionsHaveOwnersDueDatesAndStatusRules) {
  auto& c = as("office@demo.manzuma.om");
  auto p = create_active(c, unique("Actions"), "2026-01-01", 24);
  const auto id = p.at("id").as_int64();
  const auto viewer = user_id("viewer@demo.manzuma.om");
  auto before_signing = c.post(path(id, "/actions"), bj::object{{"title_ar", "إجراء قبل التوقيع"},
                                                                {"title_en", "Too early"},
                                                                {"owner_id", viewer},
                                                                {"due_on", "2025-12-31"}});
  EXPECT_EQ(before_signing.status, 400);
  EXPECT_EQ(before_signing.error_fields(), std::vector<std::string>{"due_on"});
  auto nobody = c.post(
      path(id, "/actions"),
      bj::object{
          {"title_ar", "إجراء بلا مسؤول"}, {"title_en", "No owner"}, {"owner_id", 99999999}, {"due_on", "2026-03-01"}});
  EXPECT_EQ(nobody.status, 400);
  EXPECT_EQ(nobody.error_fields(), std::vector<std::string>{"owner_id"});

  const std::string title = unique("Overdue follow-up");
  auto late = c.post(
      path(id, "/actions"),
      bj::object{{"title_ar", "متابعة متأخرة"}, {"title_en", title}, {"owner_id", viewer}, {"due_on", "2026-02-01"}});
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_TRUE(late.json().at("overdue").as_bool());
  EXPECT_EQ(late.json().at("owner_name_en").as_string(), "Yousuf Hamad Al Hinai");
  const auto aid = late.json().at("id").as_int64();

  // The owner is told, with a link to the MoU.
  auto notices = as("viewer@demo.manzuma.om").get("/api/v1/notifications?page[size]=20");
  bool told = false;
  for (const auto& n : notices.json().at("items").as_array())
    told = told || (n.at("kind").as_string() == "partnership.action_assigned" &&
                    n.at("link").as_string() == "/partnerships/" + std::to_string(id) &&
                    n.at("title_en").as_string().ends_with(title));
  EXPECT_TRUE(told) << notices.body;

  auto update = [&](std::string_view status, std::int64_t version) {
    return c.put(path(id, "/actions/" + std::to_string(aid)), bj::object{{"title_ar", "متابعة متأخرة"},
                                                                         {"title_en", title},
                                                                         {"owner_id", viewer},
                                                                         {"due_on", "2026-02-01"},
                                                                         {"status", status},
                                                                         {"version", version}});
  };
  auto done = update("done", 1);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("completed_on").as_string(), day(0));
  EXPECT_FALSE(done.json().at("overdue").as_bool());
  EXPECT_EQ(update("open", 1).status, 409) << "stale version";
  auto cancel = update("cancelled", 2);
  EXPECT_EQ(cancel.status, 409);
  EXPECT_NE(cancel.json().at("detail_en").as_string().find("done"), std::string::npos);
  auto reopen = update("open", 2);
  ASSERT_EQ(reopen.status, 200);
  EXPECT_TRUE(reopen.json().at("completed_on").is_null());
  EXPECT_TRUE(reopen.json().at("overdue").as_bool());
  // The action of one MoU is not found under another.
  auto other = create_active(c, unique("Other"), "2026-01-01", 12);
  EXPECT_EQ(c.put(path(other.at("id").as_int64(), "/actions/" + std::to_string(aid)),
                  bj::object{{"title_ar", "متابعة متأخرة"},
                             {"title_en", title},
                             {"owner_id", viewer},
                             {"due_on", "2026-02-01"},
                             {"status", "open"},
                             {"version", 3}})
                .status,
            404);
  auto list = c.get("/api/v1/partnerships?q=" + url_encode(std::string(p.at("title_en").as_string())));
  EXPECT_EQ(list.json().at("items").at(0).at("overdue_actions").as_int64(), 1);
}

TEST(Partnerships, OnlyNationalRolesWriteAndEveryoneSignedInReads) {
  auto& coordinator = as("coordinator@demo.manzuma.om");
  EXPECT_EQ(coordinator.post("/api/v1/partnerships", mou(unique("Nope"), "2026-01-10", 12, two_parties())).status, 403);
  EXPECT_EQ(as("assessor@demo.manzuma.om").get("/api/v1/partnerships").status, 200);
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get("/api/v1/partnerships").status, 401);
  EXPECT_EQ(as("viewer@demo.manzuma.om").get(path(99999999)).status, 404);
  EXPECT_EQ(as("viewer@demo.manzuma.om").get("/api/v1/partnerships?filter[status]=paused").status, 400);
  EXPECT_EQ(as("viewer@demo.manzuma.om").get("/api/v1/partnerships?filter[colour]=red").status, 400);
}

TEST(Partnerships, ListsSortAndPageByExpiry) {
  auto& c = as("office@demo.manzuma.om");
  const auto tag = unique("Paging");
  for (int i = 0; i < 3; ++i) create_active(c, tag + " " + std::to_string(i), day(-10), 12 + i);
  auto first = c.get("/api/v1/partnerships?page[size]=2&sort=-expires_on&q=" + url_encode(tag));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("total").as_int64(), 3);
  ASSERT_EQ(first.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(first.json().at("items").at(0).at("duration_months").as_int64(), 14);
  auto second = c.get("/api/v1/partnerships?page[size]=2&sort=-expires_on&q=" + url_encode(tag) +
                      "&page[after]=" + url_encode(std::string(first.json().at("next").as_string())));
  ASSERT_EQ(second.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(second.json().at("items").at(0).at("duration_months").as_int64(), 12);
}

// The authorisation matrix walks an MoU and one of its actions.
const bool registered = register_authz_fixture([](AuthzSetup& s) {
  auto labour = s.admin.get("/api/v1/organizations?q=" + url_encode("Ministry of Labour"));
  const auto labour_id = labour.json().at("items").at(0).at("id").as_int64();
  auto p = s.admin.post("/api/v1/partnerships", bj::object{{"title_ar", "مذكرة تعاون للمصفوفة"},
                                                           {"title_en", "Matrix MoU"},
                                                           {"signed_on", "2026-01-01"},
                                                           {"duration_months", 24},
                                                           {"party_ids", bj::array{labour_id, s.interior}},
                                                           {"areas", bj::array{}}});
  if (p.status != 201) throw std::runtime_error("matrix MoU: " + p.body);
  const auto id = p.json().at("id").as_int64();
  auto me = s.admin.get("/api/v1/me");
  auto a = s.admin.post("/api/v1/partnerships/" + std::to_string(id) + "/actions",
                        bj::object{{"title_ar", "إجراء للمصفوفة"},
                                   {"title_en", "Matrix action"},
                                   {"owner_id", me.json().at("user").at("id")},
                                   {"due_on", "2026-06-01"}});
  if (a.status != 201) throw std::runtime_error("matrix action: " + a.body);
  s.ids.set("/api/v1/partnerships/", "{id}", id);
  s.ids.set("/api/v1/partnerships/", "{action_id}", a.json().at("id").as_int64());
});

}  // namespace
}  // namespace manzuma::api_test
