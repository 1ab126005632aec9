#include "platform/organizations/repository.hpp"

#include "db/query.hpp"

namespace manzuma::platform::organizations {

namespace {
constexpr std::string_view kColumns =
    "id, kind, name_ar, name_en, parent_id, path, governorate_id, country, active, version, created_at, updated_at";
}

std::optional<Organization> find(db::Session& s, std::int64_t id) {
  return s.query_one<Organization>("SELECT " + std::string(kColumns) + " FROM organizations WHERE id = ?", id);
}

core::Page<Organization> list(db::Session& s, const core::ListQuery& q) {
  db::Where w;
  if (auto v = q.filter("kind")) w.add("kind = ?", *v);
  if (auto v = q.int_filter("parent_id")) {
    if (*v == 0)
      w.add("parent_id IS NULL");
    else
      w.add("parent_id = ?", *v);
  }
  if (auto v = q.int_filter("governorate_id")) w.add("governorate_id = ?", *v);
  if (auto v = q.bool_filter("active")) w.add("active = ?", *v);
  if (auto v = q.filter("country")) w.add("country = ?", *v);
  if (auto v = q.int_filter("within")) {
    auto root = find(s, *v);
    w.add("path LIKE ?", (root ? root->path : std::string("/none/")) + "%");
  }
  if (!q.q.empty()) {
    const auto pattern = db::contains_pattern(q.q);
    w.add("name_ar LIKE ? ESCAPE '\\' OR LOWER(name_en) LIKE LOWER(?) ESCAPE '\\'", pattern, pattern);
  }
  const std::string sort = q.sort.empty() ? "name_ar" : q.sort;
  return db::fetch_page<Organization>(
      s, std::move(w), q,
      {"SELECT " + std::string(kColumns) + " FROM organizations", "SELECT COUNT(*) FROM organizations", sort,
       q.descending},
      [&](const Organization& o) {
        return std::pair{sort == "name_en" ? o.name_en : sort == "name_ar" ? o.name_ar : std::string(), o.id};
      });
}

bool name_taken(db::Session& s, std::optional<std::int64_t> parent_id, std::string_view column, std::string_view name,
                std::optional<std::int64_t> except_id) {
  const std::string sql = "SELECT COUNT(*) FROM organizations WHERE COALESCE(parent_id, 0) = ? AND " +
                          std::string(column == "name_en" ? "name_en" : "name_ar") + " = ? AND id <> ?";
  return s.query_one<std::int64_t>(sql, parent_id.value_or(0), name, except_id.value_or(0)).value_or(0) > 0;
}

std::int64_t insert(db::Session& s, const Organization& o) {
  // The path needs the new id, so it is written in a second statement of the same transaction.
  const auto id = s.query_one<std::int64_t>(
      "INSERT INTO organizations (kind, name_ar, name_en, parent_id, path, governorate_id, country, active, version,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?, ?, 1, ?, ?) RETURNING id",
      o.kind, o.name_ar, o.name_en, o.parent_id, o.governorate_id, o.country, o.active, o.created_at, o.updated_at);
  s.exec("UPDATE organizations SET path = ? WHERE id = ?", o.path + std::to_string(*id) + "/", *id);
  return *id;
}

bool update(db::Session& s, const Organization& o) {
  return s.exec(
             "UPDATE organizations SET kind = ?, name_ar = ?, name_en = ?, parent_id = ?, path = ?, governorate_id = ?,"
             " country = ?, active = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             o.kind, o.name_ar, o.name_en, o.parent_id, o.path, o.governorate_id, o.country, o.active, o.version,
             o.updated_at, o.id, o.version - 1) == 1;
}

void move_subtree(db::Session& s, std::string_view old_path, std::string_view new_path) {
  s.exec("UPDATE organizations SET path = ? || SUBSTR(path, ?) WHERE path LIKE ? AND path <> ?", new_path,
         static_cast<std::int64_t>(old_path.size() + 1), std::string(old_path) + "%", old_path);
}

}  // namespace manzuma::platform::organizations

namespace manzuma::platform {

std::optional<std::string> organization_path(db::Session& s, std::int64_t organization_id) {
  return s.query_one<std::string>("SELECT path FROM organizations WHERE id = ?", organization_id);
}

}  // namespace manzuma::platform
