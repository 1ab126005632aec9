// Search: a change is searchable the moment it is saved; users find only what they may open, and facets count
// only that; Arabic spelling variants find the same record; snippets are escaped HTML; bad input is a 400 naming
// the parameter (never a 500); suggestions by prefix honour access; `manzuma reindex` while the server runs.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const std::string kOffice = "office@demo.manzuma.om";
const std::string kCoordinator = "coordinator@demo.manzuma.om";  // MTCIT
const std::string kViewer = "viewer@demo.manzuma.om";            // Ministry of Interior
const std::string kOwner = "practice.owner@demo.manzuma.om";     // OQ
const std::string kContributor = "contributor@demo.manzuma.om";  // Omran
const std::string kAssessor = "assessor@demo.manzuma.om";        // the Academy

/// A made-up word no other record holds (letters only, so every analyser keeps it one word).
std::string word() {
  static std::atomic<int> n{0};
  std::string out = "zq";
  for (long v = static_cast<long>(getpid()) * 1000 + ++n; v > 0; v /= 26) out += static_cast<char>('a' + v % 26);
  return out + "vx";
}

std::string day(int offset) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now()) + days{offset}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::int64_t org_id(const std::string& name_en) {
  auto r = as(kOffice).get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + name_en);
}

std::int64_t me(const std::string& email) { return as(email).get("/api/v1/me").json().at("user").at("id").as_int64(); }

Response search(Client& c, const std::string& query) { return c.get("/api/v1/search?" + query); }
Response search_q(Client& c, const std::string& q, const std::string& more = "") {
  return search(c, "q=" + url_encode(q) + "&per_page=50" + more);
}

/// The (type, id) of every item of a search answer.
std::set<std::pair<std::string, std::int64_t>> hits(const Response& r) {
  std::set<std::pair<std::string, std::int64_t>> out;
  if (r.status != 200) throw std::runtime_error("search failed: " + std::to_string(r.status) + " " + r.body);
  for (const auto& i : r.json().at("items").as_array())
    out.emplace(std::string(i.at("type").as_string()), i.at("id").as_int64());
  return out;
}

bool finds(Client& c, const std::string& q, const std::string& type, std::int64_t id) {
  return hits(search_q(c, q)).count({type, id}) > 0;
}

/// The count of `value` in facet `facet` of a search answer (0 when absent).
std::int64_t facet(const Response& r, std::string_view facet, std::string_view value) {
  for (const auto& f : r.json().at("facets").at(facet).as_array())
    if (f.at("value").as_string() == value) return f.at("count").as_int64();
  return 0;
}

std::int64_t next_id() {
  static std::atomic<std::int64_t> n{0};
  return 2'000'000'000 + (getpid() % 100000) * 1000 + ++n;
}

