#pragma once
// The event rules that need no database: times and the status machine (unit-tested in rules_test.cpp).

#include <string_view>

#include "modules/events/model.hpp"

namespace manzuma::modules::events {

/// True for a time of day written HH:MM (00:00–23:59).
bool is_clock_time(std::string_view text);

/// Throws a 409 naming the current status unless `from` → `to` is planned → held or planned → cancelled.
void require_transition(EventStatus from, EventStatus to);

/// Throws a 409 naming the current status unless the event takes registrations (it is planned).
void require_open_for_registration(EventStatus status);

/// Throws a 409 naming the current status unless attendance may be marked (the event was held).
void require_held(EventStatus status);

}  // namespace manzuma::modules::events
