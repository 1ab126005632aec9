#include "http/list_query.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"

namespace manzuma::http {

namespace {
core::Error bad_param(std::string field, std::string ar, std::string en) {
  return core::Error::invalid_field(std::move(field), "invalid_parameter", std::move(ar), std::move(en));
}
}  // namespace

core::ListQuery parse_list_query(const Request& request, const std::vector<std::string_view>& filters,
                                 const std::vector<std::string_view>& sorts) {
  core::ListQuery out;
  for (const auto& [key, value] : request.query) {
    if (key == "q") {
      out.q = core::trim(value);
      if (core::utf8_length(out.q) > 200)
        throw bad_param("q", "نص البحث أطول من ٢٠٠ حرف", "The search text is longer than 200 characters");
    } else if (key.starts_with("filter[") && key.ends_with("]")) {
      const std::string name = key.substr(7, key.size() - 8);
      if (std::find(filters.begin(), filters.end(), name) == filters.end())
        throw bad_param(key, "لا يمكن التصفية بهذا الحقل", "This list cannot be filtered by that field");
      out.filters[name] = value;
    } else if (key == "sort") {
      std::string_view s = value;
      out.descending = s.starts_with('-');
      if (out.descending) s.remove_prefix(1);
      if (std::find(sorts.begin(), sorts.end(), s) == sorts.end())
        throw bad_param("sort", "لا يمكن الترتيب بهذا الحقل", "This list cannot be sorted by that field");
      out.sort = s;
    } else if (key == "page[size]") {
      int n = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc{} || p != value.data() + value.size() || n < 1 || n > 200)
        throw bad_param("page[size]", "حجم الصفحة يجب أن يكون بين ١ و٢٠٠", "The page size must be between 1 and 200");
      out.size = n;
    } else if (key == "page[after]") {
      auto cursor = core::decode_cursor(value);
      if (!cursor) throw bad_param("page[after]", "مؤشر الصفحة غير صالح", "The page cursor is not valid");
      out.after_value = std::move(cursor->first);
      out.after_id = cursor->second;
    } else {
      throw bad_param(key, "معامل غير معروف", "Unknown query parameter");
    }
  }
  return out;
}

std::vector<std::string> list_query_doc(const std::vector<std::string_view>& filters) {
  std::vector<std::string> out{"q", "sort", "page[size]", "page[after]"};
  for (auto f : filters) out.push_back("filter[" + std::string(f) + "]");
  return out;
}

}  // namespace manzuma::http
