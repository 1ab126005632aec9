#include "http/dispatcher.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace manzuma::http {
namespace {

struct Echo {
  std::string who;
};
BOOST_DESCRIBE_STRUCT(Echo, (), (who))

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() {
    router_.get<Echo>("/public", {.action = kPublic, .summary = "p"}, [](Context&) { return Echo{"anyone"}; });
    router_.get<Echo>("/private", {.action = "things.read", .summary = "p"},
                      [](Context& c) { return Echo{c.actor().email}; });
    router_.get<Echo>("/boom", {.action = kPublic, .summary = "b"},
                      [](Context&) -> Echo { throw std::runtime_error("SELECT secret FROM users"); });
    dispatcher_.set_authenticator([](const Request& r, bool) -> std::optional<core::Actor> {
      if (r.header("authorization") != "Bearer good") return std::nullopt;
      core::Actor a;
      a.email = "someone@example.om";
      return a;
    });
    dispatcher_.set_authorizer([](const core::Actor&, std::string_view action) { return action == "things.read"; });
  }
  Response get(std::string path, Fields headers = {}) {
    Request r;
    r.method = Method::get;
    r.path = std::move(path);
    r.headers = std::move(headers);
    return dispatcher_.handle(r);
  }
  core::Config config_;
  Router router_;
  Metrics metrics_;
  Dispatcher dispatcher_{router_, config_, metrics_, nullptr};
};

TEST_F(DispatcherTest, ACheckedRouteRefusesBeforeItReadsTheBody) {
  router_.checked<Echo, Echo>(
      Method::put, "/things/{id}", {.action = kPublic, .summary = "c"},
      [](Context& c) {
        if (c.param("id") != "1") throw core::Error::not_found("غير موجود", "Not found");
      },
      [](Context&, Echo in) { return in; });
  auto put = [&](std::string path, std::string body) {
    Request r;
    r.method = Method::put;
    r.path = std::move(path);
    r.headers = {{"content-type", "application/json"}};
    r.body = std::move(body);
    return dispatcher_.handle(r);
  };
  EXPECT_EQ(put("/things/2", "not json").status, 404);  // hidden: the body is never looked at
  EXPECT_EQ(put("/things/1", "not json").status, 400);
  const auto ok = put("/things/1", R"({"who":"me"})");
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("me"), std::string::npos);
}

TEST_F(DispatcherTest, TheAccessLogNeverWritesASecretPathParameter) {
  router_.get<Echo>("/links/{token}", {.action = kPublic, .summary = "l", .secret_in_path = true},
                    [](Context& c) { return Echo{std::string(c.param("token"))}; });
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  auto capture = std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  capture->set_level(spdlog::level::info);
  spdlog::set_default_logger(capture);
  const auto answered = get("/links/s3cr3t-t0ken");
  const auto other = get("/public");
  spdlog::set_default_logger(previous);
  EXPECT_EQ(answered.status, 200);
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(log.str().find("s3cr3t-t0ken"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find(R"("path":"/links/{token}")"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find(R"("path":"/public")"), std::string::npos) << log.str();
}

TEST_F(DispatcherTest, AuthenticationAndThePolicyGate) {
  EXPECT_EQ(get("/public").status, 200);
  EXPECT_EQ(get("/private").status, 401);
  auto ok = get("/private", {{"authorization", "Bearer good"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, R"({"who":"someone@example.om"})");
}

TEST_F(DispatcherTest, InternalErrorsHideTheirDetail) {
  auto r = get("/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
}

TEST_F(DispatcherTest, ProblemsSpeakTheRequestedLanguage) {
  auto ar = get("/nowhere");
  auto en = get("/nowhere", {{"accept-language", "en-GB,en;q=0.9,ar;q=0.8"}});
  EXPECT_NE(ar.body.find("\"detail\":\"المسار المطلوب غير موجود\""), std::string::npos) << ar.body;
  EXPECT_NE(en.body.find("\"detail\":\"No such path\""), std::string::npos) << en.body;
}

TEST_F(DispatcherTest, UploadsGetTheUploadLimit) {
  Request r;
  r.headers = {{"content-type", "multipart/form-data; boundary=x"}};
  EXPECT_EQ(dispatcher_.body_limit(r), config_.http.max_upload_bytes);
  r.headers = {{"content-type", "application/json"}};
  EXPECT_EQ(dispatcher_.body_limit(r), config_.http.max_json_body_bytes);
}

TEST_F(DispatcherTest, MetricsCountByRouteTemplate) {
  get("/private", {{"authorization", "Bearer good"}});
  const auto text = metrics_.render({});
  EXPECT_NE(text.find("route=\"/private\",status=\"200\"} 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace manzuma::http
