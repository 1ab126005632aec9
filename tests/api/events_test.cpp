// Forums, workshops and training: the demo forums, the status machine, seats, duplicate registrations,
// attendance once held, people trained per edition, bad input, and who may do what.

#include <gtest/gtest.h>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {
namespace {

constexpr std::string_view kOffice = "office@demo.manzuma.om";
constexpr std::string_view kViewer = "viewer@demo.manzuma.om";
constexpr std::string_view kCoordinator = "coordinator@demo.manzuma.om";

std::int64_t fresh_number() {
  static std::int64_t next = 500;
  return next++;
}

// An open edition of its own, so per-edition counts belong to one test.
std::int64_t open_edition(Client& office) {
  const auto n = fresh_number();
  auto e = office.post("/api/v1/editions", bj::object{{"number", n},
                                                      {"year", 2026},
                                                      {"title_ar", "نسخة الفعاليات " + std::to_string(n)},
                                                      {"title_en", "Events edition " + std::to_string(n)},
                                                      {"goals_ar", ""},
                                                      {"goals_en", ""},
                                                      {"starts_on", "2026-01-01"},
                                                      {"ends_on", "2027-12-31"}});
  EXPECT_EQ(e.status, 201) << e.body;
  const auto id = e.json().at("id").as_int64();
  EXPECT_EQ(office.post("/api/v1/editions/" + std::to_string(id) + "/transition", bj::object{{"to", "open"}}).status,
            200);
  return id;
}

bj::object event_body(std::optional<std::int64_t> edition_id, std::string_view kind = "forum",
                      std::optional<std::int64_t> capacity = std::nullopt) {
  bj::object o{{"kind", kind},
               {"title_ar", "ملتقى تجريبي"},
               {"title_en", unique("Test forum")},
               {"starts_on", "2027-03-01"},
               {"ends_on", "2027-03-02"},
               {"place_ar", "مسقط"},
               {"place_en", "Muscat"},
               {"agenda_ar", "جدول الأعمال"},
               {"agenda_en", "The agenda"}};
  o["edition_id"] = edition_id ? bj::value(*edition_id) : bj::value(nullptr);
  o["capacity"] = capacity ? bj::value(*capacity) : bj::value(nullptr);
  return o;
}

std::string path(std::int64_t id) { return "/api/v1/events/" + std::to_string(id); }

std::int64_t create_event(Client& office, const bj::object& body) {
  auto r = office.post("/api/v1/events", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json().at("id").as_int64();
}

Response move(Client& c, std::int64_t id, std::string_view to) {
  return c.post(path(id) + "/transition", bj::object{{"to", to}});
}

bj::object person(std::string_view name, std::string email) {
  return bj::object{{"name", name}, {"email", std::move(email)}, {"organization", "وزارة العمل"}};
}

const bool registered = register_authz_fixture([](AuthzSetup& s) {
  auto edition = s.admin.post("/api/v1/editions", bj::object{{"number", 901},
                                                             {"year", 2026},
                                                             {"title_ar", "نسخة المصفوفة"},
                                                             {"title_en", "Matrix edition"},
                                                             {"goals_ar", ""},
                                                             {"goals_en", ""},
                                                             {"starts_on", "2026-01-01"},
                                                             {"ends_on", "2026-12-31"}});
  const auto edition_id = edition.json().at("id").as_int64();
  const auto id = s.admin.post("/api/v1/events", event_body(edition_id)).json().at("id").as_int64();
  auto session = s.admin.post(path(id) + "/sessions", bj::object{{"title_ar", "جلسة المصفوفة"},
                                                                 {"title_en", "Matrix session"},
                                                                 {"day", "2027-03-01"},
                                                                 {"starts_at", "09:00"},
                                                                 {"ends_at", nullptr},
                                                                 {"speaker_ar", ""},
                                                                 {"speaker_en", ""},
                                                                 {"practice_id", nullptr}});
  auto registration = s.admin.post(path(id) + "/registrations", person("ضيف المصفوفة", "matrix.guest@example.om"));
  s.ids.set("/api/v1/events/", "{id}", id);
  s.ids.set("/api/v1/events/", "{session_id}", session.json().at("id").as_int64());
  s.ids.set("/api/v1/events/", "{registration_id}", registration.json().at("id").as_int64());
});

bj::object session_body(std::string_view day, std::string_view starts_at = "10:00") {
  return bj::object{{"title_ar", "جلسة عرض الممارسة"},
                    {"title_en", "Practice session"},
                    {"day", day},
                    {"starts_at", starts_at},
                    {"ends_at", "11:00"},
                    {"speaker_ar", "المتحدث"},
                    {"speaker_en", "The speaker"},
                    {"practice_id", nullptr}};
}

TEST(Events, TheDemoHasTheSecondAndFourthForumsAndEditionThreesTraining) {
  auto& c = as(kViewer);
  auto editions = c.get("/api/v1/editions?filter[year]=2024");
  const auto edition3 = editions.json().at("items").at(0).at("id").as_int64();
  auto forums = c.get("/api/v1/events?filter[kind]=forum&filter[status]=held&sort=starts_on");
  ASSERT_EQ(forums.status, 200) << forums.body;
  const auto& items = forums.json().at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(items.at(0).at("starts_on").as_string(), "2023-06-01");
  EXPECT_NE(items.at(0).at("title_ar").as_string().find("الملتقى الثاني"), std::string::npos);
  EXPECT_NE(items.at(1).at("title_ar").as_string().find("الملتقى الرابع"), std::string::npos);
  EXPECT_EQ(items.at(1).at("edition_id").as_int64(), edition3);
  EXPECT_EQ(items.at(1).at("place_en").as_string(), "Muscat");

  auto forum4 = c.get(path(items.at(1).at("id").as_int64()));
  ASSERT_EQ(forum4.status, 200);
  EXPECT_GE(forum4.json().at("sessions").as_array().size(), 5u);
  EXPECT_EQ(forum4.json().at("event").at("attended_count").as_int64(), 4);
  // The viewer registered for the fourth forum and is the one who did not come.
  EXPECT_FALSE(forum4.json().at("my_registration").at("attended").as_bool());

  auto trained = c.get("/api/v1/editions/" + std::to_string(edition3) + "/people-trained");
  ASSERT_EQ(trained.status, 200) << trained.body;
  EXPECT_EQ(trained.json().at("reported").as_int64(), 95);
  EXPECT_EQ(trained.json().at("total").as_int64(), 95);
}

TEST(Events, RegistrationSeatsAttendanceAndPeopleTrained) {
  auto& office = as(kOffice);
  const auto edition = open_edition(office);
  const auto id = create_event(office, event_body(edition, "workshop", 2));

  auto me = as(kViewer).post(path(id) + "/registrations/me", bj::object{});
  ASSERT_EQ(me.status, 201) << me.body;
  EXPECT_EQ(me.json().at("email").as_string(), "viewer@demo.manzuma.om");
  auto twice = as(kViewer).post(path(id) + "/registrations/me", bj::object{});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json().at("code").as_string(), "already_registered");
  // The same e-mail entered by the office is the same person.
  auto same = office.post(path(id) + "/registrations", person("يوسف", "Viewer@Demo.Manzuma.om"));
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(same.json().at("field").as_string(), "email");

  auto guest = office.post(path(id) + "/registrations", person("ضيفة الورشة", "guest." + unique("w") + "@example.om"));
  ASSERT_EQ(guest.status, 201) << guest.body;
  auto full = as(kCoordinator).post(path(id) + "/registrations/me", bj::object{});
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(full.json().at("code").as_string(), "event_full");
  EXPECT_EQ(full.json().at("detail_en").as_string(), "The event is full (2 seats); no one else can register");

  auto detail = as(kViewer).get(path(id));
  EXPECT_EQ(detail.json().at("seats_left").as_int64(), 0);
  EXPECT_EQ(detail.json().at("my_registration").at("id").as_int64(), me.json().at("id").as_int64());
  EXPECT_TRUE(as(kCoordinator).get(path(id)).json().at("my_registration").is_null());

  // Capacity cannot drop below the people already registered.
  auto ev = detail.json().at("event").as_object();
  bj::object update = event_body(edition, "workshop", 1);
  update.erase("capacity");
  update["capacity"] = 1;
  update["title_en"] = ev.at("title_en");
  update["trained_count"] = 0;
  update["version"] = ev.at("version");
  auto shrink = office.put(path(id), update);
  EXPECT_EQ(shrink.status, 400);
  EXPECT_EQ(shrink.error_fields(), std::vector<std::string>{"capacity"});

  const auto reg = "/registrations/" + std::to_string(me.json().at("id").as_int64()) + "/attendance";
  auto early = office.put(path(id) + reg, bj::object{{"attended", true}});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json().at("detail_en").as_string(), "The event is planned; attendance is marked once it is held");

