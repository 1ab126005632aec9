#pragma once
// SQL of the search area: the names of the organisations that results and facets show.

#include <cstdint>
#include <map>
#include <vector>

#include "db/database.hpp"
#include "modules/search/model.hpp"

namespace manzuma::modules::search {

/// The organisations among `ids` that exist, by id.
std::map<std::int64_t, SearchOrganization> organizations(db::Session& s, const std::vector<std::int64_t>& ids);

}  // namespace manzuma::modules::search
