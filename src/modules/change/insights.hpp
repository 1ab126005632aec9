#pragma once
// Insights over every entity's change portfolio: the saturation heatmap of an entity, the program office's
// entity settings (capacity, governance project) and the national view with its export.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "db/memo.hpp"
#include "modules/change/readiness_model.hpp"
#include "modules/change/readiness_repository.hpp"
#include "platform/export/table.hpp"

namespace manzuma::modules::change {

/// `count` months from `first` ("YYYY-MM"), in order.
std::vector<std::string> month_range(std::string_view first, int count);

/// The heatmap rows of `groups` over `months`: an initiative loads a month its [starts_on, ends_on] overlaps, with
/// its impact total on the group; a cell is over when its load exceeds `capacity`. Loads of other groups are
/// ignored. Without `with_initiatives` the cells name no initiatives (the national view only counts).
std::vector<SaturationRow> saturation_rows(const std::vector<readiness::GroupFacts>& groups,
                                           const std::vector<readiness::ImpactLoad>& loads,
                                           const std::vector<std::string>& months, std::int64_t capacity,
                                           bool with_initiatives = true);

/// Readers of an entity see its heatmap; national roles keep the settings and see the national view.
class ChangeInsightsService {
 public:
  ChangeInsightsService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The entity's groups × months heatmap: `from` "YYYY-MM" (this month when empty), `months` 1–36 (12 when
  /// empty). 404 for an entity the caller does not read.
  Saturation saturation(const core::Actor& actor, std::int64_t organization_id, std::optional<std::string> from,
                        std::optional<std::int64_t> months) const;

  /// Government entities with their capacity (default 60), governance-project flag and initiative count.
  /// Filters: governance_project; `q` searches the names.
  core::Page<ChangeEntity> entities(const core::Actor& actor, const core::ListQuery& q) const;
  /// Sets an entity's capacity (1–500) and governance-project flag (change.govern).
  ChangeEntity update_entity(const core::Actor& actor, std::int64_t organization_id, const ChangeEntityUpdate& in);

  /// Every entity's portfolio, readiness, late plans and saturation (change.national); remembered until the
  /// next write (db/memo.hpp).
  NationalChange national(const core::Actor& actor) const;
  /// The national view's by-entity table, one column per gate, headed in `locale` ("ar" or "en").
  platform::ExportTable national_entities_table(const core::Actor& actor, std::string_view locale) const;

 private:
  std::string today() const;

  db::Database& db_;
  const core::Clock& clock_;
  // The national view aggregates every initiative, impact, action and tally: remembered per day until the next
  // write. The heatmap of an entity per (entity, from, months). Who may see them is checked on every call.
  mutable db::Memo<std::string, NationalChange> national_{8};
  mutable db::Memo<std::string, Saturation> saturation_{512};
};

}  // namespace manzuma::modules::change
