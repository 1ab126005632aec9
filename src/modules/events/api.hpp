#pragma once
// What other areas (the dashboard) may ask about events. Inline, so a caller needs no link dependency.

#include <cstdint>

#include "db/database.hpp"

namespace manzuma::modules {

/// People trained in an edition: registrations marked attended at its training and workshop events (forums
/// are not training), plus the trained_count organisers reported where registrations were not kept.
inline std::int64_t trained_in_edition(db::Session& s, std::int64_t edition_id) {
  return s
      .query_one<std::int64_t>(
          "SELECT COALESCE(SUM(trained_count), 0) + (SELECT COUNT(*) FROM event_registrations r JOIN events e2"
          " ON e2.id = r.event_id WHERE e2.edition_id = ? AND e2.kind IN ('training', 'workshop') AND e2.status <>"
          " 'cancelled' AND r.attended = 1) FROM events WHERE edition_id = ? AND kind IN ('training', 'workshop')"
          " AND status <> 'cancelled'",
          edition_id, edition_id)
      .value_or(0);
}

}  // namespace manzuma::modules
