// Adoptions with applied implementation plans: the lifecycle, entity scope (another entity's adoption is a
// 404 on every route), the plan's rules (done only at 100%, due ≥ start, versions), evidence from the
// adopting organisation only, indicators by period, and the computed health with its reasons.
//
// The editions and practices APIs live in other branches, so the edition and practice each test adopts are
// inserted with Server::sql() under explicit ids.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <set>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const std::string kCoordinator = "coordinator@demo.manzuma.om";  // MTCIT
const std::string kChangeHead = "change.head@demo.manzuma.om";   // MTCIT
const std::string kOffice = "office@demo.manzuma.om";
const std::string kViewer = "viewer@demo.manzuma.om";            // Ministry of Interior
const std::string kOwner = "practice.owner@demo.manzuma.om";     // OQ
const std::string kContributor = "contributor@demo.manzuma.om";  // Omran

std::string day(int offset) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now()) + days{offset}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::int64_t next_id() {
  static std::atomic<std::int64_t> n{0};
  return 1'000'000'000 + (getpid() % 100000) * 1000 + ++n;
}

std::int64_t org_id(const std::string& name_en) {
  auto r = admin().get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + name_en);
}
std::int64_t mtcit() {
  static const auto id = org_id("Ministry of Transport, Communications and Information Technology");
  return id;
}
std::int64_t interior() {
  static const auto id = org_id("Ministry of Interior");
  return id;
}

std::int64_t user_id(const std::string& email) {
  auto r = admin().get("/api/v1/users?q=" + url_encode(email));
  return r.json().at("items").at(0).at("id").as_int64();
}

