#pragma once
// A parsed list request (DESIGN.md §5): ?q= &filter[name]= &sort=[-]field &page[size]= &page[after]=
// Parsing from HTTP lives in http/list_query.hpp; services and repositories see only this struct.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace manzuma::core {

struct ListQuery {
  std::string q;
  std::map<std::string, std::string> filters;
  /// A column from the route's allowed list; "" for the route's default order.
  std::string sort;
  bool descending = false;
  int size = 50;
  /// Decoded keyset cursor: the sort value and id of the last row of the previous page.
  std::optional<std::string> after_value;
  std::optional<std::int64_t> after_id;

  std::optional<std::string_view> filter(std::string_view name) const;
  /// An integer filter; throws invalid input naming filter[name] when it is not one.
  std::optional<std::int64_t> int_filter(std::string_view name) const;
  /// A 0/1/true/false filter.
  std::optional<bool> bool_filter(std::string_view name) const;
};

/// The cursor that continues after a row with this sort value and id.
std::string make_cursor(std::string_view sort_value, std::int64_t id);
/// Decodes a cursor; nullopt if it is not one make_cursor wrote.
std::optional<std::pair<std::string, std::int64_t>> decode_cursor(std::string_view cursor);

}  // namespace manzuma::core
