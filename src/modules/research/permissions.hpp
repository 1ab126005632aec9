#pragma once
// The research area's lines of the policy table (platform/rbac.hpp); the app registers them at start-up.

#include <vector>

#include "platform/rbac.hpp"

namespace manzuma::modules::research {

inline std::vector<platform::Policy> policies() {
  using core::Role;
  namespace roles = platform::roles;
  return {
      {"research.read", roles::everyone},
      {"research.submit",
       {Role::platform_admin, Role::program_office, Role::entity_coordinator, Role::change_team_head,
        Role::practice_owner, Role::contributor}},
      // only reviewers assigned to the study (checked by the service)
      {"research.review",
       {Role::platform_admin, Role::program_office, Role::entity_coordinator, Role::change_team_head,
        Role::practice_owner, Role::contributor, Role::assessor}},
      {"research.decide", roles::national},
      // the discussion thread: national roles, the submitting organisation's staff and the reviewers
      // (checked by the service)
      {"research.comment", roles::everyone},
  };
}

}  // namespace manzuma::modules::research
