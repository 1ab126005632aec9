#pragma once
// Rules for partnerships (MoUs): validation, state transitions, follow-up actions, audit, notices.

#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/notifications/api.hpp"
#include "modules/partnerships/model.hpp"

namespace manzuma::modules {

class PartnershipService {
 public:
  PartnershipService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Every signed-in user reads MoUs; statuses and flags are as of today.
  core::Page<PartnershipSummary> list(const core::Actor& actor, const core::ListQuery& q);
  Partnership get(const core::Actor& actor, std::int64_t id);
  /// A new MoU as a draft: at least two distinct parties, a real signing day, 1–120 months.
  Partnership create(const core::Actor& actor, const PartnershipInput& in);
  /// Edits a draft, active or expired MoU; a new expiry on or after today renews an expired one.
  Partnership update(const core::Actor& actor, std::int64_t id, const PartnershipUpdate& in);
  /// draft → active → terminated; anything else (expiry comes by date) is a 409 naming the current status.
  Partnership transition(const core::Actor& actor, std::int64_t id, const PartnershipTransition& in);
  /// Adds a follow-up action and tells its owner.
  PartnershipAction add_action(const core::Actor& actor, std::int64_t id, const PartnershipActionInput& in);
  PartnershipAction update_action(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                  const PartnershipActionUpdate& in);

  /// The due source of this area (see notifications/api.hpp): stores 'expired' on MoUs past their expiry
  /// and returns the notices of expiries, renewals within the reminder days and overdue follow-up actions.
  std::vector<Notice> due_notices(db::Session& s, std::string_view today);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
