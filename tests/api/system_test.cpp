// Health, readiness, metrics, the OpenAPI document, routing errors and headers every response carries.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

TEST(System, HealthAndReadiness) {
  Client c(Server::shared().url());
  auto h = c.get("/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.json().at("status").as_string(), "ok");
  auto r = c.get("/readyz");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("migrations_applied").as_int64(), r.json().at("migrations_known").as_int64());
}

TEST(System, EveryResponseCarriesSecurityHeadersAndARequestId) {
  Client c(Server::shared().url());
  for (const char* path : {"/healthz", "/api/v1/me", "/api/v1/nowhere"}) {
    auto r = c.get(path);
    EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(r.header("referrer-policy"), "same-origin") << path;
    EXPECT_FALSE(r.header("x-request-id").empty()) << path;
  }
  // A well-formed request id from a proxy is kept; a hostile one is replaced.
  EXPECT_EQ(c.request("GET", "/healthz", std::nullopt, {"X-Request-Id: abc-123"}).header("x-request-id"), "abc-123");
  EXPECT_NE(c.request("GET", "/healthz", std::nullopt, {"X-Request-Id: a\"b<script>"}).header("x-request-id"),
            "a\"b<script>");
}

TEST(System, UnknownPathIs404ProblemAndWrongMethodIs405WithAllow) {
  Client c(Server::shared().url());
  auto nf = c.get("/api/v1/nowhere");
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(nf.header("content-type"), "application/problem+json");
  EXPECT_EQ(nf.json().at("status").as_int64(), 404);
  EXPECT_FALSE(nf.json().at("detail_ar").as_string().empty());
  EXPECT_FALSE(nf.json().at("detail_en").as_string().empty());

  auto na = c.request("DELETE", "/healthz");
  EXPECT_EQ(na.status, 405);
  EXPECT_EQ(na.header("allow"), "GET, HEAD, OPTIONS");

  auto opt = c.request("OPTIONS", "/api/v1/organizations");
  EXPECT_EQ(opt.status, 204);
  EXPECT_EQ(opt.header("allow"), "GET, POST, HEAD, OPTIONS");
}

