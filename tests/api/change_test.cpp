// The change portfolio (issue 8): gates configured by the program office, teams, stakeholder groups, initiatives
// with their impact grid, stakeholders, plans, risks, challenges and gate reviews. Each rule of the issue has a
// test: scores out of range name the field, another entity's records are 404 (and its readers who may not change
// them get 403), only a reviewer on the review decides it, no gate is skipped, a move back needs a reason, a pass
// needs the criteria met, versions guard every edit, and every write leaves an audit row.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string_view>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const std::string kCoordinator = "coordinator@demo.manzuma.om";  // MTCIT
const std::string kChangeHead = "change.head@demo.manzuma.om";   // MTCIT
const std::string kOffice = "office@demo.manzuma.om";
const std::string kViewer = "viewer@demo.manzuma.om";  // Ministry of Interior
const std::string kContributor = "contributor@demo.manzuma.om";
const std::string kBase = "/api/v1/change";

std::string day(int offset) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now()) + days{offset}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::int64_t org_id(Client& c, const std::string& name_en) {
  auto r = c.get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + name_en);
}
std::int64_t mtcit() {
  static const auto id = org_id(admin(), "Ministry of Transport, Communications and Information Technology");
  return id;
}
std::int64_t interior() {
  static const auto id = org_id(admin(), "Ministry of Interior");
  return id;
}

std::int64_t user_id(Client& c, const std::string& email) {
  auto r = c.get("/api/v1/users?q=" + url_encode(email));
  return r.json().at("items").at(0).at("id").as_int64();
}
std::int64_t user_id(const std::string& email) { return user_id(admin(), email); }

std::string ipath(std::int64_t id, std::string_view rest = "") {
  return kBase + "/initiatives/" + std::to_string(id) + std::string(rest);
}

bj::object initiative_body(std::int64_t organization, std::string_view title = "Tawtheeq notary platform") {
  return {{"organization_id", organization},
          {"title_ar", "منصة توثيق " + std::string(title)},
          {"title_en", title},
          {"description_ar", "رقمنة خدمات الكاتب بالعدل"},
          {"description_en", "Digitise the notary services"},
          {"type", "digital_service"},
          {"sponsor_ar", "رئيس المجلس"},
          {"sponsor_en", "The council's president"},
          {"starts_on", day(-30)},
          {"ends_on", day(300)},
          {"program_ar", "برنامج التحول الرقمي الحكومي"},
          {"program_en", "Government Digital Transformation Program 2021–2025"},
          {"program_target_ar", ""},
          {"program_target_en", ""}};
}

bj::object create(Client& c, std::int64_t organization, std::string_view title = "Tawtheeq notary platform") {
  auto r = c.post(kBase + "/initiatives", initiative_body(organization, title));
  if (r.status != 201) throw std::runtime_error("initiative: " + r.body);
  return r.json().as_object();
}

bj::object update_body(const bj::object& detail) {
  bj::object b;
  for (auto k : {"title_ar", "title_en", "description_ar", "description_en", "type", "sponsor_ar", "sponsor_en",
                 "head_id", "team_id", "starts_on", "ends_on", "program_ar", "program_en", "program_target_ar",
                 "program_target_en", "status", "version"})
    b[k] = detail.at(k);
  return b;
}

std::int64_t make_group(Client& c, std::int64_t organization, std::string_view name = "Notaries") {
  auto r = c.post(kBase + "/groups", bj::object{{"organization_id", organization},
                                                {"name_ar", "فئة " + std::string(name)},
                                                {"name_en", name},
                                                {"size", 120},
                                                {"location_ar", "مسقط"},
                                                {"location_en", "Muscat"}});
  if (r.status != 201) throw std::runtime_error("group: " + r.body);
  return r.json().at("id").as_int64();
}

bj::object aspects(int value = 3) {
  bj::object a;
  for (auto k : {"processes", "systems", "tools", "job_roles", "behaviours", "mindset", "reporting", "performance",
                 "compensation", "location"})
    a[k] = value;
  return a;
}

Response upload_csv(Client& c, std::int64_t organization, std::string_view filename) {
  const std::string b = "changeboundary" + unique("b");
  return c.request("POST", "/api/v1/attachments",
                   "--" + b + "\r\nContent-Disposition: form-data; name=\"organization_id\"\r\n\r\n" +
                       std::to_string(organization) + "\r\n--" + b +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + std::string(filename) +
                       "\"\r\nContent-Type: text/csv\r\n\r\nالبند,الحالة\r\nخطة,معتمدة\r\n\r\n--" + b + "--\r\n",
                   {"Content-Type: multipart/form-data; boundary=" + b});
}

bool has_field(const Response& r, std::string_view field) {
  for (const auto& f : r.error_fields())
    if (f == field) return true;
  return false;
}

std::string code_of(const Response& r) {
  const auto& j = r.json().as_object();
  return j.contains("code") ? std::string(j.at("code").as_string()) : std::string();
}

std::vector<std::string> audit_actions(std::string_view type, std::int64_t id) {
  auto r = admin().get("/api/v1/audit?page[size]=200&filter[resource_type]=" + std::string(type) +
                       "&filter[resource_id]=" + std::to_string(id));
  std::vector<std::string> out;
  for (const auto& e : r.json().at("items").as_array()) out.emplace_back(e.at("action").as_string());
  return out;
}

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// ---------------------------------------------------------------------------------------------

