#pragma once
// Who reads an adoption besides national roles: one rule for the service and the search index (search.cpp).
//   - the adopting entity's staff in kEntityReaders, in the entity or an organisation above it;
//   - practice owners in the organisation that contributed the practice (or above it);
//   - the practice's own owner.

#include <initializer_list>

#include "core/actor.hpp"

namespace manzuma::modules::adoptions {

/// Roles of the adopting entity that read its adoptions.
inline constexpr std::initializer_list<core::Role> kEntityReaders = {
    core::Role::entity_coordinator, core::Role::change_team_head, core::Role::viewer, core::Role::contributor};

}  // namespace manzuma::modules::adoptions