TEST(System, HeadAnswersLikeGetWithoutABody) {
  Client c(Server::shared().url());
  auto get = c.get("/healthz");
  auto head = c.request("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

TEST(System, OpenApiDescribesEveryRouteWithItsPolicy) {
  Client c(Server::shared().url());
  auto r = c.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = r.json();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  ASSERT_TRUE(paths.contains("/api/v1/organizations/{id}"));
  const auto& put = paths.at("/api/v1/organizations/{id}").at("put").as_object();
  EXPECT_EQ(put.at("x-policy").as_string(), "organizations.update");
  EXPECT_EQ(put.at("requestBody").at("content").at("application/json").at("schema").at("$ref").as_string(),
            "#/components/schemas/OrganizationUpdate");
  const auto& schema = doc.at("components").at("schemas").at("OrganizationUpdate").as_object();
  EXPECT_FALSE(schema.at("additionalProperties").as_bool());
  EXPECT_TRUE(schema.at("properties").as_object().contains("version"));
}

TEST(System, MetricsCountRequestsByRoute) {
  Client c(Server::shared().url());
  c.get("/healthz");
  auto m = c.get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("manzuma_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(m.body.find("manzuma_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(m.body.find("manzuma_db_pool_size"), std::string::npos);
  EXPECT_NE(m.body.find("manzuma_uptime_seconds"), std::string::npos);
}

TEST(System, ServesTheWebAppWithClientRoutesAndLongCachedAssets) {
  Server s(ServerOptions{.seed_demo = false});
  Client c(s.url());
  // Before the app is built: a bilingual page, not a bare 404.
  auto placeholder = c.get("/");
  EXPECT_EQ(placeholder.status, 200);
  EXPECT_EQ(placeholder.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(placeholder.body.find("dir=\"rtl\""), std::string::npos);
  EXPECT_NE(placeholder.body.find("The server is running"), std::string::npos);

  const std::string web = s.work_dir() + "/web";
  std::filesystem::create_directories(web + "/assets");
  std::ofstream(web + "/index.html") << "<!doctype html><title>منظومة</title>";
  std::ofstream(web + "/assets/app-3f9a.js") << "console.log('منظومة')";
  auto route = c.get("/admin/users");  // a client-side route gets the app
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, "<!doctype html><title>منظومة</title>");
  EXPECT_EQ(route.header("cache-control"), "no-cache");
  auto asset = c.get("/assets/app-3f9a.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(asset.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(c.get("/assets/missing-1234.js").status, 404);
  EXPECT_EQ(c.get("/../../etc/passwd").status, 404);
  EXPECT_EQ(c.get("/%2e%2e/%2e%2e/etc/passwd").status, 404);
  auto api = c.get("/api/v1/nothing-here");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
}

TEST(System, CommandLineTakesGlobalOptionsBeforeOrAfterTheCommand) {
  const auto& s = Server::shared();
  auto [after, out1] = s.cli({"migrate", "--log-format", "text", "--log-level", "warn"});
  EXPECT_EQ(after, 0) << out1;
  EXPECT_NE(out1.find("the schema is current"), std::string::npos);
  auto [before, out2] = s.cli({"--log-level", "warn", "seed", "demo"});
  EXPECT_EQ(before, 0) << out2;
  EXPECT_NE(out2.find("already loaded"), std::string::npos);
  auto [version, out3] = s.cli({"version"});
  EXPECT_EQ(version, 0);
  EXPECT_EQ(out3.rfind("manzuma ", 0), 0u);
  auto [bad, out4] = s.cli({"migrate", "--no-such-flag"});
  EXPECT_NE(bad, 0);
}

TEST(System, AccountCommandsCreateUsersPasswordsAndTokensThatWork) {
  const auto& s = Server::shared();
  const auto interior = admin().get("/api/v1/organizations?q=Interior");
  const auto org = std::to_string(interior.json().at("items").at(0).at("id").as_int64());
  const auto email = unique("cli.user") + "@example.om";
  auto [code, out] = s.cli({"user", "add", "--email", email, "--name-ar", "مستخدم سطر الأوامر", "--name-en", "CLI User",
                            "--organization", org, "--role", "viewer"});
  ASSERT_EQ(code, 0) << out;
  const auto pw = out.substr(out.find("shown once): ") + 13, 20);
  Client c(s.url());
  EXPECT_EQ(c.login(email, pw).status, 200);

  auto [set, set_out] = s.cli({"user", "passwd", "--email", email}, "Another-Strong-Passphrase-9\n");
  EXPECT_EQ(set, 0) << set_out;
  EXPECT_EQ(c.get("/api/v1/me").status, 401);  // sessions ended
  EXPECT_EQ(c.login(email, "Another-Strong-Passphrase-9").status, 200);
  auto [weak, weak_out] = s.cli({"user", "passwd", "--email", email}, "short\n");
  EXPECT_EQ(weak, 1);

  auto [tok, tok_out] = s.cli({"token", "create", "--email", email, "--name", "cli token", "--days", "7"});
  ASSERT_EQ(tok, 0) << tok_out;
  const auto secret =
      tok_out.substr(tok_out.find("mzt_"), tok_out.find('\n', tok_out.find("mzt_")) - tok_out.find("mzt_"));
  Client bot(s.url());
  bot.use_token(secret);
  EXPECT_EQ(bot.get("/api/v1/me").status, 200);
  auto [bad_role, bad_out] = s.cli({"user", "add", "--email", unique("x") + "@example.om", "--name-ar", "س",
                                    "--name-en", "X", "--organization", org, "--role", "emperor"});
  EXPECT_EQ(bad_role, 1);
}

TEST(System, GracefulStopExitsCleanly) {
  Server s(ServerOptions{.seed_demo = false});
  Client c(s.url());
  EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(s.stop(), 0);
}

}  // namespace
}  // namespace manzuma::api_test
