#pragma once
// What other areas (and the app) may ask of the change portfolio (STYLE.md habit 1: the small public header).

#include <string_view>

#include "db/database.hpp"
#include "search/sync.hpp"

namespace manzuma::modules::change {

/// Change initiatives in the search index (type "initiative", web page /change/initiatives/{id}), readable by the
/// entity's readers (access.hpp); creating, editing and every gate move enqueue one.
manzuma::search::Source initiatives_search_source();

/// Enqueues the initiatives of the organisations under `path` (an organisation moved: their readers changed).
void enqueue_initiatives_under(db::Session& s, std::string_view path);

}  // namespace manzuma::modules::change
