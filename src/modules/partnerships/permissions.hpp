#pragma once
// The partnerships area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::partnerships {

inline std::vector<platform::Policy> policies() {
  namespace roles = platform::roles;
  return {
      {"partnerships.read", roles::everyone},
      {"partnerships.manage", roles::national},
  };
}

}  // namespace manzuma::modules::partnerships
