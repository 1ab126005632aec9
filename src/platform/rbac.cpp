#include "platform/rbac.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/error.hpp"

namespace manzuma::platform {

using core::Role;

const std::vector<Role> roles::everyone = {Role::platform_admin,   Role::program_office, Role::entity_coordinator,
                                           Role::change_team_head, Role::practice_owner, Role::contributor,
                                           Role::assessor,         Role::viewer};
const std::vector<Role> roles::national = {Role::platform_admin, Role::program_office};

namespace {

const std::vector<Role>& kEveryone = roles::everyone;
const std::vector<Role>& kNational = roles::national;
const std::vector<Role> kAdministrators = {Role::platform_admin, Role::program_office, Role::entity_coordinator};

// One line per platform action; business areas add theirs from their permissions.hpp at start-up. The matrix
// test (tests/api/authz_matrix.tsv and tests/api/authz/*.tsv) states, route by route, what each role must get,
// so a change here that widens or narrows access shows up as a failing test.
std::vector<Policy>& policies() {
  static std::vector<Policy> kPolicies = {
      {"signed_in", kEveryone},
      {"organizations.read", kEveryone},
      {"organizations.create", kAdministrators},
      {"organizations.update", kAdministrators},
      {"users.read", kAdministrators},
      {"users.create", kAdministrators},
      {"users.update", kAdministrators},
      {"users.reset_password", kAdministrators},
      {"memberships.manage", kAdministrators},
      {"tokens.manage", kNational},
      {"audit.read", kNational},
      {"attachments.upload",
       {Role::platform_admin, Role::program_office, Role::entity_coordinator, Role::change_team_head,
        Role::practice_owner, Role::contributor}},
      {"attachments.read", kEveryone},
      // No route of its own: the web app's administration console (all users, the organisation tree, API
      // tokens, the audit log) is for national roles; coordinators manage their entity's team elsewhere.
      {"administration", kNational},
  };
  return kPolicies;
}

const Policy* find(std::string_view action) {
  for (const auto& p : policies())
    if (p.action == action) return &p;
  return nullptr;
}

}  // namespace

void register_policies(const std::vector<Policy>& lines) {
  for (const auto& line : lines) {
    // A second App in the same process registers the same lines again; only a conflicting line is an error.
    if (const Policy* known = find(line.action)) {
      if (known->roles != line.roles)
        throw std::logic_error("policy action '" + std::string(line.action) + "' registered twice, differently");
      continue;
    }
    policies().push_back(line);
  }
}

bool may_call(const core::Actor& actor, std::string_view action) {
  const Policy* p = find(action);
  if (!p) return false;
  return std::any_of(p->roles.begin(), p->roles.end(), [&](Role r) { return actor.has_role(r); });
}

bool is_known_action(std::string_view action) { return find(action) != nullptr; }

std::vector<std::string> permitted_actions(const core::Actor& actor) {
  std::vector<std::string> out;
  for (const auto& p : policies())
    if (p.action != "signed_in" && may_call(actor, p.action)) out.emplace_back(p.action);
  return out;
}

bool in_scope(const core::Actor& actor, std::string_view organization_path, std::initializer_list<Role> roles) {
  return actor.is_national() || actor.covers(organization_path, roles);
}

void require_scope(const core::Actor& actor, std::string_view organization_path, std::initializer_list<Role> roles) {
  if (!in_scope(actor, organization_path, roles)) throw core::Error::forbidden();
}

}  // namespace manzuma::platform
