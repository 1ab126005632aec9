#pragma once
// The national dashboard: read-only figures for the program office and leaders, and each entity's page for
// its own staff. No writes, so no audit.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/memo.hpp"
#include "modules/dashboard/model.hpp"

namespace manzuma::modules {

class DashboardService {
 public:
  DashboardService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Headline figures of one edition, or of all when `edition_id` is empty (404 for an unknown edition).
  NationalFigures national(const core::Actor& actor, std::optional<std::int64_t> edition_id) const;
  /// The main figures of every edition, oldest first (the chart over editions).
  EditionTrend editions(const core::Actor& actor) const;
  /// The entity × practice adoption matrix of one edition or of all.
  AdoptionMatrix matrix(const core::Actor& actor, std::optional<std::int64_t> edition_id) const;
  /// One entity's adoptions and their progress. National readers see every entity; the entity's own
  /// coordinator and change-team head see theirs; anyone else is told it does not exist (404).
  EntityDashboard entity(const core::Actor& actor, std::int64_t organization_id,
                         std::optional<std::int64_t> edition_id) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  // The national figures aggregate every plan and action (130 ms on the national dataset): remembered per
  // (edition, day) until the next write (db/memo.hpp). Who may see them is checked on every call.
  mutable db::Memo<std::pair<std::optional<std::int64_t>, std::string>, NationalFigures> national_{64};
  mutable db::Memo<std::string, EditionTrend> editions_{8};
};

}  // namespace manzuma::modules
