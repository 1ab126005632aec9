#pragma once
// Rules for adoptions: validation, scope checks, state transitions, audit, notices.

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/adoptions/model.hpp"

namespace manzuma::modules {

/// Entity staff (coordinators, change-team heads) act on their own entity's adoptions only; another
/// entity's adoption does not exist for them (404). National roles see and do everything and approve.
/// Practice owners read the adoptions of their practices; viewers and contributors read their entity's.
class AdoptionService {
 public:
  AdoptionService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Filters: edition_id, practice_id, organization_id, status, health.
  core::Page<Adoption> list(const core::Actor& actor, const core::ListQuery& q);
  AdoptionDetail get(const core::Actor& actor, std::int64_t id);
  /// Throws not found unless the caller may see adoption `id` (checked before a request body is decoded).
  void require_visible(const core::Actor& actor, std::int64_t id);

  /// The editions and published practices the "Adopt a practice" form offers.
  AdoptionChoices choices(const core::Actor& actor);
  AdoptionDetail create(const core::Actor& actor, const AdoptionInput& in);
  AdoptionDetail update(const core::Actor& actor, std::int64_t id, const AdoptionUpdate& in);
  /// `to` is one of submit, approve, return, complete, withdraw.
  AdoptionDetail transition(const core::Actor& actor, std::int64_t id, std::string_view to,
                            const AdoptionTransition& in);

  PlanAction add_action(const core::Actor& actor, std::int64_t id, const PlanActionInput& in);
  PlanAction update_action(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                           const PlanActionUpdate& in);
  PlanAction add_evidence(const core::Actor& actor, std::int64_t id, std::int64_t action_id, const EvidenceInput& in);
  PlanAction remove_evidence(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                             std::int64_t attachment_id);
  std::vector<ActionComment> comments(const core::Actor& actor, std::int64_t id, std::int64_t action_id);
  ActionComment add_comment(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                            const ActionCommentInput& in);

  Milestone add_milestone(const core::Actor& actor, std::int64_t id, const MilestoneInput& in);
  Milestone update_milestone(const core::Actor& actor, std::int64_t id, std::int64_t milestone_id,
                             const MilestoneUpdate& in);

  Indicator add_indicator(const core::Actor& actor, std::int64_t id, const IndicatorInput& in);
  Indicator update_indicator(const core::Actor& actor, std::int64_t id, std::int64_t indicator_id,
                             const IndicatorUpdate& in);
  /// Records the actual value of a period ("2026-03" or "2026-Q1"), replacing an earlier one.
  Indicator record_value(const core::Actor& actor, std::int64_t id, std::int64_t indicator_id,
                         const std::string& period, const IndicatorValueInput& in);

 private:
  std::string today() const;

  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
