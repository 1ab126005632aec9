// Every class of bad input gets a clear 4xx problem naming the field, in Arabic and English; never a 500,
// a hang, or a partial write.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

void expect_problem(const Response& r, long status, std::string_view code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  auto j = r.json();
  EXPECT_EQ(j.at("code").as_string(), code) << r.body;
  EXPECT_FALSE(j.at("detail_ar").as_string().empty());
  EXPECT_FALSE(j.at("detail_en").as_string().empty());
}

std::int64_t org_count(Client& c) { return c.get("/api/v1/organizations?page[size]=1").json().at("total").as_int64(); }

TEST(BadInput, WrongTypesAndUnknownFieldsNameEachField) {
  auto& c = admin();
  auto r =
      c.post("/api/v1/organizations",
             bj::object{{"kind", "kingdom"}, {"name_ar", 7}, {"name_en", true}, {"parent_id", "x"}, {"colour", 1}});
  expect_problem(r, 400, "validation_failed");
  auto fields = r.error_fields();
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"colour", "kind", "name_ar", "name_en", "parent_id"}));
  for (const auto& e : r.json().at("errors").as_array()) {
    EXPECT_FALSE(e.at("message_ar").as_string().empty());
    EXPECT_FALSE(e.at("message_en").as_string().empty());
  }
}

TEST(BadInput, MalformedJsonBrokenUtf8AndDeepNesting) {
  auto& c = admin();
  expect_problem(c.request("POST", "/api/v1/organizations", std::string("{\"kind\":")), 400, "malformed_json");
  expect_problem(c.request("POST", "/api/v1/organizations",
                           std::string("{\"kind\":\"ministry\",\"name_ar\":\"\xD9\",\"name_en\":\"x\"}")),
                 400, "invalid_utf8");
  expect_problem(c.request("POST", "/api/v1/organizations", std::string(200, '[') + std::string(200, ']')), 400,
                 "too_deep");
  expect_problem(c.request("POST", "/api/v1/organizations", std::string("[]")), 400, "validation_failed");
  expect_problem(c.request("POST", "/api/v1/organizations", std::string()), 400, "empty_body");
}

TEST(BadInput, WrongContentTypeIs415) {
  auto r = admin().request("POST", "/api/v1/organizations", std::string("kind=ministry"),
                           {"Content-Type: application/x-www-form-urlencoded"});
  expect_problem(r, 415, "unsupported_media_type");
}

TEST(BadInput, OversizeBodyIs413AndNothingIsWritten) {
  auto& c = admin();
  const auto before = org_count(c);
  std::string huge =
      "{\"kind\":\"ministry\",\"name_ar\":\"" + std::string(2 * 1024 * 1024, 'a') + "\",\"name_en\":\"x\"}";
  auto r = c.request("POST", "/api/v1/organizations", huge);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(org_count(c), before);
  EXPECT_EQ(c.get("/healthz").status, 200);  // the server is fine afterwards
}

TEST(BadInput, TooLongTooShortAndInvisibleNames) {
  auto r =
      admin().post("/api/v1/organizations",
                   bj::object{{"kind", "ministry"}, {"name_ar", "\u200f \u00a0"}, {"name_en", std::string(201, 'x')}});
  expect_problem(r, 400, "validation_failed");
  auto j = r.json();
  std::map<std::string, std::string> codes;
  for (const auto& e : j.at("errors").as_array())
    codes[std::string(e.at("field").as_string())] = e.at("code").as_string();
  EXPECT_EQ(codes["name_ar"], "required");
  EXPECT_EQ(codes["name_en"], "too_long");
  auto latin = admin().post("/api/v1/organizations",
                            bj::object{{"kind", "ministry"}, {"name_ar", "Ministry"}, {"name_en", unique("Latin")}});
  EXPECT_EQ(latin.json().at("errors").at(0).at("code").as_string(), "not_arabic");
}

