#pragma once
// The event rules that need no database: days, times and the status machine (unit-tested in rules_test.cpp).

#include <string_view>

#include "modules/events/model.hpp"
#include "platform/validation.hpp"

namespace manzuma::modules::events {

/// True for a real calendar day written YYYY-MM-DD.
bool is_iso_date(std::string_view text);
/// True for a time of day written HH:MM (00:00–23:59).
bool is_clock_time(std::string_view text);

/// starts_on and ends_on are days and ends_on is not before starts_on; failures name the field.
void check_period(platform::Validator& v, std::string_view starts_on, std::string_view ends_on);

/// Throws a 409 naming the current status unless `from` → `to` is planned → held or planned → cancelled.
void require_transition(EventStatus from, EventStatus to);

/// Throws a 409 naming the current status unless the event takes registrations (it is planned).
void require_open_for_registration(EventStatus status);

/// Throws a 409 naming the current status unless attendance may be marked (the event was held).
void require_held(EventStatus status);

}  // namespace manzuma::modules::events
