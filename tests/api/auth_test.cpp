// Sign-in, sessions, CSRF, back-off, passwords, tokens: what a user and an attacker would notice.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

TEST(Auth, SignInSetsAnHttpOnlySameSiteCookieAndMeShowsRoles) {
  Client c(Server::shared().url());
  auto r = c.login("coordinator@demo.manzuma.om");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto cookie = r.header("set-cookie");
  EXPECT_NE(cookie.find("manzuma_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  // The session secret never appears in a body.
  EXPECT_EQ(r.body.find(cookie.substr(16, 20)), std::string::npos);

  auto me = c.get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  const auto& user = me.json().at("user");
  EXPECT_EQ(user.at("email").as_string(), "coordinator@demo.manzuma.om");
  EXPECT_EQ(user.at("name_ar").as_string(), "مريم بنت سعيد البلوشية");
  EXPECT_EQ(user.at("memberships").at(0).at("role").as_string(), "entity_coordinator");
  EXPECT_FALSE(me.json().at("csrf_token").as_string().empty());
  std::vector<std::string> permissions;
  for (const auto& p : me.json().at("permissions").as_array()) permissions.emplace_back(p.as_string());
  EXPECT_NE(std::find(permissions.begin(), permissions.end(), "users.create"), permissions.end());
  EXPECT_EQ(std::find(permissions.begin(), permissions.end(), "audit.read"), permissions.end());
  // The web app's administration console is for national roles only.
  EXPECT_EQ(std::find(permissions.begin(), permissions.end(), "administration"), permissions.end());
  EXPECT_EQ(std::find(permissions.begin(), permissions.end(), "signed_in"), permissions.end());
  EXPECT_EQ(user.as_object().count("password_hash"), 0u);
}

TEST(Auth, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  Client c(Server::shared().url());
  auto wrong = c.login("viewer@demo.manzuma.om", "not-the-password-at-all");
  auto unknown = c.login(unique("nobody") + "@example.om", "not-the-password-at-all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json().at("code"), unknown.json().at("code"));
  EXPECT_EQ(wrong.json().at("detail_ar"), unknown.json().at("detail_ar"));
}

TEST(Auth, WithoutSessionProtectedRoutesAre401) {
  Client c(Server::shared().url());
  auto r = c.get("/api/v1/organizations");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json().at("code").as_string(), "unauthenticated");
}

TEST(Auth, ChangesWithoutTheCsrfTokenAreRefused) {
  Client c(Server::shared().url());
  ASSERT_EQ(c.login("office@demo.manzuma.om").status, 200);
  const std::string good = c.csrf();
  c.set_csrf("");
  auto r = c.post("/api/v1/organizations",
                  bj::object{{"kind", "ministry"}, {"name_ar", "وزارة تجريبية"}, {"name_en", unique("CSRF")}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json().at("code").as_string(), "csrf");
  c.set_csrf("forged-token");
  EXPECT_EQ(c.post("/api/v1/auth/logout", bj::object{}).status, 403);
  c.set_csrf(good);
  EXPECT_EQ(c.get("/api/v1/me").status, 200);  // reads need no token
}

TEST(Auth, SignOutEndsTheSession) {
  Client c(Server::shared().url());
  ASSERT_EQ(c.login("viewer@demo.manzuma.om").status, 200);
  auto out = c.request("POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST(Auth, RepeatedFailuresBackOffWithRetryAfter) {
  Server s;  // its own server: the back-off must not lock other tests out
  Client c(s.url());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(c.login("viewer@demo.manzuma.om", "wrong-password-" + std::to_string(i)).status, 401);
  auto locked = c.login("viewer@demo.manzuma.om");  // even the right password waits
  EXPECT_EQ(locked.status, 429);
  EXPECT_GE(std::stoi(locked.header("retry-after")), 1);
  EXPECT_EQ(locked.json().at("code").as_string(), "login_throttled");
  // Another account from the same address is not locked yet.
  EXPECT_EQ(c.login("assessor@demo.manzuma.om").status, 200);
}

TEST(Auth, ParallelGuessesCannotSlipPastTheLimit) {
  Server s;  // its own server: this locks an account
  std::vector<std::thread> threads;
  std::atomic<int> unauthorized{0}, throttled{0}, other{0};
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&, i] {
      Client c(s.url());
      const auto r = c.login("viewer@demo.manzuma.om", "parallel-guess-" + std::to_string(i));
      (r.status == 401 ? unauthorized : r.status == 429 ? throttled : other)++;
    });
  for (auto& t : threads) t.join();
  EXPECT_LE(unauthorized.load(), 5);  // at most five passwords were actually tried
  EXPECT_EQ(unauthorized.load() + throttled.load(), 16);
  EXPECT_EQ(other.load(), 0);
}

TEST(Auth, SecretsAreNeverReplayedFromIdempotencyStorage) {
  const auto key = "Idempotency-Key: " + unique("token");
  const auto body = bj::serialize(bj::object{{"name", unique("once")}, {"scopes", bj::array{"read"}}});
  auto first = admin().request("POST", "/api/v1/tokens", body, {key});
  ASSERT_EQ(first.status, 201);
  auto again = admin().request("POST", "/api/v1/tokens", body, {key});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json().at("code").as_string(), "secret_already_issued");
  EXPECT_EQ(again.body.find("mzt_"), std::string::npos);
}

TEST(Auth, PasswordResetRevokesTheUsersTokens) {
  const auto email = unique("reset.tokens") + "@example.om";
  const auto orgs = admin().get("/api/v1/organizations?q=Interior");
  auto created = admin().post(
      "/api/v1/users",
      bj::object{{"email", email},
                 {"name_ar", "مستخدم الرموز"},
                 {"name_en", "Tokens"},
                 {"memberships", bj::array{bj::object{{"organization_id", orgs.json().at("items").at(0).at("id")},
                                                      {"role", "viewer"}}}}});
  ASSERT_EQ(created.status, 201);
  auto [code, out] = Server::shared().cli({"token", "create", "--email", email, "--name", "integration"});
  ASSERT_EQ(code, 0) << out;
  Client bot(Server::shared().url());
  bot.use_token(out.substr(out.find("mzt_"), out.find('\n', out.find("mzt_")) - out.find("mzt_")));
  EXPECT_EQ(bot.get("/api/v1/me").status, 200);
  const auto id = created.json().at("user").at("id").as_int64();
  EXPECT_EQ(admin().request("POST", "/api/v1/users/" + std::to_string(id) + "/password-reset").status, 200);
  EXPECT_EQ(bot.get("/api/v1/me").status, 401);
}

TEST(Auth, PasswordChangeChecksTheCurrentOneAndThePolicy) {
  Client c(Server::shared().url());
  ASSERT_EQ(c.login("contributor@demo.manzuma.om").status, 200);
  auto wrong = c.post("/api/v1/me/password", bj::object{{"current_password", "nope"}, {"new_password", "x"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.error_fields(), std::vector<std::string>{"current_password"});
  auto weak = c.post("/api/v1/me/password", bj::object{{"current_password", kDemoPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.error_fields(), std::vector<std::string>{"new_password"});
  EXPECT_EQ(weak.json().at("errors").at(0).at("code").as_string(), "password_too_short");
}

TEST(Auth, PreferencesAreRememberedPerUser) {
  Client c(Server::shared().url());
  ASSERT_EQ(c.login("practice.owner@demo.manzuma.om").status, 200);
  auto r = c.patch("/api/v1/me", bj::object{{"locale", "en"}, {"calendar", "hijri"}, {"digits", "latn"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto me = c.get("/api/v1/me").json().at("user");
  EXPECT_EQ(me.at("locale").as_string(), "en");
  EXPECT_EQ(me.at("calendar").as_string(), "hijri");
  EXPECT_EQ(me.at("digits").as_string(), "latn");
  EXPECT_EQ(c.patch("/api/v1/me", bj::object{{"calendar", "julian"}}).status, 400);
}

TEST(Auth, ApiTokensAuthenticateAndRespectTheirScope) {
  auto created =
      admin().post("/api/v1/tokens", bj::object{{"name", unique("reporting")}, {"scopes", bj::array{"read"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret(created.json().at("secret").as_string());
  EXPECT_EQ(secret.rfind("mzt_", 0), 0u);
  const auto id = created.json().at("token").at("id").as_int64();

  Client bot(Server::shared().url());
  bot.use_token(secret);
  EXPECT_EQ(bot.get("/api/v1/organizations").status, 200);
  auto write = bot.post("/api/v1/organizations",
                        bj::object{{"kind", "ministry"}, {"name_ar", "وزارة الرمز"}, {"name_en", unique("Token")}});
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(write.json().at("code").as_string(), "token_scope");

  // The list never shows the secret again.
  auto list = admin().get("/api/v1/tokens");
  EXPECT_EQ(list.body.find(secret), std::string::npos);

  EXPECT_EQ(admin().del("/api/v1/tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(bot.get("/api/v1/organizations").status, 401);

  Client forged(Server::shared().url());
  forged.use_token("mzt_forged");
  EXPECT_EQ(forged.get("/api/v1/me").status, 401);
}

}  // namespace
}  // namespace manzuma::api_test
