// Events as search documents (search::Source): everyone signed in reads every event, as EventService::list and
// get do, whatever its status. The sessions' titles and speakers are searchable with the event.

#include <map>
#include <string>

#include "modules/events/api.hpp"

namespace manzuma::modules {

namespace {

using manzuma::search::Document;

struct EventText {
  std::int64_t id = 0;
  std::optional<std::int64_t> edition_number;
  std::optional<std::int64_t> edition_year;
  std::string title_ar, title_en, place_ar, place_en, agenda_ar, agenda_en, starts_on;
};
BOOST_DESCRIBE_STRUCT(EventText, (),
                      (id, edition_number, edition_year, title_ar, title_en, place_ar, place_en, agenda_ar, agenda_en,
                       starts_on))

struct SessionText {
  std::int64_t event_id = 0;
  std::string title_ar, title_en, speaker_ar, speaker_en;
};
BOOST_DESCRIBE_STRUCT(SessionText, (), (event_id, title_ar, title_en, speaker_ar, speaker_en))

constexpr std::string_view kSelect =
    "SELECT v.id, e.number AS edition_number, e.year AS edition_year, v.title_ar, v.title_en, v.place_ar,"
    " v.place_en, v.agenda_ar, v.agenda_en, v.starts_on FROM events v LEFT JOIN editions e ON e.id = v.edition_id";
constexpr std::string_view kSessions =
    "SELECT event_id, title_ar, title_en, speaker_ar, speaker_en FROM event_sessions"
    " WHERE event_id BETWEEN ? AND ? ORDER BY event_id, day, starts_at, id";
constexpr std::int64_t kPage = 500;

void add(std::string& body, const std::string& text) {
  if (text.empty()) return;
  if (!body.empty()) body += '\n';
  body += text;
}

/// The year of an ISO date ("2026-03-01" → 2026).
std::optional<std::int64_t> year_of(const std::string& date) {
  if (date.size() < 4) return std::nullopt;
  std::int64_t y = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
    y = y * 10 + (date[i] - '0');
  }
  return y;
}

Document document_of(EventText&& v, const std::vector<const SessionText*>& sessions) {
  Document d;
  d.type = "event";
  d.id = v.id;
  d.title_ar = std::move(v.title_ar);
  d.title_en = std::move(v.title_en);
  for (const auto* part : {&v.agenda_ar, &v.agenda_en, &v.place_ar, &v.place_en}) add(d.body, *part);
  for (const auto* x : sessions)
    for (const auto* part : {&x->title_ar, &x->title_en, &x->speaker_ar, &x->speaker_en}) add(d.body, *part);
  d.edition = v.edition_number;
  // An event of an edition counts in the edition's year, like the rest of the edition; one outside an edition
  // in the year it starts.
  d.year = v.edition_year ? v.edition_year : year_of(v.starts_on);
  d.date = std::move(v.starts_on);
  d.visibility.everyone = true;
  return d;
}

/// The documents of the events in `rows`, with the sessions of the ids first..last.
void emit_all(db::Session& s, std::vector<EventText>& rows, const std::function<void(Document&&)>& emit) {
  if (rows.empty()) return;
  const auto sessions = s.query<SessionText>(kSessions, rows.front().id, rows.back().id);
  std::map<std::int64_t, std::vector<const SessionText*>> by_event;
  for (const auto& x : sessions) by_event[x.event_id].push_back(&x);
  for (auto& v : rows) {
    const auto id = v.id;
    emit(document_of(std::move(v), by_event[id]));
  }
}

}  // namespace

manzuma::search::Source events_search_source() {
  manzuma::search::Source src;
  src.type = "event";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto rows = s.query<EventText>(std::string(kSelect) + " WHERE v.id = ?", id);
    std::optional<Document> out;
    emit_all(s, rows, [&](Document&& d) { out = std::move(d); });
    return out;
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<EventText>(std::string(kSelect) + " WHERE v.id > ? ORDER BY v.id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      const bool last = static_cast<std::int64_t>(page.size()) < kPage;
      emit_all(s, page, emit);
      if (last) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM events").value_or(0));
  };
  return src;
}

}  // namespace manzuma::modules
