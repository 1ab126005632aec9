#pragma once
// One page of a list: items, the cursor of the next page (keyset pagination), and the total.

#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::core {

template <class T>
struct Page {
  std::vector<T> items;
  /// Pass as page[after] to get the next page; null on the last page.
  std::optional<std::string> next;
  /// Rows matching the filters, across all pages.
  std::int64_t total = 0;
  BOOST_DESCRIBE_CLASS(Page, (), (items, next, total), (), ())
};

}  // namespace manzuma::core