std::int64_t make_edition(std::string_view status = "open", Server& server = Server::shared()) {
  const auto id = next_id();
  server.sql(
      "INSERT INTO editions (id, number, year, title_ar, title_en, starts_on, ends_on, status,"
      " created_at, updated_at) VALUES (" +
      std::to_string(id) + ", " + std::to_string(id) + ", 2026, 'النسخة " + std::to_string(id) + "', 'Edition " +
      std::to_string(id) + "', '2026-01-01', '2026-12-31', '" + std::string(status) +
      "', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

// A practice contributed by OQ and owned by the demo practice owner.
std::int64_t make_practice(std::int64_t edition, std::string_view status = "published",
                           Server& server = Server::shared()) {
  const auto id = next_id();
  server.sql(
      "INSERT INTO practices (id, edition_id, organization_id, owner_id, category, title_ar, title_en, status,"
      " created_at, updated_at) VALUES (" +
      std::to_string(id) + ", " + std::to_string(edition) +
      ", (SELECT id FROM organizations WHERE name_en = 'OQ Group')" +
      ", (SELECT id FROM users WHERE email = 'practice.owner@demo.manzuma.om'), 'risk_management', 'ممارسة " +
      std::to_string(id) + "', 'Practice " + std::to_string(id) + "', '" + std::string(status) +
      "', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

bj::object adoption_body(std::int64_t edition, std::int64_t practice, std::int64_t organization) {
  return {{"edition_id", edition},
          {"practice_id", practice},
          {"organization_id", organization},
          {"objective_ar", "تطبيق الممارسة في الجهة"},
          {"objective_en", "Apply the practice in the entity"},
          {"starts_on", day(-60)},
          {"ends_on", day(120)}};
}

bj::object action_body(std::string_view title = "Map the stakeholders", int starts = -30, int due = 30) {
  return {{"title_ar", "إجراء " + std::string(title)},
          {"title_en", title},
          {"starts_on", day(starts)},
          {"due_on", day(due)}};
}

std::string path(std::int64_t id, std::string_view rest = "") {
  return "/api/v1/adoptions/" + std::to_string(id) + std::string(rest);
}

// A fresh adoption of a fresh practice by `organization`, created by `email`.
bj::object adopt(const std::string& email, std::int64_t organization) {
  const auto edition = make_edition();
  auto r = as(email).post("/api/v1/adoptions", adoption_body(edition, make_practice(edition), organization));
  if (r.status != 201) throw std::runtime_error("adopt: " + r.body);
  return r.json().as_object();
}

std::int64_t id_of(const bj::object& detail) { return detail.at("adoption").at("id").as_int64(); }
std::int64_t version_of(Client& c, std::int64_t id) {
  return c.get(path(id)).json().at("adoption").at("version").as_int64();
}

Response move(Client& c, std::int64_t id, std::string_view to, std::optional<std::string> reason = std::nullopt) {
  bj::object body{{"version", version_of(c, id)}};
  if (reason) body["reason"] = *reason;
  std::string rest = "/";
  rest += to;
  return c.post(path(id, rest), body);
}

// An adoption of `organization` taken to approved, with one action, by the office.
std::int64_t approved_adoption(std::int64_t organization, int action_due = 30) {
  auto& office = as(kOffice);
  const auto id = id_of(adopt(kOffice, organization));
  EXPECT_EQ(office.post(path(id, "/actions"), action_body("First step", -30, action_due)).status, 201);
  EXPECT_EQ(move(office, id, "submit").status, 200);
  EXPECT_EQ(move(office, id, "approve").status, 200);
  return id;
}

bj::object action_update(const bj::value& action, std::string_view status, std::int64_t percent) {
  return {{"title_ar", action.at("title_ar")}, {"title_en", action.at("title_en")},
          {"owner_id", action.at("owner_id")}, {"starts_on", action.at("starts_on")},
          {"due_on", action.at("due_on")},     {"status", status},
          {"percent_done", percent},           {"version", action.at("version")}};
}

Response upload_csv(Client& c, std::int64_t organization, std::string_view filename) {
  const std::string b = "adoptionsboundary" + unique("b");
  return c.request("POST", "/api/v1/attachments",
                   "--" + b + "\r\nContent-Disposition: form-data; name=\"organization_id\"\r\n\r\n" +
                       std::to_string(organization) + "\r\n--" + b +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + std::string(filename) +
                       "\"\r\nContent-Type: text/csv\r\n\r\nالبند,الحالة\r\nتدريب,منجز\r\n\r\n--" + b + "--\r\n",
                   {"Content-Type: multipart/form-data; boundary=" + b});
}

TEST(Adoptions, CoordinatorAdoptsBuildsAPlanSubmitsAndTheOfficeApproves) {
  auto& coord = as(kCoordinator);
  const auto edition = make_edition();
  const auto practice = make_practice(edition);
  auto created = coord.post("/api/v1/adoptions", adoption_body(edition, practice, mtcit()));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto& a = created.json().at("adoption");
  EXPECT_EQ(a.at("status").as_string(), "draft");
  EXPECT_EQ(a.at("practice_edition_id").as_int64(), edition);
  EXPECT_TRUE(a.at("health").is_null());
  const auto id = a.at("id").as_int64();
  const auto perms = created.json().at("permissions");
  EXPECT_EQ(perms.at("transitions"), (bj::array{"submit", "withdraw"}));

  // A plan cannot be submitted empty.
  auto empty = move(coord, id, "submit");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.error_fields(), std::vector<std::string>{"actions"});

  auto body = action_body("Train change leaders");
  body["owner_id"] = user_id(kChangeHead);
  auto act = coord.post(path(id, "/actions"), body);
  ASSERT_EQ(act.status, 201) << act.body;
  EXPECT_EQ(act.json().at("owner_name_en").as_string(), "Ahmed Ali Al Kindi");
  EXPECT_EQ(act.json().at("status").as_string(), "not_started");

  auto submitted = move(coord, id, "submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json().at("adoption").at("status").as_string(), "submitted");
  // Coordinators do not approve their own plans.
  EXPECT_EQ(move(coord, id, "approve").status, 403);
  // While the office reviews it, the plan is locked.
  auto locked = coord.post(path(id, "/actions"), action_body("Late addition"));
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(locked.json().at("code").as_string(), "plan_locked");

  auto& office = as(kOffice);
  auto approved = move(office, id, "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  const auto& ap = approved.json().at("adoption");
  EXPECT_EQ(ap.at("status").as_string(), "approved");
  EXPECT_EQ(ap.at("approved_by_name_en").as_string(), "Salim Khamis Al Harthi");
  EXPECT_FALSE(ap.at("approved_at").is_null());
  EXPECT_EQ(ap.at("health").as_string(), "not_started");
  EXPECT_EQ(ap.at("health_reasons").at(0).at("code").as_string(), "no_progress");

  // Implementation: progress is editable again and moves last_progress_at.
  auto detail = coord.get(path(id));
  const auto action = detail.json().at("actions").at(0);
  auto progressed = coord.put(path(id, "/actions/" + std::to_string(action.at("id").as_int64())),
                              action_update(action, "in_progress", 40));
  ASSERT_EQ(progressed.status, 200) << progressed.body;
  auto after = coord.get(path(id)).json().at("adoption");
  EXPECT_FALSE(after.at("last_progress_at").is_null());
  EXPECT_EQ(after.at("health").as_string(), "on_track");
  EXPECT_DOUBLE_EQ(after.at("overall_percent").to_number<double>(), 40.0);

  auto completed = move(coord, id, "complete");
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_TRUE(completed.json().at("adoption").at("health").is_null());
  EXPECT_EQ(coord
                .post(path(id, "/milestones"),
                      bj::object{{"title_ar", "معلم"}, {"title_en", "Milestone"}, {"due_on", day(10)}})
                .status,
            409);
}

TEST(Adoptions, AnEntityCannotAdoptThePracticeTwiceInOneEdition) {
  auto& coord = as(kCoordinator);
  const auto edition = make_edition();
  const auto practice = make_practice(edition);
  ASSERT_EQ(coord.post("/api/v1/adoptions", adoption_body(edition, practice, mtcit())).status, 201);
  auto again = coord.post("/api/v1/adoptions", adoption_body(edition, practice, mtcit()));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json().at("code").as_string(), "already_adopted");
  EXPECT_NE(again.json().at("detail_en").as_string().find("already adopts"), std::string::npos) << again.body;
  // Another entity may; the same entity may in a later edition, adopting the earlier edition's practice.
  EXPECT_EQ(as(kOffice).post("/api/v1/adoptions", adoption_body(edition, practice, interior())).status, 201);
  const auto later = make_edition();
  auto next = coord.post("/api/v1/adoptions", adoption_body(later, practice, mtcit()));
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json().at("adoption").at("edition_id").as_int64(), later);
  EXPECT_EQ(next.json().at("adoption").at("practice_edition_id").as_int64(), edition);
}

TEST(Adoptions, OnlyPublishedPracticesOfThisOrAnEarlierEditionInAnOpenEdition) {
  auto& coord = as(kCoordinator);
  const auto edition = make_edition();
  auto draft = coord.post("/api/v1/adoptions", adoption_body(edition, make_practice(edition, "draft"), mtcit()));
  EXPECT_EQ(draft.status, 400);
  EXPECT_EQ(draft.error_fields(), std::vector<std::string>{"practice_id"});
  const auto later = make_edition();
  auto future = coord.post("/api/v1/adoptions", adoption_body(edition, make_practice(later), mtcit()));
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(future.error_fields(), std::vector<std::string>{"practice_id"});
  const auto closed = make_edition("closed");
  auto in_closed = coord.post("/api/v1/adoptions", adoption_body(closed, make_practice(edition), mtcit()));
  EXPECT_EQ(in_closed.status, 400);
  EXPECT_EQ(in_closed.error_fields(), std::vector<std::string>{"edition_id"});
  auto missing = coord.post("/api/v1/adoptions", adoption_body(edition, 987654321, mtcit()));
  EXPECT_EQ(missing.error_fields(), std::vector<std::string>{"practice_id"});
  // Dates and text.
  auto body = adoption_body(edition, make_practice(edition), mtcit());
  body["ends_on"] = day(-90);
  body["objective_ar"] = "only english";
  auto bad = coord.post("/api/v1/adoptions", body);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"objective_ar", "ends_on"}));
  body = adoption_body(edition, make_practice(edition), mtcit());
  body["starts_on"] = "2026-02-30";
  body["edition_id"] = "two";
  EXPECT_EQ(coord.post("/api/v1/adoptions", body).status, 400);
  // A coordinator adopts for their own entity only.
  EXPECT_EQ(coord.post("/api/v1/adoptions", adoption_body(edition, make_practice(edition), interior())).status, 403);
}

