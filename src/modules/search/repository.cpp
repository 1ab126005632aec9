#include "modules/search/repository.hpp"

#include <algorithm>

namespace manzuma::modules::search {

std::map<std::int64_t, SearchOrganization> organizations(db::Session& s, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, SearchOrganization> out;
  if (ids.empty()) return out;
  std::vector<std::int64_t> unique = ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  std::string sql = "SELECT id, name_ar, name_en FROM organizations WHERE id IN (";
  std::vector<db::Value> params;
  for (std::size_t i = 0; i < unique.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(unique[i]);
  }
  sql += ")";
  for (auto& o : s.query_values<SearchOrganization>(sql, params)) out.emplace(o.id, std::move(o));
  return out;
}

}  // namespace manzuma::modules::search