  ASSERT_EQ(move(office, id, "held").status, 200);
  auto late = as(kCoordinator).post(path(id) + "/registrations/me", bj::object{});
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json().at("detail_en").as_string(), "The event is held; registration is closed");
  auto cancel = move(office, id, "cancelled");
  EXPECT_EQ(cancel.status, 409);
  EXPECT_EQ(cancel.json().at("detail_en").as_string(), "The event is held; it cannot move to cancelled");

  auto marked = office.put(path(id) + reg, bj::object{{"attended", true}});
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_TRUE(marked.json().at("attended").as_bool());
  auto list = office.get(path(id) + "/registrations");
  ASSERT_EQ(list.json().as_array().size(), 2u);

  // A workshop's attended registrations count as people trained, with a held training's reported figure; a
  // training still planned has trained no one yet.
  auto training = event_body(edition, "training");
  training["trained_count"] = 40;
  const auto held_training = create_event(office, training);
  ASSERT_EQ(move(office, held_training, "held").status, 200);
  auto planned = event_body(edition, "training");
  planned["trained_count"] = 25;
  create_event(office, planned);
  auto forum = create_event(office, event_body(edition, "forum"));
  ASSERT_EQ(as(kCoordinator).post(path(forum) + "/registrations/me", bj::object{}).status, 201);
  ASSERT_EQ(move(office, forum, "held").status, 200);
  auto trained = as(kViewer).get("/api/v1/editions/" + std::to_string(edition) + "/people-trained");
  EXPECT_EQ(trained.json().at("attended").as_int64(), 1);
  EXPECT_EQ(trained.json().at("reported").as_int64(), 40);
  EXPECT_EQ(trained.json().at("total").as_int64(), 41);
  EXPECT_EQ(as(kViewer).get("/api/v1/editions/99999999/people-trained").status, 404);
}