TEST(Adoptions, ACoordinatorCannotReachAnotherEntitysAdoptionOnAnyRoute) {
  const auto id = approved_adoption(interior());
  auto& office = as(kOffice);
  const auto detail = office.get(path(id)).json();
  const auto action = std::to_string(detail.at("actions").at(0).at("id").as_int64());
  auto milestone = office.post(path(id, "/milestones"),
                               bj::object{{"title_ar", "معلم"}, {"title_en", "Milestone"}, {"due_on", day(10)}});
  auto indicator = office.post(path(id, "/indicators"), bj::object{{"name_ar", "مؤشر الرضا"},
                                                                   {"name_en", "Satisfaction"},
                                                                   {"unit", "%"},
                                                                   {"baseline", 60},
                                                                   {"target", 85},
                                                                   {"direction", "increase"}});
  ASSERT_EQ(indicator.status, 201) << indicator.body;
  const auto m = std::to_string(milestone.json().at("id").as_int64());
  const auto i = std::to_string(indicator.json().at("id").as_int64());

  for (const auto& email : {kCoordinator, kChangeHead}) {
    auto& c = as(email);
    EXPECT_EQ(c.get(path(id)).status, 404);
    EXPECT_EQ(c.get(path(id, "/actions/" + action + "/comments")).status, 404);
    const bj::object valid_update{{"objective_ar", "هدف"},
                                  {"objective_en", "Objective"},
                                  {"starts_on", day(-1)},
                                  {"ends_on", day(1)},
                                  {"version", 1}};
    EXPECT_EQ(c.put(path(id), valid_update).status, 404);
    for (const auto* to : {"submit", "complete", "withdraw"})
      EXPECT_EQ(c.post(path(id, std::string("/") + to), bj::object{{"version", 1}, {"reason", "no reason"}}).status,
                404)
          << to;
    EXPECT_EQ(c.post(path(id, "/actions"), action_body()).status, 404);
    EXPECT_EQ(
        c.put(path(id, "/actions/" + action), action_update(detail.at("actions").at(0), "in_progress", 50)).status,
        404);
    EXPECT_EQ(c.post(path(id, "/actions/" + action + "/evidence"), bj::object{{"attachment_id", 1}}).status, 404);
    EXPECT_EQ(c.del(path(id, "/actions/" + action + "/evidence/1")).status, 404);
    EXPECT_EQ(c.post(path(id, "/actions/" + action + "/comments"), bj::object{{"body", "hello"}}).status, 404);
    EXPECT_EQ(
        c.post(path(id, "/milestones"), bj::object{{"title_ar", "م"}, {"title_en", "M"}, {"due_on", day(1)}}).status,
        404);
    EXPECT_EQ(c.put(path(id, "/milestones/" + m),
                    bj::object{{"title_ar", "معلم"}, {"title_en", "Milestone"}, {"due_on", day(1)}, {"version", 1}})
                  .status,
              404);
    EXPECT_EQ(c.post(path(id, "/indicators"), indicator.json()).status, 404);
    EXPECT_EQ(c.put(path(id, "/indicators/" + i + "/values/2026-01"), bj::object{{"actual", 70}}).status, 404);
    // Even a body the decoder would refuse is a 404 first: the record does not exist for them.
    EXPECT_EQ(c.put(path(id, "/indicators/" + i), bj::object{}).status, 404);
    // And the list does not show it.
    auto list = c.get("/api/v1/adoptions?filter[organization_id]=" + std::to_string(interior()));
    EXPECT_EQ(list.json().at("total").as_int64(), 0);
  }
  // The Ministry of Interior's viewer reads it but changes nothing; the practice owner (OQ) reads its adopters.
  EXPECT_EQ(as(kViewer).get(path(id)).status, 200);
  EXPECT_EQ(as(kViewer).post(path(id, "/actions"), action_body()).status, 403);
  EXPECT_EQ(as(kOwner).get(path(id)).status, 200);
  auto owners = as(kOwner).get("/api/v1/adoptions?filter[practice_id]=" +
                               std::to_string(detail.at("adoption").at("practice_id").as_int64()));
  EXPECT_EQ(owners.json().at("total").as_int64(), 1);
  EXPECT_EQ(as(kContributor).get(path(id)).status, 404);
}

