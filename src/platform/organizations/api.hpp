#pragma once
// What other areas may ask about organisations (STYLE.md habit 1: the small public header).

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace manzuma::platform {

/// The materialised path ("/1/7/") of an active or inactive organisation, for scope checks; nullopt if none.
std::optional<std::string> organization_path(db::Session& s, std::int64_t organization_id);

}  // namespace manzuma::platform
