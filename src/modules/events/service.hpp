#pragma once
// Rules for events: validation, state transitions (planned → held | cancelled), seats, attendance, audit.

#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/events/model.hpp"

namespace manzuma::modules {

class EventService {
 public:
  EventService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Everyone signed in reads events.
  core::Page<Event> list(const core::Actor& actor, const core::ListQuery& q);
  /// The event, its sessions, seats left and the caller's own registration.
  EventDetail get(const core::Actor& actor, std::int64_t id);
  /// National roles create and edit events; none in a closed edition.
  Event create(const core::Actor& actor, const EventInput& in);
  Event update(const core::Actor& actor, std::int64_t id, const EventUpdate& in);
  /// planned → held | cancelled; a cancellation tells every registered user.
  Event transition(const core::Actor& actor, std::int64_t id, const EventTransition& in);

  EventSession add_session(const core::Actor& actor, std::int64_t event_id, const EventSessionInput& in);
  void delete_session(const core::Actor& actor, std::int64_t event_id, std::int64_t session_id);

  /// Who registered (names and e-mails: national roles only).
  std::vector<EventRegistration> registrations(const core::Actor& actor, std::int64_t event_id);
  /// A national role registers someone by name, e-mail and organisation.
  EventRegistration register_person(const core::Actor& actor, std::int64_t event_id, const RegistrationInput& in);
  /// The caller registers themself.
  EventRegistration register_self(const core::Actor& actor, std::int64_t event_id);
  /// National roles mark attendance once the event is held.
  EventRegistration set_attendance(const core::Actor& actor, std::int64_t event_id, std::int64_t registration_id,
                                   const AttendanceInput& in);

  /// People trained in an edition (attended training/workshop registrations + reported counts).
  PeopleTrained people_trained(const core::Actor& actor, std::int64_t edition_id);

 private:
  EventRegistration add_registration(db::Session& s, const core::Actor& actor, const Event& e, EventRegistration r);

  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
