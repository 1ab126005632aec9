#pragma once
// SQL for organisations only.

#include <optional>
#include <string>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "platform/organizations/model.hpp"

namespace manzuma::platform::organizations {

std::optional<Organization> find(db::Session& s, std::int64_t id);
core::Page<Organization> list(db::Session& s, const core::ListQuery& q);
/// Another organisation under the same parent already has this name in `column` (name_ar or name_en).
bool name_taken(db::Session& s, std::optional<std::int64_t> parent_id, std::string_view column, std::string_view name,
                std::optional<std::int64_t> except_id);
/// Inserts `o`, whose `path` holds the parent's path ("/" for a root); the stored path appends the new id.
std::int64_t insert(db::Session& s, const Organization& o);
/// Writes `o` if its stored version is still `o.version - 1`; false when someone else changed it first.
bool update(db::Session& s, const Organization& o);
/// Rewrites the paths of every descendant after the subtree at `old_path` moved to `new_path`.
void move_subtree(db::Session& s, std::string_view old_path, std::string_view new_path);

}  // namespace manzuma::platform::organizations
