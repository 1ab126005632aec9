// Readiness and insights of the change portfolio: ADKAR survey rounds, one-time anonymous links answered without
// an account (one answer per link, scores 1–5, closed surveys, no link on the answer), the saturation heatmap,
// entity settings and the national view with its export, and who may reach each.
//
// The portfolio's initiatives, groups, impacts and actions are written by the other half of the area (helper A's
// routes); so that these tests stand alone they are inserted with Server::sql() under explicit ids. Every test
// writes through the API after inserting, so results remembered until the next write (db::Memo) are recomputed.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const std::string kCoordinator = "coordinator@demo.manzuma.om";  // MTCIT
const std::string kChangeHead = "change.head@demo.manzuma.om";   // MTCIT
const std::string kOffice = "office@demo.manzuma.om";
const std::string kViewer = "viewer@demo.manzuma.om";  // Ministry of Interior
const std::string kBase = "/api/v1/change";
// The fewest answers a group's results show for (kMinResponses).
constexpr int kMinAnswers = 5;

std::string day(int offset) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now()) + days{offset}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

// "YYYY-MM" `offset` months from this month.
std::string month(int offset) {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  const year_month ym = year_month{today.year(), today.month()} + months{offset};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", int(ym.year()), unsigned(ym.month()));
  return buf;
}

