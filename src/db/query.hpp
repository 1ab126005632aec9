#pragma once
// Building the WHERE clause of a filtered, keyset-paginated list without concatenating values into SQL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

  /// Continues after the row (after_value, after_id) in the order `column [DESC], id [DESC]`.
  /// `column` is a trusted identifier from the route's allow-list, never user text.
  void keyset(std::string_view column, bool descending, const std::optional<std::string>& after_value,
              const std::optional<std::int64_t>& after_id) {
    if (!after_id) return;
    const char* op = descending ? "<" : ">";
    if (column == "id") {
      add(std::string("id ") + op + " ?", *after_id);
    } else {
      add(std::string(column) + " " + op + " ? OR (" + std::string(column) + " = ? AND id " + op + " ?)",
          after_value.value_or(""), after_value.value_or(""), *after_id);
    }
  }

 private:
  std::string sql_;
  std::vector<Value> params_;
};

/// " ORDER BY column [DESC], id [DESC]" for a trusted column name.
inline std::string order_by(std::string_view column, bool descending) {
  const char* dir = descending ? " DESC" : " ASC";
  if (column == "id") return std::string(" ORDER BY id") + dir;
  return " ORDER BY " + std::string(column) + dir + ", id" + dir;
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
