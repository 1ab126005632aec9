#include "search/document.hpp"

#include <algorithm>
#include <boost/describe/enum_to_string.hpp>

namespace manzuma::search {

// Filter terms are boolean terms with the prefix "XV" (Xapian's convention: X + upper case for our own):
//   XVall            everyone signed in
//   XVu<user>        one user
//   XVo<org>.<role>  members holding <role> in organisation <org> (or, through the tree, an ancestor).
// A document scoped to the organisation at "/1/7/" for coordinators carries XVo1.entity_coordinator and
// XVo7.entity_coordinator, so a membership anywhere on the path matches, as core::Actor::covers does.
namespace {

std::string role_name(core::Role r) { return boost::describe::enum_to_string(r, "unknown"); }

std::vector<std::int64_t> path_ids(std::string_view path) {
  std::vector<std::int64_t> ids;
  std::int64_t n = 0;
  bool digits = false;
  for (char c : path) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      digits = true;
    } else {
      if (digits) ids.push_back(n);
      n = 0;
      digits = false;
    }
  }
  if (digits) ids.push_back(n);
  return ids;
}

}  // namespace

std::vector<std::string> visibility_terms(const Visibility& v) {
  std::vector<std::string> terms;
  if (v.everyone) terms.emplace_back("XVall");
  for (auto u : v.users) terms.push_back("XVu" + std::to_string(u));
  for (const auto& scope : v.scopes)
    for (auto org : path_ids(scope.path))
      for (auto role : scope.roles) terms.push_back("XVo" + std::to_string(org) + "." + role_name(role));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

std::vector<std::string> access_terms(const core::Actor& actor) {
  std::vector<std::string> terms{"XVall", "XVu" + std::to_string(actor.user_id)};
  for (const auto& m : actor.memberships)
    terms.push_back("XVo" + std::to_string(m.organization_id) + "." + role_name(m.role));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

}  // namespace manzuma::search
