#pragma once
// What other areas may ask of adoptions (STYLE.md habit 1: the small public header).

#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "modules/notifications/api.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

/// Notices for the open actions of approved plans that are due within 3 days of `today` ("YYYY-MM-DD") or
/// overdue, for each action's owner and the adopting entity's coordinators. Dedupe keys name the kind, the
/// action and the day, so the notifications area may run the scan as often as it likes and store each once
/// a day.
std::vector<Notice> due_notices(db::Session& s, std::string_view today);

/// A plan's health as an SQL expression over the adoption row `a`: 'late', 'not_started', 'stalled',
/// 'on_track', or NULL unless approved. The same rule as the adoption pages' health (health.cpp), for read
/// models such as the dashboard, so a figure and the list it links to always agree. Bind
/// plan_health_binds(today) first, in order, for its placeholders.
extern const std::string_view kPlanHealthSql;
std::vector<db::Value> plan_health_binds(std::string_view today);

/// Adoptions in the search index (type "adoption"); every write of an adoption or of its plan's actions,
/// milestones and indicators enqueues it (search/sync.hpp), and so does a change of its practice.
manzuma::search::Source adoptions_search_source();

/// Enqueues the adoptions by, or of practices from, the organisations under `path` (an organisation moved:
/// their readers changed).
void enqueue_adoptions_under(db::Session& s, std::string_view path);

}  // namespace manzuma::modules
