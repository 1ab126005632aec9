#pragma once
// What other areas (the dashboard) and the app may ask about events.

#include <cstdint>

#include "db/database.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

/// People trained in an edition: registrations marked attended at its held training and workshop events
/// (forums are not training), plus the trained_count organisers reported for held events where registrations
/// were not kept. A planned event has trained no one yet. The same figure as the edition page's.
std::int64_t trained_in_edition(db::Session& s, std::int64_t edition_id);

/// Events in the search index (type "event"); every write of an event or its sessions enqueues it.
manzuma::search::Source events_search_source();

}  // namespace manzuma::modules
