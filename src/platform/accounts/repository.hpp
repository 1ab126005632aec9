#pragma once
// SQL for users and memberships only.

#include <optional>
#include <string>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "platform/accounts/model.hpp"

namespace manzuma::platform::accounts {

/// The user with memberships filled in.
std::optional<User> find(db::Session& s, std::int64_t id);
std::optional<std::int64_t> id_by_email(db::Session& s, std::string_view email);
std::optional<std::int64_t> id_by_national_id(db::Session& s, std::string_view national_id);
/// The user's roles; with a scope (organisation path prefixes), only those inside it.
std::vector<MembershipView> memberships_of(db::Session& s, std::int64_t user_id,
                                           const std::optional<std::vector<std::string>>& scope = std::nullopt);
/// Users matching `q`; when `scope_paths` is set, only users with a role in one of those subtrees.
core::Page<User> list(db::Session& s, const core::ListQuery& q,
                      const std::optional<std::vector<std::string>>& scope_paths);
std::int64_t insert(db::Session& s, const User& u, const std::string& password_hash);
/// Writes `u` if its stored version is still `u.version - 1`.
bool update(db::Session& s, const User& u);
/// Writes the user's language, calendar and digits; returns the new version.
std::int64_t set_preferences(db::Session& s, const User& u);
std::optional<std::string> password_hash(db::Session& s, std::int64_t id);
void set_password(db::Session& s, std::int64_t id, const std::string& hash, const std::string& at);
std::int64_t insert_membership(db::Session& s, std::int64_t user_id, const MembershipInput& m, const std::string& at);
bool delete_membership(db::Session& s, std::int64_t user_id, std::int64_t membership_id);
/// Ends the user's sessions, except `keep_session_id`.
void end_sessions(db::Session& s, std::int64_t user_id, std::optional<std::int64_t> keep_session_id = std::nullopt);
void revoke_tokens(db::Session& s, std::int64_t user_id, const std::string& at);
bool any_with_role(db::Session& s, core::Role role);

}  // namespace manzuma::platform::accounts