TEST(Change, GatesAreTheProgramOfficesToConfigure) {
  auto gates = as(kViewer).get(kBase + "/gates");
  ASSERT_EQ(gates.status, 200) << gates.body;
  ASSERT_GE(gates.json().as_array().size(), 5u);
  EXPECT_EQ(gates.json().at(0).at("position").as_int64(), 1);
  EXPECT_EQ(gates.json().at(0).at("name_en").as_string(), "Idea");
  EXPECT_EQ(gates.json().at(1).at("criteria").as_array().size(), 3u);

  const bj::object gate{
      {"name_ar", "بوابة تجريبية"},
      {"name_en", "Trial gate"},
      {"description_ar", ""},
      {"description_en", ""},
      {"criteria", bj::array{bj::object{{"kind", "check"}, {"text_ar", "بند للتحقق"}, {"text_en", "A check"}}}}};
  EXPECT_EQ(as(kCoordinator).post(kBase + "/gates", gate).status, 403);
  auto created = as(kOffice).post(kBase + "/gates", gate);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.json().at("position").as_int64(), static_cast<std::int64_t>(gates.json().as_array().size()) + 1);

  auto update = gate;
  update["name_en"] = "Trial gate, renamed";
  update["criteria"].as_array().emplace_back(
      bj::object{{"kind", "evidence"}, {"text_ar", "وثيقة مطلوبة"}, {"text_en", "A document"}});
  update["version"] = 99;
  auto stale = as(kOffice).put(kBase + "/gates/" + std::to_string(id), update);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(code_of(stale), "stale_version");
  update["version"] = created.json().at("version");
  auto updated = as(kOffice).put(kBase + "/gates/" + std::to_string(id), update);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json().at("criteria").as_array().size(), 2u);
  EXPECT_EQ(updated.json().at("criteria").at(1).at("kind").as_string(), "evidence");

  auto bad = gate;
  bad["criteria"].as_array()[0].as_object()["text_ar"] = "English only";
  auto refused = as(kOffice).post(kBase + "/gates", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has_field(refused, "criteria[0].text_ar")) << refused.body;

  // The first gate has initiatives: it stays.
  create(as(kCoordinator), mtcit(), "Gate one holder");
  const auto first = gates.json().at(0).at("id").as_int64();
  auto in_use = as(kOffice).del(kBase + "/gates/" + std::to_string(first));
  EXPECT_EQ(in_use.status, 409);
  EXPECT_EQ(code_of(in_use), "gate_in_use");
  EXPECT_EQ(as(kOffice).del(kBase + "/gates/" + std::to_string(id)).status, 204);
  EXPECT_EQ(as(kViewer).get(kBase + "/gates").json().as_array().size(), gates.json().as_array().size());
  EXPECT_TRUE(contains(audit_actions("change_gate", id), "change_gate.delete"));
  // The gates' audit rows belong to no organisation.
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM audit_log WHERE resource_type = 'change_gate' AND"
                                   " resource_id = '" +
                                   std::to_string(id) + "' AND organization_id IS NOT NULL"),
            "0");

  // Each caller counts the initiatives they read: the viewer (another entity) none of MTCIT's.
  const auto counted = [](Client& c) {
    std::int64_t n = 0;
    const auto list = c.get(kBase + "/gates");
    for (const auto& g : list.json().as_array()) n += g.at("initiatives").as_int64();
    return n;
  };
  const auto all = counted(as(kOffice));
  const auto coordinator_sees = counted(as(kCoordinator));
  const auto viewer_sees = counted(as(kViewer));
  EXPECT_GT(all, 0);
  EXPECT_LT(coordinator_sees, all + 1);
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM change_initiatives i JOIN organizations o ON o.id ="
                                   " i.organization_id WHERE o.path LIKE (SELECT path FROM organizations WHERE id = " +
                                   std::to_string(mtcit()) + ") || '%'"),
            std::to_string(coordinator_sees));
  EXPECT_LT(viewer_sees, all);
}

TEST(Change, TeamsHaveAHeadAndMembersOfTheirOwnEntity) {
  auto& coord = as(kCoordinator);
  const auto head = user_id(kChangeHead);
  bj::object team{{"organization_id", mtcit()},
                  {"name_ar", "فريق إدارة التغيير"},
                  {"name_en", "Change-management team"},
                  {"head_id", head},
                  {"programs_ar", "برنامج التحول الرقمي"},
                  {"programs_en", "Digital transformation program"}};
  auto created = coord.post(kBase + "/teams", team);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.json().at("head_name_en").as_string().size() > 0, true);

  auto outsider = team;
  outsider["head_id"] = user_id(kViewer);
  auto refused = coord.post(kBase + "/teams", outsider);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has_field(refused, "head_id")) << refused.body;

  auto member = coord.put(kBase + "/teams/" + std::to_string(id) + "/members/" + std::to_string(head),
                          bj::object{{"training", "Prosci practitioner, 2025"}});
  ASSERT_EQ(member.status, 200) << member.body;
  ASSERT_EQ(member.json().at("members").as_array().size(), 1u);
  EXPECT_EQ(member.json().at("members").at(0).at("training").as_string(), "Prosci practitioner, 2025");
  auto foreign = coord.put(kBase + "/teams/" + std::to_string(id) + "/members/" + std::to_string(user_id(kViewer)),
                           bj::object{{"training", ""}});
  EXPECT_EQ(foreign.status, 400);
  EXPECT_TRUE(has_field(foreign, "user_id"));

  // Another entity's staff: not there for the viewer; the coordinator may not create one for Interior.
  EXPECT_EQ(as(kViewer).get(kBase + "/teams/" + std::to_string(id)).status, 404);
  auto other = team;
  other["organization_id"] = interior();
  other.erase("head_id");
  EXPECT_EQ(coord.post(kBase + "/teams", other).status, 403);

  auto list = coord.get(kBase + "/teams?filter[organization_id]=" + std::to_string(mtcit()));
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.json().at("total").as_int64(), 1);
  const auto listed1 = as(kViewer).get(kBase + "/teams?page[size]=200");
  for (const auto& t : listed1.json().at("items").as_array()) EXPECT_NE(t.at("id").as_int64(), id);

  auto update = bj::object{{"name_ar", "فريق التغيير"}, {"name_en", "Change team"}, {"head_id", nullptr},
                           {"programs_ar", ""},         {"programs_en", ""},        {"version", 7}};
  EXPECT_EQ(coord.put(kBase + "/teams/" + std::to_string(id), update).status, 409);
  update["version"] = member.json().at("version");
  EXPECT_EQ(coord.put(kBase + "/teams/" + std::to_string(id), update).status, 200);
  EXPECT_EQ(coord.del(kBase + "/teams/" + std::to_string(id) + "/members/" + std::to_string(head)).status, 200);
  const auto audit = audit_actions("change_team", id);
  for (auto a : {"change_team.create", "change_team.member_add", "change_team.update", "change_team.member_remove"})
    EXPECT_TRUE(contains(audit, a)) << a;
}

TEST(Change, InitiativesAreScopedToTheirEntity) {
  auto& coord = as(kCoordinator);
  auto created = create(coord, mtcit(), "Scoped initiative");
  const auto id = created.at("id").as_int64();
  EXPECT_EQ(created.at("gate_position").as_int64(), 1);
  EXPECT_EQ(created.at("status").as_string(), "active");
  EXPECT_TRUE(created.at("can_manage").as_bool());

  // The Interior viewer does not see it (404 on reads and writes alike); the change head of MTCIT manages it.
  EXPECT_EQ(as(kViewer).get(ipath(id)).status, 404);
  EXPECT_EQ(as(kViewer).get(ipath(id, "/impacts")).status, 404);
  EXPECT_EQ(as(kChangeHead).get(ipath(id)).json().at("can_manage").as_bool(), true);
  // An Interior initiative: MTCIT's coordinator gets 404 on every route, the Interior viewer reads but gets 403.
  const auto theirs = create(as(kOffice), interior(), "Interior e-elections").at("id").as_int64();
  EXPECT_EQ(coord.get(ipath(theirs)).status, 404);
  EXPECT_EQ(coord.put(ipath(theirs), bj::object{{"nonsense", 1}}).status, 404);
  EXPECT_EQ(coord.post(ipath(theirs, "/stakeholders"), bj::object{}).status, 404);
  EXPECT_EQ(as(kViewer).get(ipath(theirs)).status, 200);
  EXPECT_FALSE(as(kViewer).get(ipath(theirs)).json().at("can_manage").as_bool());
  EXPECT_EQ(as(kViewer).put(ipath(theirs), bj::object{}).status, 403);
  EXPECT_EQ(coord.post(kBase + "/initiatives", initiative_body(interior())).status, 403);

  auto mine = coord.get(kBase + "/initiatives?page[size]=200&filter[organization_id]=" + std::to_string(mtcit()) +
                        "&q=" + url_encode("Scoped initiative"));
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.json().at("items").at(0).at("id").as_int64(), id);
  const auto listed2 = coord.get(kBase + "/initiatives?page[size]=200");
  for (const auto& i : listed2.json().at("items").as_array()) EXPECT_NE(i.at("organization_id").as_int64(), interior());
  EXPECT_EQ(coord.get(kBase + "/initiatives?filter[status]=dreaming").status, 400);
  EXPECT_EQ(coord.get(kBase + "/initiatives?sort=-title&filter[type]=digital_service").status, 200);
  auto csv = coord.get(kBase + "/initiatives/export?format=csv&q=" + url_encode("Scoped initiative"));
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Scoped initiative"), std::string::npos);
  EXPECT_EQ(coord.get(kBase + "/initiatives/export?format=xlsx").status, 200);

  auto choices = coord.get(kBase + "/initiatives/choices?organization_id=" + std::to_string(mtcit()));
  ASSERT_EQ(choices.status, 200) << choices.body;
  EXPECT_FALSE(choices.json().at("users").as_array().empty());
  // The gate reviewers a change team may name: national users, whichever entity they belong to.
  EXPECT_FALSE(choices.json().at("reviewers").as_array().empty());
  EXPECT_EQ(coord.get(kBase + "/initiatives/choices?organization_id=" + std::to_string(interior())).status, 403);
  EXPECT_EQ(coord.get(kBase + "/initiatives/choices").status, 400);
}

