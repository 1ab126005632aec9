// The audit log: every write leaves a row; the chain shows tampering, from the API and the CLI.

#include <gtest/gtest.h>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

TEST(Audit, EveryWriteIsRecordedWithActorRequestAndChangedFields) {
  auto& c = admin();
  const auto name = unique("Audited");
  auto created =
      c.request("POST", "/api/v1/organizations",
                bj::serialize(bj::object{{"kind", "authority"}, {"name_ar", "هيئة مدققة"}, {"name_en", name}}),
                {"X-Request-Id: audit-" + name});
  ASSERT_EQ(created.status, 201);
  const auto id = std::to_string(created.json().at("id").as_int64());
  auto log = c.get("/api/v1/audit?filter[resource_type]=organization&filter[resource_id]=" + id);
  ASSERT_EQ(log.status, 200);
  ASSERT_EQ(log.json().at("total").as_int64(), 1);
  const auto& row = log.json().at("items").at(0);
  EXPECT_EQ(row.at("action").as_string(), "organization.create");
  EXPECT_EQ(row.at("actor_label").as_string(), "admin@manzuma.local");
  EXPECT_EQ(row.at("request_id").as_string(), "audit-" + name);
  EXPECT_EQ(row.at("remote_address").as_string(), "127.0.0.1");
  EXPECT_NE(row.at("changes").as_string().find(name), std::string::npos);
}

TEST(Audit, SignInsAndFailuresAreRecordedButPasswordsNever) {
  Client c(Server::shared().url());
  c.login("assessor@demo.manzuma.om", "a-wrong-password-123");
  auto log = admin().get("/api/v1/audit?filter[action]=auth.login_failed");
  ASSERT_EQ(log.status, 200);
  EXPECT_GE(log.json().at("total").as_int64(), 1);
  EXPECT_EQ(log.body.find("a-wrong-password-123"), std::string::npos);
}

TEST(Audit, OnlyTheProgramOfficeReadsIt) {
  EXPECT_EQ(as("office@demo.manzuma.om").get("/api/v1/audit").status, 200);
  EXPECT_EQ(as("coordinator@demo.manzuma.om").get("/api/v1/audit").status, 403);
  EXPECT_EQ(as("viewer@demo.manzuma.om").get("/api/v1/audit/verify").status, 403);
}

TEST(Audit, TamperingIsFoundByVerifyNamingTheRow) {
  Server s;  // its own database: this test edits rows behind the server's back
  Client c(s.url());
  ASSERT_EQ(c.login("admin@manzuma.local", s.admin_password()).status, 200);
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(c.post("/api/v1/organizations", bj::object{{"kind", "authority"},
                                                         {"name_ar", "هيئة رقم " + std::to_string(i)},
                                                         {"name_en", unique("Chain")}})
                  .status,
              201);
  auto intact = c.get("/api/v1/audit/verify");
  ASSERT_EQ(intact.status, 200);
  EXPECT_TRUE(intact.json().at("intact").as_bool());
  const auto checked = intact.json().at("checked").as_int64();
  EXPECT_GT(checked, 3);
  auto [ok_code, ok_out] = s.cli({"audit", "verify"});
  EXPECT_EQ(ok_code, 0) << ok_out;
  EXPECT_NE(ok_out.find("intact"), std::string::npos);

  s.sql("UPDATE audit_log SET actor_label = 'someone-else' WHERE seq = 5");
  auto broken = c.get("/api/v1/audit/verify").json();
  EXPECT_FALSE(broken.at("intact").as_bool());
  EXPECT_EQ(broken.at("first_bad_seq").as_int64(), 5);
  EXPECT_EQ(broken.at("problem").as_string(), "altered");
  auto [code, out] = s.cli({"audit", "verify"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("row 5 was altered"), std::string::npos) << out;
}

TEST(Audit, DeletingTheNewestRowsIsFound) {
  Server s(ServerOptions{.seed_demo = false});
  Client c(s.url());
  ASSERT_EQ(c.login("admin@manzuma.local", s.admin_password()).status, 200);
  ASSERT_EQ(c.post("/api/v1/organizations",
                   bj::object{{"kind", "authority"}, {"name_ar", "هيئة أخيرة"}, {"name_en", unique("Tail")}})
                .status,
            201);
  s.sql("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
  auto [code, out] = s.cli({"audit", "verify"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("deleted"), std::string::npos) << out;
}

}  // namespace
}  // namespace manzuma::api_test