TEST(Adoptions, ActionProgressRules) {
  auto& coord = as(kCoordinator);
  const auto id = id_of(adopt(kCoordinator, mtcit()));
  auto body = action_body();
  body["status"] = "done";
  body["percent_done"] = 40;
  auto r = coord.post(path(id, "/actions"), body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"percent_done"});
  EXPECT_NE(r.body.find("An action cannot be done at 40%"), std::string::npos) << r.body;

  auto act = coord.post(path(id, "/actions"), action_body());
  ASSERT_EQ(act.status, 201);
  const auto a = act.json();
  const auto url = path(id, "/actions/" + std::to_string(a.at("id").as_int64()));
  struct Case {
    const char* status;
    std::int64_t percent;
    const char* field;
  };
  for (const auto& c : {Case{"done", 40, "percent_done"}, Case{"in_progress", 100, "status"},
                        Case{"not_started", 30, "percent_done"}, Case{"in_progress", 0, "percent_done"},
                        Case{"in_progress", 101, "percent_done"}, Case{"blocked", -1, "percent_done"}}) {
    auto bad = coord.put(url, action_update(a, c.status, c.percent));
    EXPECT_EQ(bad.status, 400) << c.status << " " << c.percent;
    EXPECT_EQ(bad.error_fields(), std::vector<std::string>{c.field}) << c.status << " " << c.percent;
  }
  auto wrong_type = action_update(a, "done", 100);
  wrong_type["percent_done"] = "100";
  EXPECT_EQ(coord.put(url, wrong_type).status, 400);
  auto unknown = action_update(a, "finished", 100);
  EXPECT_EQ(coord.put(url, unknown).error_fields(), std::vector<std::string>{"status"});

  // Due before start; an owner from another entity; over-long title.
  auto dates = action_body("Backwards", 10, -10);
  EXPECT_EQ(coord.post(path(id, "/actions"), dates).error_fields(), std::vector<std::string>{"due_on"});
  auto foreign = action_body();
  foreign["owner_id"] = user_id(kViewer);
  EXPECT_EQ(coord.post(path(id, "/actions"), foreign).error_fields(), std::vector<std::string>{"owner_id"});
  auto long_title = action_body(std::string(400, 'x'));
  EXPECT_EQ(coord.post(path(id, "/actions"), long_title).error_fields(),
            (std::vector<std::string>{"title_ar", "title_en"}));

  // Done at 100 is fine; a second write with the version already used is a stale 409.
  auto done = coord.put(url, action_update(a, "done", 100));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json().at("version").as_int64(), 2);
  auto stale = coord.put(url, action_update(a, "in_progress", 50));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json().at("code").as_string(), "stale_version");

  // HTML and SQL in text are stored and returned as text.
  auto html = action_body("<script>alert(1)</script>'); DROP TABLE plan_actions;--");
  auto stored = coord.post(path(id, "/actions"), html);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(stored.json().at("title_en").as_string(), "<script>alert(1)</script>'); DROP TABLE plan_actions;--");
}