TEST(Change, InitiativeEditsAreValidatedVersionedAndAudited) {
  auto& coord = as(kCoordinator);
  auto d = create(coord, mtcit(), "Versioned initiative");
  const auto id = d.at("id").as_int64();

  auto bad = update_body(d);
  bad["ends_on"] = day(-60);
  bad["head_id"] = user_id(kViewer);
  bad["title_ar"] = "English title";
  auto refused = coord.put(ipath(id), bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has_field(refused, "ends_on"));
  EXPECT_TRUE(has_field(refused, "head_id"));
  EXPECT_TRUE(has_field(refused, "title_ar")) << refused.body;

  auto good = update_body(d);
  good["head_id"] = user_id(kChangeHead);
  good["status"] = "on_hold";
  auto updated = coord.put(ipath(id), good);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json().at("status").as_string(), "on_hold");
  EXPECT_EQ(coord.put(ipath(id), good).status, 409);  // the version read before

  // Completed only at the last gate.
  auto done = update_body(updated.json().as_object());
  done["status"] = "completed";
  auto early = coord.put(ipath(id), done);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(code_of(early), "not_at_last_gate");
  EXPECT_EQ(early.json().at("field").as_string(), "status");
  Server::shared().sql(
      "UPDATE change_initiatives SET gate_id = (SELECT id FROM change_gates WHERE position = (SELECT MAX(position)"
      " FROM change_gates)) WHERE id = " +
      std::to_string(id));
  auto completed = coord.put(ipath(id), done);
  ASSERT_EQ(completed.status, 200) << completed.body;
  // Final: no change at all, not even the same fields again.
  auto back = update_body(completed.json().as_object());
  back["status"] = "active";
  auto final_status = coord.put(ipath(id), back);
  EXPECT_EQ(final_status.status, 409);
  EXPECT_EQ(code_of(final_status), "initiative_closed");
  EXPECT_EQ(final_status.json().at("field").as_string(), "status");
  auto same = coord.put(ipath(id), update_body(completed.json().as_object()));
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(code_of(same), "initiative_closed");
  // A completed initiative's plan no longer changes.
  EXPECT_EQ(coord
                .post(ipath(id, "/risks"), bj::object{{"title_ar", "خطر"},
                                                      {"title_en", "Risk"},
                                                      {"likelihood", 2},
                                                      {"impact", 2},
                                                      {"mitigation_ar", ""},
                                                      {"mitigation_en", ""}})
                .status,
            409);

  const auto audit = audit_actions("change_initiative", id);
  EXPECT_TRUE(contains(audit, "change_initiative.create"));
  EXPECT_EQ(std::count(audit.begin(), audit.end(), "change_initiative.update"), 2);
}

TEST(Change, AFinalInitiativeIsReadOnlyAndItsLateActionsNoLongerCount) {
  auto& coord = as(kCoordinator);
  const auto d = create(coord, mtcit(), "Cancelled initiative");
  const auto id = d.at("id").as_int64();
  const auto group = make_group(coord, mtcit(), "Cancelled group");
  ASSERT_EQ(coord
                .post(ipath(id, "/actions"), bj::object{{"kind", "training"},
                                                        {"title_ar", "تدريب متأخر"},
                                                        {"title_en", "Late training"},
                                                        {"starts_on", day(-20)},
                                                        {"due_on", day(-5)}})
                .status,
            201);
  auto survey = coord.post(
      ipath(id, "/surveys"),
      bj::object{
          {"title_ar", "قياس الجاهزية"}, {"title_en", "Readiness"}, {"opens_on", day(-5)}, {"closes_on", day(30)}});
  ASSERT_EQ(survey.status, 201) << survey.body;
  const auto sid = std::to_string(survey.json().at("id").as_int64());
  auto links = coord.post(ipath(id, "/surveys/" + sid + "/links"), bj::object{{"group_id", group}, {"count", 1}});
  ASSERT_EQ(links.status, 201) << links.body;
  const std::string token(links.json().at("links").at(0).at("token").as_string());
  auto review = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{user_id(kOffice)}}});
  ASSERT_EQ(review.status, 201) << review.body;
  const auto rid = review.json().at("id").as_int64();
  EXPECT_EQ(coord.get(ipath(id)).json().at("late_actions").as_int64(), 1);

  auto cancel = update_body(d);
  cancel["status"] = "cancelled";
  auto cancelled = coord.put(ipath(id), cancel);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  // Its open review is closed as held, saying why in both languages.
  const auto reviews = coord.get(ipath(id, "/reviews")).json();
  EXPECT_EQ(reviews.at(0).at("status").as_string(), "decided");
  EXPECT_EQ(reviews.at(0).at("decision").as_string(), "hold");
  EXPECT_NE(reviews.at(0).at("comments").as_string().find("cancelled"), std::string::npos);

  // Nothing of it changes any more.
  const auto criterion = review.json().at("checks").at(0).at("criterion_id").as_int64();
  auto check = as(kOffice).put(ipath(id, "/reviews/" + std::to_string(rid) + "/checks/" + std::to_string(criterion)),
                               bj::object{{"met", true}, {"note", ""}});
  EXPECT_EQ(check.status, 409);
  EXPECT_EQ(code_of(check), "initiative_closed");
  const auto current = coord.get(ipath(id, "/surveys")).json().at(0);
  auto edit = coord.put(ipath(id, "/surveys/" + sid), bj::object{{"title_ar", current.at("title_ar")},
                                                                 {"title_en", "Renamed"},
                                                                 {"closes_on", current.at("closes_on")},
                                                                 {"status", "open"},
                                                                 {"version", current.at("version")}});
  EXPECT_EQ(edit.status, 409);
  EXPECT_EQ(code_of(edit), "initiative_closed");
  auto more = coord.post(ipath(id, "/surveys/" + sid + "/links"), bj::object{{"group_id", group}, {"count", 1}});
  EXPECT_EQ(more.status, 409);
  EXPECT_EQ(code_of(more), "initiative_closed");
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get(kBase + "/survey/" + token).json().at("status").as_string(), "closed");
  auto answered = anonymous.post(
      kBase + "/survey/" + token,
      bj::object{{"awareness", 3}, {"desire", 3}, {"knowledge", 3}, {"ability", 3}, {"reinforcement", 3}});
  EXPECT_EQ(answered.status, 409);
  EXPECT_EQ(code_of(answered), "survey_closed");

  // Its late action counts nowhere: the detail, the list, the plan and the national view.
  EXPECT_EQ(coord.get(ipath(id)).json().at("late_actions").as_int64(), 0);
  bool listed = false;
  const auto list = coord.get(kBase + "/initiatives?filter[status]=cancelled&page[size]=200");
  for (const auto& i : list.json().at("items").as_array())
    if (i.at("id").as_int64() == id) {
      listed = true;
      EXPECT_EQ(i.at("late_actions").as_int64(), 0);
    }
  EXPECT_TRUE(listed);
  EXPECT_FALSE(coord.get(ipath(id, "/actions")).json().at(0).at("late").as_bool());
  const auto national = as(kOffice).get(kBase + "/national");
  for (const auto& p : national.json().at("late_plans").as_array()) EXPECT_NE(p.at("initiative_id").as_int64(), id);
}

