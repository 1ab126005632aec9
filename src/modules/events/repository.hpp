#pragma once
// SQL for events only: events, their sessions and registrations.

#include <boost/describe.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/events/model.hpp"

namespace manzuma::modules::events {

std::optional<Event> find(db::Session& s, std::int64_t id);
/// Locks the event's row until the transaction ends (PostgreSQL; SQLite serialises writers already), so two
/// registrations cannot both take the last seat.
void lock(db::Session& s, std::int64_t id);
/// Filters: edition_id, kind, status. Sorts: starts_on (default), title_ar, title_en, id.
core::Page<Event> list(db::Session& s, const core::ListQuery& q);
std::int64_t insert(db::Session& s, const Event& e);
/// Writes `e` if its stored version is still `e.version - 1`; false when someone else changed it first.
bool update(db::Session& s, const Event& e);

std::vector<EventSession> sessions(db::Session& s, std::int64_t event_id);
std::optional<EventSession> find_session(db::Session& s, std::int64_t event_id, std::int64_t session_id);
std::int64_t insert_session(db::Session& s, const EventSession& session);
void delete_session(db::Session& s, std::int64_t session_id);

std::vector<EventRegistration> registrations(db::Session& s, std::int64_t event_id);
std::optional<EventRegistration> find_registration(db::Session& s, std::int64_t event_id, std::int64_t id);
std::optional<EventRegistration> registration_of_user(db::Session& s, std::int64_t event_id, std::int64_t user_id);
bool email_registered(db::Session& s, std::int64_t event_id, std::string_view email);
std::int64_t count_registrations(db::Session& s, std::int64_t event_id);
std::int64_t insert_registration(db::Session& s, const EventRegistration& r, std::optional<std::int64_t> by);
void set_attended(db::Session& s, std::int64_t id, bool attended, const std::string& at);

/// The user with this e-mail, if any (a registration by name and e-mail links to the account).
std::optional<std::int64_t> user_by_email(db::Session& s, std::string_view email);
struct UserNames {
  std::string email, name_ar, name_en;
  /// The organisation of the user's first role, for the registration list.
  std::optional<std::string> organization_ar, organization_en;
};
BOOST_DESCRIBE_STRUCT(UserNames, (), (email, name_ar, name_en, organization_ar, organization_en))
std::optional<UserNames> user_names(db::Session& s, std::int64_t user_id);
bool practice_exists(db::Session& s, std::int64_t practice_id);

/// Attended registrations and reported counts of an edition's training and workshops.
PeopleTrained people_trained(db::Session& s, std::int64_t edition_id);

}  // namespace manzuma::modules::events
