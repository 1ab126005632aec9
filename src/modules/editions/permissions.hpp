#pragma once
// The editions area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::editions {

inline std::vector<platform::Policy> policies() {
  namespace roles = platform::roles;
  return {
      {"editions.read", roles::everyone},
      {"editions.manage", roles::national},
  };
}

}  // namespace manzuma::modules::editions
