#include "modules/adoptions/api.hpp"

#include <algorithm>

#include "core/actor.hpp"
#include "core/day.hpp"
#include "modules/adoptions/health.hpp"
#include "modules/adoptions/repository.hpp"

namespace manzuma::modules {

// Binds: today (plan end), today (open actions overdue), the stall cut-off twice (as add_health_filter).
const std::string_view kPlanHealthSql =
    "CASE WHEN a.status <> 'approved' THEN NULL"
    " WHEN (a.ends_on < ? OR EXISTS (SELECT 1 FROM plan_actions pa WHERE pa.adoption_id = a.id"
    "  AND pa.status IN ('not_started', 'in_progress', 'blocked') AND pa.due_on < ?)) THEN 'late'"
    " WHEN a.last_progress_at IS NULL THEN 'not_started'"
    " WHEN a.last_progress_at < ? AND COALESCE(a.approved_at, '') < ? THEN 'stalled'"
    " ELSE 'on_track' END";

std::vector<db::Value> plan_health_binds(std::string_view today) {
  const std::string cutoff = core::add_days(today, -adoptions::kStalledAfterDays);
  return {std::string(today), std::string(today), cutoff, cutoff};
}

std::vector<Notice> due_notices(db::Session& s, std::string_view today) {
  std::vector<Notice> out;
  const std::string day(today);
  for (const auto& a : adoptions::open_actions_due_by(s, core::add_days(today, 3))) {
    const bool overdue = a.due_on < day;
    std::vector<std::int64_t> to = entity_users(s, a.organization_id, {core::Role::entity_coordinator});
    if (a.owner_id && std::find(to.begin(), to.end(), *a.owner_id) == to.end()) to.push_back(*a.owner_id);
    const std::string kind = overdue ? "action.overdue" : "action.due";
    for (auto user : to) {
      Notice n;
      n.user_id = user;
      n.kind = kind;
      if (overdue) {
        n.title_ar = "إجراء متأخر: " + a.title_ar;
        n.title_en = "Overdue action: " + a.title_en;
        n.body_ar = "كان موعده " + a.due_on;
        n.body_en = "It was due on " + a.due_on;
      } else {
        n.title_ar = "إجراء يحين موعده قريباً: " + a.title_ar;
        n.title_en = "Action due soon: " + a.title_en;
        n.body_ar = "موعده " + a.due_on;
        n.body_en = "Due on " + a.due_on;
      }
      n.link = "/adoptions/" + std::to_string(a.adoption_id);
      n.resource_type = "plan_action";
      n.resource_id = std::to_string(a.id);
      n.dedupe_key = kind + ":" + std::to_string(a.id) + ":" + day;
      out.push_back(std::move(n));
    }
  }
  return out;
}

}  // namespace manzuma::modules