TEST(Events, CancelledIsFinalAndClosedEditionsTakeNoNewEvents) {
  auto& office = as(kOffice);
  const auto edition = open_edition(office);
  const auto id = create_event(office, event_body(edition));
  ASSERT_EQ(move(office, id, "cancelled").status, 200);
  auto held = move(office, id, "held");
  EXPECT_EQ(held.status, 409);
  EXPECT_EQ(held.json().at("detail_en").as_string(), "The event is cancelled; it cannot move to held");
  EXPECT_EQ(as(kViewer).post(path(id) + "/registrations/me", bj::object{}).status, 409);
  EXPECT_EQ(office.post(path(id) + "/sessions", session_body("2027-03-01")).status, 409);

  ASSERT_EQ(
      office.post("/api/v1/editions/" + std::to_string(edition) + "/transition", bj::object{{"to", "closed"}}).status,
      200);
  auto late = office.post("/api/v1/events", event_body(edition));
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json().at("code").as_string(), "edition_closed");
  // An event with no edition is fine.
  create_event(office, event_body(std::nullopt));
}

TEST(Events, SessionsKeepToTheEventsDays) {
  auto& office = as(kOffice);
  const auto id = create_event(office, event_body(std::nullopt));
  auto ok = office.post(path(id) + "/sessions", session_body("2027-03-02", "09:30"));
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto outside = office.post(path(id) + "/sessions", session_body("2027-03-05"));
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(outside.error_fields(), std::vector<std::string>{"day"});
  auto bad_time = session_body("2027-03-01", "25:00");
  bad_time["practice_id"] = 99999999;
  auto r = office.post(path(id) + "/sessions", bad_time);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"starts_at", "practice_id"}));
  auto backwards = session_body("2027-03-01", "12:00");
  r = office.post(path(id) + "/sessions", backwards);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"ends_at"});

  auto detail = as(kViewer).get(path(id));
  ASSERT_EQ(detail.json().at("sessions").as_array().size(), 1u);
  const auto session_id = ok.json().at("id").as_int64();
  EXPECT_EQ(office.del(path(id) + "/sessions/" + std::to_string(session_id)).status, 204);
  EXPECT_EQ(office.del(path(id) + "/sessions/" + std::to_string(session_id)).status, 404);
}

