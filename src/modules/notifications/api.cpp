#include "modules/notifications/api.hpp"

#include <algorithm>
#include <string>

#include "core/json.hpp"
#include "platform/organizations/api.hpp"

namespace manzuma::modules {

bool notify(db::Session& s, const core::Clock& clock, const Notice& n) {
  return s.exec(
             "INSERT INTO notifications (user_id, kind, title_ar, title_en, body_ar, body_en, link, resource_type,"
             " resource_id, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT DO NOTHING",
             n.user_id, n.kind, n.title_ar, n.title_en, n.body_ar, n.body_en, n.link, n.resource_type, n.resource_id,
             n.dedupe_key, core::iso8601(clock.now())) == 1;
}

std::vector<std::int64_t> program_office_users(db::Session& s) {
  return s.query<std::int64_t>(
      "SELECT DISTINCT u.id FROM users u JOIN memberships m ON m.user_id = u.id"
      " WHERE u.active = 1 AND m.role IN ('platform_admin', 'program_office') ORDER BY u.id");
}

std::vector<std::int64_t> entity_users(db::Session& s, std::int64_t organization_id,
                                       std::initializer_list<core::Role> roles) {
  auto path = platform::organization_path(s, organization_id);
  if (!path) return {};
  // The organisation's path lists its ancestors' ids ("/1/7/12/"): a membership in any of them covers it. Asked
  // by those ids (the memberships_organization_role index): matching every membership's path against this one read
  // all 250,000 memberships of the national dataset per call, and the daily scan calls this once per due action.
  std::vector<db::Value> ancestors;
  std::string in;
  for (std::size_t at = 1; at < path->size();) {
    const auto slash = path->find('/', at);
    if (slash == std::string::npos) break;
    ancestors.emplace_back(static_cast<std::int64_t>(std::stoll(path->substr(at, slash - at))));
    in += in.empty() ? "?" : ", ?";
    at = slash + 1;
  }
  if (ancestors.empty()) return {};
  std::vector<std::int64_t> out;
  for (core::Role role : roles) {
    std::vector<db::Value> params{std::string(core::json::enum_name(role))};
    params.insert(params.end(), ancestors.begin(), ancestors.end());
    auto ids = s.query_values<std::int64_t>(
        "SELECT DISTINCT u.id FROM users u JOIN memberships m ON m.user_id = u.id"
        " WHERE u.active = 1 AND m.role = ? AND m.organization_id IN (" +
            in + ") ORDER BY u.id",
        params);
    out.insert(out.end(), ids.begin(), ids.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace manzuma::modules
