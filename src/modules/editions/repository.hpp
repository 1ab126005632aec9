#pragma once
// SQL for editions only.

#include <optional>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/editions/model.hpp"

namespace manzuma::modules::editions {

std::optional<Edition> find(db::Session& s, std::int64_t id);
/// Filters: status, year. Sorts: number (default), year, starts_on.
core::Page<Edition> list(db::Session& s, const core::ListQuery& q);
/// Another edition already has this number.
bool number_taken(db::Session& s, std::int64_t number, std::optional<std::int64_t> except_id);
std::int64_t insert(db::Session& s, const Edition& e);
/// Writes `e` if its stored version is still `e.version - 1`; false when someone else changed it first.
bool update(db::Session& s, const Edition& e);

}  // namespace manzuma::modules::editions