TEST(Change, ImpactScoresAreZeroToFiveOnTheEntitysGroups) {
  auto& coord = as(kCoordinator);
  const auto id = create(coord, mtcit(), "Impact initiative").at("id").as_int64();
  const auto notaries = make_group(coord, mtcit(), "Notaries");
  const auto clerks = make_group(coord, mtcit(), "Clerks");
  const auto theirs = make_group(as(kOffice), interior(), "Interior staff");

  auto over = aspects(3);
  over["systems"] = 6;
  over["mindset"] = 9;
  auto r = coord.put(ipath(id, "/impacts/" + std::to_string(notaries)), over);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "systems")) << r.body;
  EXPECT_TRUE(has_field(r, "mindset"));
  EXPECT_FALSE(has_field(r, "processes"));
  auto under = aspects(3);
  under["location"] = -1;
  r = coord.put(ipath(id, "/impacts/" + std::to_string(notaries)), under);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "location")) << r.body;
  auto typed = aspects(3);
  typed["tools"] = "high";
  r = coord.put(ipath(id, "/impacts/" + std::to_string(notaries)), typed);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "tools")) << r.body;
  r = coord.put(ipath(id, "/impacts/" + std::to_string(theirs)), aspects(1));
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "group_id"));
  // A group that does not exist reads the same as another entity's: ids reveal nothing.
  auto missing = coord.put(ipath(id, "/impacts/999999999"), aspects(1));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json().at("errors"), r.json().at("errors"));
  // The Arabic message names the aspect in Arabic, not its English field name.
  auto high = aspects(3);
  high["mindset"] = 6;
  auto worded = coord.put(ipath(id, "/impacts/" + std::to_string(notaries)), high);
  EXPECT_EQ(worded.status, 400);
  EXPECT_EQ(worded.body.find("(mindset)"), std::string::npos) << worded.body;

  ASSERT_EQ(coord.put(ipath(id, "/impacts/" + std::to_string(notaries)), aspects(5)).status, 200);
  auto grid = coord.put(ipath(id, "/impacts/" + std::to_string(clerks)), aspects(2));
  ASSERT_EQ(grid.status, 200) << grid.body;
  EXPECT_EQ(grid.json().at("rows").as_array().size(), 2u);
  EXPECT_EQ(grid.json().at("total").as_int64(), 70);
  EXPECT_EQ(grid.json().at("aspect_totals").at("mindset").as_int64(), 7);
  EXPECT_EQ(grid.json().at("affected_people").as_int64(), 240);
  auto again = coord.put(ipath(id, "/impacts/" + std::to_string(clerks)), aspects(0));
  EXPECT_EQ(again.json().at("total").as_int64(), 50);
  EXPECT_EQ(coord.get(ipath(id)).json().at("impact_total").as_int64(), 50);

  // An edited group comes back as stored (read again after the write), as the list then shows it.
  const std::string groups_of =
      kBase + "/groups?filter[organization_id]=" + std::to_string(mtcit()) + "&page[size]=200";
  const auto before = coord.get(groups_of);
  for (const auto& g : before.json().at("items").as_array()) {
    if (g.at("id").as_int64() != clerks) continue;
    bj::object edit{
        {"name_ar", g.at("name_ar")},         {"name_en", "Clerks, renamed"},       {"size", 130},
        {"location_ar", g.at("location_ar")}, {"location_en", g.at("location_en")}, {"version", g.at("version")}};
    auto edited = coord.put(kBase + "/groups/" + std::to_string(clerks), edit);
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json().at("name_en").as_string(), "Clerks, renamed");
    const auto after = coord.get(groups_of);
    for (const auto& a : after.json().at("items").as_array())
      if (a.at("id").as_int64() == clerks) {
        EXPECT_EQ(a, edited.json());
      }
  }

  // A group with an impact row stays; without one it goes.
  auto in_use = coord.del(kBase + "/groups/" + std::to_string(notaries));
  EXPECT_EQ(in_use.status, 409);
  EXPECT_EQ(coord.del(ipath(id, "/impacts/" + std::to_string(clerks))).status, 200);
  EXPECT_EQ(coord.del(kBase + "/groups/" + std::to_string(clerks)).status, 204);
  EXPECT_EQ(as(kViewer).del(kBase + "/groups/" + std::to_string(notaries)).status, 403);
  auto bad_size = coord.post(kBase + "/groups", bj::object{{"organization_id", mtcit()},
                                                           {"name_ar", "فئة"},
                                                           {"name_en", "Group"},
                                                           {"size", 0},
                                                           {"location_ar", ""},
                                                           {"location_en", ""}});
  EXPECT_EQ(bad_size.status, 400);
  EXPECT_TRUE(has_field(bad_size, "size"));
  const auto audit = audit_actions("change_initiative", id);
  EXPECT_TRUE(contains(audit, "change_impact.put"));
  EXPECT_TRUE(contains(audit, "change_impact.delete"));
}

