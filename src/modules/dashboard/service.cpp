#include "modules/dashboard/service.hpp"

#include <chrono>
#include <set>

#include "core/day.hpp"
#include "core/error.hpp"
#include "modules/dashboard/repository.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"

namespace manzuma::modules {

namespace {

dashboard::Today today_of(const core::Clock& clock) { return {core::today(clock)}; }

void require_national(const core::Actor& actor) {
  if (!platform::may_call(actor, "dashboard.national")) throw core::Error::forbidden();
}

void require_edition(db::Session& s, std::optional<std::int64_t> edition_id) {
  if (edition_id && !dashboard::edition_exists(s, *edition_id))
    throw core::Error::not_found("النسخة غير موجودة", "The edition does not exist");
}

}  // namespace

NationalFigures DashboardService::national(const core::Actor& actor, std::optional<std::int64_t> edition_id) const {
  require_national(actor);
  const auto today = today_of(clock_);
  return national_.get(db_, {edition_id, today.today}, [&] {
    return db_.read([&](db::Session& s) {
      require_edition(s, edition_id);
      return dashboard::national(s, edition_id, today);
    });
  });
}

EditionTrend DashboardService::editions(const core::Actor& actor) const {
  require_national(actor);
  const auto today = today_of(clock_);
  return editions_.get(db_, today.today, [&] {
    return db_.read([&](db::Session& s) { return EditionTrend{dashboard::by_edition(s, today)}; });
  });
}

AdoptionMatrix DashboardService::matrix(const core::Actor& actor, std::optional<std::int64_t> edition_id) const {
  require_national(actor);
  return db_.read([&](db::Session& s) {
    require_edition(s, edition_id);
    AdoptionMatrix m;
    m.edition_id = edition_id;
    m.cells = dashboard::adoptions(s, edition_id, std::nullopt, false, today_of(clock_));
    m.practices = dashboard::matrix_practices(s, edition_id);
    // Rows: the entities that adopted something, in the cells' order (Arabic name).
    std::set<std::int64_t> seen;
    for (const auto& c : m.cells)
      if (seen.insert(c.organization_id).second)
        m.entities.push_back({c.organization_id, c.organization_name_ar, c.organization_name_en});
    // A practice adopted but since archived still needs its column.
    std::set<std::int64_t> columns;
    for (const auto& p : m.practices) columns.insert(p.id);
    for (const auto& c : m.cells)
      if (columns.insert(c.practice_id).second)
        m.practices.push_back({c.practice_id, c.edition_id, c.practice_title_ar, c.practice_title_en});
    return m;
  });
}

EntityDashboard DashboardService::entity(const core::Actor& actor, std::int64_t organization_id,
                                         std::optional<std::int64_t> edition_id) const {
  return db_.read([&](db::Session& s) {
    const auto path = platform::organization_path(s, organization_id);
    const bool visible =
        path && (platform::may_call(actor, "dashboard.national") ||
                 platform::in_scope(actor, *path, {core::Role::entity_coordinator, core::Role::change_team_head}));
    // Another entity's page is hidden, not forbidden: its existence is not the caller's business.
    if (!visible) throw core::Error::not_found("الجهة غير موجودة", "The entity does not exist");
    require_edition(s, edition_id);
    EntityDashboard d;
    d.entity = *dashboard::find_entity(s, organization_id);
    d.edition_id = edition_id;
    d.adoptions = dashboard::adoptions(s, edition_id, organization_id, true, today_of(clock_));
    for (const auto& a : d.adoptions) {
      if (a.health == "on_track") ++d.plans_on_track;
      if (a.health == "late") ++d.plans_late;
      if (a.health == "stalled") ++d.plans_stalled;
      if (a.status == "approved") d.actions_overdue += a.actions_overdue;
    }
    return d;
  });
}

}  // namespace manzuma::modules
