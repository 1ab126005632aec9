#include "modules/events/repository.hpp"

#include "db/query.hpp"

namespace manzuma::modules::events {

namespace {

constexpr std::string_view kColumns =
    "id, edition_id, kind, status, title_ar, title_en, starts_on, ends_on, place_ar, place_en, agenda_ar, agenda_en,"
    " capacity, trained_count,"
    " (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = events.id) AS registered_count,"
    " (SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = events.id AND r.attended = 1) AS attended_count,"
    " version, created_at, updated_at";
constexpr std::string_view kSessionColumns =
    "id, event_id, title_ar, title_en, day, starts_at, ends_at, speaker_ar, speaker_en, practice_id, created_at";
constexpr std::string_view kRegistrationColumns =
    "id, event_id, user_id, name, email, organization, attended, created_at";

}  // namespace

std::optional<Event> find(db::Session& s, std::int64_t id) {
  return s.query_one<Event>("SELECT " + std::string(kColumns) + " FROM events WHERE id = ?", id);
}

void lock(db::Session& s, std::int64_t id) {
  if (s.dialect() == db::Dialect::postgres) s.exec("SELECT id FROM events WHERE id = ? FOR UPDATE", id);
}

core::Page<Event> list(db::Session& s, const core::ListQuery& q) {
  db::Where w;
  if (auto v = q.int_filter("edition_id")) w.add("edition_id = ?", *v);
  if (auto v = q.filter("kind")) w.add("kind = ?", *v);
  if (auto v = q.filter("status")) w.add("status = ?", *v);
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add(
        "title_ar LIKE ? ESCAPE '\\' OR LOWER(title_en) LIKE LOWER(?) ESCAPE '\\' OR place_ar LIKE ? ESCAPE '\\'"
        " OR LOWER(place_en) LIKE LOWER(?) ESCAPE '\\'",
        p, p, p, p);
  }
  const std::string sort = q.sort.empty() ? "starts_on" : q.sort;
  return db::fetch_page<Event>(
      s, std::move(w), q,
      {"SELECT " + std::string(kColumns) + " FROM events", "SELECT COUNT(*) FROM events", sort, q.descending},
      [&](const Event& e) {
        return std::pair{sort == "title_ar"    ? e.title_ar
                         : sort == "title_en"  ? e.title_en
                         : sort == "starts_on" ? e.starts_on
                                               : std::string(),
                         e.id};
      });
}

std::int64_t insert(db::Session& s, const Event& e) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO events (edition_id, kind, status, title_ar, title_en, starts_on, ends_on, place_ar, place_en,"
      " agenda_ar, agenda_en, capacity, trained_count, version, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      e.edition_id, e.kind, e.status, e.title_ar, e.title_en, e.starts_on, e.ends_on, e.place_ar, e.place_en,
      e.agenda_ar, e.agenda_en, e.capacity, e.trained_count, e.created_at, e.updated_at);
}

bool update(db::Session& s, const Event& e) {
  return s.exec(
             "UPDATE events SET edition_id = ?, kind = ?, status = ?, title_ar = ?, title_en = ?, starts_on = ?,"
             " ends_on = ?, place_ar = ?, place_en = ?, agenda_ar = ?, agenda_en = ?, capacity = ?,"
             " trained_count = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             e.edition_id, e.kind, e.status, e.title_ar, e.title_en, e.starts_on, e.ends_on, e.place_ar, e.place_en,
             e.agenda_ar, e.agenda_en, e.capacity, e.trained_count, e.version, e.updated_at, e.id, e.version - 1) == 1;
}

std::vector<EventSession> sessions(db::Session& s, std::int64_t event_id) {
  return s.query<EventSession>(
      "SELECT " + std::string(kSessionColumns) + " FROM event_sessions WHERE event_id = ? ORDER BY day, starts_at, id",
      event_id);
}

std::optional<EventSession> find_session(db::Session& s, std::int64_t event_id, std::int64_t session_id) {
  return s.query_one<EventSession>(
      "SELECT " + std::string(kSessionColumns) + " FROM event_sessions WHERE id = ? AND event_id = ?", session_id,
      event_id);
}

