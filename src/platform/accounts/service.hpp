#pragma once
// Rules for users and their roles: who may see and manage whom, password policy, sessions ended on
// disable or reset.

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "platform/accounts/model.hpp"
#include "platform/validation.hpp"

namespace manzuma::platform {

/// Password policy: 12–128 characters, not the e-mail or its name part, not one repeated character, not
/// a well-known password. Length over composition rules (NIST SP 800-63B).
void check_password_policy(Validator& v, std::string_view field, std::string_view password, std::string_view email);

class AccountService {
 public:
  AccountService(db::Database& db, const core::Clock& clock, core::PasswordCost cost)
      : db_(db), clock_(clock), cost_(cost) {}

  /// National roles see everyone; an entity coordinator sees the users holding a role in their entity.
  core::Page<User> list(const core::Actor& actor, const core::ListQuery& q);
  /// 404 for a user outside the caller's reach, so ids of other entities reveal nothing.
  User get(const core::Actor& actor, std::int64_t id);
  UserCreated create(const core::Actor& actor, const UserInput& in);
  User update(const core::Actor& actor, std::int64_t id, const UserUpdate& in);
  /// Generates a temporary password, ends the user's sessions, and returns the password once.
  PasswordReset reset_password(const core::Actor& actor, std::int64_t id);
  User add_membership(const core::Actor& actor, std::int64_t user_id, const MembershipInput& in);
  User remove_membership(const core::Actor& actor, std::int64_t user_id, std::int64_t membership_id);

  /// The signed-in user.
  User me(const core::Actor& actor);
  User update_preferences(const core::Actor& actor, const PreferencesInput& in);
  /// Changes the caller's password after checking the current one; other sessions end.
  void change_password(const core::Actor& actor, const PasswordChange& in);

  /// For the CLI and seed data: creates a user without an acting user (audited as `label`).
  UserCreated create_as_system(const UserInput& in, const core::Origin& origin, std::string_view label);
  /// For the CLI: sets a user's password by e-mail; false when there is no such user.
  bool set_password_as_system(std::string_view email, std::string_view password, const core::Origin& origin);
  /// True once any user holds `role`.
  bool any_with_role(core::Role role);

 private:
  UserCreated create_in(db::Session& s, const core::Actor* actor, const UserInput& in, const core::Origin& origin,
                        std::string_view label);
  /// Throws not-found unless the actor may see `u`, forbidden unless they may also manage them.
  void require_manage(const core::Actor& actor, const User& u, db::Session& s);
  void require_may_grant(const core::Actor& actor, const MembershipInput& m, db::Session& s, Validator& v,
                         std::string_view field);

  db::Database& db_;
  const core::Clock& clock_;
  core::PasswordCost cost_;
};

}  // namespace manzuma::platform
