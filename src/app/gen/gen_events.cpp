// Forums, workshops and training from 2015 to a few months ahead: held or cancelled in the past, planned in
// the future; sessions (some presenting a catalogue practice) and about fifty registrations each, mostly users
// who registered themselves, some guests the program office entered by name, with attendance once held.

#include <set>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

namespace {
constexpr const char* kSessionTimes[][2] = {
    {"09:00", "10:30"}, {"10:45", "12:15"}, {"12:30", "13:30"}, {"14:00", "15:30"}, {"16:00", "17:00"}};
}  // namespace

void gen_events(Context& c) {
  c.w.area("events");
  Rng rng = c.rng("events");
  auto& t = c.w.table("events", {"id", "edition_id", "kind", "status", "title_ar", "title_en", "starts_on", "ends_on",
                                 "place_ar", "place_en", "agenda_ar", "agenda_en", "capacity", "trained_count",
                                 "version", "created_at", "updated_at"});
  auto& sessions = c.w.table("event_sessions", {"id", "event_id", "title_ar", "title_en", "day", "starts_at", "ends_at",
                                                "speaker_ar", "speaker_en", "practice_id", "created_at"});
  auto& regs = c.w.table("event_registrations", {"id", "event_id", "user_id", "name", "email", "organization",
                                                 "attended", "registered_by", "created_at", "attendance_marked_at"});
  const Day first = make_day(2015, 2, 1), last = core::add_months(c.today, 4);
  const long span = static_cast<long>((last - first).count());
  std::vector<std::int64_t> published;
  for (const auto& p : c.practices)
    if (p.status == "published") published.push_back(p.id);

  for (int n = 0; n < c.f.events; ++n) {
    const std::int64_t id = c.next_id("events");
    // In date order, so that ids rise with the calendar as they would in real use.
    const Day starts = first + std::chrono::days{span * n / std::max(1, c.f.events) + rng.between(0, 3)};
    const int r = static_cast<int>(rng.below(100));
    const char* kind = r < 15 ? "forum" : r < 60 ? "workshop" : "training";
    const Day ends = starts + std::chrono::days{kind[0] == 'f' ? 1 : kind[0] == 'w' ? 0 : rng.between(0, 4)};
    const int year = static_cast<int>(std::chrono::year_month_day{starts}.year());
    std::optional<std::int64_t> edition;
    for (const auto& e : c.editions)
      if (e.year == year && rng.chance(90)) edition = e.id;
    const bool past = ends < c.today;
    const char* status = past ? (rng.chance(92) ? "held" : "cancelled") : (rng.chance(5) ? "cancelled" : "planned");
    const auto& object = rng.pick(kPracticeObjects);
    std::string title_ar, title_en;
    if (kind[0] == 'f') {
      title_ar = "ملتقى الابتكار المؤسسي " + std::to_string(year) + ": " + std::string(object.ar);
      title_en = "Institutional Innovation Forum " + std::to_string(year) + ": " + std::string(object.en);
    } else if (kind[0] == 'w') {
      title_ar = "ورشة عمل حول " + std::string(object.ar);
      title_en = "Workshop on " + std::string(object.en);
    } else {
      title_ar = "برنامج تدريبي في " + std::string(object.ar);
      title_en = "Training programme on " + std::string(object.en);
    }
    const auto& venue = rng.pick(kVenues);
    const auto& g = kGovernorates[rng.skewed(std::size(kGovernorates))];
    const bool online = venue.en == "Online";
    const int expected = rng.between(c.f.registrations_per_event / 2, c.f.registrations_per_event * 3 / 2);
    std::optional<int> capacity;
    if (rng.chance(60)) capacity = expected + rng.between(0, 40);
    const bool held = std::string_view(status) == "held";
    const int trained = held && kind[0] == 't' && rng.chance(30) ? rng.between(20, 120) : 0;
    const Day created_day = std::min(starts - std::chrono::days{rng.between(30, 60)}, c.today - std::chrono::days{1});
    const std::string created = stamp(created_day, 10 * 3600);
    const std::string updated = held || std::string_view(status) == "cancelled"
                                    ? stamp(std::min(ends, c.today - std::chrono::days{1}), 18 * 3600)
                                    : created;
    t.add(id, edition, kind, status, title_ar, title_en, core::format_day(starts), core::format_day(ends),
          online ? std::string(venue.ar) : std::string(venue.ar) + "، " + std::string(g.city_ar),
          online ? std::string(venue.en) : std::string(venue.en) + ", " + std::string(g.city_en),
          "الافتتاح، عرض التجارب، جلسة نقاشية، التوصيات",
          "Opening, case presentations, panel discussion, recommendations", capacity, trained, 1, created, updated);
    c.events.push_back(id);

    const int n_sessions = kind[0] == 'f' ? rng.between(4, 6) : kind[0] == 'w' ? rng.between(1, 2) : rng.between(2, 3);
    for (int k = 0; k < n_sessions; ++k) {
      const auto& speaker = c.people.at(rng.pick(c.user_ids));
      const auto& topic = rng.pick(kPracticeObjects);
      std::optional<std::int64_t> practice;
      if (!published.empty() && rng.chance(40)) practice = rng.pick(published);
      const long days = static_cast<long>((ends - starts).count());
      sessions.add(c.next_id("event_sessions"), id, std::string(topic.ar), std::string(topic.en),
                   core::format_day(starts + std::chrono::days{days ? k % (days + 1) : 0}), kSessionTimes[k % 5][0],
                   kSessionTimes[k % 5][1], speaker.name_ar, speaker.name_en, practice, created);
    }
    // Registrations: people register from a month before; attendance is marked when the event is held.
    std::set<std::int64_t> who;
    const int count =
        std::min<int>(capacity ? std::min(expected, *capacity) : expected, static_cast<int>(c.user_ids.size()));
    for (int k = 0; k < count; ++k) {
      const Day reg_day = std::min(starts - std::chrono::days{rng.between(1, 30)}, c.today - std::chrono::days{1});
      const std::string at = stamp(reg_day, 8 * 3600 + k);
      const bool attended = held && rng.chance(80);
      std::optional<std::string> marked;
      if (held) marked = stamp(std::min(ends, c.today - std::chrono::days{1}), 17 * 3600);
      if (rng.chance(10)) {  // a guest entered by the program office
        const auto& first_name = rng.pick(kMaleNames);
        const auto& family = rng.pick(kFamilyNames);
        regs.add(c.next_id("event_registrations"), id, std::nullopt,
                 std::string(first_name.ar) + " " + std::string(family.ar),
                 "guest" + std::to_string(id) + "-" + std::to_string(k) + "@example.om", "", attended ? 1 : 0,
                 c.office_user, at, marked);
        continue;
      }
      std::int64_t user = rng.pick(c.user_ids);
      for (int tries = 0; who.count(user) && tries < 20; ++tries) user = rng.pick(c.user_ids);
      if (!who.insert(user).second) continue;
      const auto& p = c.people.at(user);
      regs.add(c.next_id("event_registrations"), id, user, p.name_ar, p.email, c.orgs[p.org].name_ar, attended ? 1 : 0,
               user, at, marked);
    }
  }
}

}  // namespace manzuma::app::gen
