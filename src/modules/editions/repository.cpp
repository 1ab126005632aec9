#include "modules/editions/repository.hpp"

#include "db/query.hpp"

namespace manzuma::modules::editions {

namespace {
constexpr std::string_view kColumns =
    "id, number, year, title_ar, title_en, goals_ar, goals_en, starts_on, ends_on, status, version, created_at,"
    " updated_at";
}

std::optional<Edition> find(db::Session& s, std::int64_t id) {
  return s.query_one<Edition>("SELECT " + std::string(kColumns) + " FROM editions WHERE id = ?", id);
}

core::Page<Edition> list(db::Session& s, const core::ListQuery& q) {
  db::Where w;
  if (auto v = q.filter("status")) w.add("status = ?", *v);
  if (auto v = q.int_filter("year")) w.add("year = ?", *v);
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add("title_ar LIKE ? ESCAPE '\\' OR LOWER(title_en) LIKE LOWER(?) ESCAPE '\\'", p, p);
  }
  // The cursor carries the sort value as text; both databases compare it with the integer column as a number
  // (SQLite by the column's affinity, PostgreSQL by inferring the untyped parameter's type).
  const std::string sort = q.sort.empty() ? "number" : q.sort;
  const std::string column = sort == "year"        ? "year"
                             : sort == "starts_on" ? "starts_on"
                             : sort == "id"        ? "id"
                                                   : "number";
  return db::fetch_page<Edition>(
      s, std::move(w), q,
      {"SELECT " + std::string(kColumns) + " FROM editions", "SELECT COUNT(*) FROM editions", column, q.descending},
      [&](const Edition& e) {
        return std::pair{column == "year"        ? std::to_string(e.year)
                         : column == "starts_on" ? e.starts_on
                         : column == "number"    ? std::to_string(e.number)
                                                 : std::string(),
                         e.id};
      });
}

bool number_taken(db::Session& s, std::int64_t number, std::optional<std::int64_t> except_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM editions WHERE number = ? AND id <> ?", number,
                                   except_id.value_or(0))
             .value_or(0) > 0;
}

std::int64_t insert(db::Session& s, const Edition& e) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO editions (number, year, title_ar, title_en, goals_ar, goals_en, starts_on, ends_on, status,"
      " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      e.number, e.year, e.title_ar, e.title_en, e.goals_ar, e.goals_en, e.starts_on, e.ends_on, e.status, e.created_at,
      e.updated_at);
}

bool update(db::Session& s, const Edition& e) {
  return s.exec(
             "UPDATE editions SET number = ?, year = ?, title_ar = ?, title_en = ?, goals_ar = ?, goals_en = ?,"
             " starts_on = ?, ends_on = ?, status = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             e.number, e.year, e.title_ar, e.title_en, e.goals_ar, e.goals_en, e.starts_on, e.ends_on, e.status,
             e.version, e.updated_at, e.id, e.version - 1) == 1;
}

}  // namespace manzuma::modules::editions