TEST(Change, StakeholdersPlansAndRisks) {
  auto& coord = as(kCoordinator);
  const auto id = create(coord, mtcit(), "Plan initiative").at("id").as_int64();

  bj::object sponsor{{"name_ar", "الراعي التنفيذي"},
                     {"name_en", "Executive sponsor"},
                     {"role_ar", "وكيل الوزارة"},
                     {"role_en", "Undersecretary"},
                     {"influence", 6},
                     {"support", 0},
                     {"sponsor", true},
                     {"roadmap_ar", ""},
                     {"roadmap_en", ""}};
  auto r = coord.post(ipath(id, "/stakeholders"), sponsor);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "influence"));
  EXPECT_TRUE(has_field(r, "support"));
  sponsor["influence"] = 5;
  sponsor["support"] = 4;
  r = coord.post(ipath(id, "/stakeholders"), sponsor);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto sid = r.json().at("id").as_int64();
  auto su = sponsor;
  su["support"] = 5;
  su["version"] = r.json().at("version");
  EXPECT_EQ(coord.put(ipath(id, "/stakeholders/" + std::to_string(sid)), su).json().at("support").as_int64(), 5);
  EXPECT_EQ(coord.put(ipath(id, "/stakeholders/" + std::to_string(sid)), su).status, 409);

  bj::object action{{"kind", "communication"},      {"title_ar", "رسائل التوعية"}, {"title_en", "Awareness messages"},
                    {"owner_id", user_id(kViewer)}, {"starts_on", day(-20)},       {"due_on", day(-1)}};
  r = coord.post(ipath(id, "/actions"), action);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "owner_id"));
  action["owner_id"] = user_id(kChangeHead);
  action["kind"] = "gossip";
  EXPECT_EQ(coord.post(ipath(id, "/actions"), action).status, 400);
  action["kind"] = "communication";
  r = coord.post(ipath(id, "/actions"), action);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json().at("late").as_bool());
  const auto aid = r.json().at("id").as_int64();
  EXPECT_EQ(coord.get(ipath(id)).json().at("late_actions").as_int64(), 1);
  auto au = action;
  au.erase("owner_id");
  au["owner_id"] = user_id(kChangeHead);
  au["status"] = "done";
  au["version"] = r.json().at("version");
  auto done = coord.put(ipath(id, "/actions/" + std::to_string(aid)), au);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_FALSE(done.json().at("late").as_bool());
  EXPECT_EQ(done.json().at("done_on").as_string(), day(0));

  bj::object risk{{"title_ar", "مقاومة الموظفين"},  {"title_en", "Staff resistance"}, {"likelihood", 4}, {"impact", 4},
                  {"mitigation_ar", "جلسات توعية"}, {"mitigation_en", "Awareness"}};
  r = coord.post(ipath(id, "/risks"), risk);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("score").as_int64(), 16);
  EXPECT_EQ(r.json().at("level").as_string(), "high");
  EXPECT_EQ(r.json().at("status").as_string(), "open");
  risk["likelihood"] = 9;
  auto bad = coord.post(ipath(id, "/risks"), risk);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(has_field(bad, "likelihood"));

  EXPECT_EQ(as(kViewer).post(ipath(id, "/risks"), risk).status, 403);
  EXPECT_EQ(coord.del(ipath(id, "/stakeholders/" + std::to_string(sid))).status, 204);
  EXPECT_EQ(coord.del(ipath(id, "/stakeholders/" + std::to_string(sid))).status, 404);
  EXPECT_EQ(coord.get(ipath(id, "/stakeholders")).json().as_array().size(), 0u);
  EXPECT_TRUE(contains(audit_actions("change_action", aid), "change_action.update"));
  EXPECT_TRUE(contains(audit_actions("change_stakeholder", sid), "change_stakeholder.delete"));
}

TEST(Change, ChallengesAreRaisedByTheEntitysTeam) {
  auto& coord = as(kCoordinator);
  const auto id = create(coord, mtcit(), "Challenge initiative").at("id").as_int64();
  bj::object ch{{"organization_id", mtcit()},
                {"initiative_id", id},
                {"body", "الموظفون يقاومون النظام الجديد"},
                {"category", "resistance"}};
  auto r = coord.post(kBase + "/challenges", ch);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto cid = r.json().at("id").as_int64();
  EXPECT_EQ(r.json().at("status").as_string(), "open");
  auto huge = ch;
  huge["body"] = std::string(4001, 'x');
  auto refused = coord.post(kBase + "/challenges", huge);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(has_field(refused, "body"));
  auto foreign = ch;
  foreign["initiative_id"] = create(as(kOffice), interior(), "Interior challenge host").at("id").as_int64();
  EXPECT_TRUE(has_field(coord.post(kBase + "/challenges", foreign), "initiative_id"));
  EXPECT_EQ(as(kViewer).post(kBase + "/challenges", ch).status, 403);
  EXPECT_EQ(as(kViewer).put(kBase + "/challenges/" + std::to_string(cid), bj::object{}).status, 403);
  const auto interior_challenge = as(kOffice)
                                      .post(kBase + "/challenges", bj::object{{"organization_id", interior()},
                                                                              {"body", "Interior's own challenge"},
                                                                              {"category", "process"}})
                                      .json()
                                      .at("id")
                                      .as_int64();
  EXPECT_EQ(coord.put(kBase + "/challenges/" + std::to_string(interior_challenge), bj::object{}).status, 404);
  const auto visible = coord.get(kBase + "/challenges?page[size]=200");
  for (const auto& c : visible.json().at("items").as_array()) EXPECT_NE(c.at("id").as_int64(), interior_challenge);

  auto u = coord.put(kBase + "/challenges/" + std::to_string(cid),
                     bj::object{{"category", "skills"}, {"status", "resolved"}, {"version", 1}});
  ASSERT_EQ(u.status, 200) << u.body;
  EXPECT_EQ(u.json().at("status").as_string(), "resolved");
  EXPECT_EQ(coord
                .put(kBase + "/challenges/" + std::to_string(cid),
                     bj::object{{"category", "skills"}, {"status", "open"}, {"version", 1}})
                .status,
            409);
  auto list = coord.get(kBase + "/challenges?filter[initiative_id]=" + std::to_string(id) + "&filter[category]=skills");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("total").as_int64(), 1);
  EXPECT_EQ(as(kOffice).get(kBase + "/challenges?filter[status]=unknown").status, 400);
  EXPECT_TRUE(contains(audit_actions("change_challenge", cid), "change_challenge.update"));
}

