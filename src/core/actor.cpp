#include "core/actor.hpp"

#include <algorithm>

namespace manzuma::core {

bool Actor::has_role(Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) { return m.role == role; });
}

bool Actor::covers(std::string_view organization_path, std::initializer_list<Role> roles) const {
  for (const auto& m : memberships) {
    if (std::find(roles.begin(), roles.end(), m.role) == roles.end()) continue;
    if (!m.organization_path.empty() && organization_path.substr(0, m.organization_path.size()) == m.organization_path)
      return true;
  }
  return false;
}

}  // namespace manzuma::core