std::int64_t next_id() {
  static std::atomic<std::int64_t> n{0};
  return 2'000'000'000 + (getpid() % 100000) * 1000 + ++n;
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

// A new ministry of its own, so that figures about it are this test's alone.
std::int64_t new_ministry() {
  const auto name = unique("Change Ministry");
  auto r = admin().post("/api/v1/organizations",
                        bj::object{{"kind", "ministry"}, {"name_ar", "وزارة التغيير " + name}, {"name_en", name}});
  if (r.status != 201) throw std::runtime_error("organisation: " + r.body);
  return r.json().at("id").as_int64();
}

std::int64_t make_group(std::int64_t org, Server& server = Server::shared()) {
  const auto id = next_id();
  const auto n = std::to_string(id);
  server.sql(
      "INSERT INTO change_groups (id, organization_id, name_ar, name_en, size, created_at, updated_at) VALUES (" + n +
      ", " + std::to_string(org) + ", 'فئة " + n + "', 'Group " + n +
      "', 40, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

std::int64_t make_initiative(std::int64_t org, const std::string& starts, const std::string& ends,
                             std::string_view status = "active", int gate = 1, Server& server = Server::shared()) {
  const auto id = next_id();
  const auto n = std::to_string(id);
  server.sql(
      "INSERT INTO change_initiatives (id, organization_id, title_ar, title_en, type, starts_on, ends_on, status,"
      " gate_id, gate_reached_at, created_by, created_at, updated_at) VALUES (" +
      n + ", " + std::to_string(org) + ", 'مبادرة " + n + "', 'Initiative " + n + "', 'digital_service', '" + starts +
      "', '" + ends + "', '" + std::string(status) + "', (SELECT id FROM change_gates WHERE position = " +
      std::to_string(gate) + "), '2026-01-01T00:00:00.000Z', (SELECT id FROM users WHERE email = '" + kOffice +
      "'), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

// An impact row whose ten degrees add up to `total` (at most 50).
void make_impact(std::int64_t initiative, std::int64_t group, int total) {
  int left = total;
  std::string degrees;
  for (int k = 0; k < 10; ++k) {
    const int d = std::min(5, left);
    left -= d;
    degrees += std::to_string(d) + ", ";
  }
  Server::shared().sql(
      "INSERT INTO change_impacts (initiative_id, group_id, processes, systems, tools, job_roles, behaviours, mindset,"
      " reporting, performance, compensation, location, total, updated_at) VALUES (" +
      std::to_string(initiative) + ", " + std::to_string(group) + ", " + degrees + std::to_string(total) +
      ", '2026-01-01T00:00:00.000Z')");
}

void make_action(std::int64_t initiative, const std::string& due, std::string_view status) {
  Server::shared().sql(
      "INSERT INTO change_actions (initiative_id, kind, title_ar, title_en, starts_on, due_on, status, created_at,"
      " updated_at) VALUES (" +
      std::to_string(initiative) + ", 'training', 'تدريب', 'Training', '" + day(-90) + "', '" + due + "', '" +
      std::string(status) + "', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
}

std::string initiative_path(std::int64_t id, std::string_view rest = "") {
  return kBase + "/initiatives/" + std::to_string(id) + std::string(rest);
}

bj::object survey_body(int opens = -5, int closes = 30) {
  return {{"title_ar", "قياس الجاهزية"},
          {"title_en", "Readiness check"},
          {"opens_on", day(opens)},
          {"closes_on", day(closes)}};
}

// A survey of the initiative opened by `email`; returns its id.
std::int64_t open_survey(const std::string& email, std::int64_t initiative, int opens = -5, int closes = 30) {
  auto r = as(email).post(initiative_path(initiative, "/surveys"), survey_body(opens, closes));
  if (r.status != 201) throw std::runtime_error("survey: " + r.body);
  return r.json().at("id").as_int64();
}

std::vector<std::string> links(const std::string& email, std::int64_t initiative, std::int64_t survey,
                               std::int64_t group, int count) {
  auto r = as(email).post(initiative_path(initiative, "/surveys/" + std::to_string(survey) + "/links"),
                          bj::object{{"group_id", group}, {"count", count}});
  if (r.status != 201) throw std::runtime_error("links: " + r.body);
  std::vector<std::string> out;
  for (const auto& l : r.json().at("links").as_array()) out.emplace_back(l.at("token").as_string());
  return out;
}

bj::object answer_body(int a, int d, int k, int ab, int r) {
  return {{"awareness", a}, {"desire", d}, {"knowledge", k}, {"ability", ab}, {"reinforcement", r}};
}

// An anonymous client: no account, no session.
Response answer(const std::string& token, const bj::object& body) {
  Client c(Server::shared().url());
  return c.post(kBase + "/survey/" + token, body);
}

// Closes the survey as its managers do (status closed, the version read).
Response close_survey(const std::string& email, std::int64_t initiative, std::int64_t survey) {
  auto& c = as(email);
  const auto list = c.get(initiative_path(initiative, "/surveys"));
  for (const auto& s : list.json().as_array())
    if (s.at("id").as_int64() == survey)
      return c.put(initiative_path(initiative, "/surveys/" + std::to_string(survey)),
                   bj::object{{"title_ar", s.at("title_ar")},
                              {"title_en", s.at("title_en")},
                              {"closes_on", s.at("closes_on")},
                              {"status", "closed"},
                              {"version", s.at("version")}});
  throw std::runtime_error("no survey " + std::to_string(survey));
}

const bj::object& survey_in(const Response& list, std::int64_t id) {
  for (const auto& s : list.json().as_array())
    if (s.at("id").as_int64() == id) return s.as_object();
  throw std::runtime_error("no survey " + std::to_string(id));
}

TEST(ChangeReadiness, RoundsLinksAndAnonymousAnswersGiveMeansAndABarrierPoint) {
  const auto group = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  auto& coordinator = as(kCoordinator);

  auto created = coordinator.post(initiative_path(initiative, "/surveys"), survey_body());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("round").as_int64(), 1);
  EXPECT_EQ(created.json().at("status").as_string(), "open");
  const auto survey = created.json().at("id").as_int64();

  auto batch = coordinator.post(initiative_path(initiative, "/surveys/" + std::to_string(survey) + "/links"),
                                bj::object{{"group_id", group}, {"count", 3}});
  ASSERT_EQ(batch.status, 201) << batch.body;
  const auto& issued = batch.json().at("links").as_array();
  ASSERT_EQ(issued.size(), 3u);
  const std::string token(issued[0].at("token").as_string());
  EXPECT_EQ(token.size(), 43u);  // 32 bytes, base64url without padding
  EXPECT_EQ(issued[0].at("path").as_string(), "/s/" + token);
  // Only the hash is stored.
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM change_survey_links WHERE token_hash = '" + token + "'"), "0");

  Client anonymous(Server::shared().url());
  auto page = anonymous.get(kBase + "/survey/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json().at("answered").as_bool(), false);
  EXPECT_EQ(page.json().at("initiative_title_en").as_string(), "Initiative " + std::to_string(initiative));
  EXPECT_EQ(page.json().at("organization_name_en").as_string(),
            "Ministry of Transport, Communications and Information Technology");

  auto first = anonymous.post(kBase + "/survey/" + token, answer_body(4, 4, 2, 3, 5));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("answered").as_bool(), true);
  EXPECT_EQ(anonymous.get(kBase + "/survey/" + token).json().at("answered").as_bool(), true);
  auto second = answer(std::string(issued[1].at("token").as_string()), answer_body(5, 3, 4, 1, 5));
  ASSERT_EQ(second.status, 201) << second.body;

  // While the survey is open the means are hidden, whatever the number of answers.
  auto list = coordinator.get(initiative_path(initiative, "/surveys"));
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& s = survey_in(list, survey);
  EXPECT_EQ(s.at("links_total").as_int64(), 3);
  EXPECT_EQ(s.at("links_used").as_int64(), 2);
  EXPECT_EQ(s.at("responses").as_int64(), 2);
  ASSERT_EQ(s.at("groups").as_array().size(), 1u);
  const auto& g = s.at("groups").at(0);
  EXPECT_EQ(g.at("group_id").as_int64(), group);
  EXPECT_EQ(g.at("responses").as_int64(), 2);
  EXPECT_EQ(g.at("links").as_int64(), 3);
  EXPECT_TRUE(g.at("awareness").is_null());
  EXPECT_TRUE(g.at("barrier_point").is_null());
  EXPECT_EQ(g.at("results_hidden_reason").as_string(), "open");

  // Five answers in all, then closed: the means and the barrier point show.
  for (const auto& t : links(kCoordinator, initiative, survey, group, 3))
    ASSERT_EQ(answer(t, answer_body(4, 4, 3, 2, 5)).status, 201);
  const auto closed = close_survey(kCoordinator, initiative, survey);
  ASSERT_EQ(closed.status, 200) << closed.body;
  const auto& c = closed.json().at("groups").at(0);
  EXPECT_TRUE(c.at("results_hidden_reason").is_null());
  EXPECT_EQ(c.at("responses").as_int64(), 5);
  // (4+5+4+4+4)/5, (4+3+4+4+4)/5, (2+4+3+3+3)/5, (3+1+2+2+2)/5, 5
  EXPECT_DOUBLE_EQ(c.at("awareness").to_number<double>(), 4.2);
  EXPECT_DOUBLE_EQ(c.at("desire").to_number<double>(), 3.8);
  EXPECT_DOUBLE_EQ(c.at("knowledge").to_number<double>(), 3.0);
  EXPECT_DOUBLE_EQ(c.at("ability").to_number<double>(), 2.0);
  EXPECT_DOUBLE_EQ(c.at("reinforcement").to_number<double>(), 5.0);
  // Knowledge at 3.0 is the first element at 3 or below.
  EXPECT_EQ(c.at("barrier_point").as_string(), "knowledge");

  // The next round is round 2; the list shows both in order.
  auto round2 = as(kChangeHead).post(initiative_path(initiative, "/surveys"), survey_body());
  ASSERT_EQ(round2.status, 201) << round2.body;
  EXPECT_EQ(round2.json().at("round").as_int64(), 2);
  auto both = coordinator.get(initiative_path(initiative, "/surveys"));
  ASSERT_EQ(both.json().as_array().size(), 2u);
  EXPECT_EQ(both.json().at(0).at("round").as_int64(), 1);
  EXPECT_EQ(both.json().at(1).at("round").as_int64(), 2);
  EXPECT_EQ(both.json().at(1).at("responses").as_int64(), 0);
}

TEST(ChangeReadiness, ScoresOutsideOneToFiveAreRefusedNamingTheField) {
  const auto group = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  const auto survey = open_survey(kCoordinator, initiative);
  const auto token = links(kCoordinator, initiative, survey, group, 1).at(0);

  auto low = answer(token, answer_body(0, 3, 3, 3, 3));
  EXPECT_EQ(low.status, 400) << low.body;
  EXPECT_EQ(low.error_fields(), std::vector<std::string>{"awareness"});
  auto high = answer(token, answer_body(3, 3, 3, 3, 6));
  EXPECT_EQ(high.status, 400);
  EXPECT_EQ(high.error_fields(), std::vector<std::string>{"reinforcement"});
  auto missing = answer(token, bj::object{{"awareness", 3}, {"desire", 3}, {"knowledge", 3}, {"ability", 3}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_fields(), std::vector<std::string>{"reinforcement"});
  auto long_comment = answer_body(3, 3, 3, 3, 3);
  long_comment["comment"] = std::string(2001, 'x');
  auto too_long = answer(token, long_comment);
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(too_long.error_fields(), std::vector<std::string>{"comment"});
  // A refused answer does not use the link.
  EXPECT_EQ(answer(token, answer_body(3, 3, 3, 3, 3)).status, 201);
}

TEST(ChangeReadiness, TheSameLinkAnswersOnceAndTheTallyCountsOne) {
  const auto group = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  const auto survey = open_survey(kCoordinator, initiative);
  const auto token = links(kCoordinator, initiative, survey, group, 1).at(0);

  ASSERT_EQ(answer(token, answer_body(2, 2, 2, 2, 2)).status, 201);
  auto again = answer(token, answer_body(5, 5, 5, 5, 5));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json().at("code").as_string(), "link_used");
  // Even signed in (a session without the CSRF header: the public answer needs none and is not attributed).
  auto& viewer = as(kViewer);
  EXPECT_EQ(viewer.request("POST", kBase + "/survey/" + token, bj::serialize(answer_body(5, 5, 5, 5, 5))).status, 409);

  const auto list = as(kCoordinator).get(initiative_path(initiative, "/surveys"));
  const auto& s = survey_in(list, survey);
  EXPECT_EQ(s.at("responses").as_int64(), 1);
  EXPECT_TRUE(s.at("groups").at(0).at("awareness").is_null());
  const auto sid = std::to_string(survey);
  EXPECT_EQ(Server::shared().query("SELECT responses, awareness FROM change_survey_tallies WHERE survey_id = " + sid),
            "1|2");
  EXPECT_EQ(Server::shared().query("SELECT COUNT(*) FROM change_survey_responses WHERE survey_id = " + sid), "1");
}

TEST(ChangeReadiness, AClosedRoundHidesAGroupUnderFiveAndJudgesTheBarrierOnSums) {
  const auto few = make_group(mtcit());
  const auto many = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  const auto survey = open_survey(kCoordinator, initiative);
  for (const auto& t : links(kCoordinator, initiative, survey, few, kMinAnswers - 1))
    ASSERT_EQ(answer(t, answer_body(1, 1, 1, 1, 1)).status, 201);
  for (const auto& t : links(kCoordinator, initiative, survey, many, kMinAnswers))
    ASSERT_EQ(answer(t, answer_body(4, 4, 4, 4, 4)).status, 201);
  ASSERT_EQ(close_survey(kCoordinator, initiative, survey).status, 200);
  // Many answers whose means both show as 3.00: desire is just above 3 (no barrier), knowledge just below (barrier).
  Server::shared().sql(
      "UPDATE change_survey_tallies SET responses = 1000, awareness = 4000, desire = 3001, knowledge = 2999,"
      " ability = 4000, reinforcement = 4000 WHERE survey_id = " +
      std::to_string(survey) + " AND group_id = " + std::to_string(many));
  const auto list = as(kCoordinator).get(initiative_path(initiative, "/surveys"));
  for (const auto& g : survey_in(list, survey).at("groups").as_array()) {
    if (g.at("group_id").as_int64() == few) {
      EXPECT_EQ(g.at("responses").as_int64(), kMinAnswers - 1);
      EXPECT_EQ(g.at("results_hidden_reason").as_string(), "too_few");
      EXPECT_TRUE(g.at("desire").is_null());
      EXPECT_TRUE(g.at("barrier_point").is_null());
    } else {
      EXPECT_TRUE(g.at("results_hidden_reason").is_null());
      EXPECT_DOUBLE_EQ(g.at("desire").to_number<double>(), 3.0);
      EXPECT_DOUBLE_EQ(g.at("knowledge").to_number<double>(), 3.0);
      EXPECT_EQ(g.at("barrier_point").as_string(), "knowledge");
    }
  }
}

TEST(ChangeReadiness, AnUnknownTokenIsNotFound) {
  const std::string token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get(kBase + "/survey/" + token).status, 404);
  EXPECT_EQ(anonymous.post(kBase + "/survey/" + token, answer_body(3, 3, 3, 3, 3)).status, 404);
  // Whatever the body holds: the link is looked up first.
  EXPECT_EQ(anonymous.post(kBase + "/survey/" + token, bj::object{}).status, 404);
}

TEST(ChangeReadiness, AClosedSurveyTakesNoAnswers) {
  const auto group = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  auto& coordinator = as(kCoordinator);
  const auto survey = open_survey(kCoordinator, initiative);
  const auto tokens = links(kCoordinator, initiative, survey, group, 2);

  const auto current = survey_in(coordinator.get(initiative_path(initiative, "/surveys")), survey);
  auto closed = coordinator.put(initiative_path(initiative, "/surveys/" + std::to_string(survey)),
                                bj::object{{"title_ar", "قياس الجاهزية"},
                                           {"title_en", "Readiness check"},
                                           {"closes_on", current.at("closes_on")},
                                           {"status", "closed"},
                                           {"version", current.at("version")}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json().at("status").as_string(), "closed");
  auto r = answer(tokens[0], answer_body(3, 3, 3, 3, 3));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.json().at("code").as_string(), "survey_closed");
  // A stale version is a conflict.
  auto stale = coordinator.put(initiative_path(initiative, "/surveys/" + std::to_string(survey)),
                               bj::object{{"title_ar", "قياس الجاهزية"},
                                          {"title_en", "Readiness check"},
                                          {"closes_on", current.at("closes_on")},
                                          {"status", "open"},
                                          {"version", current.at("version")}});
  EXPECT_EQ(stale.status, 409);

  // Past its closing day a survey is closed too.
  const auto past = open_survey(kCoordinator, initiative, -20, 30);
  const auto late_token = links(kCoordinator, initiative, past, group, 1).at(0);
  Server::shared().sql("UPDATE change_surveys SET closes_on = '" + day(-1) + "' WHERE id = " + std::to_string(past));
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get(kBase + "/survey/" + late_token).json().at("status").as_string(), "closed");
  auto late = answer(late_token, answer_body(3, 3, 3, 3, 3));
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json().at("code").as_string(), "survey_closed");
}

TEST(ChangeReadiness, TheAnswerNamesNoLinkAndIsAuditedWithoutAUser) {
  const auto group = make_group(mtcit());
  const auto initiative = make_initiative(mtcit(), day(-30), day(200));
  const auto survey = open_survey(kCoordinator, initiative);
  const auto token = links(kCoordinator, initiative, survey, group, 1).at(0);
  auto a = answer_body(4, 4, 4, 4, 4);
  a["comment"] = "التدريب غير كافٍ";
  ASSERT_EQ(answer(token, a).status, 201);

  auto& server = Server::shared();
  const std::string columns =
      server.postgres()
          ? server.query(
                "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns"
                " WHERE table_name = 'change_survey_responses'")
          : server.query("SELECT group_concat(name, ',') FROM pragma_table_info('change_survey_responses')");
  EXPECT_EQ(columns, "id,survey_id,group_id,awareness,desire,knowledge,ability,reinforcement,comment,submitted_on");
  const auto sid = std::to_string(survey);
  EXPECT_EQ(server.query("SELECT survey_id, group_id, awareness, comment, submitted_on FROM change_survey_responses"
                         " WHERE survey_id = " +
                         sid),
            sid + "|" + std::to_string(group) + "|4|التدريب غير كافٍ|" + day(0));
  EXPECT_EQ(server.query("SELECT used FROM change_survey_links WHERE survey_id = " + sid), "1");

  auto log = admin().get("/api/v1/audit?filter[action]=change_survey.answer&filter[resource_id]=" + sid);
  ASSERT_EQ(log.status, 200) << log.body;
  ASSERT_EQ(log.json().at("items").as_array().size(), 1u);
  const auto& entry = log.json().at("items").at(0);
  EXPECT_TRUE(entry.at("actor_id").is_null());
  EXPECT_EQ(entry.at("actor_label").as_string(), "anonymous");
  EXPECT_EQ(entry.at("resource_type").as_string(), "change_survey");
  EXPECT_EQ(entry.at("remote_address").as_string(), "");
  EXPECT_EQ(entry.at("changes").as_string().find(token), std::string::npos);
}

TEST(ChangeReadiness, SaturationMarksAMonthOverCapacityAndNamesTheInitiatives) {
  const auto org = new_ministry();
  auto& office = as(kOffice);
  auto set = office.put(kBase + "/entities/" + std::to_string(org),
                        bj::object{{"capacity", 60}, {"governance_project", false}, {"version", 0}});
  ASSERT_EQ(set.status, 200) << set.body;
  const auto group = make_group(org);
  const auto quiet = make_group(org);
  // Month +1 carries both initiatives (35 + 30 = 65 > 60); months 0 and +2 one each.
  const auto a = make_initiative(org, month(0) + "-10", month(1) + "-05");
  const auto b = make_initiative(org, month(1) + "-20", month(2) + "-28", "on_hold");
  const auto done = make_initiative(org, month(0) + "-01", month(3) + "-28", "completed");
  make_impact(a, group, 35);
  make_impact(b, group, 30);
  make_impact(done, group, 50);  // a completed initiative loads nothing
  make_impact(a, quiet, 5);

  auto r = office.get(kBase + "/saturation?organization_id=" + std::to_string(org) + "&from=" + month(0) + "&months=4");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& sat = r.json();
  EXPECT_EQ(sat.at("capacity").as_int64(), 60);
  EXPECT_EQ(sat.at("months").as_array().size(), 4u);
  EXPECT_EQ(sat.at("months").at(0).as_string(), month(0));
  EXPECT_EQ(sat.at("over_cells").as_int64(), 1);
  ASSERT_EQ(sat.at("groups").as_array().size(), 2u);
  const auto& cells = sat.at("groups").at(0).at("cells");
  EXPECT_EQ(sat.at("groups").at(0).at("group_id").as_int64(), group);
  EXPECT_EQ(cells.at(0).at("load").as_int64(), 35);
  EXPECT_EQ(cells.at(1).at("load").as_int64(), 65);
  EXPECT_EQ(cells.at(1).at("over").as_bool(), true);
  EXPECT_EQ(cells.at(0).at("over").as_bool(), false);
  EXPECT_EQ(cells.at(2).at("load").as_int64(), 30);
  EXPECT_EQ(cells.at(3).at("load").as_int64(), 0);
  const auto& named = cells.at(1).at("initiatives").as_array();
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].at("id").as_int64(), a);
  EXPECT_EQ(named[0].at("total").as_int64(), 35);
  EXPECT_EQ(named[1].at("id").as_int64(), b);
  EXPECT_EQ(named[1].at("title_en").as_string(), "Initiative " + std::to_string(b));
  EXPECT_EQ(sat.at("groups").at(1).at("cells").at(1).at("load").as_int64(), 5);

  // Raising the capacity clears the month.
  auto raised = office.put(kBase + "/entities/" + std::to_string(org),
                           bj::object{{"capacity", 70}, {"governance_project", false}, {"version", 1}});
  ASSERT_EQ(raised.status, 200) << raised.body;
  auto again =
      office.get(kBase + "/saturation?organization_id=" + std::to_string(org) + "&from=" + month(0) + "&months=4");
  EXPECT_EQ(again.json().at("over_cells").as_int64(), 0);

  // Bad parameters are named.
  EXPECT_EQ(office.get(kBase + "/saturation?organization_id=" + std::to_string(org) + "&months=37").error_fields(),
            std::vector<std::string>{"months"});
  EXPECT_EQ(office.get(kBase + "/saturation?organization_id=" + std::to_string(org) + "&from=2026-13").error_fields(),
            std::vector<std::string>{"from"});
  EXPECT_EQ(office.get(kBase + "/saturation").error_fields(), std::vector<std::string>{"organization_id"});
}