TEST(Change, AGateIsPassedOnlyThroughAReviewByItsReviewers) {
  auto& coord = as(kCoordinator);
  auto& office = as(kOffice);
  const auto office_id = user_id(kOffice);
  const auto id = create(coord, mtcit(), "Reviewed initiative").at("id").as_int64();

  auto r = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "reviewer_ids"));
  r = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{user_id(kChangeHead)}}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "reviewer_ids"));
  r = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{office_id}}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto rid = r.json().at("id").as_int64();
  EXPECT_EQ(r.json().at("gate_position").as_int64(), 2);
  EXPECT_FALSE(r.json().at("can_decide").as_bool());
  const auto& checks = r.json().at("checks").as_array();
  ASSERT_EQ(checks.size(), 3u);
  auto again = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{office_id}}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(code_of(again), "review_open");

  // The reviewer was told.
  bool told = false;
  const auto listed3 = office.get("/api/v1/notifications?page[size]=200");
  for (const auto& n : listed3.json().at("items").as_array())
    told |= n.at("kind").as_string() == "change.review_requested" &&
            n.at("link").as_string() == "/change/initiatives/" + std::to_string(id);
  EXPECT_TRUE(told);
  EXPECT_TRUE(office.get(ipath(id, "/reviews")).json().at(0).at("can_decide").as_bool());

  const std::string decision = ipath(id, "/reviews/" + std::to_string(rid) + "/decision");
  // Not on the review: the entity's coordinator, and the administrator despite the national role.
  auto nope = coord.post(decision, bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", ""}});
  EXPECT_EQ(nope.status, 403);
  EXPECT_EQ(code_of(nope), "not_a_reviewer");
  EXPECT_EQ(admin().post(decision, bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", ""}}).status, 403);
  EXPECT_EQ(as(kViewer).post(decision, bj::object{}).status, 404);

  auto unmet = office.post(decision, bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", ""}});
  EXPECT_EQ(unmet.status, 409);
  EXPECT_EQ(code_of(unmet), "criteria_unmet");
  EXPECT_NE(unmet.json().at("detail").as_string().find("3"), std::string::npos) << unmet.body;
  auto no_conditions =
      office.post(decision, bj::object{{"decision", "pass_with_conditions"}, {"conditions", " "}, {"comments", ""}});
  EXPECT_EQ(no_conditions.status, 400);
  EXPECT_TRUE(has_field(no_conditions, "conditions"));
  auto no_comments = office.post(decision, bj::object{{"decision", "hold"}, {"conditions", ""}, {"comments", ""}});
  EXPECT_EQ(no_comments.status, 400);
  EXPECT_TRUE(has_field(no_comments, "comments"));

  // Evidence from another entity is refused; the entity's own is accepted.
  std::int64_t evidence = 0;
  for (const auto& c : checks)
    if (c.at("kind").as_string() == "evidence") evidence = c.at("criterion_id").as_int64();
  const std::string check_path = ipath(id, "/reviews/" + std::to_string(rid) + "/checks/");
  const auto foreign = upload_csv(admin(), interior(), "interior-plan.csv").json().at("id").as_int64();
  auto wrong = coord.put(check_path + std::to_string(evidence),
                         bj::object{{"met", true}, {"note", ""}, {"attachment_id", foreign}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(has_field(wrong, "attachment_id"));
  EXPECT_EQ(as(kViewer).put(check_path + std::to_string(evidence), bj::object{}).status, 404);
  const auto plan = upload_csv(coord, mtcit(), "change-plan.csv").json().at("id").as_int64();
  auto attached = coord.put(check_path + std::to_string(evidence),
                            bj::object{{"met", true}, {"note", "Approved plan"}, {"attachment_id", plan}});
  ASSERT_EQ(attached.status, 200) << attached.body;

  // With the evidence, a pass with conditions goes through; a plain pass still needs the checklist.
  EXPECT_EQ(office.post(decision, bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", ""}}).status, 409);
  for (const auto& c : checks) {
    if (c.at("kind").as_string() != "check") continue;
    ASSERT_EQ(office
                  .put(check_path + std::to_string(c.at("criterion_id").as_int64()),
                       bj::object{{"met", true}, {"note", "Seen"}})
                  .status,
              200);
  }
  auto passed = office.post(decision, bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", "Good"}});
  ASSERT_EQ(passed.status, 200) << passed.body;
  EXPECT_EQ(passed.json().at("decision").as_string(), "pass");
  EXPECT_FALSE(passed.json().at("can_decide").as_bool());
  auto twice = office.post(decision, bj::object{{"decision", "hold"}, {"conditions", ""}, {"comments", "Again"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(code_of(twice), "review_decided");
  EXPECT_EQ(coord.put(check_path + std::to_string(evidence), bj::object{{"met", false}, {"note", ""}}).status, 409);

  auto d = coord.get(ipath(id));
  EXPECT_EQ(d.json().at("gate_position").as_int64(), 2);
  ASSERT_EQ(d.json().at("moves").as_array().size(), 1u);
  EXPECT_EQ(d.json().at("moves").at(0).at("review_id").as_int64(), rid);
  bool decided_told = false;
  const auto listed4 = coord.get("/api/v1/notifications?page[size]=200");
  for (const auto& n : listed4.json().at("items").as_array())
    decided_told |= n.at("kind").as_string() == "change.review_decided";
  EXPECT_TRUE(decided_told);
  const auto audit = audit_actions("change_review", rid);
  for (auto a : {"change_review.request", "change_review.check", "change_review.decide"})
    EXPECT_TRUE(contains(audit, a)) << a;

  // The next review asks about gate 3; a pass with conditions needs only the evidence.
  r = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{office_id, office_id}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json().at("gate_position").as_int64(), 3);
  EXPECT_EQ(r.json().at("reviewers").as_array().size(), 1u);
  const auto rid3 = r.json().at("id").as_int64();
  for (const auto& c : r.json().at("checks").as_array()) {
    if (c.at("kind").as_string() != "evidence") continue;
    ASSERT_EQ(coord
                  .put(ipath(id, "/reviews/" + std::to_string(rid3) + "/checks/" +
                                     std::to_string(c.at("criterion_id").as_int64())),
                       bj::object{{"met", true}, {"note", ""}, {"attachment_id", plan}})
                  .status,
              200);
  }
  auto conditional = office.post(
      ipath(id, "/reviews/" + std::to_string(rid3) + "/decision"),
      bj::object{{"decision", "pass_with_conditions"}, {"conditions", "Train the clerks first"}, {"comments", ""}});
  ASSERT_EQ(conditional.status, 200) << conditional.body;
  EXPECT_EQ(coord.get(ipath(id)).json().at("gate_position").as_int64(), 3);
  // The requester's notice reads the decision in words, not as the enum.
  bool worded = false;
  const auto listed5 = coord.get("/api/v1/notifications?page[size]=200");
  for (const auto& n : listed5.json().at("items").as_array())
    worded |= n.at("kind").as_string() == "change.review_decided" &&
              std::string_view(n.at("title_en").as_string()).find("(pass with conditions)") != std::string_view::npos;
  EXPECT_TRUE(worded);
}

TEST(Change, NobodyReviewsTheirOwnRequest) {
  auto& office = as(kOffice);
  const auto office_id = user_id(kOffice);
  const auto admin_id = user_id("admin@manzuma.local");
  const auto id = create(as(kCoordinator), mtcit(), "Self-reviewed initiative").at("id").as_int64();

  // The program office manages every entity's initiatives, but does not name itself as the reviewer.
  auto own = office.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{admin_id, office_id}}});
  EXPECT_EQ(own.status, 400) << own.body;
  EXPECT_TRUE(has_field(own, "reviewer_ids"));
  auto r = office.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{admin_id}}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto rid = r.json().at("id").as_int64();

  // Even listed on the review (written behind the service's back), the requester cannot decide it.
  Server::shared().sql("INSERT INTO change_gate_reviewers (review_id, user_id) VALUES (" + std::to_string(rid) + ", " +
                       std::to_string(office_id) + ")");
  EXPECT_FALSE(office.get(ipath(id, "/reviews")).json().at(0).at("can_decide").as_bool());
  auto decided = office.post(ipath(id, "/reviews/" + std::to_string(rid) + "/decision"),
                             bj::object{{"decision", "hold"}, {"conditions", ""}, {"comments", "Not yet"}});
  EXPECT_EQ(decided.status, 403);
  EXPECT_EQ(code_of(decided), "not_a_reviewer");
  auto by_admin = admin().post(ipath(id, "/reviews/" + std::to_string(rid) + "/decision"),
                               bj::object{{"decision", "hold"}, {"conditions", ""}, {"comments", "Not yet"}});
  EXPECT_EQ(by_admin.status, 200) << by_admin.body;
}

TEST(Change, NewCriteriaRetireTheOldAndADecidedReviewKeepsItsOwn) {
  auto& coord = as(kCoordinator);
  auto& office = as(kOffice);
  const auto office_id = user_id(kOffice);
  // A gate of its own after the last one, so the other tests' gates keep their criteria.
  const bj::object gate{
      {"name_ar", "بوابة المعايير"},
      {"name_en", "Criteria gate"},
      {"description_ar", ""},
      {"description_en", ""},
      {"criteria", bj::array{bj::object{{"kind", "check"}, {"text_ar", "البند الأول"}, {"text_en", "First"}},
                             bj::object{{"kind", "check"}, {"text_ar", "البند الثاني"}, {"text_en", "Second"}}}}};
  const auto before_last = coord.get(kBase + "/gates").json().as_array().back().at("id").as_int64();
  auto created = office.post(kBase + "/gates", gate);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto gid = created.json().at("id").as_int64();
  const auto id = create(coord, mtcit(), "Criteria initiative").at("id").as_int64();
  Server::shared().sql("UPDATE change_initiatives SET gate_id = " + std::to_string(before_last) +
                       " WHERE id = " + std::to_string(id));
  auto r = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{office_id}}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto rid = r.json().at("id").as_int64();
  for (const auto& c : r.json().at("checks").as_array())
    ASSERT_EQ(office
                  .put(ipath(id, "/reviews/" + std::to_string(rid) + "/checks/" +
                                     std::to_string(c.at("criterion_id").as_int64())),
                       bj::object{{"met", true}, {"note", "Seen"}})
                  .status,
              200);
  ASSERT_EQ(office
                .post(ipath(id, "/reviews/" + std::to_string(rid) + "/decision"),
                      bj::object{{"decision", "pass"}, {"conditions", ""}, {"comments", ""}})
                .status,
            200);

  // One new criterion: the gate lists only it; the decided review still shows the two it answered.
  auto update = gate;
  update["criteria"] =
      bj::array{bj::object{{"kind", "evidence"}, {"text_ar", "وثيقة جديدة"}, {"text_en", "New document"}}};
  update["version"] = created.json().at("version");
  auto updated = office.put(kBase + "/gates/" + std::to_string(gid), update);
  ASSERT_EQ(updated.status, 200) << updated.body;
  ASSERT_EQ(updated.json().at("criteria").as_array().size(), 1u);
  EXPECT_EQ(updated.json().at("criteria").at(0).at("text_en").as_string(), "New document");
  const auto reviews = coord.get(ipath(id, "/reviews")).json();
  const auto& checks = reviews.at(0).at("checks").as_array();
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].at("text_en").as_string(), "First");
  EXPECT_EQ(checks[1].at("text_en").as_string(), "Second");
  EXPECT_TRUE(checks[0].at("met").as_bool());
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM change_gate_checks WHERE review_id = " + std::to_string(rid)),
            "2");
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM change_gate_criteria WHERE retired = 1 AND gate_id = " +
                                   std::to_string(gid)),
            "2");
}

