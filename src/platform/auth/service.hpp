#pragma once
// Sessions (cookie + CSRF token), sign-in with per-account and per-address back-off, API tokens, and
// turning a request's credentials into a core::Actor.

#include <optional>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "platform/accounts/service.hpp"
#include "platform/auth/model.hpp"

namespace manzuma::platform {

inline constexpr std::string_view kSessionCookie = "manzuma_session";
inline constexpr std::string_view kTokenPrefix = "mzt_";

/// The credentials a request carries, as the HTTP layer found them.
struct Credentials {
  std::optional<std::string_view> session_cookie;
  std::optional<std::string_view> authorization;
  std::optional<std::string_view> csrf_header;
  bool unsafe_method = false;
  core::Origin origin;
};

struct LoginResult {
  Me me;
  /// Goes into the HttpOnly cookie, never into a response body.
  std::string session_token;
};

class AuthService {
 public:
  AuthService(db::Database& db, const core::Clock& clock, const core::Config& config, AccountService& accounts);

  /// Signs in; 401 on a wrong e-mail or password (same answer for both), 429 while backed off.
  LoginResult login(const LoginInput& in, const core::Origin& origin);
  void logout(const core::Actor& actor);
  Me me(const core::Actor& actor);

  /// The actor of a valid session or token; nullopt for none or an expired session. Throws 401 for a bad
  /// token, 403 for a session request changing something without the right CSRF token.
  std::optional<core::Actor> authenticate(const Credentials& c);

  core::Page<ApiToken> list_tokens(const core::Actor& actor, const core::ListQuery& q);
  TokenCreated create_token(const core::Actor& actor, const TokenInput& in);
  void revoke_token(const core::Actor& actor, std::int64_t id);
  /// For the CLI: a token for the user with this e-mail.
  TokenCreated create_token_as_system(std::string_view email, const TokenInput& in, const core::Origin& origin);

  /// The CSRF token and absolute expiry of a session, for /me.
  std::pair<std::string, std::string> session_details(std::int64_t session_id);
  /// Seconds a session cookie lives (absolute expiry).
  std::int64_t session_max_age() const;

 private:
  TokenCreated issue_token(db::Session& s, const core::Actor* actor, std::int64_t user_id, const TokenInput& in,
                           const core::Origin& origin);
  std::vector<core::Membership> memberships(db::Session& s, std::int64_t user_id);

  db::Database& db_;
  const core::Clock& clock_;
  const core::Config& config_;
  AccountService& accounts_;
  /// Verified against when the e-mail is unknown, so both failures take the same time.
  std::string dummy_hash_;
};

}  // namespace manzuma::platform
