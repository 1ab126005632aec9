#pragma once
// The practices area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::practices {

inline std::vector<platform::Policy> policies() {
  using core::Role;
  namespace roles = platform::roles;
  return {
      {"practices.read", roles::everyone},
      {"practices.create", roles::national},
      // practice owners edit only their own practice (checked by the service)
      {"practices.update", {Role::platform_admin, Role::program_office, Role::practice_owner}},
      // publish, archive and restore
      {"practices.publish", roles::national},
      {"practices.delete", roles::national},
  };
}

}  // namespace manzuma::modules::practices