TEST(Adoptions, StaleAdoptionVersionIsAConflict) {
  auto& coord = as(kCoordinator);
  const auto created = adopt(kCoordinator, mtcit());
  const auto id = id_of(created);
  bj::object update{{"objective_ar", "هدف محدث"},
                    {"objective_en", "Updated objective"},
                    {"starts_on", day(-10)},
                    {"ends_on", day(100)},
                    {"version", 1}};
  ASSERT_EQ(coord.put(path(id), update).status, 200);
  auto stale = coord.put(path(id), update);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json().at("code").as_string(), "stale_version");
  auto stale_move = coord.post(path(id, "/withdraw"), bj::object{{"version", 1}, {"reason", "Merged elsewhere"}});
  EXPECT_EQ(stale_move.status, 409);
}

TEST(Adoptions, TransitionsFollowTheLifecycleAndNameTheCurrentState) {
  auto& coord = as(kCoordinator);
  auto& office = as(kOffice);
  const auto id = id_of(adopt(kCoordinator, mtcit()));
  ASSERT_EQ(coord.post(path(id, "/actions"), action_body()).status, 201);
  auto early = move(office, id, "approve");
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json().at("detail_en").as_string(), "The adoption is draft; it cannot move to approved");
  EXPECT_EQ(move(coord, id, "complete").status, 409);
  ASSERT_EQ(move(coord, id, "submit").status, 200);

  // Returning needs a reason, which the entity then sees.
  auto no_reason = move(office, id, "return");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.error_fields(), std::vector<std::string>{"reason"});
  auto returned = move(office, id, "return", "أضيفوا مؤشرات قياس الأثر");
  ASSERT_EQ(returned.status, 200);
  EXPECT_EQ(returned.json().at("adoption").at("status").as_string(), "draft");
  EXPECT_EQ(returned.json().at("adoption").at("status_reason").as_string(), "أضيفوا مؤشرات قياس الأثر");

  auto withdrawn = move(coord, id, "withdraw", "The entity merged this work into another plan");
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_EQ(withdrawn.json().at("adoption").at("status").as_string(), "withdrawn");
  EXPECT_TRUE(withdrawn.json().at("permissions").at("transitions").as_array().empty());
  EXPECT_EQ(move(coord, id, "submit").status, 409);
  EXPECT_EQ(move(coord, id, "withdraw", "again").status, 409);
  EXPECT_EQ(coord.post(path(id, "/unknown"), bj::object{{"version", 1}}).status, 404);
}