TEST(Change, NoGateIsSkippedAndAMoveBackNeedsAReason) {
  auto& coord = as(kCoordinator);
  auto gates = coord.get(kBase + "/gates").json().as_array();
  const auto gate_at = [&](std::int64_t position) {
    for (const auto& g : gates)
      if (g.at("position").as_int64() == position) return g.at("id").as_int64();
    return std::int64_t{0};
  };
  const auto id = create(coord, mtcit(), "Moving initiative").at("id").as_int64();
  Server::shared().sql("UPDATE change_initiatives SET gate_id = " + std::to_string(gate_at(3)) +
                       " WHERE id = " + std::to_string(id));

  auto skip = coord.post(ipath(id, "/gate"), bj::object{{"gate_id", gate_at(4)}, {"reason", "Ahead of plan"}});
  EXPECT_EQ(skip.status, 409);
  EXPECT_EQ(code_of(skip), "gate_skip");
  auto same = coord.post(ipath(id, "/gate"), bj::object{{"gate_id", gate_at(3)}, {"reason", "Stay"}});
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(code_of(same), "same_gate");
  auto no_reason = coord.post(ipath(id, "/gate"), bj::object{{"gate_id", gate_at(2)}, {"reason", "  "}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(has_field(no_reason, "reason"));
  EXPECT_EQ(as(kViewer).post(ipath(id, "/gate"), bj::object{{"gate_id", gate_at(2)}, {"reason", "x"}}).status, 403);

  // An open review of gate 4 is closed by the move back, as held with the reason.
  auto review = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{user_id(kOffice)}}});
  ASSERT_EQ(review.status, 201) << review.body;
  auto moved =
      coord.post(ipath(id, "/gate"), bj::object{{"gate_id", gate_at(2)}, {"reason", "The readiness survey failed"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("gate_position").as_int64(), 2);
  const auto& moves = moved.json().at("moves").as_array();
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].at("reason").as_string(), "The readiness survey failed");
  EXPECT_EQ(moves[0].at("from_position").as_int64(), 3);
  EXPECT_EQ(moves[0].at("to_position").as_int64(), 2);
  EXPECT_TRUE(moves[0].at("review_id").is_null());
  auto reviews = coord.get(ipath(id, "/reviews"));
  EXPECT_EQ(reviews.json().at(0).at("status").as_string(), "decided");
  EXPECT_EQ(reviews.json().at(0).at("decision").as_string(), "hold");
  EXPECT_EQ(reviews.json().at(0).at("comments").as_string(), "The readiness survey failed");
  EXPECT_TRUE(contains(audit_actions("change_initiative", id), "change_initiative.move_back"));
  bool told = false;
  const auto notices = as(kOffice).get("/api/v1/notifications?page[size]=200");
  for (const auto& n : notices.json().at("items").as_array())
    told |= n.at("kind").as_string() == "change.review_closed" &&
            n.at("link").as_string() == "/change/initiatives/" + std::to_string(id);
  EXPECT_TRUE(told);

  // At the last gate there is no next review.
  Server::shared().sql(
      "UPDATE change_initiatives SET gate_id = (SELECT id FROM change_gates WHERE position = (SELECT MAX(position)"
      " FROM change_gates)) WHERE id = " +
      std::to_string(id));
  auto last = coord.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{user_id(kOffice)}}});
  EXPECT_EQ(last.status, 409);
  EXPECT_EQ(code_of(last), "last_gate");
}

TEST(Change, BrokenInputIsRefusedNamingTheField) {
  auto& coord = as(kCoordinator);
  auto body = initiative_body(mtcit(), "Broken input");
  body["title_en"] = 5;
  auto r = coord.post(kBase + "/initiatives", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "title_en")) << r.body;
  body = initiative_body(mtcit(), "Broken input");
  body["surprise"] = true;
  r = coord.post(kBase + "/initiatives", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "surprise"));
  body = initiative_body(mtcit(), "Broken input");
  body["title_en"] = std::string(100'000, 'a');
  body["type"] = "revolution";
  body["starts_on"] = "2026-02-30";
  r = coord.post(kBase + "/initiatives", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "type")) << r.body;
  body["type"] = "policy";
  r = coord.post(kBase + "/initiatives", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "title_en"));
  EXPECT_TRUE(has_field(r, "starts_on"));
  r = coord.request("POST", kBase + "/initiatives", std::string("{\"organization_id\": "));
  EXPECT_EQ(r.status, 400);
  body = initiative_body(mtcit(), "Broken input");
  body["organization_id"] = 987654321;
  r = coord.post(kBase + "/initiatives", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has_field(r, "organization_id"));
  EXPECT_EQ(coord.get(ipath(987654321)).status, 404);
  EXPECT_EQ(coord.get(kBase + "/initiatives/abc").status, 404);
  EXPECT_EQ(as(kContributor).post(kBase + "/initiatives", initiative_body(mtcit())).status, 403);
}

