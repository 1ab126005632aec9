#pragma once
// Who is making a request: the user, their roles in organisations, and how they signed in.

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manzuma::core {

/// A role a user holds in one organisation (and, by the tree, its children).
enum class Role {
  platform_admin,
  program_office,
  entity_coordinator,
  change_team_head,
  practice_owner,
  contributor,
  assessor,
  viewer,
};
BOOST_DESCRIBE_ENUM(Role, platform_admin, program_office, entity_coordinator, change_team_head, practice_owner,
                    contributor, assessor, viewer)

/// One role in one organisation; `organization_path` is the organisation's materialised path ("/1/7/").
struct Membership {
  std::int64_t organization_id = 0;
  std::string organization_path;
  Role role = Role::viewer;
};
BOOST_DESCRIBE_STRUCT(Membership, (), (organization_id, organization_path, role))

/// Where a request came from; recorded with every audit row.
struct Origin {
  std::string request_id;
  std::string remote_address;
  std::string user_agent;
};

/// The authenticated caller of a request.
struct Actor {
  std::int64_t user_id = 0;
  std::string email;
  std::string locale = "ar";
  std::vector<Membership> memberships;
  /// Set when the request came with an API token instead of a session.
  std::optional<std::int64_t> token_id;
  /// For tokens: "read" and/or "write"; sessions may do everything their roles allow.
  std::vector<std::string> token_scopes;
  /// Set for session sign-ins: the session row, so sign-out can end exactly this one.
  std::optional<std::int64_t> session_id;
  Origin origin;

  /// True when the actor holds `role` in any organisation.
  bool has_role(Role role) const;
  /// Platform administrators and the program office act across every organisation.
  bool is_national() const { return has_role(Role::platform_admin) || has_role(Role::program_office); }
  /// True when one of the actor's memberships with a role in `roles` covers the organisation at `path`
  /// (the organisation itself or an ancestor of it).
  bool covers(std::string_view organization_path, std::initializer_list<Role> roles) const;
};

}  // namespace manzuma::core
