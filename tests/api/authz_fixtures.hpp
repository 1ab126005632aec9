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

/// Path ids by route prefix: in every path starting with `prefix`, `placeholder` becomes `id`. One placeholder
/// at a time, and of the entries that apply to the path as filled so far, the one with the longest prefix first
/// (ties in the order they were set): an area may point a more specific prefix at its own records
/// (".../initiatives/{id}/surveys"), or name one after an id is filled (".../initiatives/42/risks/").
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
    for (;;) {
      const Entry* best = nullptr;
      for (const auto& e : entries_)
        if (path.starts_with(e.prefix) && path.find(e.placeholder) != std::string::npos &&
            (!best || e.prefix.size() > best->prefix.size()))
          best = &e;
      if (!best) return path;
      path.replace(path.find(best->placeholder), best->placeholder.size(), best->value);
    }
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
