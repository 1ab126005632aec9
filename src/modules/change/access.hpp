#pragma once
// Who reads and who changes an entity's change portfolio: one rule for the services, the national view and the
// search index. National roles (platform administrators, the program office) read and change every entity's.
//   - readers: the entity's staff in kEntityReaders, in the entity or an organisation above it;
//   - managers: its coordinator and change-team heads (kEntityManagers).
// Another entity's initiative is "not found" (404) to a caller who may not read it, so ids reveal nothing; a
// reader who may not change it gets 403.

#include <initializer_list>
#include <string_view>

#include "core/actor.hpp"

namespace manzuma::modules::change {

inline constexpr std::initializer_list<core::Role> kEntityReaders = {
    core::Role::entity_coordinator, core::Role::change_team_head, core::Role::viewer, core::Role::contributor,
    core::Role::practice_owner};

inline constexpr std::initializer_list<core::Role> kEntityManagers = {core::Role::entity_coordinator,
                                                                      core::Role::change_team_head};

/// True when the actor reads the change portfolio of the organisation at `organization_path`.
inline bool reads_entity(const core::Actor& actor, std::string_view organization_path) {
  return actor.is_national() || actor.covers(organization_path, kEntityReaders);
}

/// True when the actor changes the change portfolio of the organisation at `organization_path`.
inline bool manages_entity(const core::Actor& actor, std::string_view organization_path) {
  return actor.is_national() || actor.covers(organization_path, kEntityManagers);
}

}  // namespace manzuma::modules::change
