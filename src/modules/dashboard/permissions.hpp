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
  };
}

}  // namespace manzuma::modules::dashboard
