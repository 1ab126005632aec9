// Organisations: the tree, validation, duplicates, moves, concurrent edits, paging, entity scope.

#include <gtest/gtest.h>

#include <set>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

std::int64_t id_by_name(Client& c, const std::string& name_en) {
  auto r = c.get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation named " + name_en);
}

bj::object org(std::string_view name_en, std::optional<std::int64_t> parent = std::nullopt,
               std::string_view kind = "authority") {
  bj::object o{{"kind", kind}, {"name_ar", "هيئة " + std::string(name_en)}, {"name_en", name_en}};
  if (parent) o["parent_id"] = *parent;
  return o;
}

TEST(Organizations, DemoDirectoryIsThereInArabicAndEnglish) {
  auto r = as("viewer@demo.manzuma.om").get("/api/v1/organizations?filter[kind]=governorate&page[size]=50");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json().at("total").as_int64(), 11);
  auto mol = as("viewer@demo.manzuma.om").get("/api/v1/organizations?q=Labour");
  EXPECT_EQ(mol.json().at("items").at(0).at("name_ar").as_string(), "وزارة العمل");
}

TEST(Organizations, CreateEditAndMoveKeepTheTreeConsistent) {
  auto& c = admin();
  const auto parent_name = unique("Parent");
  auto p = c.post("/api/v1/organizations", org(parent_name, std::nullopt, "ministry"));
  ASSERT_EQ(p.status, 201) << p.body;
  const auto pid = p.json().at("id").as_int64();
  EXPECT_EQ(p.json().at("path").as_string(), "/" + std::to_string(pid) + "/");

  auto child = c.post("/api/v1/organizations", org(unique("Child"), pid));
  ASSERT_EQ(child.status, 201);
  const auto cid = child.json().at("id").as_int64();
  auto grandchild = c.post("/api/v1/organizations", org(unique("Grandchild"), cid));
  ASSERT_EQ(grandchild.status, 201);
  const auto gid = grandchild.json().at("id").as_int64();

  // Move the child (and so the grandchild) to the top.
  auto body = child.json().as_object();
  bj::object update{{"kind", body.at("kind")}, {"name_ar", body.at("name_ar")}, {"name_en", body.at("name_en")},
                    {"parent_id", nullptr},    {"governorate_id", nullptr},     {"country", "OM"},
                    {"active", true},          {"version", body.at("version")}};
  auto moved = c.put("/api/v1/organizations/" + std::to_string(cid), update);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("version").as_int64(), 2);
  auto g = c.get("/api/v1/organizations/" + std::to_string(gid));
  EXPECT_EQ(g.json().at("path").as_string(), "/" + std::to_string(cid) + "/" + std::to_string(gid) + "/");

  // Subtree listing follows the move.
  auto within = c.get("/api/v1/organizations?filter[within]=" + std::to_string(pid));
  EXPECT_EQ(within.json().at("total").as_int64(), 1);
}

TEST(Organizations, ACycleIsRefusedNamingParentId) {
  auto& c = admin();
  auto a = c.post("/api/v1/organizations", org(unique("CycleA"), std::nullopt, "ministry")).json();
  auto b = c.post("/api/v1/organizations", org(unique("CycleB"), a.at("id").as_int64())).json();
  bj::object update{{"kind", "ministry"},      {"name_ar", a.at("name_ar")}, {"name_en", a.at("name_en")},
                    {"parent_id", b.at("id")}, {"governorate_id", nullptr},  {"country", "OM"},
                    {"active", true},          {"version", a.at("version")}};
  auto r = c.put("/api/v1/organizations/" + std::to_string(a.at("id").as_int64()), update);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_fields(), std::vector<std::string>{"parent_id"});
  EXPECT_EQ(r.json().at("errors").at(0).at("code").as_string(), "cycle");
}

TEST(Organizations, DuplicateNamesUnderOneParentAreRefusedButAllowedElsewhere) {
  auto& c = admin();
  const auto name = unique("Twin");
  auto parent = c.post("/api/v1/organizations", org(unique("TwinParent"), std::nullopt, "ministry")).json();
  ASSERT_EQ(c.post("/api/v1/organizations", org(name)).status, 201);
  auto dup = c.post("/api/v1/organizations", org(name));
  EXPECT_EQ(dup.status, 400);
  auto fields = dup.error_fields();
  EXPECT_NE(std::find(fields.begin(), fields.end(), "name_en"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "name_ar"), fields.end());
  EXPECT_EQ(c.post("/api/v1/organizations", org(name, parent.at("id").as_int64())).status, 201);
}

TEST(Organizations, AStaleVersionIs409AndNothingIsLost) {
  auto& c = admin();
  auto o = c.post("/api/v1/organizations", org(unique("Stale"))).json();
  const auto path = "/api/v1/organizations/" + std::to_string(o.at("id").as_int64());
  auto edit = [&](std::string_view name_en, std::int64_t version) {
    return c.put(path, bj::object{{"kind", "authority"},
                                  {"name_ar", o.at("name_ar")},
                                  {"name_en", name_en},
                                  {"parent_id", nullptr},
                                  {"governorate_id", nullptr},
                                  {"country", "OM"},
                                  {"active", true},
                                  {"version", version}});
  };
  const auto first = unique("First");
  ASSERT_EQ(edit(first, 1).status, 200);
  auto second = edit(unique("Second"), 1);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.json().at("code").as_string(), "stale_version");
  EXPECT_EQ(second.json().at("field").as_string(), "version");
  EXPECT_EQ(c.get(path).json().at("name_en").as_string(), first);
}

