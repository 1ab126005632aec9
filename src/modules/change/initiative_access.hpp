#pragma once
// One way for the change services (portfolio and readiness) to load an initiative for a caller: its row with the
// organisation path, the gate's place and the status, the 404/403 rule of access.hpp, and the rule that completed
// and cancelled initiatives are read-only.

#include <cstdint>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "modules/change/model.hpp"
#include "modules/change/repository.hpp"

namespace manzuma::modules::change {

/// 404: the change initiative does not exist, or the caller may not read it.
core::Error initiative_not_found();

/// The initiative, or 404 when the caller may not read it; 403 when `write` and they read it but may not change it.
portfolio::InitiativeRow load_initiative(db::Session& s, const core::Actor& actor, std::int64_t id, bool write);

/// Completed and cancelled are final.
bool is_final(InitiativeStatus status);

/// 409 `initiative_closed` (field `status`) when the initiative is completed or cancelled: it is read-only.
void require_not_final(const portfolio::InitiativeRow& initiative);

}  // namespace manzuma::modules::change
