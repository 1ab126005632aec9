#pragma once
// The notifications area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::notifications {

inline std::vector<platform::Policy> policies() {
  namespace roles = platform::roles;
  return {
      // every signed-in user reads and marks their own notices
      {"notifications.read", roles::everyone},
  };
}

}  // namespace manzuma::modules::notifications
