#pragma once
// The change area's lines of the policy table (platform/rbac.hpp), one list for the whole area (portfolio,
// readiness and insights); the app registers them at start-up. The services narrow each line to entities with
// access.hpp (reads_entity, manages_entity).

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::change {

inline std::vector<platform::Policy> policies() {
  using core::Role;
  namespace roles = platform::roles;
  return {
      // everyone: the services show each caller the entities they read (reads_entity)
      {"change.read", roles::everyone},
      // entity staff only in their own entity (manages_entity, checked by the services)
      {"change.manage", {Role::platform_admin, Role::program_office, Role::entity_coordinator, Role::change_team_head}},
      // the program office: configure gates, set entity capacity and the governance-project flag
      {"change.govern", roles::national},
      // everyone: the service lets only a user listed on the review decide it
      {"change.review", roles::everyone},
      // the national view and its export
      {"change.national", roles::national},
  };
}

}  // namespace manzuma::modules::change