TEST(Adoptions, EvidenceComesFromTheAdoptingOrganisationOnly) {
  auto& coord = as(kCoordinator);
  const auto id = id_of(adopt(kCoordinator, mtcit()));
  auto act = coord.post(path(id, "/actions"), action_body());
  const auto url = path(id, "/actions/" + std::to_string(act.json().at("id").as_int64()) + "/evidence");

  auto theirs = upload_csv(admin(), interior(), "interior.csv");
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto refused = as(kOffice).post(url, bj::object{{"attachment_id", theirs.json().at("id")}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.error_fields(), std::vector<std::string>{"attachment_id"});
  EXPECT_EQ(coord.post(url, bj::object{{"attachment_id", 987654321}}).error_fields(),
            std::vector<std::string>{"attachment_id"});

  auto ours = upload_csv(coord, mtcit(), "محضر الاجتماع.csv");
  ASSERT_EQ(ours.status, 201) << ours.body;
  auto linked = coord.post(url, bj::object{{"attachment_id", ours.json().at("id")}});
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_EQ(linked.json().at("evidence").at(0).at("filename").as_string(), "محضر الاجتماع.csv");
  EXPECT_FALSE(coord.get(path(id)).json().at("adoption").at("last_progress_at").is_null());
  auto removed = coord.del(url + "/" + std::to_string(ours.json().at("id").as_int64()));
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(removed.json().at("evidence").as_array().empty());
}

TEST(Adoptions, CommentsFormAThreadPerAction) {
  auto& coord = as(kCoordinator);
  const auto id = id_of(adopt(kCoordinator, mtcit()));
  auto act = coord.post(path(id, "/actions"), action_body());
  const auto url = path(id, "/actions/" + std::to_string(act.json().at("id").as_int64()) + "/comments");
  ASSERT_EQ(coord.post(url, bj::object{{"body", "بدأنا ورشة العمل الأولى"}}).status, 201);
  ASSERT_EQ(as(kChangeHead).post(url, bj::object{{"body", "<b>Next</b> workshop on Sunday"}}).status, 201);
  EXPECT_EQ(coord.post(url, bj::object{{"body", "   "}}).status, 400);
  EXPECT_EQ(coord.post(url, bj::object{{"body", std::string(5000, 'x')}}).status, 400);
  auto thread = coord.get(url);
  ASSERT_EQ(thread.status, 200);
  ASSERT_EQ(thread.json().as_array().size(), 2u);
  EXPECT_EQ(thread.json().at(1).at("body").as_string(), "<b>Next</b> workshop on Sunday");
  EXPECT_EQ(thread.json().at(1).at("author_name_en").as_string(), "Ahmed Ali Al Kindi");
  EXPECT_EQ(coord.get(path(id)).json().at("actions").at(0).at("comment_count").as_int64(), 2);
}

TEST(Adoptions, MilestonesAndIndicatorValuesByPeriod) {
  auto& coord = as(kCoordinator);
  const auto id = id_of(adopt(kCoordinator, mtcit()));
  auto future = coord.post(
      path(id, "/milestones"),
      bj::object{
          {"title_ar", "إطلاق الخطة"}, {"title_en", "Plan launched"}, {"due_on", day(10)}, {"reached_on", day(5)}});
  EXPECT_EQ(future.error_fields(), std::vector<std::string>{"reached_on"});
  auto m = coord.post(path(id, "/milestones"),
                      bj::object{{"title_ar", "إطلاق الخطة"}, {"title_en", "Plan launched"}, {"due_on", day(10)}});
  ASSERT_EQ(m.status, 201) << m.body;
  auto reached = coord.put(path(id, "/milestones/" + std::to_string(m.json().at("id").as_int64())),
                           bj::object{{"title_ar", "إطلاق الخطة"},
                                      {"title_en", "Plan launched"},
                                      {"due_on", day(10)},
                                      {"reached_on", day(0)},
                                      {"version", 1}});
  ASSERT_EQ(reached.status, 200) << reached.body;
  EXPECT_EQ(reached.json().at("reached_on").as_string(), day(0));

  bj::object indicator{{"name_ar", "زمن إنجاز المعاملة"},
                       {"name_en", "Transaction time"},
                       {"unit", "days"},
                       {"baseline", 10},
                       {"target", 12},
                       {"direction", "decrease"}};
  EXPECT_EQ(coord.post(path(id, "/indicators"), indicator).error_fields(), std::vector<std::string>{"target"});
  indicator["target"] = 4;
  auto ind = coord.post(path(id, "/indicators"), indicator);
  ASSERT_EQ(ind.status, 201) << ind.body;
  const auto values = path(id, "/indicators/" + std::to_string(ind.json().at("id").as_int64()) + "/values/");
  ASSERT_EQ(coord.put(values + "2026-Q1", bj::object{{"actual", 9}}).status, 200);
  ASSERT_EQ(coord.put(values + "2026-02", bj::object{{"actual", 8.5}}).status, 200);
  auto again = coord.put(values + "2026-Q1", bj::object{{"actual", 7}});
  ASSERT_EQ(again.status, 200);
  const auto& vs = again.json().at("values").as_array();
  ASSERT_EQ(vs.size(), 2u);  // one value per period: the second Q1 replaced the first
  EXPECT_EQ(vs[0].at("period").as_string(), "2026-02");
  EXPECT_EQ(vs[1].at("period").as_string(), "2026-Q1");
  EXPECT_DOUBLE_EQ(vs[1].at("actual").to_number<double>(), 7.0);
  EXPECT_EQ(coord.put(values + "2026-Q5", bj::object{{"actual", 1}}).error_fields(),
            std::vector<std::string>{"period"});
  EXPECT_EQ(coord.put(values + "2026-13", bj::object{{"actual", 1}}).status, 400);
  EXPECT_EQ(coord.put(values + "2026-01", bj::object{{"actual", "many"}}).status, 400);
}

TEST(Adoptions, HealthIsComputedWithReasonsAndFilterable) {
  auto& office = as(kOffice);
  // Late: an open action past its due date.
  const auto late = approved_adoption(interior(), -3);
  auto l = office.get(path(late)).json().at("adoption");
  EXPECT_EQ(l.at("health").as_string(), "late");
  EXPECT_EQ(l.at("overdue_count").as_int64(), 1);
  const std::string reason(l.at("health_reasons").at(0).at("text_en").as_string());
  EXPECT_EQ(reason, "1 action overdue: First step (due " + day(-3) + ")");
  EXPECT_TRUE(office.get(path(late)).json().at("actions").at(0).at("overdue").as_bool());

  // Not started: approved with no progress.
  const auto idle = approved_adoption(interior());
  // Stalled: the last progress was 40 days ago.
  const auto stalled = approved_adoption(interior());
  Server::shared().sql("UPDATE adoptions SET last_progress_at = '" + day(-40) + "T08:00:00.000Z', approved_at = '" +
                       day(-60) + "T08:00:00.000Z' WHERE id = " + std::to_string(stalled));
  auto st = office.get(path(stalled)).json().at("adoption");
  EXPECT_EQ(st.at("health").as_string(), "stalled");
  EXPECT_EQ(st.at("health_reasons").at(0).at("text_en").as_string(),
            "No progress update for 40 days (last on " + day(-40) + ")");
  // On track: recent progress.
  const auto fine = approved_adoption(interior());
  Server::shared().sql("UPDATE adoptions SET last_progress_at = '" + day(-2) +
                       "T08:00:00.000Z' WHERE id = " + std::to_string(fine));

  auto ids_with = [&](std::string_view health) {
    std::set<std::int64_t> out;
    auto r = office.get("/api/v1/adoptions?page[size]=200&filter[organization_id]=" + std::to_string(interior()) +
                        "&filter[health]=" + std::string(health));
    EXPECT_EQ(r.status, 200) << r.body;
    for (const auto& a : r.json().at("items").as_array()) {
      EXPECT_EQ(a.at("health").as_string(), health);  // the SQL filter and the computed verdict agree
      out.insert(a.at("id").as_int64());
    }
    return out;
  };
  EXPECT_TRUE(ids_with("late").count(late));
  EXPECT_TRUE(ids_with("not_started").count(idle));
  EXPECT_TRUE(ids_with("stalled").count(stalled));
  EXPECT_TRUE(ids_with("on_track").count(fine));
  EXPECT_FALSE(ids_with("on_track").count(late));
  EXPECT_EQ(office.get("/api/v1/adoptions?filter[health]=sideways").status, 400);
  EXPECT_EQ(office.get("/api/v1/adoptions?filter[status]=maybe").status, 400);
  EXPECT_EQ(office.get("/api/v1/adoptions?sort=ends_on&filter[status]=approved").status, 200);
}

TEST(Adoptions, ListsPageWithAKeysetCursor) {
  auto& coord = as(kCoordinator);
  const auto edition = make_edition();
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(coord.post("/api/v1/adoptions", adoption_body(edition, make_practice(edition), mtcit())).status, 201);
  auto first = coord.get("/api/v1/adoptions?page[size]=2&filter[edition_id]=" + std::to_string(edition));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json().at("total").as_int64(), 3);
  ASSERT_EQ(first.json().at("items").as_array().size(), 2u);
  auto second = coord.get("/api/v1/adoptions?page[size]=2&filter[edition_id]=" + std::to_string(edition) +
                          "&page[after]=" + url_encode(first.json().at("next").as_string()));
  ASSERT_EQ(second.json().at("items").as_array().size(), 1u);
  EXPECT_LT(second.json().at("items").at(0).at("id").as_int64(), first.json().at("items").at(1).at("id").as_int64());
}