TEST(Organizations, PagesFollowTheCursorWithoutGapsOrRepeats) {
  auto& c = admin();
  auto root = c.post("/api/v1/organizations", org(unique("PagingRoot"), std::nullopt, "ministry")).json();
  const auto rid = root.at("id").as_int64();
  for (int i = 0; i < 7; ++i) ASSERT_EQ(c.post("/api/v1/organizations", org(unique("Page"), rid)).status, 201);
  std::set<std::int64_t> seen;
  std::string next = "/api/v1/organizations?filter[parent_id]=" + std::to_string(rid) + "&sort=-name_en&page[size]=3";
  int pages = 0;
  for (;;) {
    auto r = c.get(next);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("total").as_int64(), 7);
    for (const auto& o : r.json().at("items").as_array()) EXPECT_TRUE(seen.insert(o.at("id").as_int64()).second);
    ++pages;
    if (r.json().at("next").is_null()) break;
    next = "/api/v1/organizations?filter[parent_id]=" + std::to_string(rid) +
           "&sort=-name_en&page[size]=3&page[after]=" + std::string(r.json().at("next").as_string());
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(pages, 3);
}

TEST(Organizations, ACoordinatorActsOnlyInsideTheirEntity) {
  auto& coordinator = as("coordinator@demo.manzuma.om");
  const auto mtcit = id_by_name(coordinator, "Ministry of Transport, Communications and Information Technology");
  const auto interior = id_by_name(coordinator, "Ministry of Interior");
  auto inside = coordinator.post("/api/v1/organizations", org(unique("MTCIT Directorate"), mtcit));
  EXPECT_EQ(inside.status, 201) << inside.body;
  EXPECT_EQ(coordinator.post("/api/v1/organizations", org(unique("Intruder"), interior)).status, 403);
  EXPECT_EQ(coordinator.post("/api/v1/organizations", org(unique("Top level"))).status, 403);
  // The directory itself stays readable to every role.
  EXPECT_EQ(as("viewer@demo.manzuma.om").get("/api/v1/organizations/" + std::to_string(interior)).status, 200);
  EXPECT_EQ(as("viewer@demo.manzuma.om").post("/api/v1/organizations", org(unique("Viewer"))).status, 403);
}

}  // namespace
}  // namespace manzuma::api_test

namespace manzuma::api_test {
namespace {

bj::object update_of(const bj::value& o, std::optional<std::int64_t> parent, bool active, std::string_view kind = "") {
  return bj::object{{"kind", kind.empty() ? o.at("kind") : bj::value(kind)},
                    {"name_ar", o.at("name_ar")},
                    {"name_en", o.at("name_en")},
                    {"parent_id", parent ? bj::value(*parent) : bj::value(nullptr)},
                    {"governorate_id", nullptr},
                    {"country", o.at("country")},
                    {"active", active},
                    {"version", o.at("version")}};
}

TEST(Organizations, ACoordinatorCannotCutOffTheProgramOfficeOrTheirOwnEntity) {
  // A coordinator of the Ministry of Labour, the parent of the program office.
  const auto labour = id_by_name(admin(), "Ministry of Labour");
  const auto office = id_by_name(admin(), "Directorate General of Development and Quality Assurance");
  const auto email = unique("labour.coord") + "@example.om";
  auto created = admin().post(
      "/api/v1/users",
      bj::object{{"email", email},
                 {"name_ar", "منسق العمل"},
                 {"name_en", "Labour"},
                 {"memberships", bj::array{bj::object{{"organization_id", labour}, {"role", "entity_coordinator"}}}}});
  ASSERT_EQ(created.status, 201);
  Client c(Server::shared().url());
  ASSERT_EQ(c.login(email, created.json().at("temporary_password").as_string()).status, 200);

  const auto off = c.get("/api/v1/organizations/" + std::to_string(office));
  EXPECT_EQ(c.put("/api/v1/organizations/" + std::to_string(office), update_of(off.json(), labour, false)).status, 403);
  const auto own = c.get("/api/v1/organizations/" + std::to_string(labour));
  // Deactivating their own ministry would also cut off the program office beneath it.
  EXPECT_EQ(c.put("/api/v1/organizations/" + std::to_string(labour), update_of(own.json(), std::nullopt, false)).status,
            403);
  auto unit = c.post("/api/v1/organizations", org(unique("Labour Unit"), labour));
  ASSERT_EQ(unit.status, 201);
  EXPECT_EQ(c.put("/api/v1/organizations/" + std::to_string(unit.json().at("id").as_int64()),
                  update_of(unit.json(), labour, true, "governorate"))
                .status,
            403);
  EXPECT_EQ(admin().get("/api/v1/me").status, 200);
}

}  // namespace
}  // namespace manzuma::api_test
