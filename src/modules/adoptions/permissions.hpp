#pragma once
// The adoptions area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::adoptions {

inline std::vector<platform::Policy> policies() {
  using core::Role;
  namespace roles = platform::roles;
  return {
      // national roles see all; others their own entity's, and practice owners their practice's (checked by the
      // service)
      {"adoptions.read", roles::everyone},
      // entity staff only in their own entity (checked by the service)
      {"adoptions.manage",
       {Role::platform_admin, Role::program_office, Role::entity_coordinator, Role::change_team_head}},
      {"adoptions.approve", roles::national},
  };
}

}  // namespace manzuma::modules::adoptions
