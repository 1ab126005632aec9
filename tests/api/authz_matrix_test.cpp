// Walks every registered route (from the server's own OpenAPI document) × every role against the declared
// table in authz_matrix.tsv. A route added without a row, or a policy that lets a role through that the
// table denies, fails here.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "authz_fixtures.hpp"
#include "harness.hpp"

namespace manzuma::api_test {

namespace {
std::vector<std::function<void(AuthzSetup&)>>& fixtures() {
  static std::vector<std::function<void(AuthzSetup&)>> all;
  return all;
}
}  // namespace

bool register_authz_fixture(std::function<void(AuthzSetup&)> fixture) {
  fixtures().push_back(std::move(fixture));
  return true;
}

namespace {

const std::vector<std::string> kRoles = {"platform_admin", "program_office", "entity_coordinator", "change_team_head",
                                         "practice_owner", "contributor",    "assessor",           "viewer"};
const std::map<std::string, std::string> kDemoUser = {{"program_office", "office@demo.manzuma.om"},
                                                      {"entity_coordinator", "coordinator@demo.manzuma.om"},
                                                      {"change_team_head", "change.head@demo.manzuma.om"},
                                                      {"practice_owner", "practice.owner@demo.manzuma.om"},
                                                      {"contributor", "contributor@demo.manzuma.om"},
                                                      {"assessor", "assessor@demo.manzuma.om"},
                                                      {"viewer", "viewer@demo.manzuma.om"}};

struct Row {
  std::string method, path;
  std::vector<std::string> expected;  // one per role, then anonymous
};

// The platform's table, then one table per business area (tests/api/authz/<area>.tsv).
std::vector<std::filesystem::path> table_files() {
  const std::filesystem::path dir = std::string(MANZUMA_SOURCE_DIR) + "/tests/api";
  std::vector<std::filesystem::path> files = {dir / "authz_matrix.tsv"};
  std::vector<std::filesystem::path> areas;
  for (const auto& e : std::filesystem::directory_iterator(dir / "authz"))
    if (e.path().extension() == ".tsv") areas.push_back(e.path());
  std::sort(areas.begin(), areas.end());
  files.insert(files.end(), areas.begin(), areas.end());
  return files;
}

std::vector<Row> load_table() {
  std::vector<Row> rows;
  for (const auto& file : table_files()) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream cells(line);
      Row r;
      std::getline(cells, r.method, '\t');
      std::getline(cells, r.path, '\t');
      for (std::string cell; std::getline(cells, cell, '\t');) r.expected.push_back(cell);
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

std::string outcome(const Response& r) {
  if (r.status >= 500) return "error " + std::to_string(r.status);
  if (r.status == 401) return "401";
  if (r.status == 403) return "deny";
  if (r.status == 404) return "hidden";
  return "allow";
}

std::string multipart_csv(std::int64_t organization_id, std::string& content_type) {
  const std::string b = "matrixboundary7261";
  content_type = "Content-Type: multipart/form-data; boundary=" + b;
  return "--" + b + "\r\nContent-Disposition: form-data; name=\"organization_id\"\r\n\r\n" +
         std::to_string(organization_id) + "\r\n--" + b +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\nContent-Type: text/csv\r\n\r\n"
         "name,value\r\nمؤشر,1\r\n\r\n--" +
         b + "--\r\n";
}

TEST(AuthorizationMatrix, EveryRouteTimesEveryRoleMatchesTheTable) {
  Server server;  // its own: the walk resets passwords and revokes tokens
  Client admin_client(server.url());
  ASSERT_EQ(admin_client.login("admin@manzuma.local", server.admin_password()).status, 200);

  // Records of the Ministry of Interior for the path ids.
  std::int64_t interior = 0;
  const auto orgs = admin_client.get("/api/v1/organizations?q=Interior");
  for (const auto& o : orgs.json().at("items").as_array())
    if (o.at("name_en").as_string() == "Ministry of Interior") interior = o.at("id").as_int64();
  ASSERT_GT(interior, 0);
  auto target = admin_client.post(
      "/api/v1/users",
      bj::object{{"email", "matrix.target@example.om"},
                 {"name_ar", "هدف المصفوفة"},
                 {"name_en", "Matrix Target"},
                 {"memberships", bj::array{bj::object{{"organization_id", interior}, {"role", "viewer"}}}}});
  ASSERT_EQ(target.status, 201) << target.body;
  const auto user_id = target.json().at("user").at("id").as_int64();
  const auto membership_id = target.json().at("user").at("memberships").at(0).at("id").as_int64();
  auto token = admin_client.post("/api/v1/tokens", bj::object{{"name", "matrix"}, {"scopes", bj::array{"read"}}});
  ASSERT_EQ(token.status, 201);
  const auto token_id = token.json().at("token").at("id").as_int64();
  std::string multipart_type;
  const std::string upload = multipart_csv(interior, multipart_type);
  auto attachment = admin_client.request("POST", "/api/v1/attachments", upload, {multipart_type});
  ASSERT_EQ(attachment.status, 201) << attachment.body;
  const auto attachment_id = attachment.json().at("id").as_int64();

  PathIds ids;
  ids.set("/api/v1/organizations/", "{id}", interior);
  ids.set("/api/v1/users/", "{id}", user_id);
  ids.set("/api/v1/tokens/", "{id}", token_id);
  ids.set("/api/v1/attachments/", "{id}", attachment_id);
  ids.set("/api/v1/users/", "{membership_id}", membership_id);
  AuthzSetup setup{server, admin_client, interior, ids};
  for (const auto& fixture : fixtures()) fixture(setup);
  auto fill = [&](const std::string& path) { return ids.fill(path); };

  const auto table = load_table();
  // Every registered route has a row, and every row a route.
  std::set<std::string> registered, listed;
  const auto openapi = admin_client.get("/api/v1/openapi.json");
  for (const auto& [path, item] : openapi.json().at("paths").as_object())
    for (const auto& [method, op] : item.as_object()) {
      std::string m(method);
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      registered.insert(m + " " + std::string(path));
    }
  for (const auto& r : table) listed.insert(r.method + " " + r.path);
  for (const auto& r : registered)
    EXPECT_TRUE(listed.count(r)) << "route without a row in authz_matrix.tsv or authz/*.tsv: " << r;
  for (const auto& r : listed) EXPECT_TRUE(registered.count(r)) << "row for a route that does not exist: " << r;

  for (const auto& row : table) {
    ASSERT_EQ(row.expected.size(), kRoles.size() + 1) << row.path;
    const bool has_body = row.method == "POST" || row.method == "PUT" || row.method == "PATCH";
    const bool is_upload = row.path == "/api/v1/attachments";
    for (std::size_t i = 0; i <= kRoles.size(); ++i) {
      Client c(server.url());
      if (i < kRoles.size()) {
        const bool admin_role = kRoles[i] == "platform_admin";
        auto login =
            admin_role ? c.login("admin@manzuma.local", server.admin_password()) : c.login(kDemoUser.at(kRoles[i]));
        ASSERT_EQ(login.status, 200) << kRoles[i];
      }
      Response r;
      if (is_upload)
        r = c.request(row.method, fill(row.path), upload, {multipart_type});
      else if (has_body)
        r = c.request(row.method, fill(row.path), std::string("{}"));
      else
        r = c.request(row.method, fill(row.path));
      const std::string who = i < kRoles.size() ? kRoles[i] : "anonymous";
      EXPECT_EQ(outcome(r), row.expected[i])
          << row.method << " " << row.path << " as " << who << ": " << r.status << " " << r.body.substr(0, 200);
    }
  }
}

}  // namespace
}  // namespace manzuma::api_test
