#include "modules/practices/repository.hpp"

#include "db/query.hpp"

namespace manzuma::modules::practices {

namespace {

constexpr std::string_view kSelect =
    "SELECT p.id, p.edition_id, e.number AS edition_number, p.organization_id,"
    " o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, p.owner_id,"
    " u.name_ar AS owner_name_ar, u.name_en AS owner_name_en, p.category, p.title_ar, p.title_en, p.summary_ar,"
    " p.summary_en, p.benefits_ar, p.benefits_en, p.prerequisites_ar, p.prerequisites_en, p.status, p.version,"
    " p.created_at, p.updated_at FROM practices p JOIN editions e ON e.id = p.edition_id"
    " JOIN organizations o ON o.id = p.organization_id LEFT JOIN users u ON u.id = p.owner_id";

constexpr std::string_view kItemSelect =
    "SELECT t.id, t.practice_id, t.kind, t.title_ar, t.title_en, t.attachment_id, a.filename, t.url, t.position,"
    " t.created_at FROM practice_toolkit_items t LEFT JOIN attachments a ON a.id = t.attachment_id";

}  // namespace

std::optional<Practice> find(db::Session& s, std::int64_t id) {
  return s.query_one<Practice>(std::string(kSelect) + " WHERE p.id = ?", id);
}

core::Page<Practice> list(db::Session& s, const core::ListQuery& q, std::optional<std::int64_t> visible_to) {
  db::Where w;
  if (visible_to) w.add("p.status = 'published' OR p.owner_id = ?", *visible_to);
  if (auto v = q.int_filter("edition_id")) w.add("p.edition_id = ?", *v);
  if (auto v = q.int_filter("organization_id")) w.add("p.organization_id = ?", *v);
  if (auto v = q.int_filter("owner_id")) w.add("p.owner_id = ?", *v);
  if (auto v = q.filter("category")) w.add("p.category = ?", *v);
  if (auto v = q.filter("status")) w.add("p.status = ?", *v);
  if (!q.q.empty()) {
    const auto pattern = db::contains_pattern(q.q);
    w.add(
        "p.title_ar LIKE ? ESCAPE '\\' OR LOWER(p.title_en) LIKE LOWER(?) ESCAPE '\\'"
        " OR p.summary_ar LIKE ? ESCAPE '\\' OR LOWER(p.summary_en) LIKE LOWER(?) ESCAPE '\\'",
        pattern, pattern, pattern, pattern);
  }
  const std::string sort = q.sort.empty() ? "title_ar" : q.sort;
  return db::fetch_page<Practice>(
      s, std::move(w), q, {std::string(kSelect), "SELECT COUNT(*) FROM practices p", "p." + sort, q.descending, "p.id"},
      [&](const Practice& p) {
        return std::pair{sort == "title_en" ? p.title_en : sort == "title_ar" ? p.title_ar : std::string(), p.id};
      });
}

std::optional<std::string> edition_status(db::Session& s, std::int64_t id) {
  return s.query_one<std::string>("SELECT status FROM editions WHERE id = ?", id);
}

bool title_taken(db::Session& s, std::int64_t edition_id, std::string_view title_ar,
                 std::optional<std::int64_t> except_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM practices WHERE edition_id = ? AND title_ar = ? AND id <> ?",
                                   edition_id, title_ar, except_id.value_or(0))
             .value_or(0) > 0;
}

bool is_practice_owner_of(db::Session& s, std::int64_t user_id, std::int64_t organization_id) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM memberships m JOIN organizations mo ON mo.id = m.organization_id"
              " JOIN organizations o ON o.id = ? JOIN users u ON u.id = m.user_id"
              " WHERE m.user_id = ? AND m.role = 'practice_owner' AND u.active = ? AND o.path LIKE mo.path || '%'",
              organization_id, user_id, true)
             .value_or(0) > 0;
}

std::optional<std::int64_t> attachment_organization(db::Session& s, std::int64_t attachment_id) {
  return s.query_one<std::int64_t>("SELECT organization_id FROM attachments WHERE id = ?", attachment_id);
}

