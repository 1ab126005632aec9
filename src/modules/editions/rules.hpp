#pragma once
// The edition rules that need no database: the status machine (unit-tested in rules_test.cpp).

#include "modules/editions/model.hpp"

namespace manzuma::modules::editions {

/// Throws a 409 naming the current status unless `from` → `to` is planning → open or open → closed.
void require_transition(EditionStatus from, EditionStatus to);

}  // namespace manzuma::modules::editions
