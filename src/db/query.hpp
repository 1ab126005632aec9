#pragma once
// Building the WHERE clause of a filtered, keyset-paginated list without concatenating values into SQL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "db/value.hpp"

namespace manzuma::db {

/// Conditions joined by AND, with their parameters in the order the `?`s appear.
class Where {
 public:
  template <class... P>
  Where& add(std::string_view condition, const P&... params) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += '(';
    sql_ += condition;
    sql_ += ')';
    (params_.push_back(to_value(params)), ...);
    return *this;
  }
  /// A condition with a run-time number of parameters.
  Where& add_values(std::string_view condition, const std::vector<Value>& params) {
    add(condition);
    params_.insert(params_.end(), params.begin(), params.end());
    return *this;
  }
  /// " WHERE ..." or "" when there is no condition.
  const std::string& sql() const { return sql_; }
  const std::vector<Value>& params() const { return params_; }

  /// Continues after the row (after_value, after_id) in the order `column [DESC], id_column [DESC]`.
  /// Both columns are trusted identifiers from the route's allow-list, never user text.
  void keyset(std::string_view column, bool descending, const std::optional<std::string>& after_value,
              const std::optional<std::int64_t>& after_id, std::string_view id_column = "id") {
    if (!after_id) return;
    const std::string op = descending ? " < ?" : " > ?";
    const std::string id(id_column), col(column);
    if (column == id_column)
      add(id + op, *after_id);
    else
      add(col + op + " OR (" + col + " = ? AND " + id + op + ")", after_value.value_or(""), after_value.value_or(""),
          *after_id);
  }

 private:
  std::string sql_;
  std::vector<Value> params_;
};

/// " ORDER BY column [DESC], id_column [DESC]" for trusted column names.
inline std::string order_by(std::string_view column, bool descending, std::string_view id_column = "id") {
  const std::string dir = descending ? " DESC" : " ASC";
  if (column == id_column) return " ORDER BY " + std::string(id_column) + dir;
  return " ORDER BY " + std::string(column) + dir + ", " + std::string(id_column) + dir;
}

/// What a keyset page is read from.
struct PageSpec {
  /// "SELECT <columns> FROM <table>" and "SELECT COUNT(*) FROM <table>", without WHERE.
  std::string select;
  std::string count;
  /// Trusted column names: the sort column and the unique id that breaks ties.
  std::string sort_column;
  bool descending = false;
  std::string id_column = "id";
};

/// One page of `Row`s matching `w`: the total, `q.size` rows after q's cursor, and the cursor of the next
/// page, which `cursor_of(row)` gives as {sort value, id} of the last row kept.
template <class Row, class CursorOf>
core::Page<Row> fetch_page(Session& s, Where w, const core::ListQuery& q, const PageSpec& spec, CursorOf cursor_of) {
  core::Page<Row> page;
  page.total = s.count(spec.count + w.sql(), w.params());
  w.keyset(spec.sort_column, spec.descending, q.after_value, q.after_id, spec.id_column);
  auto params = w.params();
  params.push_back(std::int64_t{q.size + 1});  // one more than asked tells whether a next page exists
  page.items = s.query_values<Row>(
      spec.select + w.sql() + order_by(spec.sort_column, spec.descending, spec.id_column) + " LIMIT ?", params);
  if (static_cast<int>(page.items.size()) > q.size) {
    page.items.pop_back();
    const auto [value, id] = cursor_of(page.items.back());
    page.next = core::make_cursor(value, id);
  }
  return page;
}

/// A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped (use with ESCAPE '\').
inline std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace manzuma::db