namespace {

// The adoptions table belongs to another area and may not exist yet; a failing statement would abort a
// PostgreSQL transaction, so ask the catalogue first.
bool adoptions_table_exists(db::Session& s) {
  return s.query_one<std::int64_t>(
              s.dialect() == db::Dialect::postgres
                  ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'adoptions'"
                    " AND table_schema = current_schema()"
                  : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'adoptions'")
             .value_or(0) > 0;
}

}  // namespace

bool has_adoptions(db::Session& s, std::int64_t practice_id) {
  if (!adoptions_table_exists(s)) return false;
  return s.query_one<std::int64_t>("SELECT 1 FROM adoptions WHERE practice_id = ? LIMIT 1", practice_id).has_value();
}

std::vector<std::int64_t> adoption_ids(db::Session& s, std::int64_t practice_id) {
  if (!adoptions_table_exists(s)) return {};
  return s.query<std::int64_t>("SELECT id FROM adoptions WHERE practice_id = ? ORDER BY id", practice_id);
}

std::int64_t insert(db::Session& s, const Practice& p) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO practices (edition_id, organization_id, owner_id, category, title_ar, title_en, summary_ar,"
      " summary_en, benefits_ar, benefits_en, prerequisites_ar, prerequisites_en, status, version, created_at,"
      " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      p.edition_id, p.organization_id, p.owner_id, p.category, p.title_ar, p.title_en, p.summary_ar, p.summary_en,
      p.benefits_ar, p.benefits_en, p.prerequisites_ar, p.prerequisites_en, p.status, p.created_at, p.updated_at);
}

bool update(db::Session& s, const Practice& p) {
  return s.exec(
             "UPDATE practices SET edition_id = ?, organization_id = ?, owner_id = ?, category = ?, title_ar = ?,"
             " title_en = ?, summary_ar = ?, summary_en = ?, benefits_ar = ?, benefits_en = ?, prerequisites_ar = ?,"
             " prerequisites_en = ?, status = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             p.edition_id, p.organization_id, p.owner_id, p.category, p.title_ar, p.title_en, p.summary_ar,
             p.summary_en, p.benefits_ar, p.benefits_en, p.prerequisites_ar, p.prerequisites_en, p.status, p.version,
             p.updated_at, p.id, p.version - 1) == 1;
}

void remove(db::Session& s, std::int64_t id) {
  s.exec("DELETE FROM practice_toolkit_items WHERE practice_id = ?", id);
  s.exec("DELETE FROM practices WHERE id = ?", id);
}

std::vector<ToolkitItem> toolkit(db::Session& s, std::int64_t practice_id) {
  return s.query<ToolkitItem>(std::string(kItemSelect) + " WHERE t.practice_id = ? ORDER BY t.position, t.id",
                              practice_id);
}

std::optional<ToolkitItem> find_item(db::Session& s, std::int64_t practice_id, std::int64_t item_id) {
  return s.query_one<ToolkitItem>(std::string(kItemSelect) + " WHERE t.practice_id = ? AND t.id = ?", practice_id,
                                  item_id);
}

std::int64_t next_position(db::Session& s, std::int64_t practice_id) {
  return s
      .query_one<std::int64_t>(
          "SELECT COALESCE(MAX(position), 0) + 1 FROM practice_toolkit_items WHERE practice_id = ?", practice_id)
      .value_or(1);
}

std::int64_t insert_item(db::Session& s, const ToolkitItem& item, std::int64_t created_by) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO practice_toolkit_items (practice_id, kind, title_ar, title_en, attachment_id, url, position,"
      " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      item.practice_id, item.kind, item.title_ar, item.title_en, item.attachment_id, item.url, item.position,
      created_by, item.created_at);
}

void update_item(db::Session& s, const ToolkitItem& item) {
  s.exec(
      "UPDATE practice_toolkit_items SET kind = ?, title_ar = ?, title_en = ?, attachment_id = ?, url = ?,"
      " position = ? WHERE id = ?",
      item.kind, item.title_ar, item.title_en, item.attachment_id, item.url, item.position, item.id);
}

void remove_item(db::Session& s, std::int64_t item_id) {
  s.exec("DELETE FROM practice_toolkit_items WHERE id = ?", item_id);
}

}  // namespace manzuma::modules::practices
