#pragma once
// How a business area's API tests give the authorisation matrix ids for its path parameters: a fixture,
// registered from the area's own test file, creates the records the matrix walks (records of the Ministry
// of Interior, or of another entity than the callers', where entity scope matters) and names them:
//
//   const bool registered = register_authz_fixture([](AuthzSetup& s) {
//     auto r = s.admin.post("/api/v1/editions", ...);
//     s.ids.set("/api/v1/editions/", "{id}", r.json().at("id").as_int64());
//   });

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "harness.hpp"

namespace manzuma::api_test {

/// Path ids by route prefix: in every path starting with `prefix`, `placeholder` becomes `id`.
class PathIds {
 public:
  void set(std::string prefix, std::string placeholder, std::int64_t id) {
    entries_.push_back({std::move(prefix), std::move(placeholder), id});
  }
  std::string fill(std::string path) const {
    for (const auto& e : entries_) {
      if (!path.starts_with(e.prefix)) continue;
      if (auto p = path.find(e.placeholder); p != std::string::npos)
        path.replace(p, e.placeholder.size(), std::to_string(e.id));
    }
    return path;
  }

 private:
  struct Entry {
    std::string prefix, placeholder;
    std::int64_t id;
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