TEST(Events, BadInputIsRefusedNamingTheField) {
  auto& office = as(kOffice);
  auto forum = event_body(std::nullopt);
  forum["trained_count"] = 95;
  auto r = office.post("/api/v1/events", forum);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"trained_count"});

  auto bad = event_body(99999999, "forum", 0);
  bad["ends_on"] = "2027-02-28";
  bad["title_ar"] = "<b>English</b>";
  r = office.post("/api/v1/events", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"title_ar", "ends_on", "capacity", "edition_id"}));

  auto wrong = event_body(std::nullopt, "party");
  wrong["capacity"] = "many";
  r = office.post("/api/v1/events", wrong);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), (std::vector<std::string>{"kind", "capacity"}));

  auto long_agenda = event_body(std::nullopt);
  long_agenda["agenda_en"] = std::string(8001, 'a');
  EXPECT_EQ(office.post("/api/v1/events", long_agenda).error_fields(), std::vector<std::string>{"agenda_en"});

  const auto id = create_event(office, event_body(std::nullopt));
  auto email = office.post(path(id) + "/registrations", person("ضيف", "not-an-email"));
  EXPECT_EQ(email.status, 400);
  EXPECT_EQ(email.error_fields(), std::vector<std::string>{"email"});
  EXPECT_EQ(office.put(path(id) + "/registrations/99999999/attendance", bj::object{{"attended", true}}).status, 404);
  EXPECT_EQ(office.put(path(id) + "/registrations/1/attendance", bj::object{{"attended", "yes"}}).status, 400);
  EXPECT_EQ(office.get("/api/v1/events?filter[kind]=party").status, 400);
  EXPECT_EQ(office.get("/api/v1/events?filter[edition_id]=two").status, 400);
  EXPECT_EQ(office.get("/api/v1/events/99999999").status, 404);

  // Stale versions lose.
  auto detail = office.get(path(id)).json().at("event").as_object();
  auto update = event_body(std::nullopt);
  update["trained_count"] = 0;
  update["version"] = detail.at("version");
  ASSERT_EQ(office.put(path(id), update).status, 200);
  auto stale = office.put(path(id), update);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json().at("field").as_string(), "version");
}

TEST(Events, OtherRolesReadAndRegisterThemselvesOnly) {
  auto& office = as(kOffice);
  const auto id = create_event(office, event_body(std::nullopt));
  for (auto who : {kCoordinator, std::string_view("assessor@demo.manzuma.om"), kViewer}) {
    auto& c = as(who);
    EXPECT_EQ(c.post("/api/v1/events", event_body(std::nullopt)).status, 403) << who;
    EXPECT_EQ(c.get(path(id) + "/registrations").status, 403) << who;
    EXPECT_EQ(c.post(path(id) + "/registrations", person("ضيف", "someone@example.om")).status, 403) << who;
    EXPECT_EQ(c.post(path(id) + "/transition", bj::object{{"to", "held"}}).status, 403) << who;
    EXPECT_EQ(c.post(path(id) + "/sessions", session_body("2027-03-01")).status, 403) << who;
    EXPECT_EQ(c.post(path(id) + "/registrations/me", bj::object{}).status, 201) << who;
  }
  auto list = office.get(path(id) + "/registrations");
  EXPECT_EQ(list.json().as_array().size(), 3u);
  auto events = as(kViewer).get("/api/v1/events?q=" + url_encode("Test forum"));
  EXPECT_GE(events.json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace manzuma::api_test
