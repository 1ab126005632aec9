#pragma once
// The events area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::events {

inline std::vector<platform::Policy> policies() {
  namespace roles = platform::roles;
  return {
      {"events.read", roles::everyone},
      {"events.manage", roles::national},
      // a user registers themselves
      {"events.register", roles::everyone},
  };
}

}  // namespace manzuma::modules::events
