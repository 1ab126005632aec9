#pragma once
// Authorisation: which roles may perform which action, and on which organisations. Every route names
// one action here; a route whose action is not in the table is refused to everyone (deny by default).

#include <initializer_list>
#include <string_view>
#include <vector>

#include "core/actor.hpp"

namespace manzuma::platform {

/// One line of the policy table: the roles that may call routes guarded by `action`.
struct Policy {
  std::string_view action;
  std::vector<core::Role> roles;
};

/// Role sets the policy lines share.
namespace roles {
extern const std::vector<core::Role> everyone;
/// Platform administrators and the program office.
extern const std::vector<core::Role> national;
}  // namespace roles

/// Adds a business area's lines (its permissions.hpp) to the table. Called by the app at start-up, before
/// any request is served; an action already in the table with other roles is a programming error.
void register_policies(const std::vector<Policy>& lines);

/// The coarse gate: may `actor` call routes guarded by `action` at all, for some organisation?
bool may_call(const core::Actor& actor, std::string_view action);

/// True when `action` appears in the policy table (start-up refuses routes naming unknown actions).
bool is_known_action(std::string_view action);

/// The actions `actor` may call, from the policy table ("signed_in" left out): what /me reports as the
/// user's permissions.
std::vector<std::string> permitted_actions(const core::Actor& actor);

/// The scoped check: passes for platform administrators and the program office, and for an actor holding
/// one of `roles` in the organisation at `organization_path` or one of its ancestors. Throws forbidden.
void require_scope(const core::Actor& actor, std::string_view organization_path,
                   std::initializer_list<core::Role> roles);

/// Same as require_scope, as a yes/no.
bool in_scope(const core::Actor& actor, std::string_view organization_path, std::initializer_list<core::Role> roles);

}  // namespace manzuma::platform
