#pragma once
// How a business area's API tests give the authorisation matrix ids for its path parameters: a fixture,
// registered from the area's own test file, creates the records the matrix walks (records of the Ministry
// of Interior, or of another entity than the callers', where entity scope matters) and names them:
//
//   const bool registered = register_authz_fixture([](AuthzSetup& s) {
//     auto r = s.admin.post("/api/v1/editions", ...);
//     s.ids.set("/api/v1/editions/", "{id}", r.json().at("id").as_int64());
//   });

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "harness.hpp"

namespace manzuma::api_test {

/// Path ids by route prefix: in every path starting with `prefix`, `placeholder` becomes `id`. The longest
/// matching prefix is applied first, so an area may point a more specific prefix at its own records
/// ("/api/v1/change/initiatives/{id}/surveys") whatever order the fixtures ran in.
class PathIds {
 public:
  void set(std::string prefix, std::string placeholder, std::int64_t id) {
    set_text(std::move(prefix), std::move(placeholder), std::to_string(id));
  }
  /// A path parameter that is not an id (a survey link's token).
  void set_text(std::string prefix, std::string placeholder, std::string value) {
    entries_.push_back({std::move(prefix), std::move(placeholder), std::move(value)});
  }
  std::string fill(std::string path) const {
    std::vector<const Entry*> order;
    for (const auto& e : entries_) order.push_back(&e);
    std::stable_sort(order.begin(), order.end(),
                     [](const Entry* a, const Entry* b) { return a->prefix.size() > b->prefix.size(); });
    for (const Entry* e : order) {
      if (!path.starts_with(e->prefix)) continue;
      if (auto p = path.find(e->placeholder); p != std::string::npos) path.replace(p, e->placeholder.size(), e->value);
    }
    return path;
  }

 private:
  struct Entry {
    std::string prefix, placeholder, value;
  };
  std::vector<Entry> entries_;
};

struct AuthzSetup {
  Server& server;
  /// Signed in as the first platform administrator.
  Client& admin;
  /// The Ministry of Interior (the demo viewer's entity).
  std::int64_t interior;
  PathIds& ids;
};

/// Adds a fixture; call it from a namespace-scope initialiser in the area's test file. Returns true.
bool register_authz_fixture(std::function<void(AuthzSetup&)> fixture);

}  // namespace manzuma::api_test
