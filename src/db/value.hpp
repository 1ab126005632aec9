#pragma once
// Values crossing the database boundary, and their typed conversions via Boost.Describe.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"

namespace manzuma::db {

/// NULL, INTEGER, REAL or TEXT: the common ground of SQLite and PostgreSQL (booleans are 0/1 integers,
/// timestamps ISO-8601 text; see docs/adr/0002-database-access.md).
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Converts a C++ value to a bound parameter.
template <class T>
Value to_value(const T& v) {
  if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) {
    return std::monostate{};
  } else if constexpr (std::is_same_v<T, Value>) {
    return v;
  } else if constexpr (std::is_same_v<T, bool>) {
    return std::int64_t{v ? 1 : 0};
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(v);
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return std::string(std::string_view(v));
  } else if constexpr (std::is_same_v<T, core::TimePoint>) {
    return core::iso8601(v);
  } else if constexpr (core::json::is_optional<T>::value) {
    return v ? to_value(*v) : Value{std::monostate{}};
  } else if constexpr (core::json::is_described_enum<T>) {
    return std::string(core::json::enum_name(v));
  } else {
    static_assert(sizeof(T) == 0, "type cannot be bound as a SQL parameter");
  }
}

namespace detail {
[[noreturn]] void conversion_error(std::string_view column, std::string_view expected, const Value& got);
}

/// Converts one column's value to a C++ field; `column` names it in the error a mismatch raises.
template <class T>
void from_value(const Value& v, T& out, std::string_view column) {
  if constexpr (core::json::is_optional<T>::value) {
    if (std::holds_alternative<std::monostate>(v)) {
      out.reset();
    } else {
      typename T::value_type inner{};
      from_value(v, inner, column);
      out = std::move(inner);
    }
  } else if constexpr (std::is_same_v<T, Value>) {
    out = v;
  } else if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T>) {
    if (auto* i = std::get_if<std::int64_t>(&v)) {
      out = static_cast<T>(*i);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      std::int64_t x = 0;
      auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), x);
      if (ec != std::errc{} || p != s->data() + s->size()) detail::conversion_error(column, "integer", v);
      out = static_cast<T>(x);
    } else if (auto* d = std::get_if<double>(&v)) {
      out = static_cast<T>(*d);
    } else {
      detail::conversion_error(column, "integer", v);
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    if (auto* d = std::get_if<double>(&v))
      out = static_cast<T>(*d);
    else if (auto* i = std::get_if<std::int64_t>(&v))
      out = static_cast<T>(*i);
    else if (auto* s = std::get_if<std::string>(&v))
      out = static_cast<T>(std::stod(*s));
    else
      detail::conversion_error(column, "number", v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (auto* s = std::get_if<std::string>(&v))
      out = *s;
    else if (auto* i = std::get_if<std::int64_t>(&v))
      out = std::to_string(*i);
    else if (auto* d = std::get_if<double>(&v))
      out = std::to_string(*d);
    else
      detail::conversion_error(column, "text", v);
  } else if constexpr (core::json::is_described_enum<T>) {
    auto* s = std::get_if<std::string>(&v);
    auto e = s ? core::json::enum_from_name<T>(*s) : std::nullopt;
    if (!e) detail::conversion_error(column, "enum", v);
    out = *e;
  } else {
    static_assert(sizeof(T) == 0, "type cannot be read from a SQL column");
  }
}

/// Maps the rows of one result to `T`, matching columns to members once rather than once per row.
template <class T>
class RowMapper {
 public:
  explicit RowMapper(const std::vector<std::string>& columns) : columns_(columns) {
    if constexpr (core::json::is_described_struct<T>) {
      std::vector<bool> used(columns.size(), false);
      boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
        int found = -1;
        for (std::size_t i = 0; i < columns.size() && found < 0; ++i)
          if (columns[i] == d.name) found = static_cast<int>(i);
        if (found >= 0) used[static_cast<std::size_t>(found)] = true;
        column_of_member_.push_back(found);
      });
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (!used[i])
          throw core::Error::internal("query column '" + columns[i] + "' matches no member of the row type");
    } else if (columns.empty()) {
      throw core::Error::internal("query returned no column");
    }
  }

  T map(const std::vector<Value>& row) const {
    T out{};
    if constexpr (core::json::is_described_struct<T>) {
      std::size_t k = 0;
      boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
        const int c = column_of_member_[k++];
        if (c >= 0) from_value(row[static_cast<std::size_t>(c)], out.*d.pointer, d.name);
      });
    } else {
      from_value(row.at(0), out, columns_[0]);
    }
    return out;
  }

 private:
  const std::vector<std::string>& columns_;
  std::vector<int> column_of_member_;
};

}  // namespace manzuma::db
