#pragma once
// The dashboard area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::dashboard {

inline std::vector<platform::Policy> policies() {
  using core::Role;
  namespace roles = platform::roles;
  return {
      // the program office and leaders
      {"dashboard.national", {Role::platform_admin, Role::program_office, Role::viewer}},
      // an entity's page: national readers see any; the entity's coordinator and change-team head their own
      // (scoped in the service, 404 for another entity)
      {"dashboard.entity",
       {Role::platform_admin, Role::program_office, Role::viewer, Role::entity_coordinator, Role::change_team_head}},
  };
}

}  // namespace manzuma::modules::dashboard