TEST(Change, InitiativesAreFoundBySearchByTheirEntitysReaders) {
  const std::string word = "Quokkaization" + unique("w").substr(1);
  auto body = initiative_body(interior(), "Search " + word);
  const auto id = as(kOffice).post(kBase + "/initiatives", body).json().at("id").as_int64();
  auto found = [&](Client& c) {
    auto r = c.get("/api/v1/search?q=" + url_encode(word));
    EXPECT_EQ(r.status, 200) << r.body;
    for (const auto& i : r.json().at("items").as_array())
      if (i.at("type").as_string() == "initiative" && i.at("id").as_int64() == id) {
        EXPECT_EQ(i.at("url").as_string(), "/change/initiatives/" + std::to_string(id));
        return true;
      }
    return false;
  };
  EXPECT_TRUE(found(as(kViewer)));
  EXPECT_TRUE(found(as(kOffice)));
  EXPECT_FALSE(found(as(kCoordinator)));
}

// The authorisation matrix walks authz/change.tsv over records of the Ministry of Interior: an initiative with a
// team, a group with an impact row, a stakeholder, an action, a risk, a challenge and an open review whose
// reviewers are the first administrator and the program office.
const bool registered = register_authz_fixture([](AuthzSetup& s) {
  auto ok = [](const Response& r, std::string_view what) {
    if (r.status != 201 && r.status != 200) throw std::runtime_error(std::string(what) + ": " + r.body);
    return r.json().at("id").as_int64();
  };
  const auto team = ok(s.admin.post(kBase + "/teams", bj::object{{"organization_id", s.interior},
                                                                 {"name_ar", "فريق التغيير"},
                                                                 {"name_en", "Change team"},
                                                                 {"head_id", nullptr},
                                                                 {"programs_ar", ""},
                                                                 {"programs_en", ""}}),
                       "team");
  const auto group = ok(s.admin.post(kBase + "/groups", bj::object{{"organization_id", s.interior},
                                                                   {"name_ar", "الموظفون"},
                                                                   {"name_en", "Staff"},
                                                                   {"size", 10},
                                                                   {"location_ar", ""},
                                                                   {"location_en", ""}}),
                        "group");
  const auto id =
      ok(s.admin.post(kBase + "/initiatives", initiative_body(s.interior, "Matrix initiative")), "initiative");
  s.admin.put(ipath(id, "/impacts/" + std::to_string(group)), aspects(1));
  const auto stakeholder = ok(s.admin.post(ipath(id, "/stakeholders"), bj::object{{"name_ar", "راعٍ"},
                                                                                  {"name_en", "Sponsor"},
                                                                                  {"role_ar", ""},
                                                                                  {"role_en", ""},
                                                                                  {"influence", 3},
                                                                                  {"support", 3},
                                                                                  {"sponsor", true},
                                                                                  {"roadmap_ar", ""},
                                                                                  {"roadmap_en", ""}}),
                              "stakeholder");
  const auto action = ok(s.admin.post(ipath(id, "/actions"), bj::object{{"kind", "training"},
                                                                        {"title_ar", "تدريب"},
                                                                        {"title_en", "Training"},
                                                                        {"starts_on", day(0)},
                                                                        {"due_on", day(30)}}),
                         "action");
  const auto risk = ok(s.admin.post(ipath(id, "/risks"), bj::object{{"title_ar", "خطر"},
                                                                    {"title_en", "Risk"},
                                                                    {"likelihood", 2},
                                                                    {"impact", 3},
                                                                    {"mitigation_ar", ""},
                                                                    {"mitigation_en", ""}}),
                       "risk");
  const auto challenge =
      ok(s.admin.post(kBase + "/challenges",
                      bj::object{{"organization_id", s.interior}, {"body", "تحدٍ"}, {"category", "other"}}),
         "challenge");
  const auto admin_id = user_id(s.admin, "admin@manzuma.local");
  auto member = s.admin.post(
      "/api/v1/users",
      bj::object{{"email", "change.matrix@example.om"},
                 {"name_ar", "عضو فريق التغيير"},
                 {"name_en", "Change team member"},
                 {"memberships", bj::array{bj::object{{"organization_id", s.interior}, {"role", "viewer"}}}}});
  if (member.status != 201) throw std::runtime_error("member: " + member.body);
  const auto member_id = member.json().at("user").at("id").as_int64();
  ok(s.admin.put(kBase + "/teams/" + std::to_string(team) + "/members/" + std::to_string(member_id),
                 bj::object{{"training", ""}}),
     "team member");
  const auto office_id = user_id(s.admin, kOffice);
  // Requested by the administrator of the program office, then handed to the team member as its requester and
  // given the administrator as a second reviewer: a requester never reviews their own request.
  auto review = s.admin.post(ipath(id, "/reviews"), bj::object{{"reviewer_ids", bj::array{office_id}}});
  const auto rid = ok(review, "review");
  s.server.sql("UPDATE change_gate_reviews SET requested_by = " + std::to_string(member_id) +
               " WHERE id = " + std::to_string(rid));
  s.server.sql("INSERT INTO change_gate_reviewers (review_id, user_id) VALUES (" + std::to_string(rid) + ", " +
               std::to_string(admin_id) + ")");
  const auto criterion = review.json().at("checks").at(0).at("criterion_id").as_int64();
  // The first gate holds the initiative, so deleting it is a 409 for those who may.
  const auto gate = s.admin.get(kBase + "/gates").json().at(0).at("id").as_int64();
  s.ids.set(kBase + "/gates/", "{id}", gate);
  s.ids.set(kBase + "/teams/", "{id}", team);
  s.ids.set(kBase + "/teams/", "{user_id}", member_id);
  s.ids.set(kBase + "/groups/", "{id}", group);
  s.ids.set(kBase + "/challenges/", "{id}", challenge);
  s.ids.set(kBase + "/initiatives/", "{id}", id);
  s.ids.set(kBase + "/initiatives/", "{group_id}", group);
  s.ids.set(kBase + "/initiatives/", "{sid}", stakeholder);
  s.ids.set(kBase + "/initiatives/", "{aid}", action);
  // {rid} names a risk under /risks/ and a review under /reviews/: the longer prefix first (after {id} is filled).
  s.ids.set(kBase + "/initiatives/" + std::to_string(id) + "/risks/", "{rid}", risk);
  s.ids.set(kBase + "/initiatives/", "{rid}", rid);
  s.ids.set(kBase + "/initiatives/", "{criterion_id}", criterion);
});

}  // namespace
}  // namespace manzuma::api_test
