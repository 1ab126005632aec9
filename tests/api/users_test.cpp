// Users and roles: who sees and manages whom, temporary passwords, disabling, memberships.

#include <gtest/gtest.h>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

std::int64_t org_id(std::string_view name_en) {
  auto r = admin().get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + std::string(name_en));
}

const char* kMtcit = "Ministry of Transport, Communications and Information Technology";

bj::object new_user(std::string_view email, std::int64_t org, std::string_view role = "contributor") {
  return bj::object{{"email", email},
                    {"name_ar", "مستخدم تجريبي"},
                    {"name_en", "Test User"},
                    {"memberships", bj::array{bj::object{{"organization_id", org}, {"role", role}}}}};
}

TEST(Users, CreatedUserGetsATemporaryPasswordOnceAndCanSignIn) {
  const auto email = unique("new.user") + "@example.om";
  auto r = admin().post("/api/v1/users", new_user(email, org_id(kMtcit)));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string password(r.json().at("temporary_password").as_string());
  EXPECT_GE(password.size(), 16u);
  EXPECT_EQ(r.json().at("user").at("memberships").at(0).at("role").as_string(), "contributor");
  Client c(Server::shared().url());
  EXPECT_EQ(c.login(email, password).status, 200);
  // Never shown again.
  const auto id = r.json().at("user").at("id").as_int64();
  EXPECT_EQ(admin().get("/api/v1/users/" + std::to_string(id)).body.find(password), std::string::npos);
}

TEST(Users, DuplicateEmailIsNamedAndCaseDoesNotMatter) {
  auto r = admin().post("/api/v1/users", new_user("OFFICE@demo.manzuma.om", org_id(kMtcit)));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"email"});
  EXPECT_EQ(r.json().at("errors").at(0).at("code").as_string(), "duplicate");
}

TEST(Users, CoordinatorSeesOnlyTheirEntityAndOtherIdsAre404) {
  auto& coordinator = as("coordinator@demo.manzuma.om");
  auto list = coordinator.get("/api/v1/users?page[size]=200");
  ASSERT_EQ(list.status, 200);
  for (const auto& u : list.json().at("items").as_array()) {
    bool inside = false;
    for (const auto& m : u.at("memberships").as_array())
      inside = inside || m.at("organization_name_en").as_string() == kMtcit;
    EXPECT_TRUE(inside) << u.at("email").as_string();
  }
  // The viewer works at the Ministry of Interior: invisible to the MTCIT coordinator.
  auto viewer_id = admin().get("/api/v1/users?q=viewer@demo").json().at("items").at(0).at("id").as_int64();
  EXPECT_EQ(coordinator.get("/api/v1/users/" + std::to_string(viewer_id)).status, 404);
  EXPECT_EQ(coordinator.request("POST", "/api/v1/users/" + std::to_string(viewer_id) + "/password-reset").status, 404);
}

TEST(Users, CoordinatorDoesNotLearnAUsersRolesInOtherEntities) {
  const auto email = unique("shared") + "@example.om";
  auto u = admin().post("/api/v1/users", new_user(email, org_id(kMtcit))).json().at("user");
  const auto path = "/api/v1/users/" + std::to_string(u.at("id").as_int64());
  ASSERT_EQ(admin()
                .post(path + "/memberships",
                      bj::object{{"organization_id", org_id("Ministry of Interior")}, {"role", "viewer"}})
                .status,
            201);
  auto& coordinator = as("coordinator@demo.manzuma.om");
  auto only_mtcit = [](const bj::value& user) {
    const auto& ms = user.at("memberships").as_array();
    EXPECT_EQ(ms.size(), 1u);
    for (const auto& m : ms) EXPECT_EQ(m.at("organization_name_en").as_string(), kMtcit);
  };
  auto one = coordinator.get(path);
  ASSERT_EQ(one.status, 200);
  only_mtcit(one.json());
  auto listed = coordinator.get("/api/v1/users?q=" + url_encode(email));
  ASSERT_EQ(listed.json().at("items").as_array().size(), 1u);
  only_mtcit(listed.json().at("items").at(0));
  // The program office still sees both roles.
  EXPECT_EQ(admin().get(path).json().at("memberships").as_array().size(), 2u);
}

TEST(Users, CoordinatorCannotGrantNationalRolesOrRolesElsewhere) {
  auto& coordinator = as("coordinator@demo.manzuma.om");
  EXPECT_EQ(
      coordinator.post("/api/v1/users", new_user(unique("x") + "@example.om", org_id(kMtcit), "program_office")).status,
      403);
  EXPECT_EQ(
      coordinator.post("/api/v1/users", new_user(unique("y") + "@example.om", org_id("Ministry of Interior"))).status,
      403);
  auto ok =
      coordinator.post("/api/v1/users", new_user(unique("z") + "@example.om", org_id(kMtcit), "change_team_head"));
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST(Users, DisablingEndsSessionsAndResetChangesThePassword) {
  const auto email = unique("leaver") + "@example.om";
  auto created = admin().post("/api/v1/users", new_user(email, org_id(kMtcit)));
  ASSERT_EQ(created.status, 201);
  auto user = created.json().at("user");
  const auto path = "/api/v1/users/" + std::to_string(user.at("id").as_int64());
  Client c(Server::shared().url());
  ASSERT_EQ(c.login(email, created.json().at("temporary_password").as_string()).status, 200);

  auto reset = admin().request("POST", path + "/password-reset");
  ASSERT_EQ(reset.status, 200);
  EXPECT_EQ(c.get("/api/v1/me").status, 401);  // the reset ended the session
  ASSERT_EQ(c.login(email, reset.json().at("temporary_password").as_string()).status, 200);

  auto off = admin().put(path, bj::object{{"email", email},
                                          {"name_ar", user.at("name_ar")},
                                          {"name_en", "Leaver"},
                                          {"national_id", nullptr},
                                          {"locale", "ar"},
                                          {"active", false},
                                          {"version", user.at("version")}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(c.get("/api/v1/me").status, 401);
  EXPECT_EQ(c.login(email, reset.json().at("temporary_password").as_string()).status, 401);
}

TEST(Users, MembershipsCanBeAddedAndRemovedButNotTheLastOne) {
  const auto email = unique("roles") + "@example.om";
  auto u = admin().post("/api/v1/users", new_user(email, org_id(kMtcit))).json().at("user");
  const auto path = "/api/v1/users/" + std::to_string(u.at("id").as_int64());
  auto added =
      admin().post(path + "/memberships", bj::object{{"organization_id", org_id("OQ Group")}, {"role", "viewer"}});
  ASSERT_EQ(added.status, 201) << added.body;
  ASSERT_EQ(added.json().at("memberships").as_array().size(), 2u);
  auto again =
      admin().post(path + "/memberships", bj::object{{"organization_id", org_id("OQ Group")}, {"role", "viewer"}});
  EXPECT_EQ(again.status, 400);
  const auto first = added.json().at("memberships").at(0).at("id").as_int64();
  const auto second = added.json().at("memberships").at(1).at("id").as_int64();
  EXPECT_EQ(admin().del(path + "/memberships/" + std::to_string(first)).status, 200);
  auto last = admin().del(path + "/memberships/" + std::to_string(second));
  EXPECT_EQ(last.status, 409);
  EXPECT_EQ(last.json().at("code").as_string(), "last_membership");
}

TEST(Users, NationalIdMustBeDigits) {
  auto body = new_user(unique("nid") + "@example.om", org_id(kMtcit));
  body["national_id"] = "12ab";
  auto r = admin().post("/api/v1/users", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"national_id"});
}

}  // namespace
}  // namespace manzuma::api_test