std::int64_t insert_session(db::Session& s, const EventSession& x) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO event_sessions (event_id, title_ar, title_en, day, starts_at, ends_at, speaker_ar, speaker_en,"
      " practice_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      x.event_id, x.title_ar, x.title_en, x.day, x.starts_at, x.ends_at, x.speaker_ar, x.speaker_en, x.practice_id,
      x.created_at);
}

void delete_session(db::Session& s, std::int64_t session_id) {
  s.exec("DELETE FROM event_sessions WHERE id = ?", session_id);
}

std::vector<EventRegistration> registrations(db::Session& s, std::int64_t event_id) {
  return s.query<EventRegistration>(
      "SELECT " + std::string(kRegistrationColumns) + " FROM event_registrations WHERE event_id = ? ORDER BY name, id",
      event_id);
}

std::optional<EventRegistration> find_registration(db::Session& s, std::int64_t event_id, std::int64_t id) {
  return s.query_one<EventRegistration>(
      "SELECT " + std::string(kRegistrationColumns) + " FROM event_registrations WHERE id = ? AND event_id = ?", id,
      event_id);
}

std::optional<EventRegistration> registration_of_user(db::Session& s, std::int64_t event_id, std::int64_t user_id) {
  return s.query_one<EventRegistration>("SELECT " + std::string(kRegistrationColumns) +
                                            " FROM event_registrations WHERE event_id = ? AND user_id = ? ORDER BY id",
                                        event_id, user_id);
}

bool email_registered(db::Session& s, std::int64_t event_id, std::string_view email) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM event_registrations WHERE event_id = ? AND email = ?",
                                   event_id, email)
             .value_or(0) > 0;
}

std::int64_t count_registrations(db::Session& s, std::int64_t event_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM event_registrations WHERE event_id = ?", event_id).value_or(0);
}

std::int64_t insert_registration(db::Session& s, const EventRegistration& r, std::optional<std::int64_t> by) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO event_registrations (event_id, user_id, name, email, organization, attended, registered_by,"
      " created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
      r.event_id, r.user_id, r.name, r.email, r.organization, by, r.created_at);
}

void set_attended(db::Session& s, std::int64_t id, bool attended, const std::string& at) {
  s.exec("UPDATE event_registrations SET attended = ?, attendance_marked_at = ? WHERE id = ?", attended, at, id);
}

std::optional<std::int64_t> user_by_email(db::Session& s, std::string_view email) {
  return s.query_one<std::int64_t>("SELECT id FROM users WHERE email = ?", email);
}

std::optional<UserNames> user_names(db::Session& s, std::int64_t user_id) {
  return s.query_one<UserNames>(
      "SELECT u.email, u.name_ar, u.name_en, o.name_ar AS organization_ar, o.name_en AS organization_en FROM users u"
      " LEFT JOIN memberships m ON m.id = (SELECT MIN(id) FROM memberships WHERE user_id = u.id)"
      " LEFT JOIN organizations o ON o.id = m.organization_id WHERE u.id = ?",
      user_id);
}

bool practice_exists(db::Session& s, std::int64_t practice_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM practices WHERE id = ?", practice_id).value_or(0) > 0;
}

PeopleTrained people_trained(db::Session& s, std::int64_t edition_id) {
  PeopleTrained p;
  p.edition_id = edition_id;
  p.reported = s.query_one<std::int64_t>(
                    "SELECT COALESCE(SUM(trained_count), 0) FROM events WHERE edition_id = ?"
                    " AND kind IN ('training', 'workshop') AND status = 'held'",
                    edition_id)
                   .value_or(0);
  p.attended = s.query_one<std::int64_t>(
                    "SELECT COUNT(*) FROM event_registrations r JOIN events e ON e.id = r.event_id"
                    " WHERE e.edition_id = ? AND e.kind IN ('training', 'workshop') AND e.status = 'held'"
                    " AND r.attended = 1",
                    edition_id)
                   .value_or(0);
  p.total = p.reported + p.attended;
  return p;
}

}  // namespace manzuma::modules::events
