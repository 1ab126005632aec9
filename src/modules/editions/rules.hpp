#pragma once
// The edition rules that need no database: dates and the status machine (unit-tested in rules_test.cpp).

#include <string_view>

#include "modules/editions/model.hpp"
#include "platform/validation.hpp"

namespace manzuma::modules::editions {

/// True for a real calendar day written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

/// starts_on and ends_on are days and ends_on is not before starts_on; failures name the field.
void check_period(platform::Validator& v, std::string_view starts_on, std::string_view ends_on);

/// Throws a 409 naming the current status unless `from` → `to` is planning → open or open → closed.
void require_transition(EditionStatus from, EditionStatus to);

}  // namespace manzuma::modules::editions
