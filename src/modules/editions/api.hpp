#pragma once
// What other areas may ask about editions (STYLE.md habit 1: the small public header). The questions are
// inline, so an area that asks needs no link dependency on this module's library; the search source (for the
// app) is in search.cpp.

#include <cstdint>
#include <optional>
#include <string>

#include "core/json.hpp"
#include "db/database.hpp"
#include "modules/editions/model.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

/// True when an edition with this id exists.
inline bool edition_exists(db::Session& s, std::int64_t edition_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM editions WHERE id = ?", edition_id).value_or(0) > 0;
}

/// The edition's status, nullopt when there is none. Areas refuse new practices, research and adoptions in a
/// closed edition.
inline std::optional<EditionStatus> edition_status(db::Session& s, std::int64_t edition_id) {
  auto text = s.query_one<std::string>("SELECT status FROM editions WHERE id = ?", edition_id);
  if (!text) return std::nullopt;
  return core::json::enum_from_name<EditionStatus>(*text);
}

/// Editions in the search index (type "edition"); every write of an edition enqueues it (search/sync.hpp).
manzuma::search::Source editions_search_source();

/// Enqueues every practice, study, adoption and event of the edition, whose documents show its number and year.
void enqueue_edition_records(db::Session& s, std::int64_t edition_id);

}  // namespace manzuma::modules