// The authorisation matrix's records: an adoption of the Ministry of Interior, of a practice OQ contributed
// (so the demo practice owner reads it), with an action carrying evidence, a milestone and an indicator.
const bool registered = register_authz_fixture([](AuthzSetup& s) {
  const auto edition = make_edition("open", s.server);
  const auto practice = make_practice(edition, "published", s.server);
  auto a = s.admin.post("/api/v1/adoptions", adoption_body(edition, practice, s.interior));
  if (a.status != 201) throw std::runtime_error("adoption fixture: " + a.body);
  const auto id = a.json().at("adoption").at("id").as_int64();
  const auto action = s.admin.post(path(id, "/actions"), action_body()).json().at("id").as_int64();
  const auto milestone = s.admin
                             .post(path(id, "/milestones"),
                                   bj::object{{"title_ar", "معلم"}, {"title_en", "Milestone"}, {"due_on", day(9)}})
                             .json()
                             .at("id")
                             .as_int64();
  const auto indicator = s.admin
                             .post(path(id, "/indicators"), bj::object{{"name_ar", "مؤشر"},
                                                                       {"name_en", "Indicator"},
                                                                       {"unit", "%"},
                                                                       {"baseline", 1},
                                                                       {"target", 2},
                                                                       {"direction", "increase"}})
                             .json()
                             .at("id")
                             .as_int64();
  const auto file = upload_csv(s.admin, s.interior, "evidence.csv").json().at("id").as_int64();
  s.admin.post(path(id, "/actions/" + std::to_string(action) + "/evidence"), bj::object{{"attachment_id", file}});
  s.ids.set("/api/v1/adoptions/", "{id}", id);
  s.ids.set("/api/v1/adoptions/", "{action_id}", action);
  s.ids.set("/api/v1/adoptions/", "{milestone_id}", milestone);
  s.ids.set("/api/v1/adoptions/", "{indicator_id}", indicator);
  s.ids.set("/api/v1/adoptions/", "{attachment_id}", file);
});

}  // namespace
}  // namespace manzuma::api_test
