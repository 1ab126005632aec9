#pragma once
// The health of an approved plan (on track, late, stalled, not started) and why, from plain facts: pure
// functions, so the rules are tested without a database. repository.cpp mirrors the verdict in SQL for
// filter[health]; health_test.cpp and the API tests keep the two in step.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/adoptions/model.hpp"

namespace manzuma::modules::adoptions {

/// Days without a progress update after which an approved plan is stalled.
inline constexpr int kStalledAfterDays = 30;

/// An open action past its due date.
struct OverdueAction {
  std::string title_ar;
  std::string title_en;
  std::string due_on;
};

/// What the verdict depends on.
struct HealthFacts {
  AdoptionStatus status = AdoptionStatus::draft;
  std::string ends_on;
  std::optional<std::string> approved_at;
  std::optional<std::string> last_progress_at;
  std::vector<OverdueAction> overdue;
};

struct HealthVerdict {
  std::optional<PlanHealth> health;
  std::vector<HealthReason> reasons;
};

/// The health of a plan on `today` ("YYYY-MM-DD"); none unless the plan is approved.
HealthVerdict assess_health(const HealthFacts& facts, std::string_view today);

/// True for actions that still count towards lateness (not done, not cancelled).
bool is_open(ActionStatus s);

/// A period of indicator values: "YYYY-MM" or "YYYY-Qn".
bool valid_period(std::string_view s);

}  // namespace manzuma::modules::adoptions