TEST(BadInput, SqlAndHtmlAreStoredAsTextNeverExecuted) {
  auto& c = admin();
  const std::string sql = "x'); DROP TABLE organizations; -- " + unique("q");
  const std::string html = "<script>alert('x')</script> هيئة";
  auto r = c.post("/api/v1/organizations", bj::object{{"kind", "authority"}, {"name_ar", html}, {"name_en", sql}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto back = c.get("/api/v1/organizations/" + std::to_string(r.json().at("id").as_int64()));
  EXPECT_EQ(back.json().at("name_en").as_string(), sql);
  EXPECT_EQ(back.json().at("name_ar").as_string(), html);
  EXPECT_EQ(back.header("content-type"), "application/json");
  // Search with LIKE wildcards and quotes finds literally.
  auto s = c.get("/api/v1/organizations?q=%25%27%22_");
  EXPECT_EQ(s.status, 200);
  EXPECT_EQ(s.json().at("total").as_int64(), 0);
}

TEST(BadInput, BadIdsAndQueryParameters) {
  auto& c = admin();
  expect_problem(c.get("/api/v1/organizations/abc"), 404, "not_found");
  expect_problem(c.get("/api/v1/organizations/-1"), 404, "not_found");
  expect_problem(c.get("/api/v1/organizations/99999999999999999999"), 404, "not_found");
  expect_problem(c.get("/api/v1/organizations/987654321"), 404, "not_found");
  expect_problem(c.get("/api/v1/organizations?page[size]=0"), 400, "validation_failed");
  expect_problem(c.get("/api/v1/organizations?page[size]=abc"), 400, "validation_failed");
  expect_problem(c.get("/api/v1/organizations?page[after]=not-a-cursor"), 400, "validation_failed");
  expect_problem(c.get("/api/v1/organizations?filter[password]=x"), 400, "validation_failed");
  expect_problem(c.get("/api/v1/organizations?sort=password_hash"), 400, "validation_failed");
  expect_problem(c.get("/api/v1/organizations?filter[parent_id]=1;DROP"), 400, "validation_failed");
  // A parameter that is not UTF-8 is named like any other bad parameter.
  auto broken = c.get("/api/v1/organizations?q=%FF%FE");
  expect_problem(broken, 400, "validation_failed");
  EXPECT_EQ(broken.error_fields(), std::vector<std::string>{"q"});
  expect_problem(c.get("/api/v1/organizations/%FF"), 400, "bad_request");
  auto ref = c.post(
      "/api/v1/organizations",
      bj::object{
          {"kind", "authority"}, {"name_ar", "هيئة بلا أم"}, {"name_en", unique("Orphan")}, {"parent_id", 987654321}});
  EXPECT_EQ(ref.status, 400);
  EXPECT_EQ(ref.error_fields(), std::vector<std::string>{"parent_id"});
}

TEST(BadInput, ARetriedPostWithAnIdempotencyKeyWritesOnce) {
  auto& c = admin();
  const auto key = "Idempotency-Key: " + unique("retry");
  const auto body =
      bj::serialize(bj::object{{"kind", "authority"}, {"name_ar", "هيئة المحاولة"}, {"name_en", unique("Retry")}});
  const auto before = org_count(c);
  auto first = c.request("POST", "/api/v1/organizations", body, {key});
  auto again = c.request("POST", "/api/v1/organizations", body, {key});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json().at("id"), first.json().at("id"));
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(org_count(c), before + 1);
  auto other = c.request(
      "POST", "/api/v1/organizations",
      bj::serialize(bj::object{{"kind", "authority"}, {"name_ar", "هيئة أخرى"}, {"name_en", unique("Other")}}), {key});
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(other.json().at("code").as_string(), "idempotency_key_reused");
}

TEST(BadInput, ConcurrentEditsOfOneRecordLeaveExactlyOneWinner) {
  auto& c = admin();
  auto o = c.post("/api/v1/organizations",
                  bj::object{{"kind", "authority"}, {"name_ar", "هيئة التزامن"}, {"name_en", unique("Race")}})
               .json();
  const auto path = "/api/v1/organizations/" + std::to_string(o.at("id").as_int64());
  // Six editors, already signed in, save the same version at once.
  std::vector<std::unique_ptr<Client>> editors;
  for (int i = 0; i < 6; ++i) {
    editors.push_back(std::make_unique<Client>(Server::shared().url()));
    ASSERT_EQ(editors.back()->login("admin@manzuma.local", Server::shared().admin_password()).status, 200);
  }
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, conflict{0}, other{0};
  std::mutex mu;
  std::string others;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      auto r = editors[i]->put(path, bj::object{{"kind", "authority"},
                                                {"name_ar", o.at("name_ar")},
                                                {"name_en", unique("Racer" + std::to_string(i))},
                                                {"parent_id", nullptr},
                                                {"governorate_id", nullptr},
                                                {"country", "OM"},
                                                {"active", true},
                                                {"version", 1}});
      (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
      if (r.status != 200 && r.status != 409) {
        std::lock_guard lock(mu);
        others += std::to_string(r.status) + ": " + r.body + "\n";
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 5);
  EXPECT_EQ(other.load(), 0) << others;
  EXPECT_EQ(c.get(path).json().at("version").as_int64(), 2);
}

}  // namespace
}  // namespace manzuma::api_test
