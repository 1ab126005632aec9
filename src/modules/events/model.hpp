#pragma once
// Forums, workshops and training of the national system: the wire shapes and the enums.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

enum class EventKind { forum, workshop, training };
BOOST_DESCRIBE_ENUM(EventKind, forum, workshop, training)

/// planned → held | cancelled; held and cancelled are final.
enum class EventStatus { planned, held, cancelled };
BOOST_DESCRIBE_ENUM(EventStatus, planned, held, cancelled)

struct Event {
  std::int64_t id = 0;
  std::optional<std::int64_t> edition_id;
  EventKind kind = EventKind::forum;
  EventStatus status = EventStatus::planned;
  std::string title_ar;
  std::string title_en;
  /// ISO-8601 days; ends_on ≥ starts_on.
  std::string starts_on;
  std::string ends_on;
  std::string place_ar;
  std::string place_en;
  std::string agenda_ar;
  std::string agenda_en;
  /// Seats; null for no limit.
  std::optional<std::int64_t> capacity;
  /// People trained as the organiser reported them, for training where registrations were not kept.
  std::int64_t trained_count = 0;
  std::int64_t registered_count = 0;
  std::int64_t attended_count = 0;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Event, (),
                      (id, edition_id, kind, status, title_ar, title_en, starts_on, ends_on, place_ar, place_en,
                       agenda_ar, agenda_en, capacity, trained_count, registered_count, attended_count, version,
                       created_at, updated_at))

struct EventInput {
  std::optional<std::int64_t> edition_id;
  EventKind kind = EventKind::forum;
  std::string title_ar;
  std::string title_en;
  std::string starts_on;
  std::string ends_on;
  std::string place_ar;
  std::string place_en;
  std::string agenda_ar;
  std::string agenda_en;
  std::optional<std::int64_t> capacity;
  std::optional<std::int64_t> trained_count;
};
BOOST_DESCRIBE_STRUCT(EventInput, (),
                      (edition_id, kind, title_ar, title_en, starts_on, ends_on, place_ar, place_en, agenda_ar,
                       agenda_en, capacity, trained_count))

/// A full replacement of the editable fields; `version` must be the one last read (409 otherwise).
struct EventUpdate {
  std::optional<std::int64_t> edition_id;
  EventKind kind = EventKind::forum;
  std::string title_ar;
  std::string title_en;
  std::string starts_on;
  std::string ends_on;
  std::string place_ar;
  std::string place_en;
  std::string agenda_ar;
  std::string agenda_en;
  std::optional<std::int64_t> capacity;
  std::int64_t trained_count = 0;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(EventUpdate, (),
                      (edition_id, kind, title_ar, title_en, starts_on, ends_on, place_ar, place_en, agenda_ar,
                       agenda_en, capacity, trained_count, version))

struct EventTransition {
  EventStatus to = EventStatus::held;
};
BOOST_DESCRIBE_STRUCT(EventTransition, (), (to))

/// One session of an event's agenda; `practice_id` when it presents a practice of the catalogue.
struct EventSession {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::string title_ar;
  std::string title_en;
  /// The day (within the event's dates) and the local start and end times, HH:MM.
  std::string day;
  std::string starts_at;
  std::optional<std::string> ends_at;
  std::string speaker_ar;
  std::string speaker_en;
  std::optional<std::int64_t> practice_id;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(EventSession, (),
                      (id, event_id, title_ar, title_en, day, starts_at, ends_at, speaker_ar, speaker_en, practice_id,
                       created_at))

struct EventSessionInput {
  std::string title_ar;
  std::string title_en;
  std::string day;
  std::string starts_at;
  std::optional<std::string> ends_at;
  std::string speaker_ar;
  std::string speaker_en;
  std::optional<std::int64_t> practice_id;
};
BOOST_DESCRIBE_STRUCT(EventSessionInput, (),
                      (title_ar, title_en, day, starts_at, ends_at, speaker_ar, speaker_en, practice_id))

/// A person registered for an event: a user who registered themself, or someone a national role entered.
struct EventRegistration {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::optional<std::int64_t> user_id;
  std::string name;
  std::string email;
  std::string organization;
  bool attended = false;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(EventRegistration, (), (id, event_id, user_id, name, email, organization, attended, created_at))

/// Someone registered by a national role (by name, e-mail and organisation).
struct RegistrationInput {
  std::string name;
  std::string email;
  std::string organization;
};
BOOST_DESCRIBE_STRUCT(RegistrationInput, (), (name, email, organization))

struct AttendanceInput {
  bool attended = false;
};
BOOST_DESCRIBE_STRUCT(AttendanceInput, (), (attended))

/// An event with its sessions, the seats left, and the caller's own registration if any.
struct EventDetail {
  Event event;
  std::vector<EventSession> sessions;
  /// null when the event has no capacity limit.
  std::optional<std::int64_t> seats_left;
  std::optional<EventRegistration> my_registration;
};
BOOST_DESCRIBE_STRUCT(EventDetail, (), (event, sessions, seats_left, my_registration))

/// People trained in an edition: attended registrations of training and workshops, plus reported counts.
struct PeopleTrained {
  std::int64_t edition_id = 0;
  std::int64_t attended = 0;
  std::int64_t reported = 0;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(PeopleTrained, (), (edition_id, attended, reported, total))

}  // namespace manzuma::modules
