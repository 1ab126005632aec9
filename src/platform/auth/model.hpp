#pragma once
// Sign-in, the signed-in user's view of themselves, and API tokens.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/accounts/model.hpp"

namespace manzuma::platform {

struct LoginInput {
  std::string email;
  std::string password;
};
BOOST_DESCRIBE_STRUCT(LoginInput, (), (email, password))

/// The signed-in user, what they may do, and the token to send as X-CSRF-Token on every change.
struct Me {
  User user;
  /// Policy actions the user may call (the web app shows only what is allowed).
  std::vector<std::string> permissions;
  std::optional<std::string> csrf_token;
  std::optional<std::string> session_expires_at;
};
BOOST_DESCRIBE_STRUCT(Me, (), (user, permissions, csrf_token, session_expires_at))

enum class TokenScope { read, write };
BOOST_DESCRIBE_ENUM(TokenScope, read, write)

struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  /// The first characters of the secret, to tell tokens apart.
  std::string prefix;
  std::int64_t user_id = 0;
  std::vector<TokenScope> scopes;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};
BOOST_DESCRIBE_STRUCT(ApiToken, (),
                      (id, name, prefix, user_id, scopes, created_at, expires_at, last_used_at, revoked_at))

struct TokenInput {
  std::string name;
  std::vector<TokenScope> scopes;
  /// 1–365 days; 90 when absent.
  std::optional<std::int32_t> expires_in_days;
};
BOOST_DESCRIBE_STRUCT(TokenInput, (), (name, scopes, expires_in_days))

/// The secret is shown once; only its hash is stored.
struct TokenCreated {
  ApiToken token;
  std::string secret;
};
BOOST_DESCRIBE_STRUCT(TokenCreated, (), (token, secret))

}  // namespace manzuma::platform