TEST(ChangeReadiness, EntitySettingsAreTheProgramOfficesWithRangesAndVersions) {
  const auto org = new_ministry();
  auto& office = as(kOffice);
  auto list = office.get(kBase + "/entities?page[size]=200&q=" + url_encode(std::to_string(org)));
  ASSERT_EQ(list.status, 200) << list.body;
  auto bad = office.put(kBase + "/entities/" + std::to_string(org),
                        bj::object{{"capacity", 0}, {"governance_project", true}, {"version", 0}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_fields(), std::vector<std::string>{"capacity"});
  // The version read is required, 0 for an entity still on the defaults.
  auto unversioned = office.put(kBase + "/entities/" + std::to_string(org),
                                bj::object{{"capacity", 80}, {"governance_project", true}});
  EXPECT_EQ(unversioned.status, 400);
  EXPECT_EQ(unversioned.error_fields(), std::vector<std::string>{"version"});
  auto wrong = office.put(kBase + "/entities/" + std::to_string(org),
                          bj::object{{"capacity", 80}, {"governance_project", true}, {"version", 3}});
  EXPECT_EQ(wrong.status, 409);
  auto first = office.put(kBase + "/entities/" + std::to_string(org),
                          bj::object{{"capacity", 80}, {"governance_project", true}, {"version", 0}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("capacity").as_int64(), 80);
  EXPECT_EQ(first.json().at("governance_project").as_bool(), true);
  EXPECT_EQ(first.json().at("version").as_int64(), 1);
  auto stale = office.put(kBase + "/entities/" + std::to_string(org),
                          bj::object{{"capacity", 90}, {"governance_project", true}, {"version", 0}});
  EXPECT_EQ(stale.status, 409);
  auto flagged = office.get(kBase + "/entities?filter[governance_project]=true&page[size]=200");
  bool found = false;
  for (const auto& e : flagged.json().at("items").as_array())
    found = found || e.at("organization_id").as_int64() == org;
  EXPECT_TRUE(found);
  EXPECT_EQ(office
                .put(kBase + "/entities/999999999",
                     bj::object{{"capacity", 10}, {"governance_project", true}, {"version", 0}})
                .status,
            404);
  // The search of the names ignores case in English.
  auto by_name = office.get(kBase + "/entities?page[size]=200&q=MINISTRY%20OF%20TRANSPORT");
  ASSERT_EQ(by_name.status, 200);
  EXPECT_GE(by_name.json().at("items").as_array().size(), 1u) << by_name.body;
}

TEST(ChangeReadiness, TheNationalViewMatchesTheData) {
  const auto org = new_ministry();
  const auto group = make_group(org);
  const auto i1 = make_initiative(org, month(0) + "-01", month(2) + "-28", "active", 1);
  const auto i2 = make_initiative(org, month(0) + "-01", month(5) + "-28", "active", 1);
  make_initiative(org, month(-6) + "-01", month(-1) + "-28", "completed", 2);
  make_impact(i1, group, 40);
  make_impact(i2, group, 30);  // months 0–2 at 70 > 60: three saturated months
  for (int k = 0; k < 30; ++k) make_action(i1, day(-400 - k), "in_progress");  // 30 late actions, top of late plans
  make_action(i1, day(-10), "done");
  make_action(i2, day(-5), "not_started");
  make_action(i2, day(10), "not_started");
  Server::shared().sql(
      "INSERT INTO change_risks (initiative_id, title_ar, title_en, likelihood, impact, status, created_at, updated_at)"
      " VALUES (" +
      std::to_string(i2) + ", 'خطر', 'Risk', 4, 4, 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  // Three rounds of i1: the latest closed one counts for readiness, and in it only the groups with five answers.
  const auto small = make_group(org);
  const auto r1 = open_survey(kOffice, i1);
  for (const auto& t : links(kOffice, i1, r1, group, kMinAnswers))
    ASSERT_EQ(answer(t, answer_body(1, 1, 1, 1, 1)).status, 201);
  ASSERT_EQ(close_survey(kOffice, i1, r1).status, 200);
  const auto r2 = open_survey(kOffice, i1);
  const auto tokens = links(kOffice, i1, r2, group, kMinAnswers);
  for (int k = 0; k < 3; ++k) ASSERT_EQ(answer(tokens[k], answer_body(4, 4, 2, 3, 4)).status, 201);
  for (int k = 3; k < 5; ++k) ASSERT_EQ(answer(tokens[k], answer_body(5, 3, 3, 4, 4)).status, 201);
  for (const auto& t : links(kOffice, i1, r2, small, kMinAnswers - 1))
    ASSERT_EQ(answer(t, answer_body(1, 1, 1, 1, 1)).status, 201);
  ASSERT_EQ(close_survey(kOffice, i1, r2).status, 200);
  const auto r3 = open_survey(kOffice, i1);
  for (const auto& t : links(kOffice, i1, r3, group, kMinAnswers))
    ASSERT_EQ(answer(t, answer_body(5, 5, 5, 5, 5)).status, 201);
  auto& office = as(kOffice);
  ASSERT_EQ(office
                .put(kBase + "/entities/" + std::to_string(org),
                     bj::object{{"capacity", 60}, {"governance_project", true}, {"version", 0}})
                .status,
            200);

  auto r = office.get(kBase + "/national");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& n = r.json();
  const bj::value* row = nullptr;
  for (const auto& e : n.at("by_entity").as_array())
    if (e.at("organization_id").as_int64() == org) row = &e;
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->at("initiatives").as_int64(), 3);
  EXPECT_EQ(row->at("by_gate").at(0).as_int64(), 2);
  EXPECT_EQ(row->at("by_gate").at(1).as_int64(), 1);
  EXPECT_EQ(row->at("late_actions").as_int64(), 31);
  EXPECT_EQ(row->at("saturated_months").as_int64(), 3);
  EXPECT_EQ(row->at("governance_project").as_bool(), true);
  // Latest closed round, its large group only: (3 × (4+4+2+3+4) + 2 × (5+3+3+4+4)) / 25 = 3.56.
  EXPECT_DOUBLE_EQ(row->at("readiness").to_number<double>(), 3.56);

  const bj::value* gp = nullptr;
  for (const auto& e : n.at("governance_project").as_array())
    if (e.at("organization_id").as_int64() == org) gp = &e;
  ASSERT_NE(gp, nullptr);
  EXPECT_DOUBLE_EQ(gp->at("knowledge").to_number<double>(), 2.4);
  EXPECT_DOUBLE_EQ(gp->at("desire").to_number<double>(), 3.6);
  EXPECT_EQ(gp->at("barrier_point").as_string(), "knowledge");
  EXPECT_EQ(gp->at("high_risks").as_int64(), 1);
  EXPECT_EQ(gp->at("saturated_months").as_int64(), 3);

  const bj::value* sat = nullptr;
  for (const auto& e : n.at("saturated").as_array())
    if (e.at("organization_id").as_int64() == org) sat = &e;
  ASSERT_NE(sat, nullptr);
  EXPECT_EQ(sat->at("months_over").as_int64(), 3);
  EXPECT_EQ(sat->at("worst_load").as_int64(), 70);
  EXPECT_EQ(sat->at("worst_month").as_string(), month(0));
  EXPECT_EQ(sat->at("capacity").as_int64(), 60);

  bool late = false;
  for (const auto& p : n.at("late_plans").as_array())
    if (p.at("initiative_id").as_int64() == i1) {
      late = true;
      EXPECT_EQ(p.at("late_actions").as_int64(), 30);
      EXPECT_EQ(p.at("oldest_due_on").as_string(), day(-429));
    }
  EXPECT_TRUE(late);
  // The totals hold this entity's figures (other tests add their own).
  EXPECT_GE(n.at("totals").at("initiatives").as_int64(), 3);
  EXPECT_GE(n.at("totals").at("responses").as_int64(), 19);
  EXPECT_EQ(n.at("gates").as_array().size(), n.at("by_entity").at(0).at("by_gate").as_array().size());
  // The readiness trend has twelve months ending this month; this month's surveys close after it, so the
  // responses sit in the month of their closing day.
  EXPECT_EQ(n.at("readiness_trend").as_array().size(), 12u);
  EXPECT_EQ(n.at("readiness_trend").at(11).at("month").as_string(), month(0));

  auto csv = office.get(kBase + "/national/entities.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(std::to_string(org)), std::string::npos);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  auto xlsx = office.get(kBase + "/national/entities.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST(ChangeReadiness, AnotherEntitysStaffFindNothing) {
  const auto group = make_group(interior());
  const auto initiative = make_initiative(interior(), day(-30), day(200));
  const auto survey = open_survey(kOffice, initiative);
  auto& coordinator = as(kCoordinator);  // MTCIT
  const auto sid = std::to_string(survey);
  EXPECT_EQ(coordinator.get(initiative_path(initiative, "/surveys")).status, 404);
  EXPECT_EQ(coordinator.post(initiative_path(initiative, "/surveys"), survey_body()).status, 404);
  EXPECT_EQ(coordinator.put(initiative_path(initiative, "/surveys/" + sid), bj::object{}).status, 404);
  EXPECT_EQ(coordinator
                .post(initiative_path(initiative, "/surveys/" + sid + "/links"),
                      bj::object{{"group_id", group}, {"count", 1}})
                .status,
            404);
  EXPECT_EQ(coordinator.get(kBase + "/saturation?organization_id=" + std::to_string(interior())).status, 404);
  // The Interior's viewer reads its surveys and heatmap but changes nothing.
  auto& viewer = as(kViewer);
  EXPECT_EQ(viewer.get(initiative_path(initiative, "/surveys")).status, 200);
  EXPECT_EQ(viewer.get(kBase + "/saturation?organization_id=" + std::to_string(interior())).status, 200);
  EXPECT_EQ(viewer.post(initiative_path(initiative, "/surveys"), survey_body()).status, 403);
  // A group of another entity cannot be given links.
  const auto own = make_initiative(mtcit(), day(-30), day(200));
  const auto own_survey = open_survey(kCoordinator, own);
  auto foreign = coordinator.post(initiative_path(own, "/surveys/" + std::to_string(own_survey) + "/links"),
                                  bj::object{{"group_id", group}, {"count", 1}});
  EXPECT_EQ(foreign.status, 400);
  EXPECT_EQ(foreign.error_fields(), std::vector<std::string>{"group_id"});
}

TEST(ChangeReadiness, TheNationalViewIsRefusedToEntityRoles) {
  for (const auto& email : {kCoordinator, kChangeHead, kViewer}) {
    auto& c = as(email);
    EXPECT_EQ(c.get(kBase + "/national").status, 403) << email;
    EXPECT_EQ(c.get(kBase + "/national/entities.csv").status, 403) << email;
    EXPECT_EQ(c.get(kBase + "/entities").status, 403) << email;
    EXPECT_EQ(c.put(kBase + "/entities/" + std::to_string(mtcit()),
                    bj::object{{"capacity", 500}, {"governance_project", true}, {"version", 0}})
                  .status,
              403)
        << email;
  }
  EXPECT_EQ(as(kOffice).get(kBase + "/national").status, 200);
}

// The authorisation matrix (authz/change_readiness.tsv): an initiative of the Ministry of Interior with a round
// and an unused link, under the more specific prefix ".../surveys" so it wins over the portfolio's own fixture.
const bool kRegistered = register_authz_fixture([](AuthzSetup& s) {
  const auto id = next_id();
  const auto n = std::to_string(id);
  s.server.sql(
      "INSERT INTO change_groups (id, organization_id, name_ar, name_en, size, created_at, updated_at) VALUES (" + n +
      ", " + std::to_string(s.interior) +
      ", 'فئة', 'Group', 10, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  s.server.sql(
      "INSERT INTO change_initiatives (id, organization_id, title_ar, title_en, type, starts_on, ends_on, status,"
      " gate_id, gate_reached_at, created_by, created_at, updated_at) VALUES (" +
      n + ", " + std::to_string(s.interior) +
      ", 'مبادرة', 'Initiative', 'system', '2026-01-01', '2030-12-31', 'active', (SELECT id FROM change_gates WHERE"
      " position = 1), '2026-01-01T00:00:00.000Z', (SELECT MIN(id) FROM users), '2026-01-01T00:00:00.000Z',"
      " '2026-01-01T00:00:00.000Z')");
  auto survey = s.admin.post(
      "/api/v1/change/initiatives/" + n + "/surveys",
      bj::object{{"title_ar", "قياس"}, {"title_en", "Check"}, {"opens_on", "2026-01-01"}, {"closes_on", "2030-12-31"}});
  ASSERT_EQ(survey.status, 201) << survey.body;
  auto batch = s.admin.post(
      "/api/v1/change/initiatives/" + n + "/surveys/" + std::to_string(survey.json().at("id").as_int64()) + "/links",
      bj::object{{"group_id", id}, {"count", 1}});
  ASSERT_EQ(batch.status, 201) << batch.body;
  s.ids.set("/api/v1/change/initiatives/{id}/surveys", "{id}", id);
  s.ids.set("/api/v1/change/initiatives/" + n + "/surveys/", "{survey_id}", survey.json().at("id").as_int64());
  s.ids.set("/api/v1/change/entities/", "{organization_id}", s.interior);
  s.ids.set_text("/api/v1/change/survey/", "{token}",
                 std::string(batch.json().at("links").at(0).at("token").as_string()));
});

}  // namespace
}  // namespace manzuma::api_test