// An open edition of its own (inserted directly: what is searched here are the records made through the API).
std::int64_t make_edition() {
  const auto id = next_id();
  Server::shared().sql(
      "INSERT INTO editions (id, number, year, title_ar, title_en, starts_on, ends_on, status, created_at,"
      " updated_at) VALUES (" +
      std::to_string(id) + ", " + std::to_string(id) + ", 2026, 'نسخة البحث " + std::to_string(id) +
      "', 'Search edition " + std::to_string(id) +
      "', '2026-01-01', '2026-12-31', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

// A published practice of Petroleum Development Oman with no owner, so that only the adopting entities (and
// national roles) read its adoptions.
std::int64_t make_pdo_practice(std::int64_t edition) {
  const auto id = next_id();
  Server::shared().sql(
      "INSERT INTO practices (id, edition_id, organization_id, category, title_ar, title_en, status, created_at,"
      " updated_at) VALUES (" +
      std::to_string(id) + ", " + std::to_string(edition) +
      ", (SELECT id FROM organizations WHERE name_en = 'Petroleum Development Oman'), 'other', 'ممارسة " +
      std::to_string(id) + "', 'Practice " + std::to_string(id) +
      "', 'published', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  return id;
}

std::int64_t adopt(const std::string& email, std::int64_t edition, std::int64_t practice, std::int64_t organization,
                   const std::string& objective_en) {
  auto r = as(email).post("/api/v1/adoptions", bj::object{{"edition_id", edition},
                                                          {"practice_id", practice},
                                                          {"organization_id", organization},
                                                          {"objective_ar", "تطبيق الممارسة في الجهة"},
                                                          {"objective_en", objective_en},
                                                          {"starts_on", day(-10)},
                                                          {"ends_on", day(100)}});
  if (r.status != 201) throw std::runtime_error("adopt: " + r.body);
  return r.json().at("adoption").at("id").as_int64();
}

// The edition of the demo's "Continuous improvement" practice, which takes new practices.
std::int64_t practice_edition() {
  auto r = as(kOffice).get("/api/v1/practices?page[size]=200&q=" + url_encode("Continuous improvement"));
  for (const auto& p : r.json().at("items").as_array())
    if (p.at("title_en").as_string() == "Continuous improvement") return p.at("edition_id").as_int64();
  throw std::runtime_error("no demo practice Continuous improvement");
}

bj::object practice_body(const std::string& title_ar, const std::string& title_en, const std::string& summary_en,
                         std::optional<std::int64_t> owner = std::nullopt) {
  bj::object o{{"edition_id", practice_edition()},
               {"organization_id", org_id("OQ Group")},
               {"category", "other"},
               {"title_ar", title_ar},
               {"title_en", title_en},
               {"summary_ar", "ملخص الممارسة"},
               {"summary_en", summary_en}};
  if (owner) o["owner_id"] = *owner;
  return o;
}

bj::object create_practice(const bj::object& body) {
  auto r = as(kOffice).post("/api/v1/practices", body);
  if (r.status != 201) throw std::runtime_error("practice: " + r.body);
  return r.json().at("practice").as_object();
}

bj::object update_of(const bj::object& p) {
  bj::object u;
  for (auto k : {"edition_id", "organization_id", "owner_id", "category", "title_ar", "title_en", "summary_ar",
                 "summary_en", "benefits_ar", "benefits_en", "prerequisites_ar", "prerequisites_en", "version"})
    u[k] = p.at(k);
  return u;
}

TEST(Search, ARecordIsFoundTheMomentItIsSavedAndAnEditOrDeleteShowsAtOnce) {
  auto& office = as(kOffice);
  const auto first = word(), second = word();
  auto p = create_practice(practice_body("ممارسة " + first, "Practice " + first, "About " + first));
  const auto id = p.at("id").as_int64();
  // No wait: the search applies what was written before it answers.
  auto r = search_q(office, first);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(hits(r), (std::set<std::pair<std::string, std::int64_t>>{{"practice", id}}));
  const auto& item = r.json().at("items").at(0);
  EXPECT_EQ(item.at("url").as_string(), "/practices/" + std::to_string(id));
  EXPECT_EQ(item.at("organization").at("name_en").as_string(), "OQ Group");
  EXPECT_EQ(item.at("title_en").as_string(), "Practice " + first);
  EXPECT_TRUE(item.at("edition").is_int64());
  EXPECT_TRUE(item.at("year").is_int64());
  EXPECT_EQ(r.json().at("total").as_int64(), 1);
  EXPECT_EQ(facet(r, "type", "practice"), 1);

  // An edit: the old word no longer finds it, the new one does.
  auto u = update_of(p);
  u["title_ar"] = "ممارسة " + second;
  u["title_en"] = "Practice " + second;
  u["summary_en"] = "About " + second;
  auto edited = office.put("/api/v1/practices/" + std::to_string(id), u);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_FALSE(finds(office, first, "practice", id));
  EXPECT_TRUE(finds(office, second, "practice", id));

  // A delete removes it.
  ASSERT_EQ(office.del("/api/v1/practices/" + std::to_string(id)).status, 204);
  EXPECT_EQ(search_q(office, second).json().at("total").as_int64(), 0);
}

TEST(Search, AnotherEntitysPrivateRecordsAreNeitherFoundNorCounted) {
  const auto w = word();
  const auto edition = make_edition();
  const auto practice = make_pdo_practice(edition);
  const auto mtcit = org_id("Ministry of Transport, Communications and Information Technology");
  const auto interior = org_id("Ministry of Interior");
  const auto mtcit_adoption = adopt(kCoordinator, edition, practice, mtcit, "Apply " + w + " at the ministry");
  const auto interior_adoption = adopt(kOffice, edition, practice, interior, "Apply " + w + " at the ministry");

  // Each entity finds its own adoption only, and the facets count only what it may open.
  auto coord = search_q(as(kCoordinator), w);
  EXPECT_EQ(hits(coord), (std::set<std::pair<std::string, std::int64_t>>{{"adoption", mtcit_adoption}}));
  EXPECT_EQ(coord.json().at("total").as_int64(), 1);
  EXPECT_EQ(facet(coord, "type", "adoption"), 1);
  EXPECT_EQ(facet(coord, "organization", std::to_string(interior)), 0);
  EXPECT_EQ(facet(coord, "organization", std::to_string(mtcit)), 1);
  auto viewer = search_q(as(kViewer), w);
  EXPECT_EQ(hits(viewer), (std::set<std::pair<std::string, std::int64_t>>{{"adoption", interior_adoption}}));
  EXPECT_EQ(facet(viewer, "organization", std::to_string(mtcit)), 0);
  // Filtering by the other entity finds nothing rather than leaking it.
  EXPECT_EQ(search_q(as(kViewer), w, "&org=" + std::to_string(mtcit)).json().at("total").as_int64(), 0);
  // Neither entity's adoption is the Omran contributor's, nor the OQ practice owner's (not their practice).
  EXPECT_TRUE(hits(search_q(as(kContributor), w)).empty());
  EXPECT_TRUE(hits(search_q(as(kOwner), w)).empty());
  EXPECT_EQ(facet(search_q(as(kOwner), w), "type", "adoption"), 0);
  // The national office sees both.
  auto office = search_q(as(kOffice), w);
  EXPECT_EQ(hits(office), (std::set<std::pair<std::string, std::int64_t>>{{"adoption", mtcit_adoption},
                                                                          {"adoption", interior_adoption}}));
  EXPECT_EQ(facet(office, "type", "adoption"), 2);
  EXPECT_EQ(search_q(as(kOffice), w, "&org=" + std::to_string(interior)).json().at("total").as_int64(), 1);
}

TEST(Search, ADraftPracticeIsItsOwnersUntilPublished) {
  const auto w = word();
  auto p = create_practice(practice_body("مسودة " + w, "Draft " + w, "Draft of " + w, me(kOwner)));
  const auto id = p.at("id").as_int64();
  EXPECT_TRUE(finds(as(kOwner), w, "practice", id));
  EXPECT_TRUE(finds(as(kOffice), w, "practice", id));
  EXPECT_FALSE(finds(as(kViewer), w, "practice", id));
  EXPECT_EQ(facet(search_q(as(kViewer), w), "type", "practice"), 0);
  EXPECT_FALSE(finds(as(kCoordinator), w, "practice", id));

  auto published = as(kOffice).post("/api/v1/practices/" + std::to_string(id) + "/status",
                                    bj::object{{"status", "published"}, {"version", p.at("version")}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_TRUE(finds(as(kViewer), w, "practice", id));
  EXPECT_TRUE(finds(as(kCoordinator), w, "practice", id));
}

TEST(Search, AStudyUnderReviewIsForItsOrganisationAndItsReviewers) {
  const auto w = word();
  auto submitted = as(kContributor)
                       .post("/api/v1/research", bj::object{{"edition_id", practice_edition()},
                                                            {"organization_id", org_id("Omran Group")},
                                                            {"title_ar", "بحث " + w},
                                                            {"title_en", "Study " + w},
                                                            {"authors", bj::array{"د. سالم الهاشمي"}},
                                                            {"abstract_ar", "ملخص"},
                                                            {"abstract_en", "On " + w}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const auto id = submitted.json().at("study").at("id").as_int64();
  EXPECT_TRUE(finds(as(kContributor), w, "study", id));
  EXPECT_TRUE(finds(as(kOffice), w, "study", id));
  EXPECT_FALSE(finds(as(kViewer), w, "study", id));
  EXPECT_FALSE(finds(as(kAssessor), w, "study", id));

  auto assigned = as(kOffice).post("/api/v1/research/" + std::to_string(id) + "/reviewers",
                                   bj::object{{"user_ids", {me(kAssessor)}}, {"version", 1}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_TRUE(finds(as(kAssessor), w, "study", id));  // the reviewer, from now on
  EXPECT_FALSE(finds(as(kViewer), w, "study", id));
  EXPECT_EQ(facet(search_q(as(kViewer), w), "type", "study"), 0);
}

bj::object make_org(const std::string& name_en, std::optional<std::int64_t> parent) {
  bj::object in{{"kind", "authority"}, {"name_ar", "هيئة " + name_en}, {"name_en", name_en}};
  if (parent) in["parent_id"] = *parent;
  auto r = admin().post("/api/v1/organizations", in);
  if (r.status != 201) throw std::runtime_error("organisation: " + r.body);
  return r.json().as_object();
}

TEST(Search, MovingAnOrganisationMovesWhoFindsItsPrivateRecords) {
  const auto w = word();
  const auto a = make_org(unique("Search Authority A"), std::nullopt).at("id").as_int64();
  const auto b = make_org(unique("Search Authority B"), std::nullopt).at("id").as_int64();
  const auto unit = make_org(unique("Search Unit"), a);
  const auto unit_id = unit.at("id").as_int64();
  // A viewer of authority A reads the studies of the units under it.
  const auto email = unique("search.viewer") + "@example.om";
  auto user = admin().post(
      "/api/v1/users", bj::object{{"email", email},
                                  {"name_ar", "قارئ البحث"},
                                  {"name_en", "Search Reader"},
                                  {"memberships", bj::array{bj::object{{"organization_id", a}, {"role", "viewer"}}}}});
  ASSERT_EQ(user.status, 201) << user.body;
  Client reader(Server::shared().url());
  ASSERT_EQ(reader.login(email, user.json().at("temporary_password").as_string()).status, 200);

  auto study = as(kOffice).post("/api/v1/research", bj::object{{"edition_id", practice_edition()},
                                                               {"organization_id", unit_id},
                                                               {"title_ar", "بحث " + w},
                                                               {"title_en", "Study " + w},
                                                               {"authors", bj::array{"Aisha Al Balushi"}},
                                                               {"abstract_en", "On " + w}});
  ASSERT_EQ(study.status, 201) << study.body;
  const auto id = study.json().at("study").at("id").as_int64();
  ASSERT_TRUE(finds(reader, w, "study", id));

  // The unit moves under B: A's viewer no longer opens the study, so no longer finds it.
  bj::object move{{"kind", "authority"},
                  {"name_ar", unit.at("name_ar")},
                  {"name_en", unit.at("name_en")},
                  {"parent_id", b},
                  {"country", "OM"},
                  {"active", true},
                  {"version", unit.at("version")}};
  auto moved = admin().put("/api/v1/organizations/" + std::to_string(unit_id), move);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(reader.get("/api/v1/research/" + std::to_string(id)).status, 404);
  EXPECT_FALSE(finds(reader, w, "study", id));
  EXPECT_TRUE(finds(as(kOffice), w, "study", id));
}

TEST(Search, ArabicSpellingVariantsFindTheSameRecord) {
  // Written with hamza on the alef, shadda, tatweel and a final ta marbuta.
  auto p = create_practice(practice_body("إستراتيجيّة المؤسّســة للجودة " + word(), "Quality " + word(), "Quality"));
  const auto id = p.at("id").as_int64();
  const auto oq = "&type=practice&org=" + std::to_string(org_id("OQ Group"));
  for (std::string q : {"استراتيجية المؤسسة", "إستراتيجيه المؤسسه", "الاستراتيجية", "استراتيجيّة", "مؤسسة", "المؤسسات",
                        "للمؤسسة", "والجودة", "جوده"})
    EXPECT_TRUE(hits(search_q(as(kOffice), q, oq)).count({"practice", id})) << q;
}

TEST(Search, SnippetsAreEscapedHtmlWithTheMatchMarked) {
  const auto w = word();
  auto p = create_practice(practice_body("ممارسة <b>" + w + "</b>", "<script>alert(1)</script> " + w,
                                         "<img src=x onerror=alert(1)> " + w + " & <i>more</i>"));
  auto r = search_q(as(kOffice), w);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json().at("items").as_array().size(), 1u);
  const std::string snippet(r.json().at("items").at(0).at("snippet").as_string());
  EXPECT_NE(snippet.find("&lt;img"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>" + w + "</mark>"), std::string::npos) << snippet;
  // No markup from the record survives: remove the marks and nothing looks like a tag.
  std::string rest = snippet;
  for (auto tag : {"<mark>", "</mark>"})
    for (auto at = rest.find(tag); at != std::string::npos; at = rest.find(tag))
      rest.erase(at, std::string(tag).size());
  EXPECT_EQ(rest.find('<'), std::string::npos) << snippet;
  EXPECT_EQ(rest.find('>'), std::string::npos) << snippet;
  // Titles are data, returned as written, for the client to show as text.
  EXPECT_EQ(r.json().at("items").at(0).at("title_en").as_string(), "<script>alert(1)</script> " + w);
}

TEST(Search, BadInputIsASensibleAnswerOrA400NamingTheParameterNeverA500) {
  auto& c = as(kViewer);
  // libcurl sends no session cookie with a URL this long, so the 10,000-character queries go with a token.
  auto token = as(kOffice).post("/api/v1/tokens", bj::object{{"name", unique("search")}, {"scopes", {"read"}}});
  ASSERT_EQ(token.status, 201) << token.body;
  Client bearer(Server::shared().url());
  bearer.use_token(std::string(token.json().at("secret").as_string()));
  auto expect_400 = [&](const std::string& query, const std::string& field) {
    auto r = search(query.size() > 4000 ? bearer : c, query);
    const auto shown = query.substr(0, 80);
    EXPECT_EQ(r.status, 400) << shown << ": " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << shown;
    const auto fields = r.error_fields();
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << shown << ": " << r.body;
  };
  for (const std::string q : {"", "%20%20%20", "%20%09%E2%80%8F%20", "+++"}) {
    auto r = search(c, "q=" + q);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.json().at("empty_query").as_bool());
    EXPECT_EQ(r.json().at("total").as_int64(), 0);
  }
  EXPECT_EQ(search(c, "").status, 200);
  expect_400("q=" + std::string(10000, 'a'), "q");
  std::string arabic;  // 1,001 characters, 2,002 bytes
  for (int i = 0; i < 1001; ++i) arabic += "ب";
  expect_400("q=" + url_encode(arabic), "q");
  expect_400("q=%FF", "q");
  expect_400("q=abc%C3", "q");
  expect_400("page=0", "page");
  expect_400("page=-3", "page");
  expect_400("page=x", "page");
  expect_400("per_page=500", "per_page");
  expect_400("per_page=0", "per_page");
  expect_400("type=bogus", "type");
  expect_400("type=practice&type=", "type");
  expect_400("org=abc", "org");
  expect_400("org=1;DROP", "org");
  expect_400("edition=x", "edition");
  expect_400("year=99999999999999999999", "year");
  expect_400("sort=oldest", "sort");
  expect_400("color=red", "color");
  expect_400("q=a&q=b", "q");

  // Operators, quotes, SQL and markup are words or nothing, never errors.
  for (const std::string q : {"AND OR NOT \"\"", "\"", "((", "' OR 1=1; DROP TABLE practices; --", "<script>",
                              "* ? ~ ^", "NEAR/3", "-", "ـــ", "\u200f\u200e"}) {
    auto r = search_q(c, q);
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
  }
  auto sql = search_q(as(kOffice), "practices' OR '1'='1");
  EXPECT_EQ(sql.status, 200);
  EXPECT_EQ(as(kOffice).get("/api/v1/practices?page[size]=1").status, 200);  // the table is still there

  // Valid filters and sorting answer normally, a page past the end is empty.
  auto newest = search(c, "q=" + url_encode("إدارة") + "&sort=newest&type=practice&type=event&page=1&per_page=5");
  ASSERT_EQ(newest.status, 200) << newest.body;
  EXPECT_LE(newest.json().at("items").as_array().size(), 5u);
  for (const auto& i : newest.json().at("items").as_array()) {
    const auto type = i.at("type").as_string();
    EXPECT_TRUE(type == "practice" || type == "event") << type;
  }
  auto past = search(c, "q=" + url_encode("إدارة") + "&page=1000&per_page=50");
  ASSERT_EQ(past.status, 200);
  EXPECT_TRUE(past.json().at("items").as_array().empty());
  EXPECT_EQ(as(kViewer).get("/api/v1/search/suggest?q=%FF").status, 400);
  EXPECT_EQ(bearer.get("/api/v1/search/suggest?q=" + std::string(10000, 'a')).status, 400);
  EXPECT_EQ(as(kViewer).get("/api/v1/search/suggest?x=1").status, 400);
}

TEST(Search, SuggestionsComeByPrefixAndHonourAccess) {
  const auto w = word();
  auto p = create_practice(practice_body("مسودة " + w, "Draft " + w, "Draft", me(kOwner)));
  const auto id = p.at("id").as_int64();
  const std::string prefix = w.substr(0, w.size() - 2);
  auto mine = as(kOwner).get("/api/v1/search/suggest?q=" + url_encode(prefix));
  ASSERT_EQ(mine.status, 200) << mine.body;
  bool found = false;
  for (const auto& s : mine.json().at("items").as_array())
    if (s.at("type").as_string() == "practice" && s.at("id").as_int64() == id) {
      found = true;
      EXPECT_EQ(s.at("url").as_string(), "/practices/" + std::to_string(id));
      EXPECT_EQ(s.at("title_en").as_string(), "Draft " + w);
    }
  EXPECT_TRUE(found) << mine.body;
  auto theirs = as(kViewer).get("/api/v1/search/suggest?q=" + url_encode(prefix));
  ASSERT_EQ(theirs.status, 200);
  for (const auto& s : theirs.json().at("items").as_array())
    EXPECT_FALSE(s.at("type").as_string() == "practice" && s.at("id").as_int64() == id) << theirs.body;
  EXPECT_TRUE(as(kViewer).get("/api/v1/search/suggest?q=").json().at("items").as_array().empty());
  // Arabic prefixes too: a demo practice's title.
  auto ar = as(kViewer).get("/api/v1/search/suggest?q=" + url_encode("إدا"));
  ASSERT_EQ(ar.status, 200);
  EXPECT_FALSE(ar.json().at("items").as_array().empty()) << ar.body;
}

std::string current_generation(const Server& server) {
  std::ifstream in(server.work_dir() + "/data/search/current");
  std::string name;
  std::getline(in, name);
  return name;
}

TEST(Search, ReindexWhileServingSwitchesTheServerToTheNewGeneration) {
  auto& server = Server::shared();
  const auto before = current_generation(server);
  ASSERT_FALSE(before.empty());
  const auto w = word();
  auto p = create_practice(practice_body("قبل " + w, "Before " + w, "Before"));
  const auto id = p.at("id").as_int64();
  ASSERT_TRUE(finds(as(kOffice), w, "practice", id));

  // Searches keep answering while the rebuild runs beside them.
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, answered{0};
  std::thread reader([&] {
    Client c(server.url());
    c.login(kOffice);
    while (!done) {
      auto r = c.get("/api/v1/search?q=" + w);
      if (r.status != 200 || r.json().at("total").as_int64() != 1) ++failures;
      ++answered;
    }
  });
  auto [code, out] = server.cli({"reindex"});
  done = true;
  reader.join();
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Indexed"), std::string::npos) << out;
  EXPECT_EQ(failures, 0) << "of " << answered << " searches during the rebuild";

  const auto after = current_generation(server);
  EXPECT_NE(after, before);
  EXPECT_TRUE(std::filesystem::exists(server.work_dir() + "/data/search/" + after));
  // The server serves the new generation: an older record and a new one are both found.
  EXPECT_TRUE(finds(as(kOffice), w, "practice", id));
  const auto w2 = word();
  auto q = create_practice(practice_body("بعد " + w2, "After " + w2, "After"));
  EXPECT_TRUE(finds(as(kOffice), w2, "practice", q.at("id").as_int64()));
  // The old generation goes once the server has let go of it (it keeps it a few seconds for searches in flight).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::filesystem::exists(server.work_dir() + "/data/search/" + before) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(std::filesystem::exists(server.work_dir() + "/data/search/" + before));
}

TEST(Search, EveryKindOfRecordIsSearchable) {
  // The demo data, indexed when the server started: one record of each type, as the office finds them.
  auto& office = as(kOffice);
  auto r = search_q(office, "الوطنية");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GT(facet(r, "type", "edition"), 0) << r.body;
  EXPECT_GT(facet(r, "type", "event"), 0) << r.body;
  for (auto [q, type] : {std::pair{"Risk management", "practice"}, std::pair{"intellectual capital", "study"},
                         std::pair{"Shawamikh training", "partnership"}}) {
    auto found = search_q(office, q, "&type=" + std::string(type));
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_GT(found.json().at("total").as_int64(), 0) << q;
  }
}

}  // namespace
}  // namespace manzuma::api_test
