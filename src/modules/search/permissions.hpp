#pragma once
// The search area's line of the policy table (platform/rbac.hpp); the app registers it at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::search {

inline std::vector<platform::Policy> policies() {
  namespace roles = platform::roles;
  return {
      // everyone signed in; what each finds is filtered inside the query (the service)
      {"search.read", roles::everyone},
  };
}

}  // namespace manzuma::modules::search
