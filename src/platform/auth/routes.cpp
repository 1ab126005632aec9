// HTTP glue for sign-in, the signed-in user, and API tokens. The session token travels only in an
// HttpOnly cookie; the CSRF token in the body of /me and /auth/login.

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/accounts/service.hpp"
#include "platform/auth/service.hpp"

namespace manzuma::platform {

namespace {
std::string session_cookie(std::string_view value, std::int64_t max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(value) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

core::Origin origin_of(const http::Request& r) {
  return {r.request_id, r.remote_address, std::string(r.header("user-agent").value_or(""))};
}
}  // namespace

void auth_routes(http::Router& r, AuthService& auth, AccountService& accounts, const core::Config&) {
  r.set_tag("auth");
  r.post<LoginInput, Me>("/api/v1/auth/login", {.action = http::kPublic, .summary = "Sign in with e-mail and password"},
                         [&auth](http::Context& c, LoginInput in) {
                           auto result = auth.login(in, origin_of(c.request));
                           c.response.headers.emplace_back(
                               "Set-Cookie",
                               session_cookie(result.session_token, auth.session_max_age(), c.request.secure));
                           return result.me;
                         });
  r.post<void, void>("/api/v1/auth/logout", {.action = "signed_in", .summary = "Sign out of this session"},
                     [&auth](http::Context& c) {
                       auth.logout(c.actor());
                       c.response.headers.emplace_back("Set-Cookie", session_cookie("", 0, c.request.secure));
                     });
  r.get<Me>("/api/v1/me", {.action = "signed_in", .summary = "The signed-in user, roles and permissions"},
            [&auth](http::Context& c) {
              Me me = auth.me(c.actor());
              // The CSRF token is the session's; tokens (Bearer) need none.
              if (c.actor().session_id) {
                auto [csrf, expires] = auth.session_details(*c.actor().session_id);
                me.csrf_token = std::move(csrf);
                me.session_expires_at = std::move(expires);
              }
              return me;
            });
  r.patch<PreferencesInput, User>(
      "/api/v1/me", {.action = "signed_in", .summary = "Change language, calendar, digits"},
      [&accounts](http::Context& c, PreferencesInput in) { return accounts.update_preferences(c.actor(), in); });
  r.post<PasswordChange, void>(
      "/api/v1/me/password", {.action = "signed_in", .summary = "Change your password; your other sessions end"},
      [&accounts](http::Context& c, PasswordChange in) { accounts.change_password(c.actor(), in); });

  static const std::vector<std::string_view> kFilters = {"revoked"};
  r.set_tag("tokens");
  r.get<core::Page<ApiToken>>("/api/v1/tokens",
                              {.action = "tokens.manage",
                               .summary = "API tokens (secrets are never shown again)",
                               .query = http::list_query_doc(kFilters)},
                              [&auth](http::Context& c) {
                                return auth.list_tokens(c.actor(), http::parse_list_query(c.request, kFilters, {"id"}));
                              });
  r.post<TokenInput, TokenCreated>(
      "/api/v1/tokens",
      {.action = "tokens.manage",
       .summary = "Create an API token; the secret is shown once",
       .status = 201,
       .returns_secret = true},
      [&auth](http::Context& c, TokenInput in) { return auth.create_token(c.actor(), in); });
  r.del<void>("/api/v1/tokens/{id}", {.action = "tokens.manage", .summary = "Revoke an API token"},
              [&auth](http::Context& c) { auth.revoke_token(c.actor(), c.id()); });
}

}  // namespace manzuma::platform
